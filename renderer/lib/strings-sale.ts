import type { ApprovalAction, Tender } from '../../shared/contract/index.ts';

/** Counter strings (sale screen, payment, approvals, receipts), es-AR; merged into `t`. */

export { TENDER_LABEL } from '../../shared/domain/tenders.ts';

/** The F-key that picks each tender at the counter. */
export const TENDER_KEY: Readonly<Record<Tender, string>> = {
  efectivo: 'F2',
  debito: 'F3',
  credito: 'F4',
  transferencia: 'F5',
  cuenta_corriente: 'F6',
};

export const APPROVAL_LABEL: Readonly<Record<ApprovalAction, string>> = {
  'line.remove': 'Quitar un producto del ticket',
  'sale.clear': 'Anular el ticket en curso',
  'price.override': 'Cambiar un precio',
  discount: 'Descuento mayor al permitido',
  return: 'Devolución',
  'return.no_ticket': 'Devolución sin ticket',
  'drawer.open': 'Abrir el cajón sin venta',
  'fiado.over_limit': 'Fiar por encima del límite',
  'customer.adjust': 'Ajustar una cuenta corriente',
  'sale.below_cost': 'Vender por debajo del costo',
};

export const CAJA_TABS = {
  vender: 'Vender',
  turno: 'Turno',
  devoluciones: 'Devoluciones',
  clientes: 'Clientes',
  historial: 'Historial',
  precio: 'Consultar precio',
} as const;

export const saleStrings = {
  pos: {
    title: 'Vender',
    search: 'Escaneá o escribí el nombre del producto',
    searchHint:
      'El lector agrega el producto sin tocar nada. Para buscar, escribí palabras; ↑ ↓ y Enter agregan. «3*» antes de escanear multiplica.',
    results: 'Productos encontrados',
    noResults: 'Ningún producto coincide.',
    notFound: (code: string) => `No encontrado: ${code}`,
    looking: 'Buscando…',
    multiplier: (qty: string) => `Próximo producto × ${qty}`,
    multiplierClear: 'Esc cancela el multiplicador',
    empty: 'Escaneá el primer producto para empezar el ticket.',
    linesLabel: 'Productos del ticket',
    col: {
      n: '#',
      product: 'Producto',
      qty: 'Cantidad',
      price: 'Precio',
      total: 'Importe',
    },
    listPrice: (price: string) => `Lista ${price}`,
    belowCost: 'Bajo costo',
    costWarning: (name: string, supervisor: boolean) =>
      `Atención: ${name} se vende por debajo del costo; ${
        supervisor
          ? 'el encargado deberá autorizar la venta'
          : 'al cobrar vas a tener que confirmarlo'
      }`,
    fromLabel: 'Balanza',
    edit: 'Cambiar',
    removeLine: 'Quitar',
    total: 'Total',
    subtotal: 'Subtotal',
    discounts: 'Descuentos',
    items: (n: string) => `${n} artículos`,
    lines: (n: number) => (n === 1 ? '1 línea' : `${n} líneas`),
    pay: 'Cobrar',
    customer: 'Cliente',
    noDrawer: 'No hay caja abierta: abrí el turno con el fondo inicial para poder cobrar.',
    openDrawer: 'Abrir turno',
    drawerOpen: (time: string, register: string) => `${register}: turno abierto desde las ${time}`,
    keys: 'Teclas',
    keyMap: [
      ['F2–F6', 'Cobrar con efectivo, débito, crédito, transferencia, cuenta corriente'],
      ['F8', 'Cobrar / terminar'],
      ['F7', 'Cambiar la línea marcada (cantidad, descuento, precio)'],
      ['F9 / Supr', 'Quitar la línea marcada (supervisor)'],
      ['↑ ↓', 'Marcar otra línea'],
      ['Esc', 'Limpiar la búsqueda; con productos, anular el ticket'],
    ],
    clearTitle: 'Anular el ticket',
    clearQuestion: (n: number, total: string) =>
      `¿Anular el ticket en curso (${n === 1 ? '1 línea' : `${n} líneas`}, ${total})? Un supervisor tiene que autorizarlo.`,
    clearConfirm: 'Sí, anular',
    keep: 'No, seguir',
    lastSale: (n: number) => `Ticket ${n} cobrado`,
    saleTotal: 'Total cobrado',
    change: 'Vuelto',
    noChange: 'Sin vuelto',
    reprint: 'Ver / reimprimir ticket',
    printFailed: (message: string) => `No se pudo imprimir: ${message}`,
    mismatch: (n: number) =>
      `Esa venta ya estaba registrada como ticket ${n}: revisá que el ticket sea el correcto.`,
    editTitle: (name: string) => `Cambiar: ${name}`,
    qty: (unit: string) => `Cantidad (${unit})`,
    discountPct: 'Descuento %',
    discountHint: (limit: string) => `Hasta ${limit} sin supervisor.`,
    price: 'Precio por unidad ($)',
    priceHint: 'Cambiar el precio necesita un supervisor.',
    apply: 'Aplicar',
    qtyLower: 'Bajar la cantidad quita productos del ticket: lo autoriza un supervisor.',
    scaleQty: 'La cantidad viene de la etiqueta de balanza.',
  },

  pay: {
    title: 'Cobrar',
    total: 'Total a cobrar',
    left: 'Falta',
    change: 'Vuelto',
    paid: 'Pagado',
    amount: 'Importe',
    tendered: 'Paga con (efectivo)',
    tenderedHint: 'Escribí con cuánto paga y Enter: se calcula el vuelto.',
    reference: 'Referencia (lote, cupón, operación)',
    add: 'Agregar pago',
    remove: 'Quitar pago',
    confirm: 'Terminar venta (F8)',
    confirming: 'Registrando…',
    roundToCash: (step: string) => `Redondear el efectivo a ${step}`,
    rounding: 'Redondeo',
    customer: 'Cliente (cuenta corriente)',
    pickCustomer: 'Elegir cliente',
    changeCustomer: 'Cambiar',
    noCustomer: 'Sin cliente',
    needCustomer: 'Para fiar, elegí el cliente.',
    balance: (balance: string, limit: string) => `Debe ${balance} · límite ${limit}`,
    overLimit: 'Supera el límite de crédito: lo autoriza el dueño.',
    notCovered: 'Todavía falta cobrar una parte.',
    noPayments: 'Elegí el medio de pago (F2 a F6) y el importe.',
    retry: 'Reintentar',
    networkError:
      'No se pudo confirmar la venta. El ticket sigue acá: tocá «Reintentar»; si ya se había registrado, no se cobra dos veces.',
    noSession: 'No hay caja abierta. Abrí el turno para poder cobrar.',
    belowCostTitle: 'Productos por debajo del costo',
    belowCostLine: (name: string, price: string, cost: string) =>
      `${name}: se vende a ${price}, cuesta ${cost}`,
    belowCostNet: (name: string, net: string, cost: string) =>
      `${name}: sin IVA se vende a ${net} y cuesta ${cost}`,
    sellAnyway: 'Vender igual',
    sellWithApproval: 'Vender igual (PIN del encargado)',
    approvalsAgain:
      'Alguna autorización venció o ya se usó: volvé a pedirla cambiando la línea (F7).',
    keysHint: 'F2–F6 medio de pago · Enter agrega · F8 termina · Esc vuelve al ticket',
  },

  approval: {
    title: 'Autorización de un supervisor',
    supervisor: 'Supervisor',
    pin: 'PIN del supervisor',
    reason: 'Motivo (opcional)',
    submit: 'Autorizar',
    noSupervisors: 'No hay encargados ni dueño activos para autorizar.',
    ownPin: 'Confirmá con tu PIN: queda registrado.',
    onlyOwner: 'Solo el dueño puede autorizarlo.',
  },

  receipt: {
    title: 'Ticket',
    print: 'Imprimir',
    close: 'Cerrar (Esc)',
    hint: 'La impresora no está conectada a esta ventana: imprimí desde el navegador.',
    notConnected: 'la impresora no está conectada a esta ventana; usá «Ver / reimprimir ticket».',
  },

  customerPicker: {
    title: 'Elegir cliente',
    search: 'Buscar por nombre o documento',
    none: 'Ningún cliente coincide.',
    pick: 'Elegir',
    clear: 'Sin cliente',
  },
} as const;
