import type { CostRise } from '../../../shared/contract/index.ts';
import { netUnitCost } from '../../../shared/domain/pack.ts';
import { marginPct } from '../../../shared/domain/pricing.ts';
import {
  barcodesOf,
  categoryPathOf,
  getProductRow,
  updateProductData,
} from '../catalog/products.ts';
import { productData } from '../catalog/snapshots.ts';
import type { Ctx } from '../context.ts';
import { prep } from '../db/statements.ts';
import { invoiceDateMs } from './kinds.ts';
import { costSnapshot, type CostRow } from './rows.ts';

/**
 * Purchase costs from an applied factura: one history row per product, and the product's cost
 * moved through the catalog's own audited update. Several lines of one product (a bonus line at
 * no charge, say) make one average cost.
 */

export type CostLine = { productId: string; amount: number; units: number };

export type CostUpdate = {
  invoiceId: string;
  supplierCuit: string;
  /** The invoice date, 'YYYY-MM-DD': the cost is dated at it. */
  date: string;
  includesIva: boolean;
  lines: readonly CostLine[];
};

function grouped(lines: readonly CostLine[]): Map<string, { amount: number; units: number }> {
  const map = new Map<string, { amount: number; units: number }>();
  for (const l of lines) {
    const g = map.get(l.productId) ?? { amount: 0, units: 0 };
    g.amount += l.amount;
    g.units += l.units;
    map.set(l.productId, g);
  }
  return map;
}

/** The date of the newest invoice cost that already moved the product's cost, if any. */
function newestInvoiceCost(ctx: Ctx, productId: string): number | null {
  return (
    prep<[string], { d: number | null }>(
      ctx.db,
      `SELECT max(cost_date) AS d FROM cost_history
       WHERE product_id = ? AND source = 'factura' AND updated_product = 1`,
    ).get(productId)?.d ?? null
  );
}

function recordCost(ctx: Ctx, row: CostRow): void {
  prep(
    ctx.db,
    `INSERT INTO cost_history (id, product_id, cost, previous_cost, at, cost_date, invoice_id,
       supplier_cuit, source, updated_product, user_id)
     VALUES (@id, @product_id, @cost, @previous_cost, @at, @cost_date, @invoice_id,
       @supplier_cuit, @source, @updated_product, @user_id)`,
  ).run(row);
  ctx.audit.append(ctx.actor, {
    action: 'cost.record',
    entity: 'cost_change',
    entityId: row.id,
    after: costSnapshot(row),
  });
}

/**
 * Records and applies the new costs; returns the rises (with today's price and the margin left at
 * it) and the products whose row changed. An invoice dated before one already applied for a
 * product is kept in the history without moving that product's cost back. Inside the caller's tx.
 */
export function updateCosts(ctx: Ctx, u: CostUpdate): { rises: CostRise[]; changed: string[] } {
  const now = ctx.now();
  const costDate = Math.min(invoiceDateMs(u.date), now);
  const rises: CostRise[] = [];
  const changed: string[] = [];
  for (const [productId, g] of grouped(u.lines)) {
    const product = getProductRow(ctx.db, productId);
    if (!product) continue;
    const cost = netUnitCost({
      amount: g.amount,
      units: g.units,
      includesIva: u.includesIva,
      ivaRateBp: product.iva_rate_bp,
    });
    // Goods that came free say nothing about what the product costs.
    if (cost === null || cost <= 0) continue;
    const newer = newestInvoiceCost(ctx, productId);
    const moves = newer === null || newer <= costDate;
    recordCost(ctx, {
      id: ctx.newId(),
      product_id: productId,
      cost,
      previous_cost: product.cost,
      at: now,
      cost_date: costDate,
      invoice_id: u.invoiceId,
      supplier_cuit: u.supplierCuit,
      source: 'factura',
      updated_product: moves ? 1 : 0,
      user_id: ctx.actor.userId,
    });
    if (!moves) continue;
    const before = productData(product, barcodesOf(ctx.db, productId));
    const after = {
      ...before,
      cost,
      costDate,
      supplierCuit: before.supplierCuit ?? u.supplierCuit,
    };
    const path = categoryPathOf(ctx.db, product.category_id);
    if (updateProductData(ctx, productId, product.rid, before, after, path, 'product.cost', now)) {
      changed.push(productId);
    }
    if (product.cost > 0 && cost > product.cost) {
      rises.push({
        productId,
        name: product.name,
        oldCost: product.cost,
        newCost: cost,
        price: product.price,
        marginBp: Math.round((marginPct(product.price, cost, product.iva_rate_bp) ?? 0) * 100),
      });
    }
  }
  return { rises, changed };
}
