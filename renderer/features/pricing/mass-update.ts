import type { InputOf, PriceChangeMode, PriceChangeRow } from '../../../shared/contract/index.ts';
import { formatDate, formatInteger } from '../../lib/format.ts';
import { formatSignedBp } from './percent-text.ts';

/** Pure pieces of «Actualización masiva»: descriptions, the rows to apply, what undo reverts. */

export type ApplyInput = InputOf<'pricing.apply'>;

/**
 * The batch's description until the owner writes one: «Sugeridos 24/11/2026», «+8,5 % Bebidas».
 * `scope` names the selection (a category, a supplier, searched words), when there is one.
 */
export function defaultDescription(
  mode: PriceChangeMode,
  scope: string | null,
  now: number,
): string {
  if (mode.kind === 'target') {
    return scope ? `Sugeridos ${scope} ${formatDate(now)}` : `Sugeridos ${formatDate(now)}`;
  }
  const pct = formatSignedBp(mode.percentBp);
  return scope ? `${pct} ${scope}` : `${pct} ${formatDate(now)}`;
}

/** What the selection is called in a description: the first of category, supplier, words. */
export function scopeName(parts: {
  category?: string | null | undefined;
  supplier?: string | null | undefined;
  query?: string | null | undefined;
  chosen?: number | undefined;
}): string | null {
  if (parts.category) return parts.category;
  if (parts.supplier) return parts.supplier;
  if (parts.query) return `«${parts.query}»`;
  if (parts.chosen) {
    return parts.chosen === 1 ? '1 producto' : `${formatInteger(parts.chosen)} productos`;
  }
  return null;
}

/** The batch's mode as the audit records it. */
export function batchMode(mode: PriceChangeMode): ApplyInput['mode'] {
  return mode.kind === 'target' ? 'sugerido' : 'porcentaje';
}

/** The ticked rows of a preview, each with the price it replaces (the core refuses stale ones). */
export function changesToApply(
  rows: readonly PriceChangeRow[],
  excluded: ReadonlySet<string>,
): ApplyInput['changes'] {
  return rows
    .filter((r) => !excluded.has(r.productId) && r.newPrice !== r.oldPrice)
    .map((r) => ({ productId: r.productId, oldPrice: r.oldPrice, newPrice: r.newPrice }));
}

export type PreviewTotals = { changing: number; excluded: number; underFloor: number };

export function previewTotals(
  rows: readonly PriceChangeRow[],
  excluded: ReadonlySet<string>,
): PreviewTotals {
  let changing = 0;
  let underFloor = 0;
  for (const r of rows) {
    if (excluded.has(r.productId)) continue;
    changing++;
    if (r.underFloor) underFloor++;
  }
  return { changing, excluded: rows.length - changing, underFloor };
}
