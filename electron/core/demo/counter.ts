import type { Sale, ScaleLayoutSetting } from '../../../shared/contract/index.ts';
import { makeScaleBarcode } from '../../../shared/domain/barcode.ts';
import { saleTotals, sellsBelowCost } from '../../../shared/domain/sale-math.ts';
import { getCustomerRow } from '../cash/ledger.ts';
import type { Ctx, CurrentUser } from '../context.ts';
import { grantApproval } from '../sales/approvals.ts';
import { commitSale } from '../sales/commit.ts';
import type { PaymentInput } from '../sales/payments.ts';
import { fromShelf, type History, type SaleLine, type SimItem } from './history.ts';
import type { Rng } from './random.ts';
import type { DemoCustomer, Staff } from './staff.ts';

/**
 * The counter: the day's planned sale lines grouped into tickets of believable sizes, each rung
 * up by the shift's cashier through the sale's own commit — weighed goods by their scale label,
 * paid in cash (with change), debit, credit, transfer/QR or, for a few neighbours, on account.
 */

export type TicketPlan = { at: number; lines: SaleLine[] };

/** A sale the shop may still see again: a return or a void refers to it. */
export type RecentSale = { sale: Sale; returned: boolean };

export type Tally = {
  tickets: number;
  returns: number;
  voids: number;
  removedLines: number;
  noSale: number;
  fiado: number;
  payments: number;
  withdrawals: number;
};

/** Everything the counter keeps between tickets. */
export type Till = {
  h: History;
  rng: Rng;
  cashier: Ctx;
  supervisor: CurrentUser;
  supervisorPin: string;
  customers: DemoCustomer[];
  weightLabel: ScaleLayoutSetting | null;
  byId: Map<string, SimItem>;
  recent: RecentSale[];
  /** Centavos the drawer should hold, for deciding retiros. */
  cash: number;
  float: number;
  /** When the current shift opened: its approvals fall inside it, as its Z counts them. */
  openedAt: number;
  /** A ticket was cleared with the supervisor's PIN: the next one carries the approval. */
  clearPending: boolean;
  /** Chance that a ticket has a line removed with the supervisor's PIN before paying. */
  removeChance: number;
  dirty: Set<SimItem>;
  /** No-sale drawer openings finish (the drawer kick) after the day's transaction. */
  pending: Promise<unknown>[];
  tally: Tally;
};

/** The counter before the first shift of the history. */
export function openTill(
  h: History,
  staff: Staff,
  customers: DemoCustomer[],
  weightLabel: ScaleLayoutSetting | null,
): Till {
  return {
    h,
    rng: h.rng,
    cashier: staff.morning,
    supervisor: staff.supervisor.user,
    supervisorPin: staff.supervisorPin,
    customers,
    weightLabel,
    byId: new Map(h.items.map((i) => [i.id, i])),
    recent: [],
    cash: 0,
    float: 0,
    openedAt: 0,
    clearPending: false,
    removeChance: 0,
    dirty: new Set(),
    pending: [],
    tally: {
      tickets: 0,
      returns: 0,
      voids: 0,
      removedLines: 0,
      noSale: 0,
      fiado: 0,
      payments: 0,
      withdrawals: 0,
    },
  };
}

/** Items per ticket: many quick one-item purchases, a few big weekly shops. */
function basketSize(rng: Rng): number {
  const r = rng.next();
  if (r < 0.34) return 1;
  if (r < 0.56) return 2;
  if (r < 0.7) return 3;
  if (r < 0.8) return 4;
  if (r < 0.88) return rng.int(5, 6);
  if (r < 0.96) return rng.int(7, 10);
  return rng.int(11, 18);
}

/** The day's lines, in time order, cut into tickets stamped at their first line. */
export function planTickets(rng: Rng, lines: readonly SaleLine[]): TicketPlan[] {
  const out: TicketPlan[] = [];
  for (let i = 0; i < lines.length;) {
    const group = lines.slice(i, i + basketSize(rng));
    i += group.length;
    out.push({ at: (group[0] as SaleLine).at, lines: group });
  }
  return out;
}

/** What the customer hands over: the exact amount or the next round note or two. */
function tendered(rng: Rng, amount: number): number {
  if (rng.chance(0.15)) return amount;
  const steps = [10_000, 50_000, 100_000, 200_000, 1_000_000, 2_000_000];
  const options = [...new Set(steps.map((s) => Math.ceil(amount / s) * s))].filter(
    (v) => v >= amount,
  );
  return options[Math.min(options.length - 1, Math.floor(rng.next() ** 2 * 3))] ?? amount;
}

const cardRef = (rng: Rng): string => `Cupón ${rng.int(1, 9_999)}`;
const transferRef = (rng: Rng): string => `QR op. ${rng.int(10_000_000, 99_999_999)}`;

type Paid = { payments: PaymentInput[]; customerId?: string };

/** Fiado for a neighbour with room under the limit; otherwise the usual mix of tenders. */
function payFor(t: Till, total: number): Paid {
  const { rng } = t;
  if (t.customers.length > 0 && rng.chance(0.025)) {
    const c = rng.pick(t.customers);
    const row = getCustomerRow(t.h.ctx.db, c.id);
    if (row && row.balance + total <= row.credit_limit) {
      t.tally.fiado++;
      return { payments: [{ tender: 'cuenta_corriente', amount: total }], customerId: c.id };
    }
  }
  const cashShare = total < 500_000 ? 0.55 : total > 2_500_000 ? 0.3 : 0.42;
  const r = rng.next();
  if (r < cashShare) {
    return { payments: [{ tender: 'efectivo', amount: total, tendered: tendered(rng, total) }] };
  }
  if (total > 800_000 && r < cashShare + 0.05) {
    // Part in cash, the rest by debit card.
    const cash = Math.floor((total * (0.3 + rng.next() * 0.4)) / 100_000) * 100_000;
    if (cash > 0 && cash < total) {
      return {
        payments: [
          { tender: 'efectivo', amount: cash, tendered: cash },
          { tender: 'debito', amount: total - cash, reference: cardRef(rng) },
        ],
      };
    }
  }
  const rest = rng.next();
  const creditShare = total > 2_500_000 ? 0.3 : 0.12;
  if (rest < creditShare) {
    return { payments: [{ tender: 'credito', amount: total, reference: cardRef(rng) }] };
  }
  if (rest < creditShare + (1 - creditShare) * 0.5) {
    return { payments: [{ tender: 'debito', amount: total, reference: cardRef(rng) }] };
  }
  return { payments: [{ tender: 'transferencia', amount: total, reference: transferRef(rng) }] };
}

const REMOVE_REASONS = [
  'El cliente no lo llevó',
  'Escaneado dos veces',
  'No le alcanzó la plata',
  'Precio distinto al de la góndola',
];

/** The supervisor types her PIN at the counter for the cashier asking; returns the approval. */
export function authorize(
  t: Till,
  at: number,
  action: 'line.remove' | 'sale.clear' | 'return' | 'drawer.open',
  reason: string,
  details?: Record<string, unknown>,
): string {
  t.h.clock.t = Math.max(at, t.openedAt + 1_000);
  return grantApproval(t.cashier, {
    supervisorId: t.supervisor.id,
    pin: t.supervisorPin,
    action,
    reason,
    details,
  }).id;
}

/** The jubilados' 5 %, within what a cashier may give, never below cost. */
function discountFits(item: SimItem, qty: number): boolean {
  const total = Math.round((qty * item.price * 0.95) / 1_000);
  return !sellsBelowCost(total, qty, item.cost, item.p.ivaRateBp);
}

/** Rings up one ticket; null when nothing of it was on the shelves. */
export function sellTicket(t: Till, plan: TicketPlan): Sale | null {
  const { h, rng } = t;
  const wanted = new Map<SimItem, number>();
  for (const l of plan.lines) wanted.set(l.item, (wanted.get(l.item) ?? 0) + l.qty);
  const lines: { item: SimItem; qty: number }[] = [];
  for (const [item, want] of wanted) {
    const qty = fromShelf(h, item, want, plan.at);
    if (qty > 0) lines.push({ item, qty });
  }
  if (lines.length === 0) return null;
  const discountBp = rng.chance(0.03) && lines.every((l) => discountFits(l.item, l.qty)) ? 500 : 0;
  const approvalIds: string[] = [];
  if (t.clearPending) {
    t.clearPending = false;
    approvalIds.push(
      authorize(t, plan.at - 90_000, 'sale.clear', 'El cliente se arrepintió de toda la compra'),
    );
  }
  if (rng.chance(t.removeChance)) {
    const gone = rng.pick(lines).item;
    approvalIds.push(
      authorize(t, plan.at - 40_000, 'line.remove', rng.pick(REMOVE_REASONS), {
        productId: gone.id,
      }),
    );
    t.tally.removedLines++;
  }
  const total = saleTotals(
    lines.map((l) => ({
      qty: l.qty,
      unitPrice: l.item.price,
      discountBp,
      ivaRateBp: l.item.p.ivaRateBp,
    })),
  ).total;
  const paid = payFor(t, total);
  h.clock.t = plan.at;
  const sale = commitSale(t.cashier, {
    idempotencyKey: h.ctx.newId(),
    lines: lines.map((l) => ({
      productId: l.item.id,
      qty: l.qty,
      ...(discountBp > 0 ? { discountBp } : {}),
      ...scaleCode(t, l.item, l.qty),
    })),
    payments: paid.payments,
    ...(paid.customerId ? { customerId: paid.customerId } : {}),
    roundToCash: false,
    confirmBelowCost: false,
    approvalIds,
  });
  for (const l of lines) {
    l.item.salon -= l.qty;
    t.dirty.add(l.item);
  }
  for (const p of sale.payments) if (p.tender === 'efectivo') t.cash += p.amount;
  t.recent.push({ sale, returned: false });
  if (t.recent.length > 80) t.recent.shift();
  t.tally.tickets++;
  return sale;
}

/** Weighed goods go through the scale: the label's EAN carries the PLU and the weight. */
function scaleCode(t: Till, item: SimItem, qty: number): { code?: string } {
  const plu = item.p.plu;
  const layout = t.weightLabel;
  if (plu === null || layout === null || item.p.unit !== 'kg') return {};
  if (plu >= 10 ** layout.pluLength || qty >= 100_000) return {};
  return { code: makeScaleBarcode(layout, plu, qty) };
}
