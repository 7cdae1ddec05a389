import type { InputOf } from '../../../shared/contract/index.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { ApiError, errorMessage } from '../../lib/api.ts';
import { t } from '../../lib/strings.ts';
import { commitLines, ticketApprovalIds, type Ticket } from '../../stores/ticket.ts';
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

export type CommitFailure =
  | { kind: 'below_cost'; message: string; lines: string[] }
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

export function classifyCommitError(e: unknown, ticket: Ticket): CommitFailure {
  const message = errorMessage(e);
  if (!(e instanceof ApiError)) return { kind: 'other', message };
  switch (e.code) {
    case 'BELOW_COST': {
      const details = e.details as { lines?: unknown } | null | undefined;
      const lines = Array.isArray(details?.lines)
        ? details.lines.map((l: unknown) => describeBelowCost(l, ticket))
        : [];
      return { kind: 'below_cost', message, lines };
    }
    case 'NO_CASH_SESSION':
      return { kind: 'no_session', message };
    case 'UNAVAILABLE':
      return { kind: 'network', message };
    case 'APPROVAL_REQUIRED':
    case 'APPROVAL_USED':
    case 'APPROVAL_EXPIRED':
      return { kind: 'approval', message };
    default:
      return { kind: 'other', message };
  }
}
