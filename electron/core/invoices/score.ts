/**
 * Scores extracted invoices against ground truth, both in the batch JSON shape (pesos, ISO dates,
 * CUIT digits). Header fields count one each (every rate of netByRate/ivaByRate counts as its
 * own field); line items are matched one to one and scored by F1.
 */

import { editSimilarity } from '../../../shared/domain/text.ts';

export type Json = Record<string, unknown>;

export const HEADER_FIELDS = [
  'kind',
  'letter',
  'afipCode',
  'pointOfSale',
  'number',
  'date',
  'issuer.name',
  'issuer.cuit',
  'issuer.ivaCondition',
  'recipient.name',
  'recipient.cuit',
  'recipient.ivaCondition',
  'cae',
  'caeDue',
  'perceptions',
  'total',
] as const;

function get(o: Json, path: string): unknown {
  let v: unknown = o;
  for (const key of path.split('.')) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Json)[key];
  }
  return v;
}

export function normalizeText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9%,./-]+/g, ' ')
    .trim();
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 0.005;
  if (typeof a === 'string' && typeof b === 'string') return normalizeText(a) === normalizeText(b);
  return a === b;
}

/** Levenshtein similarity in [0, 1] of two normalised texts. */
export function similarity(a: string, b: string): number {
  return editSimilarity(normalizeText(a), normalizeText(b));
}

export type HeaderScore = { correct: number; total: number; misses: string[] };

export function scoreHeader(got: Json, truth: Json): HeaderScore {
  const s: HeaderScore = { correct: 0, total: 0, misses: [] };
  const check = (path: string, want: unknown, have: unknown): void => {
    if (want === undefined) return;
    s.total++;
    if (same(want, have)) s.correct++;
    else s.misses.push(`${path}: ${JSON.stringify(have)} ≠ ${JSON.stringify(want)}`);
  };
  for (const path of HEADER_FIELDS) check(path, get(truth, path), get(got, path));
  for (const map of ['netByRate', 'ivaByRate']) {
    const want = (truth[map] ?? {}) as Json;
    const have = (got[map] ?? {}) as Json;
    for (const rate of Object.keys(want)) check(`${map}.${rate}`, want[rate], have[rate]);
  }
  return s;
}

export type ItemScore = { matched: number; predicted: number; expected: number; misses: string[] };

function itemMatches(have: Json, want: Json): boolean {
  if (!same(have.amount, want.amount) || !same(have.quantity, want.quantity)) return false;
  if (!same(have.unitPrice, want.unitPrice)) return false;
  if (!same(have.discountPct ?? 0, want.discountPct ?? 0)) return false;
  if (typeof want.code === 'string' && !same(have.code, want.code)) return false;
  return similarity(String(have.description ?? ''), String(want.description ?? '')) >= 0.8;
}

export function scoreItems(got: Json, truth: Json): ItemScore {
  const have = (Array.isArray(got.items) ? got.items : []) as Json[];
  const want = (Array.isArray(truth.items) ? truth.items : []) as Json[];
  const used = new Set<number>();
  const misses: string[] = [];
  let matched = 0;
  for (const w of want) {
    const i = have.findIndex((h, k) => !used.has(k) && itemMatches(h, w));
    if (i >= 0) {
      used.add(i);
      matched++;
    } else {
      misses.push(
        `${String(w.description)} ${String(w.quantity)} × ${String(w.unitPrice)} = ${String(w.amount)}`,
      );
    }
  }
  return { matched, predicted: have.length, expected: want.length, misses };
}

export function f1(matched: number, predicted: number, expected: number): number {
  if (predicted === 0 && expected === 0) return 1;
  const p = predicted === 0 ? 0 : matched / predicted;
  const r = expected === 0 ? 0 : matched / expected;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}
