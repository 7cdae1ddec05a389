import type { RoundingRuleId } from '../../shared/contract/index.ts';

/** Precios: sugerencias, actualización masiva y etiquetas, es-AR. */

const plural = (n: number, one: string, many: string, shown = String(n)) =>
  `${shown} ${n === 1 ? one : many}`;

export const ROUNDING_LABEL: Readonly<Record<RoundingRuleId | 'policy', string>> = {
  policy: 'Según la política',
  none: 'Sin redondear',
  up10: 'Al $10',
  up50: 'Al $50',
  up100: 'Al $100',
  ends9: 'Terminado en 9',
  ends99: 'Terminado en 99',
};

export const pricingStrings = {
  filters: {
    query: 'Buscar',
    category: 'Categoría',
    anyCategory: 'Todas',
    supplier: 'Proveedor',
    anySupplier: 'Todos',
  },

  suggestions: {
    onlySuggested: 'Solo los que conviene actualizar',
    belowBanner: (n: number, shown: string) =>
      n === 1
        ? '1 producto se vende por debajo del costo de reposición'
        : `${shown} productos se venden por debajo del costo de reposición`,
    count: (n: number, shown: string) => plural(n, 'producto', 'productos', shown),
    selectAll: (shown: string) => `Seleccionar todos (${shown})`,
    selectNone: 'Quitar la selección',
    selected: (n: number, shown: string) => (n === 1 ? '1 seleccionado' : `${shown} seleccionados`),
    update: 'Actualizar precios seleccionados',
    emptySuggested:
      'No hay precios para actualizar: todos los productos con costo están a la altura de su precio sugerido.',
    emptyFiltered: 'Ningún producto con costo coincide con los filtros.',
    cpiStale: (month: string) => `La serie del IPC termina en ${month}: cargá los meses nuevos en `,
    cpiLink: 'Inflación',
    col: {
      product: 'Producto',
      price: 'Precio',
      cost: 'Costo s/IVA',
      replacement: 'Reposición s/IVA',
      target: 'Sugerido',
      margin: 'Margen',
      gap: 'Brecha',
    },
    sortBy: (what: string) => `Ordenar por ${what}`,
    sortUrgency: 'urgencia',
    inflation: (pct: string) => `IPC ${pct}`,
    belowReplacement: 'Bajo reposición',
    belowCost: 'Bajo costo',
    history: 'Historial de precios',
    pick: (name: string) => `Elegir ${name}`,
  },

  mass: {
    title: 'Actualización masiva',
    noWrite: 'Tu usuario puede ver los lotes de precios pero no cambiar precios.',
    fromSuggestions: (n: number, shown: string) =>
      n === 1 ? '1 producto elegido en Sugerencias' : `${shown} productos elegidos en Sugerencias`,
    dropChosen: 'Elegir por filtros',
    suggestedOnly: 'Solo sugeridos',
    what: 'Qué productos',
    how: 'Cómo cambia el precio',
    target: 'Llevar al precio sugerido',
    targetHint: 'Solo sube: un precio que ya está arriba del sugerido queda como está.',
    percent: 'Aumentar un porcentaje',
    percentField: 'Porcentaje',
    percentHint: 'Por ejemplo 8,5 (o -5 para bajar)',
    rounding: 'Redondeo',
    description: 'Descripción del lote',
    preview: 'Vista previa',
    previewing: 'Calculando…',
    stale: 'Cambiaste la selección o el modo: generá de nuevo la vista previa.',
    totals: (changing: string, unchanged: string) =>
      `${changing} cambian · ${unchanged} sin cambios`,
    changing: (n: number, shown: string) => plural(n, 'producto', 'productos', shown),
    unchanged: (n: number, shown: string) => plural(n, 'producto', 'productos', shown),
    excluded: (shown: string) => `${shown} desmarcados`,
    underFloor: (n: number, shown: string) =>
      n === 1 ? '1 queda bajo el margen mínimo' : `${shown} quedan bajo el margen mínimo`,
    nothing: 'Ningún precio cambia con esta selección y este modo.',
    tickAll: 'Marcar todos',
    apply: (n: number, shown: string) =>
      n === 1 ? 'Aplicar 1 precio' : `Aplicar ${shown} precios`,
    applying: 'Aplicando…',
    col: {
      product: 'Producto',
      oldPrice: 'Precio actual',
      newPrice: 'Precio nuevo',
      change: 'Cambio',
      margin: 'Margen antes → después',
    },
    floorBadge: 'Bajo el margen mínimo',
    confirmTitle: 'Aplicar precios nuevos',
    confirmText: (n: number, shown: string, description: string) =>
      `Se cambia el precio de ${plural(n, 'producto', 'productos', shown)}, en un solo lote «${description}». Se puede deshacer mientras sea el último lote.`,
    confirmFloor: (n: number, shown: string) =>
      n === 1
        ? 'Ojo: 1 producto queda bajo su margen mínimo.'
        : `Ojo: ${shown} productos quedan bajo su margen mínimo.`,
    confirmOk: (n: number, shown: string) =>
      n === 1 ? 'Sí, aplicar 1 precio' : `Sí, aplicar ${shown} precios`,
    applied: (n: number, shown: string, description: string) =>
      `${n === 1 ? 'Se actualizó 1 precio' : `Se actualizaron ${shown} precios`} (lote «${description}»).`,
    printLabels: 'Imprimir etiquetas',
    undo: 'Deshacer',
    undoTitle: 'Deshacer el lote',
    undoText: (description: string, n: number, shown: string) =>
      `Vuelven a su precio anterior los ${plural(n, 'producto', 'productos', shown)} de «${description}». Los que se cambiaron después quedan como están.`,
    undoOk: 'Sí, deshacer',
    undone: (n: number, shown: string) =>
      n === 1 ? 'Se restauró 1 precio.' : `Se restauraron ${shown} precios.`,
    skipped: (n: number, names: string) =>
      n === 1
        ? `Quedó como está (se cambió después del lote): ${names}.`
        : `Quedaron como están (se cambiaron después del lote): ${names}.`,
  },

  batches: {
    title: 'Lotes recientes',
    none: 'Todavía no se aplicó ningún lote de precios.',
    col: {
      date: 'Fecha',
      user: 'Usuario',
      description: 'Descripción',
      count: 'Productos',
      status: 'Estado',
    },
    undone: 'Deshecho',
    applied: 'Aplicado',
    reverts: 'Reversión',
  },

  labels: {
    title: 'Etiquetas de góndola',
    what: 'Qué imprimir',
    batch: 'Un lote de precios',
    since: 'Precios cambiados desde',
    products: 'Productos elegidos',
    batchField: 'Lote',
    noBatches: 'No hay lotes de precios todavía.',
    batchOption: (date: string, description: string, count: string) =>
      `${date} · ${description} (${count})`,
    sinceField: 'Desde el día',
    pickField: 'Agregar producto',
    noneChosen: 'Todavía no elegiste productos.',
    remove: (name: string) => `Quitar ${name}`,
    format: 'Formato',
    generate: 'Generar PDF',
    generating: 'Generando…',
    count: (n: number, shown: string) => plural(n, 'etiqueta', 'etiquetas', shown),
    download: 'Descargar PDF',
    preview: 'Vista del PDF de etiquetas',
    needSince: 'Elegí el día desde el que cambiaron los precios.',
    needBatch: 'Elegí un lote de precios.',
    needProducts: 'Agregá al menos un producto.',
  },
};
