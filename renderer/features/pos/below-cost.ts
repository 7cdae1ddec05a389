import type { Role } from '../../../shared/contract/index.ts';
import { sellsBelowCost } from '../../../shared/domain/sale-math.ts';
import { t } from '../../lib/strings.ts';
import { belowCost, findLine, type CartProduct, type Ticket } from '../../stores/ticket.ts';

/**
 * Selling under cost, seen from the counter before the sale is charged: the scan area warns as
 * the line lands and the price checker warns for the product. The core decides at commit time;
 * this only makes sure nobody is surprised by the supervisor's PIN at the end.
 */

/** The shelf price, net of IVA, under the cost: the core's test for one unit at list price. */
export function productBelowCost(p: Pick<CartProduct, 'price' | 'cost' | 'ivaRateBp'>): boolean {
  return sellsBelowCost(p.price, 1000, p.cost, p.ivaRateBp);
}

/** A cashier's sale below cost goes through only with an encargado's or the owner's PIN. */
export function needsSupervisorForBelowCost(role: Role | null | undefined): boolean {
  return role === 'cajero';
}

export function costWarningText(name: string, role: Role | null | undefined): string {
  return t.pos.costWarning(name, needsSupervisorForBelowCost(role));
}

/** The warning under the scan box: `n` changes each time it is raised, so it flashes again. */
export type CostWarning = { key: string; name: string; n: number };

/**
 * What the warning becomes after the ticket changed from `prev` to `next`. A line just added, or
 * changed into selling below cost (a price lowered, a discount), raises it afresh; another scan
 * or a new ticket clears it; otherwise it stays (the same object) while its line is still below
 * cost in the ticket.
 */
export function nextCostWarning(
  prev: Ticket,
  next: Ticket,
  current: CostWarning | null,
): CostWarning | null {
  if (next.id !== prev.id) return null;
  const added = next.seq !== prev.seq;
  const line = next.lastKey === null ? undefined : findLine(next, next.lastKey);
  if (line && belowCost(line)) {
    const before = findLine(prev, line.key);
    if (added || !before || !belowCost(before)) {
      return { key: line.key, name: line.product.name, n: (current?.n ?? 0) + 1 };
    }
  }
  if (added || current === null) return null;
  const warned = findLine(next, current.key);
  return warned && belowCost(warned) ? current : null;
}
