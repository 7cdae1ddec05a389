import type { ParsedInputOf, ReturnRecord, Tender } from '../../../shared/contract/index.ts';
import { formatMoney, formatQuantity } from '../../../shared/domain/money.ts';
import { prep } from '../db/statements.ts';
import { creditCustomer } from '../cash/ledger.ts';
import { addSessionTotals, requireOpenSession } from '../cash/sessions.ts';
import type { Ctx } from '../context.ts';
import { invalid, notFound } from '../errors.ts';
import { postMovement } from '../stock/ledger.ts';
import { useApproval } from './approvals.ts';
import { sumByTender } from './payments.ts';
import {
  INSERT_REFUND,
  INSERT_RETURN,
  INSERT_RETURN_LINE,
  readReturn,
  refundedOfLine,
  refundedOnAccount,
  returnIdByKey,
  returnSnapshot,
  type RefundRow,
  type ReturnLineRow,
  type ReturnRow,
} from './return-rows.ts';
import { saleLines, salePayments, saleRow, type LineRow, type SaleRow } from './rows.ts';
import { damagedLocationId, readPosSettings, saleLocationOf } from './settings.ts';
import { saleSnapshot } from './snapshots.ts';

export type ReturnInput = ParsedInputOf<'sales.return'>;

type Item = {
  saleLine: LineRow | null;
  productId: string;
  qty: number;
  amount: number;
};

const unitCheck = (name: string, unit: string, qty: number): void => {
  if (unit === 'u' && qty % 1000 !== 0) {
    throw invalid(`«${name}» se vende por unidad: la cantidad devuelta tiene que ser entera`);
  }
};

/**
 * Lines of a ticket: at most what was sold minus what earlier returns took back. The refund is
 * the line's total in proportion; the return that empties a line takes whatever is left of it,
 * so a full void gives back exactly what was charged, centavo by centavo.
 */
function ticketItems(db: Ctx['db'], sale: SaleRow, lines: LineRow[], input: ReturnInput): Item[] {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const asked = new Map<string, number>();
  for (const l of input.lines) {
    if (l.saleLineId === undefined) throw invalid('Indicá qué renglón del ticket se devuelve');
    const line = byId.get(l.saleLineId);
    if (!line) throw invalid(`Ese renglón no es del ticket ${sale.number}`);
    asked.set(line.id, (asked.get(line.id) ?? 0) + l.qty);
  }
  const items: Item[] = [];
  for (const [id, qty] of asked) {
    const line = byId.get(id) as LineRow;
    unitCheck(line.description, line.unit, qty);
    const left = line.qty - line.returned_qty;
    if (qty > left) {
      throw invalid(
        left === 0
          ? `«${line.description}» ya se devolvió entero`
          : `De «${line.description}» quedan ${formatQuantity(left, line.unit)} por devolver, no ${formatQuantity(qty, line.unit)}`,
      );
    }
    const amount =
      qty === left
        ? line.total - refundedOfLine(db, line.id)
        : Math.round((line.total * qty) / line.qty);
    items.push({ saleLine: line, productId: line.product_id, qty, amount });
  }
  return items;
}

function looseItems(ctx: Ctx, input: ReturnInput): Item[] {
  return input.lines.map((l) => {
    if (l.saleLineId !== undefined) throw invalid('Sin ticket, indicá el producto, no el renglón');
    if (l.productId === undefined || l.unitPrice === undefined) {
      throw invalid('Sin ticket, indicá el producto y el precio que se reintegra');
    }
    const p = prep<[string], { name: string; unit: string }>(
      ctx.db,
      'SELECT name, unit FROM products WHERE id = ?',
    ).get(l.productId);
    if (!p) throw notFound('El producto devuelto');
    unitCheck(p.name, p.unit, l.qty);
    return {
      saleLine: null,
      productId: l.productId,
      qty: l.qty,
      amount: Math.round((l.qty * l.unitPrice) / 1000),
    };
  });
}

function checkRefunds(
  refunds: Map<Tender, number>,
  total: number,
  sale: SaleRow | null,
  onAccountPaid: number,
): void {
  const sum = [...refunds.values()].reduce((s, a) => s + a, 0);
  if (sum !== total) {
    throw invalid(
      `El reintegro (${formatMoney(sum)}) tiene que ser igual a lo que se devuelve (${formatMoney(total)})`,
    );
  }
  const onAccount = refunds.get('cuenta_corriente') ?? 0;
  if (onAccount > 0) {
    if (!sale || sale.customer_id === null || onAccountPaid === 0) {
      throw invalid('Solo se reintegra a cuenta corriente una venta que se fió');
    }
    if (onAccount > onAccountPaid) {
      throw invalid(
        `A cuenta corriente se pueden reintegrar hasta ${formatMoney(onAccountPaid)}, lo que se fió`,
      );
    }
  }
}

/**
 * A return in one transaction: the goods back into the sale location (or to Averiados), the
 * money out by tender from the open drawer (or back onto the customer's account for fiado), the
 * sale's returned quantities and its audit snapshot updated. With a ticket it needs a
 * supervisor's `return` approval; without one, `return.no_ticket`.
 */
export function returnSale(ctx: Ctx, input: ReturnInput): ReturnRecord {
  const known = returnIdByKey(ctx.db, input.idempotencyKey);
  if (known !== null) return readReturn(ctx.db, known) as ReturnRecord;
  const outcome = ctx.tx(() => {
    const raced = returnIdByKey(ctx.db, input.idempotencyKey);
    if (raced !== null) return { record: readReturn(ctx.db, raced) as ReturnRecord, ids: [] };
    const session = requireOpenSession(ctx);
    const returnId = ctx.newId();
    let sale: SaleRow | null = null;
    let lines: LineRow[] = [];
    let items: Item[];
    if (input.saleId !== undefined) {
      sale = saleRow(ctx.db, input.saleId) ?? null;
      if (!sale) throw notFound('El ticket');
      lines = saleLines(ctx.db, sale.id);
      items = ticketItems(ctx.db, sale, lines, input);
    } else {
      items = looseItems(ctx, input);
    }
    let total = items.reduce((s, i) => s + i.amount, 0);
    // The return that empties the ticket also gives back its cash rounding: a void nets to zero.
    const returned = new Map(items.map((i) => [i.saleLine?.id ?? '', i.qty]));
    if (sale !== null && lines.every((l) => l.returned_qty + (returned.get(l.id) ?? 0) === l.qty)) {
      total = Math.max(0, total + sale.rounding);
    }

    const refunds = sumByTender(input.refunds.filter((r) => r.amount > 0));
    const paidOnAccount =
      sale === null
        ? 0
        : salePayments(ctx.db, sale.id)
            .filter((p) => p.tender === 'cuenta_corriente')
            .reduce((s, p) => s + p.amount, 0) - refundedOnAccount(ctx.db, sale.id);
    checkRefunds(refunds, total, sale, paidOnAccount);

    const approval = useApproval(
      ctx,
      input.approvalId,
      [sale ? 'return' : 'return.no_ticket'],
      returnId,
    );
    const settings = readPosSettings(ctx.db);
    const locationId =
      input.destination === 'averiado'
        ? damagedLocationId(ctx)
        : (sale?.location_id ?? saleLocationOf(settings));

    const row: ReturnRow = {
      id: returnId,
      idempotency_key: input.idempotencyKey,
      sale_id: sale?.id ?? null,
      session_id: session.id,
      at: ctx.now(),
      user_id: ctx.user?.id ?? null,
      approval_id: approval.id,
      location_id: locationId,
      reason: input.reason,
      total,
    };
    prep(ctx.db, INSERT_RETURN).run(row);
    const lineRows: ReturnLineRow[] = items.map((i) => ({
      id: ctx.newId(),
      return_id: returnId,
      sale_line_id: i.saleLine?.id ?? null,
      product_id: i.productId,
      qty: i.qty,
      amount: i.amount,
    }));
    for (const l of lineRows) prep(ctx.db, INSERT_RETURN_LINE).run(l);
    const refundRows: RefundRow[] = [...refunds].map(([tender, amount]) => ({
      return_id: returnId,
      tender,
      amount,
    }));
    for (const f of refundRows) prep(ctx.db, INSERT_REFUND).run(f);

    const reference = sale ? `Devolución ticket ${sale.number}` : 'Devolución sin ticket';
    for (const i of items) {
      postMovement(ctx, {
        productId: i.productId,
        locationId,
        qty: i.qty,
        kind: 'devolucion',
        reason: input.destination === 'averiado' ? `Averiado: ${input.reason}` : input.reason,
        reference,
      });
    }
    for (const f of refundRows) {
      addSessionTotals(ctx, session.id, f.tender, { refunds: f.amount });
      if (f.tender === 'cuenta_corriente' && sale?.customer_id) {
        creditCustomer(ctx, {
          customerId: sale.customer_id,
          amount: f.amount,
          returnId,
          sessionId: session.id,
          note: `Devolución del ticket ${sale.number}`,
        });
      }
    }
    ctx.audit.append(ctx.actor, {
      action: 'sale.return',
      entity: 'return',
      entityId: returnId,
      after: returnSnapshot(row, lineRows, refundRows),
    });
    if (sale !== null) {
      const before = saleSnapshot(sale, lines, salePayments(ctx.db, sale.id));
      const bump = prep(
        ctx.db,
        'UPDATE sale_lines SET returned_qty = returned_qty + ? WHERE id = ?',
      );
      for (const i of items) if (i.saleLine) bump.run(i.qty, i.saleLine.id);
      ctx.audit.append(ctx.actor, {
        action: 'sale.return_applied',
        entity: 'sale',
        entityId: sale.id,
        before,
        after: saleSnapshot(sale, saleLines(ctx.db, sale.id), salePayments(ctx.db, sale.id)),
      });
    }
    return {
      record: readReturn(ctx.db, returnId) as ReturnRecord,
      ids: items.map((i) => i.productId),
    };
  });
  if (outcome.ids.length > 0) {
    ctx.emit({ type: 'stock.changed', payload: { productIds: [...new Set(outcome.ids)] } });
  }
  return outcome.record;
}
