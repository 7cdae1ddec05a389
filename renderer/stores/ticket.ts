import type { ApprovalAction, Product, Role, SaleLineInput } from '../../shared/contract/index.ts';
import { DomainError } from '../../shared/domain/errors.ts';
import { formatQuantity } from '../../shared/domain/money.ts';
import {
  lineAmounts,
  saleTotals,
  sellsBelowCost,
  type LineAmounts,
  type PricedLine,
  type SaleTotals,
} from '../../shared/domain/sale-math.ts';

/**
 * The ticket being rung up, as pure functions: every change returns a new ticket, so the store
 * stays a thin shell and the arithmetic is the shared `sale-math` the core charges with.
 */

export type CartProduct = Pick<
  Product,
  'id' | 'name' | 'brand' | 'unit' | 'price' | 'ivaRateBp' | 'cost'
>;

export type LineApproval = { action: ApprovalAction; id: string };

export type CartLine = {
  /** Local row id, stable while the ticket lives. */
  key: string;
  product: CartProduct;
  /** What was scanned or typed; a scale label keeps its weight/price in it. */
  code: string | null;
  /** Thousandths. */
  qty: number;
  /** Shelf price when the line was added. */
  listPrice: number;
  /** Price charged per unit; differs from listPrice when overridden. */
  unitPrice: number;
  discountBp: number;
  /** Read from a scale label: its quantity is the label's and it is never merged. */
  fromLabel: boolean;
  /** A priced scale label: the line charges exactly this (before discount), whatever the weight. */
  labelPrice: number | null;
  /** Supervisor approvals for this line's price override or discount. */
  approvals: LineApproval[];
};

export type CustomerRef = {
  id: string;
  name: string;
  balance: number;
  creditLimit: number;
};

export type Ticket = {
  /** Idempotency key for sales.commit: made when the ticket starts, kept across retries. */
  id: string;
  lines: CartLine[];
  /** The last line added or changed: highlighted on screen. */
  lastKey: string | null;
  /** Bumped on every add, so the screen knows a new scan landed. */
  seq: number;
  /** Pending `N*` quantity for the next line, thousandths. */
  multiplier: number | null;
  customer: CustomerRef | null;
};

export function newTicket(id: string): Ticket {
  return { id, lines: [], lastKey: null, seq: 0, multiplier: null, customer: null };
}

export function toCartProduct(p: CartProduct): CartProduct {
  return {
    id: p.id,
    name: p.name,
    brand: p.brand,
    unit: p.unit,
    price: p.price,
    ivaRateBp: p.ivaRateBp,
    cost: p.cost,
  };
}

function checkQty(product: CartProduct, qty: number): void {
  if (!Number.isInteger(qty) || qty <= 0) {
    throw new DomainError('INVALID_QUANTITY', 'La cantidad debe ser mayor que cero');
  }
  if (product.unit === 'u' && qty % 1000 !== 0) {
    throw new DomainError(
      'INVALID_QUANTITY',
      `${product.name} se vende por unidad: la cantidad va en números enteros`,
    );
  }
}

export type AddOptions = {
  code?: string | null;
  /** Thousandths; defaults to the pending multiplier, or one unit. */
  qty?: number;
  fromLabel?: boolean;
  labelPrice?: number | null;
};

/**
 * Adds a product. The same product scanned again right after itself adds to that line (when sold
 * by unit, at shelf price, without discount, not from a scale label): what cashiers expect from
 * a till, and a shorter ticket. Anything else starts a new line.
 */
export function addProduct(ticket: Ticket, product: CartProduct, opts: AddOptions = {}): Ticket {
  const fromLabel = opts.fromLabel ?? false;
  // A scale label carries its own quantity; a pending multiplier waits for the next plain scan.
  const qty = opts.qty ?? ticket.multiplier ?? 1000;
  checkQty(product, qty);
  const multiplier = fromLabel ? ticket.multiplier : null;
  const last = ticket.lines.at(-1);
  if (
    last &&
    !fromLabel &&
    !last.fromLabel &&
    last.product.id === product.id &&
    product.unit === 'u' &&
    last.unitPrice === last.listPrice &&
    last.discountBp === 0
  ) {
    const merged: CartLine = { ...last, qty: last.qty + qty };
    return {
      ...ticket,
      lines: [...ticket.lines.slice(0, -1), merged],
      lastKey: merged.key,
      seq: ticket.seq + 1,
      multiplier,
    };
  }
  const line: CartLine = {
    key: `${ticket.id}:${ticket.seq + 1}`,
    product: toCartProduct(product),
    code: opts.code ?? null,
    qty,
    listPrice: product.price,
    unitPrice: product.price,
    discountBp: 0,
    fromLabel,
    labelPrice: opts.labelPrice ?? null,
    approvals: [],
  };
  return {
    ...ticket,
    lines: [...ticket.lines, line],
    lastKey: line.key,
    seq: ticket.seq + 1,
    multiplier,
  };
}

export function setMultiplier(ticket: Ticket, milli: number | null): Ticket {
  return { ...ticket, multiplier: milli };
}

function updateLine(ticket: Ticket, key: string, change: (l: CartLine) => CartLine): Ticket {
  let found = false;
  const lines = ticket.lines.map((l) => {
    if (l.key !== key) return l;
    found = true;
    return change(l);
  });
  if (!found) throw new DomainError('NOT_FOUND', 'Esa línea ya no está en el ticket');
  return { ...ticket, lines, lastKey: key };
}

export function findLine(ticket: Ticket, key: string): CartLine | undefined {
  return ticket.lines.find((l) => l.key === key);
}

/** New quantity for a line. Lowering it is a partial removal: the screen asks a supervisor. */
export function setQty(ticket: Ticket, key: string, qty: number): Ticket {
  return updateLine(ticket, key, (l) => {
    if (l.fromLabel && qty !== l.qty) {
      throw new DomainError(
        'INVALID_QUANTITY',
        'La cantidad de una etiqueta de balanza no se cambia: volvé a pesar',
      );
    }
    checkQty(l.product, qty);
    return { ...l, qty };
  });
}

export function removeLine(ticket: Ticket, key: string): Ticket {
  if (!findLine(ticket, key))
    throw new DomainError('NOT_FOUND', 'Esa línea ya no está en el ticket');
  const lines = ticket.lines.filter((l) => l.key !== key);
  return { ...ticket, lines, lastKey: lines.at(-1)?.key ?? null };
}

function withApproval(approvals: LineApproval[], action: ApprovalAction, id: string | null) {
  const others = approvals.filter((a) => a.action !== action);
  return id === null ? others : [...others, { action, id }];
}

export function setDiscount(
  ticket: Ticket,
  key: string,
  discountBp: number,
  approvalId: string | null = null,
): Ticket {
  if (!Number.isInteger(discountBp) || discountBp < 0 || discountBp > 10_000) {
    throw new DomainError('INVALID_DISCOUNT', 'El descuento va de 0 a 100 %');
  }
  return updateLine(ticket, key, (l) => ({
    ...l,
    discountBp,
    approvals: withApproval(l.approvals, 'discount', approvalId),
  }));
}

export function overridePrice(
  ticket: Ticket,
  key: string,
  unitPrice: number,
  approvalId: string | null = null,
): Ticket {
  if (!Number.isInteger(unitPrice) || unitPrice < 0) {
    throw new DomainError('INVALID_MONEY', 'El precio no puede ser negativo');
  }
  return updateLine(ticket, key, (l) => ({
    ...l,
    unitPrice,
    approvals: withApproval(
      l.approvals,
      'price.override',
      unitPrice === l.listPrice ? null : approvalId,
    ),
  }));
}

export function setCustomer(ticket: Ticket, customer: CustomerRef | null): Ticket {
  return { ...ticket, customer };
}

/** What sale-math prices: a priced scale label is one "unit" at the label's price, like the core. */
export function pricedLine(line: CartLine): PricedLine {
  return line.labelPrice !== null
    ? {
        qty: 1000,
        unitPrice: line.labelPrice,
        discountBp: line.discountBp,
        ivaRateBp: line.product.ivaRateBp,
      }
    : {
        qty: line.qty,
        unitPrice: line.unitPrice,
        discountBp: line.discountBp,
        ivaRateBp: line.product.ivaRateBp,
      };
}

export function lineTotals(line: CartLine): LineAmounts {
  return lineAmounts(pricedLine(line));
}

export function ticketTotals(
  ticket: Ticket,
  opts: { roundToCash: boolean; roundingStep: number } = { roundToCash: false, roundingStep: 0 },
): SaleTotals {
  return saleTotals(ticket.lines.map(pricedLine), opts);
}

/** Units on the ticket (kg/lt lines count as one item each). */
export function itemCount(ticket: Ticket): number {
  return ticket.lines.reduce((n, l) => n + (l.product.unit === 'u' ? l.qty / 1000 : 1), 0);
}

/** The lines as sales.commit wants them: unitPrice only when overridden. */
export function commitLines(ticket: Ticket): SaleLineInput[] {
  return ticket.lines.map((l) => ({
    productId: l.product.id,
    qty: l.qty,
    ...(l.unitPrice !== l.listPrice ? { unitPrice: l.unitPrice } : {}),
    ...(l.discountBp > 0 ? { discountBp: l.discountBp } : {}),
    ...(l.code ? { code: l.code } : {}),
  }));
}

export function ticketApprovalIds(ticket: Ticket): string[] {
  return ticket.lines.flatMap((l) => l.approvals.map((a) => a.id));
}

export function isSupervisor(role: Role | null | undefined): boolean {
  return role === 'encargado' || role === 'dueno';
}

/**
 * A cashier's discount above the shop's limit needs a supervisor; an encargado or the owner at
 * the counter gives it on their own authority (the core lets them).
 */
export function discountNeedsApproval(
  discountBp: number,
  limitBp: number,
  role: Role | null | undefined,
): boolean {
  return discountBp > limitBp && !isSupervisor(role);
}

/** "3 u", "0,250 kg", "1,5 lt": how a line's quantity is read back. */
export function lineQtyText(line: CartLine): string {
  return formatQuantity(line.qty, line.product.unit);
}

/** Sold for less than its cost plus IVA: the same test the core makes before asking to confirm. */
export function belowCost(line: CartLine): boolean {
  return sellsBelowCost(
    lineTotals(line).total,
    line.qty,
    line.product.cost,
    line.product.ivaRateBp,
  );
}

/** "10", "10,5", "7.25" (percent) → basis points; null when it is not a percentage 0–100. */
export function parsePercentBp(text: string): number | null {
  const s = text.trim().replace(/\s*%$/, '');
  if (s === '') return 0;
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}

/** 1050 → "10,5 %". */
export function formatPercentBp(bp: number): string {
  const int = Math.trunc(bp / 100);
  const frac = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${int}${frac ? `,${frac}` : ''} %`;
}
