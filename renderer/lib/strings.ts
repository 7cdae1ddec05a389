import type { MovementKind, Role, SyncState, Unit } from '../../shared/contract/index.ts';
import type { Area } from './route.ts';
import { saleStrings } from './strings-sale.ts';
import { cashStrings } from './strings-cash.ts';
import { counterSettingsStrings } from './strings-settings-counter.ts';
import { invoiceStrings } from './strings-invoices.ts';

export { APPROVAL_LABEL, CAJA_TABS, TENDER_KEY, TENDER_LABEL } from './strings-sale.ts';
export { MOVEMENT_KIND_LABEL } from './strings-cash.ts';
export {
  FIELD_SOURCE_LABEL,
  INVOICE_KIND_LABEL,
  INVOICE_STATUS_LABEL,
  matchLabel,
} from './strings-invoices.ts';

/** Every word the user reads, es-AR. Server errors arrive already in Spanish. */

export const NAV: Readonly<Record<Area, string>> = {
  caja: 'Caja',
  stock: 'Stock',
  facturas: 'Facturas',
  precios: 'Precios',
  control: 'Control',
  analisis: 'Análisis',
  ajustes: 'Ajustes',
};

export const ROLE_LABEL: Readonly<Record<Role, string>> = {
  dueno: 'Dueño',
  encargado: 'Encargado',
  cajero: 'Cajero',
};

export const UNIT_LABEL: Readonly<Record<Unit, string>> = {
  u: 'Unidad (u)',
  kg: 'Kilo (kg)',
  lt: 'Litro (lt)',
};

export const MOVEMENT_LABEL: Readonly<Record<MovementKind, string>> = {
  entrada: 'Entrada',
  salida: 'Salida',
  ajuste: 'Ajuste',
  transferencia: 'Transferencia',
  venta: 'Venta',
  devolucion: 'Devolución',
};

export const SYNC_LABEL: Readonly<Record<SyncState, string>> = {
  off: 'Sin nube',
  ok: 'Nube al día',
  degraded: 'Nube con demoras',
  offline: 'Nube sin conexión',
};

export const COUNT_STATUS_LABEL = {
  abierto: 'Abierto',
  cerrado: 'Cerrado',
  cancelado: 'Cancelado',
} as const;

export const t = {
  appName: 'Caja',
  loading: 'Cargando…',
  productSearch: 'Buscar por nombre, marca o código',
  productNone: 'Ningún producto coincide.',
  saving: 'Guardando…',
  save: 'Guardar',
  cancel: 'Cancelar',
  close: 'Cerrar',
  back: 'Volver',
  retry: 'Reintentar',
  create: 'Crear',
  add: 'Agregar',
  remove: 'Quitar',
  yes: 'Sí',
  no: 'No',
  none: '—',
  loadMore: 'Cargar más',
  saved: 'Cambios guardados.',
  noPermission:
    'Tu usuario no tiene permiso para ver esta sección. Pedile al dueño que te lo habilite.',
  unexpected: 'Ocurrió un error inesperado.',

  recovery: {
    title: 'No se pueden abrir los datos',
    connectionTitle: 'No hay conexión con Caja',
    folder: 'Carpeta de datos',
    adviceTitle: 'Qué podés hacer',
    lockedAdvice:
      'Cerrá las otras ventanas o programas de Caja que estén usando estos datos y tocá «Reintentar».',
    advice: [
      'Restaurá la última copia de seguridad en la carpeta de datos.',
      'Abrí Caja con otra carpeta de datos: iniciá la aplicación con la opción --data <carpeta>.',
    ],
    tooNew:
      'Estos datos fueron guardados por una versión más nueva de Caja: actualizá la aplicación. Los datos no se modificaron.',
    connectionAdvice: 'Revisá que Caja esté abierta en esta computadora y volvé a intentar.',
  },

  setup: {
    title: 'Bienvenido a Caja',
    intro:
      'Primero, los datos del negocio y del dueño. Después vas a poder agregar cajeros y encargados.',
    store: 'Nombre del negocio',
    owner: 'Tu nombre (dueño)',
    pin: 'PIN (4 a 8 números)',
    pin2: 'Repetí el PIN',
    submit: 'Empezar',
    pinInvalid: 'El PIN debe tener entre 4 y 8 números.',
    pinMismatch: 'Los PIN no coinciden.',
  },

  login: {
    title: '¿Quién atiende?',
    noUsers: 'No hay usuarios activos.',
    pinTitle: (name: string) => `Hola, ${name}. Ingresá tu PIN`,
    pin: 'PIN',
    submit: 'Entrar',
    erase: 'Borrar',
    other: 'Otro usuario',
    lockedUntil: (time: string) => `Bloqueado hasta las ${time}`,
    keyboardHint: 'También podés escribir el PIN con el teclado y confirmar con Enter.',
  },

  shell: {
    shortcutHint: 'Atajos: Alt+1 … Alt+7',
    switchUser: 'Cambiar usuario',
    logout: 'Salir',
    dataFolder: 'Datos',
    store: 'Negocio',
    pending: (n: number) => `${n} pendientes`,
    mainNav: 'Secciones',
  },

  soon: {
    title: 'Disponible próximamente',
    analisis: 'Acá vas a ver ventas, márgenes, rotación y faltantes en gráficos.',
    note: 'Esta sección todavía no está lista. No se muestran datos de ejemplo.',
  },

  checker: {
    title: 'Consultar precio',
    input: 'Escaneá un código o escribí el nombre del producto',
    hint: 'El lector de códigos escribe el código y Enter. Para buscar por nombre, escribí palabras.',
    notFound: (code: string) => `No encontrado: ${code}`,
    stock: 'Stock',
    results: 'Resultados',
    noResults: 'Ningún producto coincide.',
    inactive: 'Producto inactivo',
  },

  stock: {
    title: 'Stock',
    tabs: {
      productos: 'Productos',
      importar: 'Importar',
      movimientos: 'Movimientos',
      conteos: 'Conteos',
      faltantes: 'Faltantes',
      depositos: 'Depósitos',
    },
    includeInactive: 'Incluir inactivos',
    lowOnly: 'Solo stock bajo',
    newProduct: 'Nuevo producto',
    count: (n: string) => `${n} productos`,
    openHint: 'Enter o doble clic abre el producto. Flechas para moverse.',
    empty: 'No hay productos que coincidan.',
    col: {
      code: 'Código',
      name: 'Nombre',
      brand: 'Marca',
      category: 'Categoría',
      price: 'Precio',
      stock: 'Stock',
      unit: 'Unidad',
      location: 'Depósito',
      date: 'Fecha',
      product: 'Producto',
      kind: 'Tipo',
      qty: 'Cantidad',
      reason: 'Motivo',
      user: 'Usuario',
      reference: 'Referencia',
      min: 'Mínimo',
      max: 'Máximo',
      toOrder: 'A reponer',
      expected: 'Esperado',
      counted: 'Contado',
      variance: 'Diferencia',
      status: 'Estado',
      lines: 'Productos contados',
    },
    lowStock: 'Stock bajo',
  },

  product: {
    backToList: 'Productos',
    newTitle: 'Nuevo producto',
    formLabel: 'Datos del producto',
    create: 'Crear producto',
    fixErrors: 'Revisá los campos marcados.',
    moneyHint:
      'Importes en pesos: 1234,50 o 1.234,50. Cantidades en la unidad del producto (kg con coma: 0,250).',
    noBarcodes: 'Sin códigos de barras',
    newBarcode: 'Escaneá o escribí un código',
    noCategory: 'Sin categoría',
    newCategory: 'Nueva categoría',
    levels: 'Stock por depósito',
    total: 'Total',
    movements: 'Movimientos',
    actions: 'Movimientos de stock',
    action: { entrada: 'Entrada', salida: 'Salida', ajuste: 'Ajuste', transferir: 'Transferir' },
    field: {
      name: 'Nombre',
      brand: 'Marca',
      sku: 'Código interno (SKU)',
      plu: 'PLU (balanza)',
      barcodes: 'Códigos de barras',
      category: 'Categoría',
      unit: 'Se vende por',
      ivaRateBp: 'IVA',
      cost: 'Costo sin IVA ($)',
      price: 'Precio de venta con IVA ($)',
      minStock: 'Stock mínimo',
      maxStock: 'Stock máximo',
      supplierCuit: 'CUIT del proveedor',
      active: 'Activo (se puede vender)',
    },
  },

  move: {
    qty: (unit: Unit) => `Cantidad (${unit})`,
    adjustQty: (unit: Unit) => `Cantidad a sumar o restar (${unit}, con - para restar)`,
    reference: 'Referencia (opcional)',
    positive: 'La cantidad debe ser mayor que cero.',
    reasonRequired: 'Indicá el motivo del movimiento.',
    submit: {
      entrada: 'Registrar entrada',
      salida: 'Registrar salida',
      ajuste: 'Registrar ajuste',
    },
    reasons: {
      entrada: ['Compra a proveedor', 'Devolución de cliente', 'Carga inicial'],
      salida: ['Vencido', 'Roto', 'Consumo interno', 'Devolución a proveedor'],
      ajuste: ['Corrección de stock', 'Faltante', 'Sobrante'],
    },
  },

  transfer: {
    from: 'Desde',
    to: 'Hacia',
    submit: 'Transferir',
    defaultReason: 'Reposición',
    same: 'Elegí depósitos distintos.',
    needTwo: 'Para transferir hacen falta al menos dos depósitos. Creá otro en Stock › Depósitos.',
  },

  movements: {
    empty: 'Sin movimientos.',
    allLocations: 'Todos los depósitos',
  },

  lowStock: {
    none: 'No hay faltantes: todos los productos están por encima de su stock mínimo.',
  },

  locations: {
    newName: 'Nuevo depósito o ubicación',
    create: 'Crear depósito',
    inactive: 'Inactivo',
  },

  counts: {
    location: 'Depósito a contar',
    start: 'Empezar conteo',
    none: 'Todavía no hay conteos.',
    back: 'Conteos',
    sheetTitle: (location: string, date: string) => `Conteo de ${location} · ${date}`,
    code: 'Código del producto',
    find: 'Buscar',
    counted: (unit: Unit) => `Cantidad contada (${unit})`,
    set: 'Anotar',
    noLines: 'Escaneá un producto y anotá cuánto hay.',
    close: 'Cerrar conteo',
    cancel: 'Cancelar conteo',
    confirmClose: (n: number) =>
      `Al cerrar, se registran ${n} ajustes de stock por las diferencias. ¿Cerrar el conteo?`,
    confirmCancel: 'El conteo se descarta y no se ajusta el stock. ¿Cancelarlo?',
  },

  importer: {
    title: 'Importar productos desde CSV',
    drop: 'Arrastrá un archivo CSV acá o elegilo',
    pick: 'Elegir archivo…',
    reading: (name: string) => `Leyendo ${name}…`,
    formatHint:
      'Columnas habituales: código, nombre, marca, categoría, costo, precio, IVA, stock. Se detectan la codificación y el separador.',
    encoding: 'Codificación',
    separator: 'Separador',
    separators: { ',': 'coma', ';': 'punto y coma', '\t': 'tabulación', '|': 'barra' },
    columns: 'Columnas',
    total: 'filas',
    valid: 'válidas',
    invalid: 'con errores',
    creates: 'a crear',
    updates: 'a actualizar',
    errorsTitle: 'Filas con errores (no se importan)',
    moreErrors: 'Se muestran los primeros 500 errores.',
    row: 'Fila',
    column: 'Columna',
    message: 'Problema',
    sampleTitle: 'Muestra de filas válidas',
    action: 'Acción',
    actionCreate: 'Crear',
    actionUpdate: 'Actualizar',
    cost: 'Costo',
    location: 'Depósito para el stock inicial',
    defaultLocation: 'Depósito principal',
    commit: (n: string) => `Importar ${n} filas válidas`,
    importing: 'Importando…',
    doneTitle: 'Importación terminada',
    created: 'productos creados',
    updated: 'productos actualizados',
    skipped: 'filas salteadas',
    movements: 'movimientos de stock',
    again: 'Importar otro archivo',
  },

  exporter: {
    button: 'Exportar catálogo',
    encoding: 'Formato',
    utf8: 'UTF-8',
    excel: 'Excel (Windows-1252)',
    done: (rows: string, file: string) => `${rows} productos exportados en ${file}`,
  },

  audit: {
    title: 'Auditoría',
    count: (n: string) => `${n} entradas en el registro`,
    refresh: 'Actualizar',
    verify: 'Verificar cadena',
    verifying: 'Verificando…',
    older: 'Cargar anteriores',
    json: 'Ver datos completos',
    moreFields: (n: number) => (n === 1 ? 'y 1 campo más' : `y ${n} campos más`),
    intact: (n: string) => `Cadena íntegra: ${n} entradas verificadas`,
    broken: 'La cadena de auditoría no es íntegra',
    checked: (n: string) => `Entradas revisadas: ${n}`,
    firstBroken: (seq: number | null) =>
      seq === null ? 'Primera falla:' : `Primera falla en la entrada #${seq}:`,
    mismatches: (n: number) => `${n} diferencias entre los datos y el registro:`,
    col: {
      date: 'Fecha',
      user: 'Usuario',
      action: 'Acción',
      entity: 'Entidad',
      detail: 'Detalle',
    },
  },

  settings: {
    storeTab: 'Negocio',
    usersTab: 'Usuarios',
    storeName: 'Nombre del negocio',
    storeCuit: 'CUIT',
    storeAddress: 'Dirección',
    readOnly: 'Solo el dueño puede cambiar estos datos.',
  },

  users: {
    name: 'Nombre',
    role: 'Rol',
    active: 'Activo',
    pin: 'PIN',
    newPin: 'PIN nuevo',
    changePin: 'Cambiar PIN',
    pinChanged: 'PIN cambiado.',
    newTitle: 'Nuevo usuario',
    create: 'Crear usuario',
    created: (name: string) => `Usuario ${name} creado.`,
  },

  // The counter's screens live in their own files to keep each one short.
  ...saleStrings,
  ...cashStrings,
  ...counterSettingsStrings,
  ...invoiceStrings,
} as const;
