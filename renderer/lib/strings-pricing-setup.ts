import type { CpiMonth, PolicyScope, RoundingRuleId } from '../../shared/contract/index.ts';

/** Precios: inflación (IPC), márgenes y redondeo, historial de un producto. es-AR. */

export const ROUNDING_LABEL: Readonly<Record<RoundingRuleId, string>> = {
  none: 'Sin redondeo',
  up10: 'Al $10 superior',
  up50: 'Al $50 superior',
  up100: 'Al $100 superior',
  ends9: 'Terminado en 9',
  ends99: 'Terminado en 99',
};

export const CPI_SOURCE_LABEL: Readonly<Record<CpiMonth['source'], string>> = {
  indec: 'INDEC',
  manual: 'Manual',
  csv: 'CSV',
};

export const POLICY_SCOPE_LABEL: Readonly<Record<Exclude<PolicyScope, 'store'>, string>> = {
  product: 'Producto',
  supplier: 'Proveedor',
  category: 'Categoría',
};

/** Where a price or cost change came from, by the core's source ids. */
export const CHANGE_SOURCE_LABEL: Readonly<Record<string, string>> = {
  'product.update': 'edición',
  'product.create': 'alta del producto',
  producto: 'edición',
  'pricing.batch': 'actualización masiva',
  'pricing.undo': 'deshacer',
  'product.cost': 'factura',
  factura: 'factura',
};

export const pricingSetupStrings = {
  percent: {
    empty: 'Ingresá un porcentaje.',
    notNumber: (text: string) => `«${text}» no es un porcentaje: escribí por ejemplo 2,7`,
    tooPrecise: 'Usá como mucho dos decimales (por ejemplo 2,75).',
    outOfRange: (min: string, max: string) => `El porcentaje debe estar entre ${min} y ${max}.`,
  },

  inflation: {
    chartTitle: 'Inflación mensual (IPC)',
    chartIntro:
      'Barras: variación de cada mes. Línea: índice acumulado, con base 100 en el primer mes de la serie.',
    monthly: 'Variación mensual',
    index: 'Índice acumulado',
    noMonths: 'Todavía no hay meses cargados.',
    behind: (last: string, from: string, to: string, expected: string) =>
      `El último IPC cargado es el de ${last}. Para los meses de ${from} a ${to} se está usando la inflación esperada (${expected} mensual).`,
    behindOwner:
      'Cargalos a mano o importá un CSV para que los costos de reposición sigan la inflación real.',
    behindOthers: 'Pedile al dueño que cargue los meses que faltan.',
    tableTitle: 'Meses',
    month: 'Mes',
    rate: 'Variación',
    source: 'Origen',
    edit: 'Editar',
    editLabel: (month: string) => `Variación de ${month}`,
    saved: (month: string) => `Se guardó ${month}.`,
    addTitle: (month: string) => `Agregar ${month}`,
    addHint: 'El IPC de un mes se publica a mediados del mes siguiente.',
    upToDate: (next: string) =>
      `La serie está al día: el IPC de ${next} todavía no se publicó (sale a mediados del mes siguiente).`,
    settingsTitle: 'Inflación esperada y umbral',
    expected: 'Inflación mensual esperada (%)',
    expectedHint:
      'Se usa para los meses que todavía no tienen IPC publicado y para proyectar el costo hasta la próxima reposición.',
    threshold: 'Umbral de sugerencia (%)',
    thresholdHint:
      'Un producto aparece en Sugerencias cuando su precio quedó por debajo del precio objetivo en más de este porcentaje.',
    settingsSaved: 'Se guardaron la inflación esperada y el umbral.',
    importTitle: 'Importar CSV',
    importDrop: 'Arrastrá acá un archivo CSV con la serie del IPC',
    importPick: 'Elegir archivo…',
    importFormat:
      'Una línea por mes: mes (AAAA-MM) y variación mensual en %, por ejemplo «2025-10,2,3». La primera línea puede ser el encabezado month,monthly_change_pct.',
    importNotCsv: 'Elegí un archivo de texto (.csv o .txt).',
    importEmpty: 'El archivo está vacío.',
    importChecking: 'Revisando el archivo…',
    importSummary: (months: number, changed: number) =>
      `${months} ${months === 1 ? 'mes' : 'meses'}, ${changed} ${changed === 1 ? 'cambia' : 'cambian'}.`,
    importNothing: 'Los valores del archivo ya están cargados: no hay nada que cambiar.',
    importConfirm: 'Importar',
    importDone: (changed: number) =>
      `Listo: se ${changed === 1 ? 'actualizó 1 mes' : `actualizaron ${changed} meses`}.`,
    importErrorsTitle: 'El archivo tiene errores; no se importó nada:',
    moreErrors: (n: number) => `y ${n} más`,
    file: (name: string) => `Archivo: ${name}`,
  },

  policies: {
    explainTitle: 'Cómo se calcula el precio sugerido',
    explain: [
      'Se parte del último costo del producto (sin IVA) y se lo lleva a hoy con la inflación de cada mes desde la fecha de la factura: eso es el costo de reposición.',
      'Ese costo se proyecta con la inflación esperada hasta la próxima reposición (el plazo en días).',
      'Se le suma el recargo y el IVA, y se redondea hacia arriba según la regla elegida.',
      'El precio nunca queda por debajo del costo más el margen mínimo (más IVA).',
    ],
    orderTitle: 'Qué regla manda',
    order:
      'Cada dato se busca en este orden: producto → proveedor → categoría (la más cercana) → general. Un campo en blanco «hereda» del nivel siguiente.',
    storeTitle: 'Política general',
    storeIntro: 'Vale para todos los productos que no tengan una regla propia.',
    markup: 'Recargo',
    minMargin: 'Margen mínimo',
    rounding: 'Redondeo',
    horizon: 'Días hasta la reposición',
    horizonShort: 'Reposición',
    days: (n: number) => `${n} ${n === 1 ? 'día' : 'días'}`,
    horizonInvalid: 'El plazo de reposición va en días enteros, de 0 a 366.',
    required: (fields: string[]) =>
      `La política general necesita todos sus datos. Falta: ${fields.join(', ')}.`,
    allBlank: 'La regla no cambia nada: completá al menos un dato o quitala.',
    inherits: 'hereda',
    inheritOption: 'Hereda',
    saved: 'Se guardó la política.',
    overridesTitle: 'Reglas por categoría, proveedor o producto',
    noOverrides: 'No hay reglas propias: todo usa la política general.',
    scope: 'Nivel',
    name: 'Aplica a',
    actions: 'Acciones',
    edit: 'Editar',
    remove: 'Quitar',
    confirmRemove: '¿Quitar la regla?',
    removed: (label: string) => `Se quitó la regla de ${label}.`,
    addTitle: 'Agregar una regla',
    editTitle: (label: string) => `Regla de ${label}`,
    kind: 'Para',
    supplier: 'Proveedor',
    chooseSupplier: 'Elegí un proveedor',
    noSuppliers: 'Todavía no hay proveedores: se agregan al cargar facturas.',
    product: 'Producto',
    clearProduct: 'Elegir otro producto',
    chooseTarget: 'Elegí a qué se aplica la regla.',
    blankHint: 'Dejá en blanco lo que deba heredar.',
    add: 'Agregar regla',
    noWrite: 'Solo el dueño puede cambiar márgenes y redondeo.',
  },

  history: {
    back: 'Sugerencias',
    title: (name: string) => `Historial de precios: ${name}`,
    chartLabel: 'Precio, costo y costo de reposición mes a mes',
    price: 'Precio (IVA incl.)',
    cost: 'Costo (neto)',
    replacement: 'Costo de reposición (neto)',
    byCpi: 'Precio si hubiera seguido al IPC',
    today: 'hoy',
    eventsTitle: 'Cambios',
    noEvents: 'No hay cambios de precio ni de costo registrados.',
    date: 'Fecha',
    what: 'Qué',
    change: 'Antes → después',
    origin: 'Origen',
    kind: { precio: 'Precio', costo: 'Costo' },
    productLink: 'Historial de precios',
    productCard: 'Ver ficha del producto',
  },
};
