import type { InputOf, LabelFormatId, PriceBatch } from '../../../shared/contract/index.ts';
import { pricingStrings } from '../../lib/strings-pricing.ts';

/** What «Etiquetas» prints: a batch, prices changed since a day, or products picked by hand. */
export type LabelSource = 'lote' | 'fecha' | 'productos';

export type LabelChoice = {
  source: LabelSource;
  batchId: string;
  /** 'YYYY-MM-DD', as a date input gives it. */
  since: string;
  productIds: readonly string[];
  format: LabelFormatId;
};

const l = pricingStrings.labels;

/** Midnight of a 'YYYY-MM-DD' day where the shop is (the browser's zone), epoch ms. */
export function dayStart(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const ms = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
  return Number.isNaN(ms) ? null : ms;
}

/** 'YYYY-MM-DD' of an instant where the shop is. */
export function dayOf(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The `pricing.labels` input for a choice, or what is missing, in Spanish. */
export function labelsInput(
  c: LabelChoice,
): { ok: true; input: InputOf<'pricing.labels'> } | { ok: false; message: string } {
  const format = c.format;
  switch (c.source) {
    case 'lote':
      return c.batchId
        ? { ok: true, input: { format, batchId: c.batchId } }
        : { ok: false, message: l.needBatch };
    case 'fecha': {
      const changedSince = dayStart(c.since);
      return changedSince === null
        ? { ok: false, message: l.needSince }
        : { ok: true, input: { format, changedSince } };
    }
    case 'productos':
      return c.productIds.length > 0
        ? { ok: true, input: { format, productIds: [...c.productIds] } }
        : { ok: false, message: l.needProducts };
  }
}

/**
 * The batch the picker starts on: the one handed over (just applied) while it is listed,
 * else the newest batch that changed any price.
 */
export function initialBatch(batches: readonly PriceBatch[], handedOver: string | null): string {
  if (handedOver && batches.some((b) => b.id === handedOver)) return handedOver;
  return batches.find((b) => b.count > 0)?.id ?? '';
}
