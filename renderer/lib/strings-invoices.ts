import type {
  FieldSource,
  InvoiceKind,
  InvoiceStatus,
  LineMatch,
} from '../../shared/contract/index.ts';

/** Facturas de proveedores (intake, review, history, suppliers), es-AR; merged into `t`. */

export const INVOICE_KIND_LABEL: Readonly<Record<InvoiceKind, string>> = {
  factura: 'Factura',
  nota_credito: 'Nota de crédito',
  nota_debito: 'Nota de débito',
};

export const INVOICE_STATUS_LABEL: Readonly<Record<InvoiceStatus, string>> = {
  borrador: 'Borrador',
  aplicada: 'Aplicada',
  descartada: 'Descartada',
};

export const FIELD_SOURCE_LABEL: Readonly<Record<FieldSource, string>> = {
  qr: 'QR',
  pdf: 'PDF',
  ocr: 'OCR',
  user: 'A mano',
  computed: 'Calculado',
};

export const invoiceStrings = {
  invoices: {
    tabs: { cargar: 'Cargar', historial: 'Historial', proveedores: 'Proveedores' },
    noWrite: 'Tu usuario puede ver las facturas pero no cargarlas.',

    intake: {
      title: 'Cargar facturas de proveedores',
      drop: 'Arrastrá acá las facturas (fotos o PDF), hasta 50 por vez',
      pick: 'Elegir archivos…',
      hint: 'PNG, JPG, TIFF o PDF, hasta 60 MB cada uno. Se leen de a uno, mientras seguís trabajando.',
      tooMany: (n: number, max: number) =>
        `Elegiste ${n} archivos y entran ${max} por vez. Cargá los demás en otra tanda.`,
      queueFull: (free: number) =>
        free === 0
          ? 'Ya hay 50 facturas esperando. Esperá a que termine esta tanda.'
          : `Solo entran ${free} archivos más en esta tanda: elegí menos o esperá a que termine.`,
      badType: (ext: string) =>
        `No se puede leer un archivo ${ext || 'sin extensión'}: usá PNG, JPG, TIFF o PDF.`,
      tooBig: 'El archivo pesa más de 60 MB: escanealo con menos resolución.',
      empty: 'El archivo está vacío.',
      overall: (done: number, total: number) => `${done} de ${total} archivos terminados`,
      cancel: 'Cancelar',
      clear: 'Limpiar terminadas',
      state: {
        waiting: 'En espera',
        reading: 'Leyendo',
        done: 'Lista',
        error: 'Con error',
        cancelled: 'Cancelada',
      },
      pages: (done: number, total: number) => `Páginas leídas: ${done} de ${total}`,
      noSupplier: 'Proveedor sin leer',
      failed: (n: number) =>
        n === 0
          ? 'Todos los controles bien'
          : n === 1
            ? '1 control falló'
            : `${n} controles fallaron`,
      review: 'Revisar',
      listLabel: 'Facturas de esta tanda',
    },

    review: {
      back: 'Volver',
      title: (kind: string | null, code: string) =>
        `${kind ?? 'Comprobante'} ${code || 'sin número'}`,
      file: 'Archivo',
      pages: 'Imagen de la factura',
      zoomFit: 'Ajustar al ancho',
      zoomFull: '100 %',
      pageAlt: (n: number) => `Página ${n}`,
      noPages: 'No hay imagen guardada de esta factura.',
      checks: 'Controles',
      checkOk: 'Bien',
      checkFailed: 'Falló',
      goToField: 'Ir al campo',
      seeDuplicate: 'Ver la factura cargada antes',
      header: 'Encabezado',
      issuer: 'Emisor (proveedor)',
      recipient: 'Receptor (tu negocio)',
      amounts: 'Importes',
      field: {
        kind: 'Tipo',
        letter: 'Letra',
        afipCode: 'Código AFIP',
        pointOfSale: 'Punto de venta',
        number: 'Número',
        date: 'Fecha',
        issuerName: 'Razón social',
        issuerCuit: 'CUIT',
        issuerIva: 'Condición frente al IVA',
        recipientName: 'Razón social',
        recipientCuit: 'CUIT',
        recipientIva: 'Condición frente al IVA',
        cae: 'CAE',
        caeDue: 'Vto. CAE',
        perceptions: 'Percepciones (IVA, IIBB)',
        otherTaxes: 'Impuestos internos y otros',
        total: 'Total',
      },
      noValue: 'Sin dato',
      rate: 'Alícuota',
      net: 'Neto gravado',
      iva: 'IVA',
      addRate: 'Agregar alícuota…',
      removeRate: (rate: string) => `Quitar la alícuota ${rate}`,
      source: (source: string, pct: number) => `${source} · ${pct} %`,
      lowHint: 'Lectura dudosa: revisá este dato',
      lines: 'Líneas',
      noLines: 'La factura no tiene líneas leídas.',
      col: {
        code: 'Código',
        description: 'Descripción',
        qty: 'Cantidad',
        unit: 'Unidad',
        price: 'Precio unit.',
        discount: 'Bonif. %',
        amount: 'Importe',
      },
      amountHint: (amount: string) => `Cantidad × precio − bonif. da ${amount}`,
      product: 'Producto',
      noProduct: 'Sin producto: esta línea no entra al stock',
      skipped: 'Omitida: esta línea no entra al stock',
      candidates: 'Otros posibles',
      search: 'Buscar otro producto',
      skip: 'Omitir',
      createProduct: 'Crear producto',
      pack: 'Unidades por bulto',
      unitCost: 'Costo unitario sin IVA',
      unitCostUnknown: 'Sin calcular',
      newProduct: {
        title: 'Nuevo producto',
        name: 'Nombre',
        barcode: 'Código de barras',
        unit: 'Se vende por',
        iva: 'IVA',
        price: 'Precio de venta con IVA ($)',
        priceHint: (cost: string) => `Costo de esta factura: ${cost} sin IVA por unidad.`,
        save: 'Crear y elegir',
        priceRequired: 'Completá el precio de venta.',
      },
      supplier: 'Proveedor',
      supplierIva: 'Sus precios incluyen IVA',
      supplierIvaAlways: 'En facturas B y C los precios siempre incluyen IVA.',
      supplierPack: 'Cobra por bulto (precio de la caja cerrada)',
      supplierSaved: 'Configuración del proveedor guardada.',
      supplierNeedsCuit: 'Completá un CUIT válido del emisor para guardar su configuración.',
      save: 'Guardar',
      saved: 'Cambios guardados y controles revisados.',
      fixErrors: 'Revisá los campos marcados.',
      location: 'Depósito donde entra la mercadería',
      apply: 'Aplicar a stock',
      applying: 'Aplicando…',
      duplicateBlocks:
        'Esta factura ya está cargada: no se puede aplicar dos veces. Descartala o revisá la anterior.',
      confirmTitle: 'Controles que fallaron',
      confirmText: (n: number) =>
        n === 1
          ? 'Hay 1 control que no dio bien. ¿Aplicar la factura igual?'
          : `Hay ${n} controles que no dieron bien. ¿Aplicar la factura igual?`,
      unmatched: (n: number) =>
        n === 1
          ? '1 línea no tiene producto y no va a entrar al stock.'
          : `${n} líneas no tienen producto y no van a entrar al stock.`,
      confirmApply: 'Aplicar igual',
      discard: 'Descartar',
      discardTitle: 'Descartar la factura',
      discardText: 'El borrador se descarta y no se toca el stock. ¿Descartarlo?',
      discardOk: 'Sí, descartar',
      discarded: 'Factura descartada: no se tocó el stock.',
      appliedNotice: (date: string) =>
        `Factura aplicada al stock el ${date}. Ya no se puede editar.`,
      result: {
        title: 'Factura aplicada',
        movements: (n: number) => (n === 1 ? '1 movimiento de stock' : `${n} movimientos de stock`),
        rises: 'Productos que subieron de costo',
        noRises: 'Ningún producto subió de costo.',
        product: 'Producto',
        cost: 'Costo sin IVA',
        price: 'Precio de venta',
        margin: 'Margen',
        toPrices: 'Ir a Precios para actualizarlos',
      },
    },

    history: {
      query: 'Proveedor, CUIT o número',
      from: 'Desde',
      to: 'Hasta',
      minTotal: 'Total desde ($)',
      maxTotal: 'Total hasta ($)',
      status: 'Estado',
      anyStatus: 'Todos',
      product: 'Producto',
      clear: 'Limpiar filtros',
      count: (n: number, text: string) => (n === 1 ? '1 factura' : `${text} facturas`),
      none: 'No hay facturas que coincidan.',
      col: {
        date: 'Fecha',
        supplier: 'Proveedor',
        cuit: 'CUIT',
        number: 'Comprobante',
        total: 'Total',
        status: 'Estado',
      },
    },

    suppliers: {
      title: 'Proveedores',
      none: 'Todavía no hay proveedores: aparecen al cargar sus facturas.',
      name: 'Proveedor',
      cuit: 'CUIT',
      includesIva: 'Precios con IVA',
      perPack: 'Cobra por bulto',
      saved: 'Guardado',
      totalsTitle: 'Compras por mes',
      totalsIntro: 'Facturas y notas de débito suman; notas de crédito restan.',
      all: 'Todos los proveedores',
      supplier: 'Proveedor',
      month: 'Mes',
      count: 'Comprobantes',
      total: 'Total',
      monthTotal: 'Total del mes',
      noTotals: 'No hay compras en los últimos 12 meses.',
      chartLabel: 'Total comprado por mes, últimos 12 meses',
    },
  },
} as const;

/** How the reader found the line's product, for "por palabras 83 %". */
export function matchLabel(by: LineMatch['by'] | 'manual' | 'created', scorePct: number): string {
  switch (by) {
    case 'barcode':
      return 'por código de barras';
    case 'alias':
      return 'por código del proveedor';
    case 'words':
      return `por palabras ${scorePct} %`;
    case 'manual':
      return 'elegido a mano';
    case 'created':
      return 'creado ahora';
  }
}
