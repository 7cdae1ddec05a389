import { foldText } from './text.ts';

/**
 * Pack sizes and unit costs from supplier invoice lines. Distributors print the pack in the
 * description (`Gaseosa Cola 6x1,5L`, `Galletitas x12`, `Pack x24`); a line's quantity and price
 * are then per pack, while the shop sells and counts single units.
 */

const MAX_PACK = 10_000;

// Measures: what a "500g" or "1,5 L" after a number means. Longer spellings first.
const MEASURE = String.raw`(?:kgs?|kilos?|grs?|gramos?|g|mls?|cc|cm3|litros?|lts?|l)`;
const COUNT = String.raw`(?:unidades|unids?|unds?|uds?|un|u)`;
const NUM = String.raw`\d+(?:[.,]\d+)?`;
const END = String.raw`(?![\p{L}\p{N}])`;
const START = String.raw`(?<![\p{L}\p{N}])`;

// 12x500g, 6 x 1,5 L, 4x250cc: count × measure.
const COUNT_BY_MEASURE = new RegExp(`${START}(\\d+)\\s*x\\s*${NUM}\\s*${MEASURE}${END}`, 'u');
// x12, X 12, x 6 u, Pack x24, caja x 12 — but not "x 1 kg" (a measure) nor "x 1,5".
const TIMES_COUNT = new RegExp(
  `${START}x\\s*(\\d+)(?!\\d|[.,]\\d)(?!\\s*${MEASURE}${END})(?:\\s*${COUNT}${END})?`,
  'u',
);
// pack 6, caja 12, bulto 24, display 20.
const CONTAINER_COUNT = new RegExp(
  `${START}(?:pack|caja|cj|bulto|display|paquete|paq|pq|fardo)\\s*(?:de\\s*)?(?:x\\s*)?(\\d+)(?!\\d|[.,]\\d)(?!\\s*${MEASURE}${END})`,
  'u',
);
// 30 u, 6 unidades, 12un.
const COUNT_UNITS = new RegExp(`${START}(\\d+)\\s*${COUNT}${END}`, 'u');

function packFrom(text: string, re: RegExp): number | null {
  const m = re.exec(text);
  if (!m?.[1]) return null;
  const n = Number(m[1]);
  return Number.isInteger(n) && n >= 1 && n <= MAX_PACK ? n : null;
}

/**
 * Units of the product in one invoiced unit, read from a line's description: `x12` → 12,
 * `12x500g` → 12, `6x1,5L` → 6, `Pack x24` → 24, `Aceite 1,5 L` → 1. Never less than 1.
 */
export function parsePackUnits(description: string): number {
  const text = foldText(description);
  return (
    packFrom(text, COUNT_BY_MEASURE) ??
    packFrom(text, TIMES_COUNT) ??
    packFrom(text, CONTAINER_COUNT) ??
    packFrom(text, COUNT_UNITS) ??
    1
  );
}

/** A content size: mass in grams or volume in millilitres, both in thousandths (1 g = 1000). */
export type Measure = { dimension: 'mass' | 'volume'; milli: number };

// The size may follow a pack count directly: 12x500g.
const SIZE = new RegExp(`(?<!\\p{N}|[.,])(?<!(?!x)\\p{L})(${NUM})\\s*(${MEASURE})${END}`, 'u');

/** The content size printed in a description or a product name: `1,5 L` → 1500 ml. */
export function parseMeasure(text: string): Measure | null {
  const m = SIZE.exec(foldText(text));
  if (!m?.[1] || !m[2]) return null;
  const value = Number(m[1].replace(',', '.'));
  if (!Number.isFinite(value) || value <= 0) return null;
  const unit = m[2];
  const big = /^(?:k|l)/.test(unit); // kg, kilos, l, lt, litros: ×1000
  const dimension = /^(?:k|g)/.test(unit) ? 'mass' : 'volume';
  return { dimension, milli: Math.round(value * (big ? 1000 : 1) * 1000) };
}

const NOISE = new Set([
  'x',
  'de',
  'pack',
  'caja',
  'cj',
  'bulto',
  'display',
  'paquete',
  'paq',
  'pq',
  'fardo',
  'unidades',
  'unid',
  'unids',
  'und',
  'unds',
  'ud',
  'uds',
  'un',
  'u',
]);

/**
 * The words of a description worth searching the catalog for: pack sizes, measures, bare
 * numbers and packaging words removed. `GASEOSA COLA 6x1,5L PACK` → ['gaseosa', 'cola'].
 */
export function descriptionWords(description: string): string[] {
  const text = foldText(description)
    .replace(new RegExp(COUNT_BY_MEASURE.source, 'gu'), ' ')
    .replace(new RegExp(`${START}${NUM}\\s*${MEASURE}${END}`, 'gu'), ' ')
    .replace(new RegExp(`${START}x\\s*${NUM}`, 'gu'), ' ');
  const words: string[] = [];
  for (const w of text.split(/[^\p{L}\p{N}]+/u)) {
    if (w.length < 2 || /\d/.test(w) || NOISE.has(w) || words.includes(w)) continue;
    words.push(w);
  }
  return words;
}

/** Stock moved by a line: quantity (thousandths, as invoiced) × units per pack. */
export function stockQuantity(quantity: number, packUnits: number): number {
  return quantity * packUnits;
}

export type CostInput = {
  /** Centavos: the line amounts as printed (bonificación already taken off), summed. */
  amount: number;
  /** Thousandths of product units: Σ quantity × packUnits. */
  units: number;
  /** The amounts include IVA (B and C invoices, or a supplier that prices with IVA). */
  includesIva: boolean;
  /** The product's IVA rate, basis points. */
  ivaRateBp: number;
};

function divRound(num: bigint, den: bigint): bigint {
  return (2n * num + den) / (2n * den);
}

/**
 * Centavos NET of IVA per product unit (per kg or litre for weighed goods): amount ÷ units, and
 * ÷ (1 + IVA) when the amount includes it. Rounded once, half up; null when nothing was bought.
 */
export function netUnitCost(c: CostInput): number | null {
  if (!Number.isSafeInteger(c.amount) || !Number.isSafeInteger(c.units)) return null;
  if (c.units <= 0 || c.amount < 0) return null;
  const iva = c.includesIva ? BigInt(c.ivaRateBp) : 0n;
  const num = BigInt(c.amount) * 10_000n * 1000n;
  const den = (10_000n + iva) * BigInt(c.units);
  return Number(divRound(num, den));
}
