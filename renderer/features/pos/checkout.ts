import type { InputOf } from '../../../shared/contract/index.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { ApiError, errorMessage } from '../../lib/api.ts';
import { t } from '../../lib/strings.ts';
import { commitLines, lineTotals, ticketApprovalIds, type Ticket } from '../../stores/ticket.ts';
import { commitPayments, type PaymentEntry } from './payment.ts';

/** What sales.commit receives for this ticket and these payments. */
export function buildCommitInput(
  ticket: Ticket,
  payments: readonly PaymentEntry[],
  opts: { roundToCash: boolean; confirmBelowCost: boolean; extraApprovalIds: readonly string[] },
): InputOf<'sales.commit'> {
  return {
    idempotencyKey: ticket.id,
    lines: commitLines(ticket),
    payments: commitPayments(payments),
    ...(ticket.customer ? { customerId: ticket.customer.id } : {}),
    roundToCash: opts.roundToCash,
    confirmBelowCost: opts.confirmBelowCost,
    approvalIds: [...ticketApprovalIds(ticket), ...opts.extraApprovalIds],
  };
}

/**
 * The core refused to sell below cost without a confirmation. `lines` says each product's price
 * against its cost; `needsSupervisor` (a cashier selling) means confirming takes a supervisor's
 * `sale.below_cost` approval, for `productIds`.
 */
export type BelowCostFailure = {
  kind: 'below_cost';
  message: string;
  lines: string[];
  productIds: string[];
  needsSupervisor: boolean;
};

export type CommitFailure =
  | BelowCostFailure
  | { kind: 'no_session'; message: string }
  /** The answer never came: the sale may or may not be written; retry with the same key. */
  | { kind: 'network'; message: string }
  | { kind: 'approval'; message: string }
  | { kind: 'other'; message: string };

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** One line of a BELOW_COST error's details, in words; tolerant of the shape the core sends. */
export function describeBelowCost(entry: unknown, ticket: Ticket): string {
  if (typeof entry === 'string') return entry;
  if (typeof entry !== 'object' || entry === null) return String(entry);
  const e = entry as Record<string, unknown>;
  const lineNo = num(e.lineNo);
  const byProduct = ticket.lines.find((l) => l.product.id === e.productId);
  const byNumber = lineNo !== null ? ticket.lines[lineNo - 1] : undefined;
  const line = byProduct ?? byNumber;
  const name = str(e.description) ?? str(e.name) ?? line?.product.name ?? str(e.productId) ?? '?';
  // Cost is net of IVA: compare it with the net price when the core sends it.
  const net = num(e.unitPriceNet);
  const price = num(e.unitPrice) ?? num(e.price) ?? line?.unitPrice ?? null;
  const cost = num(e.unitCost) ?? num(e.cost) ?? line?.product.cost ?? null;
  if (cost === null) return name;
  if (net !== null) return t.pay.belowCostNet(name, formatMoney(net), formatMoney(cost));
  return price !== null ? t.pay.belowCostLine(name, formatMoney(price), formatMoney(cost)) : name;
}

/** A product's line as a BELOW_COST entry, net of IVA like the core's, from the ticket. */
function belowCostEntry(productId: string, ticket: Ticket): Record<string, unknown> {
  const line = ticket.lines.find((l) => l.product.id === productId);
  if (!line || line.qty <= 0) return { productId };
  const net =
    (lineTotals(line).total * 1000 * 10_000) / (line.qty * (10_000 + line.product.ivaRateBp));
  return { productId, unitPriceNet: Math.round(net) };
}

export function classifyCommitError(e: unknown, ticket: Ticket): CommitFailure {
  const message = errorMessage(e);
  if (!(e instanceof ApiError)) return { kind: 'other', message };
  switch (e.code) {
    case 'BELOW_COST': {
      const details = e.details as { lines?: unknown; needsSupervisor?: unknown } | null;
      const entries: unknown[] = Array.isArray(details?.lines) ? details.lines : [];
      const productIds = entries
        .map((l) =>
          typeof l === 'object' && l !== null
            ? str((l as { productId?: unknown }).productId)
            : null,
        )
        .filter((id): id is string => id !== null);
      return {
        kind: 'below_cost',
        message,
        lines: entries.map((l) => describeBelowCost(l, ticket)),
        productIds: [...new Set(productIds)],
        needsSupervisor: details?.needsSupervisor === true,
      };
    }
    case 'NO_CASH_SESSION':
      return { kind: 'no_session', message };
    case 'UNAVAILABLE':
      return { kind: 'network', message };
    case 'APPROVAL_REQUIRED': {
      // The core wants the supervisor for selling below cost (the products under cost changed
      // since the question): the same confirmation again, not "change the line".
      const details = e.details as { action?: unknown; productIds?: unknown } | null;
      if (details?.action === 'sale.below_cost') {
        const ids = Array.isArray(details.productIds)
          ? details.productIds.filter((id): id is string => typeof id === 'string')
          : [];
        return {
          kind: 'below_cost',
          message,
          lines: ids.map((id) => describeBelowCost(belowCostEntry(id, ticket), ticket)),
          productIds: ids,
          needsSupervisor: true,
        };
      }
      return { kind: 'approval', message };
    }
    case 'APPROVAL_USED':
    case 'APPROVAL_EXPIRED':
      return { kind: 'approval', message };
    default:
      return { kind: 'other', message };
  }
}

/**
 * What the supervisor sees and signs when a cashier confirms selling below cost: each product's
 * price against its cost, and the products it covers (the core checks them) with the ticket.
 */
export function belowCostApprovalRequest(
  failure: BelowCostFailure,
  ticket: Ticket,
): { summary: string; details: Record<string, unknown> } {
  return {
    summary: [...new Set(failure.lines)].join(' · ') || failure.message,
    details: {
      ticket: ticket.id,
      ...(failure.productIds.length > 0 ? { productIds: failure.productIds } : {}),
      lines: failure.lines,
    },
  };
}
