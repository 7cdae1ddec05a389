import type { StockMovement } from '../../../shared/contract/index.ts';
import type { Ctx } from '../context.ts';
import { invalid } from '../errors.ts';
import { postMovement } from './ledger.ts';

export type ManualMove = {
  productId: string;
  locationId: string;
  kind: 'entrada' | 'salida' | 'ajuste';
  /** entrada/salida: positive, as a person says it ("saqué 3"); ajuste: signed. */
  qty: number;
  reason: string;
  reference?: string | null;
};

/** Tells the caller the product's stock changed; only after the transaction committed. */
export function emitStockChanged(ctx: Ctx, productIds: readonly string[]): void {
  if (productIds.length === 0) return;
  ctx.emit({ type: 'stock.changed', payload: { productIds: [...new Set(productIds)] } });
}

/**
 * A manual entrada, salida or ajuste. The reason is required: unexplained write-offs
 * are exactly what the owner looks for when stock goes missing.
 */
export function moveStock(ctx: Ctx, m: ManualMove): StockMovement {
  const reason = m.reason.trim();
  if (reason === '') throw invalid('Indicá el motivo del movimiento');
  if (m.kind !== 'ajuste' && m.qty <= 0) {
    throw invalid(
      m.kind === 'salida'
        ? 'Indicá cuánto sale como un número positivo'
        : 'La cantidad que entra debe ser mayor que cero (para restar usá una salida)',
    );
  }
  const qty = m.kind === 'salida' ? -m.qty : m.qty;
  const movement = ctx.tx(() =>
    postMovement(ctx, {
      productId: m.productId,
      locationId: m.locationId,
      qty,
      kind: m.kind,
      reason,
      reference: m.reference ?? null,
    }),
  );
  emitStockChanged(ctx, [movement.productId]);
  return movement;
}

export type Transfer = {
  productId: string;
  fromLocationId: string;
  toLocationId: string;
  /** Positive thousandths. */
  qty: number;
  reason: string | null;
};

/**
 * Moves goods between two locations: two `transferencia` movements sharing one
 * transferId, written together. The source may go negative on purpose: whoever
 * carries the boxes from the depósito holds them in hand, so the shelf count is right
 * and it is the ledger that ran behind (an entrada not yet keyed in). Refusing would
 * only push people to skip recording the transfer; the negative level then shows up
 * in the stock screens and the next count settles it.
 */
export function transferStock(ctx: Ctx, t: Transfer): StockMovement[] {
  if (t.fromLocationId === t.toLocationId) {
    throw invalid('El origen y el destino de la transferencia tienen que ser distintos');
  }
  if (!Number.isInteger(t.qty) || t.qty <= 0) {
    throw invalid('La cantidad a transferir debe ser mayor que cero');
  }
  const movements = ctx.tx(() => {
    const transferId = ctx.newId();
    const common = {
      productId: t.productId,
      kind: 'transferencia' as const,
      reason: t.reason,
      transferId,
    };
    return [
      postMovement(ctx, { ...common, locationId: t.fromLocationId, qty: -t.qty }),
      postMovement(ctx, { ...common, locationId: t.toLocationId, qty: t.qty }),
    ];
  });
  emitStockChanged(ctx, [t.productId]);
  return movements;
}
