import type { Database } from 'better-sqlite3';
import type { InvoiceItem, LineMatch, Unit } from '../../../shared/contract/index.ts';
import { lookalikeGtins, normalizeBarcode } from '../../../shared/domain/barcode.ts';
import { descriptionWords, parseMeasure } from '../../../shared/domain/pack.ts';
import { prep } from '../db/statements.ts';

/**
 * Finds the catalog product an invoice line is about: by a barcode in the code column or in the
 * description, then by the supplier's own code remembered from earlier invoices, then by the
 * words of the description. Only a sure match is pre-selected; the rest are suggestions.
 */

export const MAX_CANDIDATES = 5;
/** A words match is pre-selected only at this score and this far ahead of the next one. */
export const SURE_SCORE = 0.8;
export const SURE_LEAD = 0.1;
// Products read per line from the word index before scoring: enough for a common first word.
const FTS_LIMIT = 40;

type ProductBrief = {
  id: string;
  name: string;
  brand: string | null;
  unit: Unit;
  iva_rate_bp: number;
  cost: number;
  active: number;
  barcode: string | null;
};

export type LineGuess = {
  candidates: LineMatch[];
  /** The pre-selected product, or null when nothing is sure. */
  productId: string | null;
};

const BRIEF = `SELECT p.id, p.name, p.brand, p.unit, p.iva_rate_bp, p.cost, p.active,
  (SELECT min(b.barcode) FROM product_barcodes b WHERE b.product_id = p.id) AS barcode
  FROM products p`;

function briefById(db: Database, id: string): ProductBrief | undefined {
  return prep<[string], ProductBrief>(db, `${BRIEF} WHERE p.id = ?`).get(id);
}

function byBarcode(db: Database, code: string): ProductBrief | undefined {
  return prep<[string], ProductBrief>(
    db,
    `${BRIEF} WHERE p.id = (SELECT product_id FROM product_barcodes WHERE barcode = ?)`,
  ).get(code);
}

const toMatch = (p: ProductBrief, by: LineMatch['by'], score: number): LineMatch => ({
  productId: p.id,
  name: p.name,
  barcode: p.barcode,
  by,
  score,
  ivaRate: p.iva_rate_bp,
  unit: p.unit,
  cost: p.cost,
});

/**
 * Stored suggestions with each product's IVA rate, unit and cost as they are now (a cost moves
 * when another invoice is applied); a product no longer in the catalog is dropped.
 */
export function currentCandidates(db: Database, stored: readonly LineMatch[]): LineMatch[] {
  const out: LineMatch[] = [];
  for (const m of stored) {
    const p = briefById(db, m.productId);
    if (p) out.push({ ...m, ivaRate: p.iva_rate_bp, unit: p.unit, cost: p.cost });
  }
  return out;
}

/** Codes that may be barcodes: the line's code, then 8–14 digit runs inside the description. */
function barcodeCandidates(item: Pick<InvoiceItem, 'code' | 'description'>): string[] {
  const codes: string[] = [];
  if (item.code) {
    try {
      codes.push(normalizeBarcode(item.code));
    } catch {
      // not a barcode shape: it may still be the supplier's own code
    }
  }
  for (const m of item.description.matchAll(/(?<!\d)\d{8,14}(?!\d)/g)) codes.push(m[0]);
  return [...new Set(codes)];
}

function wordsMatch(q: string, p: string): boolean {
  if (q === p) return true;
  // Invoices abbreviate ("GALLET", "DDL"): a prefix of at least 3 letters counts.
  return Math.min(q.length, p.length) >= 3 && (p.startsWith(q) || q.startsWith(p));
}

/**
 * 0..1: how well the product's name and brand cover the description's words and the other way
 * round (the harmonic mean of both), less when both print a size and the sizes differ.
 */
export function wordScore(description: string, name: string, brand: string | null): number {
  const q = descriptionWords(description);
  const p = descriptionWords(`${name} ${brand ?? ''}`);
  if (q.length === 0 || p.length === 0) return 0;
  const recall = q.filter((w) => p.some((x) => wordsMatch(w, x))).length / q.length;
  const precision = p.filter((w) => q.some((x) => wordsMatch(x, w))).length / p.length;
  if (recall === 0 || precision === 0) return 0;
  let score = (2 * recall * precision) / (recall + precision);
  const qm = parseMeasure(description);
  const pm = parseMeasure(name);
  if (qm && pm && qm.dimension === pm.dimension && qm.milli !== pm.milli) score *= 0.7;
  return Math.round(score * 100) / 100;
}

function byWords(db: Database, description: string): LineMatch[] {
  const words = descriptionWords(description);
  if (words.length === 0) return [];
  const query = `{name brand} : (${words.map((w) => `"${w.replaceAll('"', '""')}"*`).join(' OR ')})`;
  const rows = prep<[string, number], ProductBrief>(
    db,
    `${BRIEF} JOIN (SELECT rowid AS rid, bm25(products_fts, 10.0, 4.0, 0.0, 0.0) AS rank
       FROM products_fts WHERE products_fts MATCH ? ORDER BY rank LIMIT ?) f ON f.rid = p.rowid
     WHERE p.active = 1 ORDER BY f.rank`,
  ).all(query, FTS_LIMIT);
  return rows
    .map((p) => toMatch(p, 'words', wordScore(description, p.name, p.brand)))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score);
}

/** Candidates for one line, best first, and the product pre-selected when one is sure. */
export function matchLine(
  db: Database,
  supplierCuit: string | null,
  item: Pick<InvoiceItem, 'code' | 'description'>,
): LineGuess {
  const found: LineMatch[] = [];
  const add = (m: LineMatch): void => {
    if (!found.some((f) => f.productId === m.productId)) found.push(m);
  };
  const codes = barcodeCandidates(item);
  for (const code of codes) {
    const p = byBarcode(db, code);
    if (p) add(toMatch(p, 'barcode', 1));
  }
  // A barcode misread by one digit (its check digit fails): the catalog says which it was,
  // when exactly one look-alike is a product.
  if (found.length === 0) {
    const near = codes.flatMap(lookalikeGtins).flatMap((c) => byBarcode(db, c) ?? []);
    const only = near[0];
    if (only && near.every((p) => p.id === only.id)) add(toMatch(only, 'barcode', 0.95));
  }
  const code = item.code?.trim();
  if (supplierCuit && code) {
    const alias = prep<[string, string], { product_id: string }>(
      db,
      'SELECT product_id FROM supplier_codes WHERE supplier_cuit = ? AND code = ?',
    ).get(supplierCuit, code);
    const p = alias ? briefById(db, alias.product_id) : undefined;
    if (p) add(toMatch(p, 'alias', 1));
  }
  const sure = found[0] ?? null;
  for (const m of byWords(db, item.description)) add(m);
  const candidates = found.slice(0, MAX_CANDIDATES);
  if (sure) return { candidates, productId: sure.productId };
  const [first, second] = candidates;
  const clear =
    first !== undefined &&
    first.score >= SURE_SCORE &&
    (second === undefined || first.score - second.score >= SURE_LEAD);
  return { candidates, productId: clear ? first.productId : null };
}

/** Units per pack remembered with the supplier's code, when the code stands for that product. */
export function rememberedPack(
  db: Database,
  supplierCuit: string | null,
  code: string | undefined,
  productId: string,
): number | null {
  const c = code?.trim();
  if (!supplierCuit || !c) return null;
  return (
    prep<[string, string, string], { pack_units: number }>(
      db,
      'SELECT pack_units FROM supplier_codes WHERE supplier_cuit = ? AND code = ? AND product_id = ?',
    ).get(supplierCuit, c, productId)?.pack_units ?? null
  );
}
