import type { Database } from 'better-sqlite3';
import type { EntitySnapshots } from '../audit/verify.ts';
import type { LineRow, PaymentRow, SaleRow } from './rows.ts';

/**
 * What the audit log vouches for about a sale: the header, every line (with how much of it was
 * returned) and every payment. `sale.create` writes it as `after`, a return re-writes it with
 * `sale.return_applied`, and verify rebuilds it from the tables: any difference means a sale was
 * edited outside the app (a total lowered, a line deleted, a payment switched to another tender).
 * A line's `refunded` (summed from return_lines) is left out on purpose: it is derived, and the
 * return's own snapshot vouches for those amounts.
 */
export function saleSnapshot(
  s: SaleRow,
  lines: readonly LineRow[],
  payments: readonly PaymentRow[],
): Record<string, unknown> {
  return {
    number: s.number,
    idempotencyKey: s.idempotency_key,
    at: s.at,
    sessionId: s.session_id,
    userId: s.user_id,
    customerId: s.customer_id,
    locationId: s.location_id,
    subtotal: s.subtotal,
    discountTotal: s.discount_total,
    rounding: s.rounding,
    total: s.total,
    change: s.change,
    // Kept as stored text: a rewritten IVA breakdown counts as an edit even if it means the same.
    iva: s.iva,
    flags: s.flags,
    lines: [...lines]
      .sort((a, b) => a.line_no - b.line_no)
      .map((l) => ({
        id: l.id,
        lineNo: l.line_no,
        productId: l.product_id,
        code: l.code,
        description: l.description,
        unit: l.unit,
        qty: l.qty,
        listPrice: l.list_price,
        unitPrice: l.unit_price,
        discountBp: l.discount_bp,
        total: l.total,
        unitCost: l.unit_cost,
        ivaRateBp: l.iva_rate_bp,
        belowCost: l.below_cost,
        withoutStock: l.without_stock,
        approvalId: l.approval_id,
        returnedQty: l.returned_qty,
      })),
    payments: [...payments]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((p) => ({
        id: p.id,
        tender: p.tender,
        amount: p.amount,
        tendered: p.tendered,
        change: p.change,
        reference: p.reference,
      })),
  };
}

function groupBySale<R extends { sale_id: string }>(rows: Iterable<R>): Map<string, R[]> {
  const map = new Map<string, R[]>();
  for (const r of rows) {
    const list = map.get(r.sale_id);
    if (list) list.push(r);
    else map.set(r.sale_id, [r]);
  }
  return map;
}

/** Three table scans grouped in memory: verify stays quick with a hundred thousand tickets. */
function snapshotAll(db: Database): Map<string, unknown> {
  const lines = groupBySale(db.prepare<[], LineRow>('SELECT * FROM sale_lines').iterate());
  const payments = groupBySale(db.prepare<[], PaymentRow>('SELECT * FROM sale_payments').iterate());
  const map = new Map<string, unknown>();
  for (const s of db.prepare<[], SaleRow>('SELECT * FROM sales').iterate()) {
    map.set(s.id, saleSnapshot(s, lines.get(s.id) ?? [], payments.get(s.id) ?? []));
  }
  return map;
}

export const saleEntity: EntitySnapshots = {
  entity: 'sale',
  label: 'La venta',
  snapshotAll,
};
