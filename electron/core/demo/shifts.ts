import { DENOMINATIONS, type DenominationCount } from '../../../shared/contract/index.ts';
import { buildCashReport, expectedCash } from '../cash/reports.ts';
import { closeSession, openSession, openSessionOf } from '../cash/sessions.ts';
import type { Ctx } from '../context.ts';
import { sellTicket, type TicketPlan, type Till } from './counter.ts';
import { HOUR, MINUTE } from './history.ts';
import {
  accountPayment,
  bringChange,
  maybeWithdraw,
  openDrawer,
  returnItem,
  voidSale,
} from './incidents.ts';
import type { Rng } from './random.ts';

/**
 * Turnos de caja: the morning cashier opens the drawer with a float before 8:00 and hands over
 * around 14:30 with a count; the afternoon one opens right after and closes after 22:00. Every
 * close goes through the real closeSession, so its Z is built from what the shift wrote; the
 * count differs from what was expected by the few pesos a real count does.
 */

export type Shift = { cashier: Ctx; open: number; close: number; tickets: TicketPlan[] };

type Incident = { at: number; run: (t: Till, at: number) => void };

const FLOATS = [2_000_000, 2_500_000, 3_000_000, 4_000_000];

/** How many times something with this mean happens in a shift (Poisson). */
function times(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng.next(); p > limit; p *= rng.next()) k++;
  return k;
}

/** The day's two shifts, the tickets of each, and who works them. */
export function planShifts(
  rng: Rng,
  dayStart: number,
  tickets: readonly TicketPlan[],
  cashiers: { morning: Ctx; afternoon: Ctx },
): Shift[] {
  const handover = dayStart + 14 * HOUR + 30 * MINUTE;
  const morningOpen = dayStart + 7 * HOUR + rng.int(50, 58) * MINUTE;
  const morningClose = handover + rng.int(2, 8) * MINUTE;
  const afternoonOpen = morningClose + rng.int(1, 4) * MINUTE;
  const afternoonClose = dayStart + 22 * HOUR + rng.int(4, 15) * MINUTE;
  const morning = tickets.filter((t) => t.at < handover);
  // Whoever came while the drawers changed hands waits a little and pays right after.
  let queue = afternoonOpen;
  const afternoon = tickets
    .filter((t) => t.at >= handover)
    .map((t) => {
      if (t.at > queue) return t;
      queue += rng.int(20, 60) * 1_000;
      return { ...t, at: queue };
    });
  return [
    { cashier: cashiers.morning, open: morningOpen, close: morningClose, tickets: morning },
    { cashier: cashiers.afternoon, open: afternoonOpen, close: afternoonClose, tickets: afternoon },
  ];
}

function incidents(t: Till, s: Shift): Incident[] {
  const { rng } = t;
  const span = s.close - s.open - 40 * MINUTE;
  const when = (): number => s.open + 20 * MINUTE + Math.floor(rng.next() * span);
  const out: Incident[] = [];
  const add = (mean: number, run: Incident['run']): void => {
    for (let i = times(rng, mean); i > 0; i--) out.push({ at: when(), run });
  };
  // A busy shift (sixty tickets or more) sees these this often; a quiet one less.
  const busy = Math.min(1, s.tickets.length / 60);
  if (rng.chance(0.1)) out.push({ at: s.open + rng.int(3, 15) * MINUTE, run: bringChange });
  add(0.3 * busy, returnItem);
  add(0.3 * busy, openDrawer);
  add(0.1 * busy, (till) => void (till.clearPending = true));
  if (t.customers.length > 0) add(0.6, accountPayment);
  return out.sort((a, b) => a.at - b.at);
}

/** Largest notes first, as a cashier counts: exactly `amount`, a multiple of $ 1. */
function countOut(amount: number): DenominationCount[] {
  const out: DenominationCount[] = [];
  let left = amount;
  for (const d of DENOMINATIONS) {
    const qty = Math.floor(left / d);
    if (qty > 0) out.push({ denomination: d, qty });
    left -= qty * d;
  }
  return out;
}

/** The count at the close: usually exact, sometimes a few pesos short or over. */
function closeShift(t: Till, at: number): void {
  const { rng } = t;
  t.h.clock.t = at;
  const open = openSessionOf(t.cashier);
  if (!open) return;
  const expected = expectedCash(t.h.ctx.db, open.id);
  const r = rng.next();
  const variance = r < 0.65 ? 0 : r < 0.9 ? -rng.int(1, 50) * 1_000 : rng.int(1, 20) * 1_000;
  const counted = Math.max(0, Math.round((expected + variance) / 1_000) * 1_000);
  // The card terminal's batch and the transfers received say what the X report expects.
  const x = buildCashReport(t.h.ctx.db, open.id, 'X', at);
  const terminal = (tender: 'debito' | 'credito' | 'transferencia'): number =>
    Math.max(0, x.byTender.find((b) => b.tender === tender)?.expected ?? 0);
  closeSession(t.cashier, countOut(counted), {
    debito: terminal('debito'),
    credito: terminal('credito'),
    transferencia: terminal('transferencia'),
  });
}

/**
 * One shift, up to now: open, tickets and incidents in time order (a retiro whenever the drawer
 * holds too much), close. A shift still running now stays open, as the counter left it.
 */
export function runShift(t: Till, s: Shift): void {
  const { h, rng } = t;
  if (s.open > h.now) return;
  t.cashier = s.cashier;
  t.float = rng.pick(FLOATS);
  h.clock.t = s.open;
  openSession(t.cashier, t.float);
  t.openedAt = s.open;
  t.cash = t.float;
  // About one removed line every other busy shift and a void every eight.
  t.removeChance = 0.5 / Math.max(60, s.tickets.length);
  const voidChance = 0.12 / Math.max(60, s.tickets.length);
  const threshold = t.float + rng.int(20, 35) * 1_000_000;
  const events = incidents(t, s);
  let e = 0;
  for (const ticket of s.tickets) {
    if (ticket.at > h.now) break;
    for (; e < events.length && (events[e]?.at ?? Infinity) <= ticket.at; e++) {
      const ev = events[e];
      if (ev) ev.run(t, ev.at);
    }
    const sale = sellTicket(t, ticket);
    const last = t.recent.at(-1);
    const voided = sale !== null && last !== undefined && rng.chance(voidChance);
    if (voided && ticket.at + 45_000 <= h.now) voidSale(t, last, ticket.at + 45_000);
    if (ticket.at + 30_000 <= h.now) maybeWithdraw(t, ticket.at + 30_000, threshold);
  }
  for (; e < events.length; e++) {
    const ev = events[e];
    if (ev && ev.at <= h.now) ev.run(t, ev.at);
  }
  if (s.close <= h.now) closeShift(t, s.close);
}
