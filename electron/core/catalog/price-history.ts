import type { Ctx } from '../context.ts';
import { prep } from '../db/statements.ts';

/**
 * One row per change of a shelf price, whoever made it: the product editor, an import, an
 * invoice screen or a mass update (batchId). The product's own audit entry, or the batch's,
 * vouches for the change; this table is what the price history chart reads.
 */
export type PriceChange = {
  productId: string;
  previous: number;
  price: number;
  at: number;
  source: string;
  batchId: string | null;
};

export function recordPriceChange(ctx: Pick<Ctx, 'db' | 'newId' | 'actor'>, c: PriceChange): void {
  prep(
    ctx.db,
    `INSERT INTO price_history (id, product_id, price, previous_price, at, source, batch_id, user_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(ctx.newId(), c.productId, c.price, c.previous, c.at, c.source, c.batchId, ctx.actor.userId);
}
