import type { Sale, Tender } from '../../../shared/contract/index.ts';
import { recordPayment } from '../cash/customers.ts';
import { getCustomerRow } from '../cash/ledger.ts';
import { openDrawerNoSale, recordMovement } from '../cash/movements.ts';
import { returnSale } from '../sales/returns.ts';
import { authorize, type RecentSale, type Till } from './counter.ts';

/**
 * What happens at a counter besides selling, each through the screen's own code and, where the
 * real flow asks for it, the supervisor's PIN: returns and voids, the drawer opened for change,
 * neighbours paying their account, cash taken to the safe and change brought in.
 */

const RETURN_REASONS: readonly [string, 'stock' | 'averiado'][] = [
  ['Se equivocó de variedad', 'stock'],
  ['Lo compró dos veces', 'stock'],
  ['Cambio de opinión, envase cerrado', 'stock'],
  ['Producto vencido', 'averiado'],
  ['Envase roto', 'averiado'],
  ['Estaba en mal estado', 'averiado'],
];

const VOID_REASONS = [
  'Anulación: se cobró con el medio de pago equivocado',
  'Anulación: el cliente no tenía saldo en la tarjeta',
  'Anulación: ticket cobrado dos veces',
];

const NO_SALE_REASONS = [
  'Cambio para el kiosco de al lado',
  'Revisar un billete dudoso',
  'Cambio de billetes a un cliente',
  'Guardar un vale del proveedor',
];

/** Where the money goes back: on account when it was fiado, else cash when cash was paid. */
function refundTender(sale: Sale): Tender {
  const tenders = sale.payments.map((p) => p.tender);
  if (tenders.every((x) => x === 'cuenta_corriente')) return 'cuenta_corriente';
  if (tenders.includes('efectivo')) return 'efectivo';
  return tenders[0] ?? 'efectivo';
}

function putBack(t: Till, productId: string, qty: number): void {
  const item = t.byId.get(productId);
  if (!item) return;
  item.salon += qty;
  t.dirty.add(item);
}

/** A customer brings back one unit (or the whole weighed piece) of a recent ticket. */
export function returnItem(t: Till, at: number): void {
  const { rng } = t;
  const open = t.recent.filter((r) => !r.returned);
  if (open.length === 0) return;
  const recent = rng.pick(open);
  const line = rng.pick(recent.sale.lines);
  const qty = line.unit === 'u' ? 1_000 : line.qty;
  const amount = qty === line.qty ? line.total : Math.round((line.total * qty) / line.qty);
  if (amount <= 0) return;
  const [reason, destination] = rng.pick(RETURN_REASONS);
  const approvalId = authorize(t, at - 60_000, 'return', reason, { saleId: recent.sale.id });
  const tender = refundTender(recent.sale);
  t.h.clock.t = at;
  returnSale(t.cashier, {
    saleId: recent.sale.id,
    lines: [{ saleLineId: line.id, qty }],
    destination,
    refunds: [{ tender, amount }],
    reason,
    approvalId,
    idempotencyKey: t.h.ctx.newId(),
  });
  recent.returned = true;
  if (destination === 'stock') putBack(t, line.productId, qty);
  if (tender === 'efectivo') t.cash -= amount;
  t.tally.returns++;
}

/** The ticket just charged is voided whole: everything back, each tender refunded. */
export function voidSale(t: Till, recent: RecentSale, at: number): void {
  const { sale } = recent;
  const reason = t.rng.pick(VOID_REASONS);
  const approvalId = authorize(t, at - 30_000, 'return', reason, { saleId: sale.id });
  const refunds = new Map<Tender, number>();
  for (const p of sale.payments) refunds.set(p.tender, (refunds.get(p.tender) ?? 0) + p.amount);
  t.h.clock.t = at;
  returnSale(t.cashier, {
    saleId: sale.id,
    lines: sale.lines.map((l) => ({ saleLineId: l.id, qty: l.qty })),
    destination: 'stock',
    refunds: [...refunds].map(([tender, amount]) => ({ tender, amount })),
    reason,
    approvalId,
    idempotencyKey: t.h.ctx.newId(),
  });
  recent.returned = true;
  for (const l of sale.lines) putBack(t, l.productId, l.qty);
  t.cash -= refunds.get('efectivo') ?? 0;
  t.tally.voids++;
}

/** The drawer opened with no sale, with the supervisor's PIN; the kick finishes later. */
export function openDrawer(t: Till, at: number): void {
  const reason = t.rng.pick(NO_SALE_REASONS);
  const approvalId = authorize(t, at - 20_000, 'drawer.open', reason);
  t.h.clock.t = at;
  t.pending.push(openDrawerNoSale(t.cashier, { approvalId, reason }));
  t.tally.noSale++;
}

/** A neighbour pays all or part of what they owe, in cash or by transfer. */
export function accountPayment(t: Till, at: number): void {
  const { rng } = t;
  const owing = t.customers.filter((c) => (getCustomerRow(t.h.ctx.db, c.id)?.balance ?? 0) > 0);
  if (owing.length === 0) return;
  const c = rng.pick(owing);
  const balance = getCustomerRow(t.h.ctx.db, c.id)?.balance ?? 0;
  const part = Math.floor(balance / 2 / 100_000) * 100_000;
  const amount = rng.chance(0.5) || part <= 0 ? balance : part;
  const tender = rng.chance(0.6) ? 'efectivo' : 'transferencia';
  t.h.clock.t = at;
  recordPayment(t.cashier, {
    customerId: c.id,
    amount,
    tender,
    note: amount === balance ? 'Canceló la cuenta' : 'Pago a cuenta',
  });
  if (tender === 'efectivo') t.cash += amount;
  t.tally.payments++;
}

/** Too much cash in the drawer: the cashier takes most of it to the safe, in round tens. */
export function maybeWithdraw(t: Till, at: number, threshold: number): void {
  if (t.cash < threshold) return;
  const amount = Math.floor((t.cash - t.float) / 1_000_000) * 1_000_000;
  if (amount <= 0) return;
  t.h.clock.t = at;
  recordMovement(t.cashier, { kind: 'retiro', amount, reason: 'Retiro a caja fuerte' });
  t.cash -= amount;
  t.tally.withdrawals++;
}

/** Coins and small notes brought from the bank at the start of a shift. */
export function bringChange(t: Till, at: number): void {
  const amount = t.rng.int(1, 4) * 500_000;
  t.h.clock.t = at;
  recordMovement(t.cashier, {
    kind: 'deposito',
    amount,
    reason: 'Cambio en monedas y billetes chicos',
  });
  t.cash += amount;
}
