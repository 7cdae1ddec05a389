import { formatMoney } from '../../lib/format.ts';
import type { Ticket } from '../../stores/ticket.ts';
import { requestApproval } from './approval.ts';
import { belowCostApprovalRequest, type BelowCostFailure } from './checkout.ts';
import { fiadoOverLimit, type PaymentEntry } from './payment.ts';

/**
 * The supervisor PINs a sale needs before it is sent, on top of the lines' own: the owner's for
 * fiado over the limit (kept while the customer stays the same, through `fiadoApproval`), and,
 * when a cashier confirms selling below cost, an encargado's or the owner's for that (asked each
 * time it is confirmed). Null when the cashier gave up: nothing is sent and the ticket stays.
 */
export async function askSaleApprovals(opts: {
  ticket: Ticket;
  payments: readonly PaymentEntry[];
  fiadoApproval: string | null;
  onFiadoApproval(id: string): void;
  /** The below-cost refusal being confirmed, or null when not confirming one. */
  belowCost: BelowCostFailure | null;
}): Promise<string[] | null> {
  const { ticket, payments } = opts;
  const ids: string[] = [];
  if (fiadoOverLimit(ticket.customer, payments)) {
    let id = opts.fiadoApproval;
    if (id === null) {
      const onAccount = payments
        .filter((x) => x.tender === 'cuenta_corriente')
        .reduce((sum, x) => sum + x.amount, 0);
      const approval = await requestApproval('fiado.over_limit', {
        summary: `${ticket.customer?.name ?? ''}: ${formatMoney(onAccount)}`,
        details: { customerId: ticket.customer?.id, amount: onAccount },
      });
      if (!approval) return null;
      id = approval.id;
      opts.onFiadoApproval(id);
    }
    ids.push(id);
  }
  if (opts.belowCost?.needsSupervisor) {
    const approval = await requestApproval(
      'sale.below_cost',
      belowCostApprovalRequest(opts.belowCost, ticket),
    );
    if (!approval) return null;
    ids.push(approval.id);
  }
  return ids;
}
