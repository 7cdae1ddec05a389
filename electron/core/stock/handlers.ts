import type { Handlers } from '../context.ts';
import { notFound } from '../errors.ts';
import {
  cancelCount,
  closeCount,
  getCount,
  listCounts,
  setCountLine,
  startCount,
} from './counts.ts';
import { checkStock, levels } from './ledger.ts';
import { createLocation, listLocations } from './locations.ts';
import { moveStock, transferStock } from './moves.ts';
import { listMovements, lowStock } from './queries.ts';

export const stockHandlers = {
  'stock.locations': (_input, ctx) => listLocations(ctx.db),

  'stock.createLocation': (input, ctx) => ctx.tx(() => createLocation(ctx, input.name)),

  'stock.levels': (input, ctx) => {
    if (!ctx.db.prepare('SELECT 1 FROM products WHERE id = ?').get(input.productId)) {
      throw notFound('El producto');
    }
    return levels(ctx.db, input.productId);
  },

  'stock.move': (input, ctx) =>
    moveStock(ctx, {
      productId: input.productId,
      locationId: input.locationId,
      kind: input.kind,
      qty: input.qty,
      reason: input.reason,
      reference: input.reference ?? null,
    }),

  'stock.transfer': (input, ctx) =>
    transferStock(ctx, {
      productId: input.productId,
      fromLocationId: input.fromLocationId,
      toLocationId: input.toLocationId,
      qty: input.qty,
      reason: input.reason,
    }),

  'stock.movements': (input, ctx) => listMovements(ctx.db, input),

  'stock.lowStock': (input, ctx) => lowStock(ctx.db, input.limit),

  'stock.counts': (_input, ctx) => listCounts(ctx.db),

  'stock.countStart': (input, ctx) => startCount(ctx, input.locationId),

  'stock.countGet': (input, ctx) => getCount(ctx.db, input.countId),

  'stock.countSet': (input, ctx) => setCountLine(ctx, input),

  'stock.countClose': (input, ctx) => closeCount(ctx, input.countId),

  'stock.countCancel': (input, ctx) => cancelCount(ctx, input.countId),

  'stock.check': (_input, ctx) => checkStock(ctx.db),
} satisfies Handlers;
