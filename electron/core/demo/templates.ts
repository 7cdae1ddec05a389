import type { Unit } from '../../../shared/contract/index.ts';
import type { SupplierKey } from './suppliers.ts';

/**
 * A product line: one base name sold under several brands, variants and sizes. The catalog
 * builder combines them ("Yerba Mate" × "Playadito" × "Suave" × "1 kg"), so a few hundred lines
 * give tens of thousands of distinct, realistic names.
 */
export type LineTemplate = {
  path: readonly string[];
  base: string;
  /** Empty for unbranded goods (fruit, loose bread). */
  brands: readonly string[];
  /** '' is the plain product; the first entry is the one every shop stocks. */
  variants: readonly string[];
  sizes: readonly SizeTemplate[];
  /** Shelf price in whole pesos, IVA included, of the first brand's first size (per kg if weighed). */
  price: number;
  ivaRateBp: 1050 | 2100;
  unit: Unit;
  /** Sold by weight at the counter: PLU and price per kg, no EAN of its own. */
  weighed: boolean;
  supplier: SupplierKey;
  /** How often it sells compared with an ordinary item. */
  pop: number;
  /** How much of its category's catalog it takes, relative to its siblings. */
  share: number;
  /** Units per delivered case (rounds deliveries up). */
  caseQty: number;
};

export type SizeTemplate = { label: string; factor: number };

export type GroupDefaults = {
  supplier: SupplierKey;
  ivaRateBp?: 1050 | 2100;
  unit?: Unit;
  weighed?: boolean;
  pop?: number;
  caseQty?: number;
};

export type LineExtra = Partial<
  Omit<LineTemplate, 'path' | 'base' | 'brands' | 'variants' | 'sizes' | 'price'>
>;

// Grams and millilitres are priced alike (a yogur sold by the gram or the litre): close enough.
const UNIT_BASE: Record<string, number> = { g: 1, kg: 1000, ml: 1, cc: 1, cm3: 1, l: 1000 };

/** Amount in a size label: "1,5 L" → mass 1500, "x 12" → u 12; null when it has none. */
export function sizeAmount(label: string): { dim: 'mass' | 'u'; amount: number } | null {
  const m = /(\d+(?:,\d+)?)\s*(kg|g|ml|cc|cm3|l)\b/i.exec(label);
  if (m) {
    const mult = UNIT_BASE[(m[2] as string).toLowerCase()] ?? 1;
    return { dim: 'mass', amount: Number((m[1] as string).replace(',', '.')) * mult };
  }
  const x = /x\s*(\d+)/i.exec(label);
  if (x) return { dim: 'u', amount: Number(x[1]) };
  return null;
}

/**
 * "500 g|1 kg|2 kg" → price factors relative to the first size. Bigger packs cost less per
 * gram (exponent 0.85); "x 6" after a weight is a multipack of the first size. "Familiar*1.6"
 * sets the factor explicitly, for what the label cannot say.
 */
export function parseSizes(spec: string): SizeTemplate[] {
  if (spec === '') return [{ label: '', factor: 1 }];
  const parts = spec.split('|');
  const first = sizeAmount((parts[0] as string).split('*')[0] as string);
  return parts.map((p) => {
    const [label, explicit] = p.split('*') as [string, string | undefined];
    if (explicit !== undefined) return { label, factor: Number(explicit) };
    const a = sizeAmount(label);
    if (!a || !first) return { label, factor: 1 };
    if (a.dim === first.dim) return { label, factor: (a.amount / first.amount) ** 0.85 };
    return { label, factor: a.dim === 'u' ? a.amount ** 0.95 : 1 };
  });
}

const list = (s: string): string[] => (s === '' ? [] : s.split('|'));

/**
 * One category's lines. Each row: [base(s), brands, variants, sizes, price, extra?], lists
 * separated by "|"; several bases in one row make one line each with the same brands and sizes.
 */
export function group(
  path: string,
  defaults: GroupDefaults,
  rows: readonly (readonly [string, string, string, string, number, LineExtra?])[],
): LineTemplate[] {
  const out: LineTemplate[] = [];
  for (const [bases, brands, variants, sizes, price, extra] of rows) {
    for (const base of list(bases)) {
      const weighed = extra?.weighed ?? defaults.weighed ?? false;
      out.push({
        path: path.split(' › '),
        base,
        brands: list(brands),
        variants: variants === '' ? [''] : variants.split('|'),
        sizes: parseSizes(sizes),
        price,
        ivaRateBp: defaults.ivaRateBp ?? 2100,
        unit: weighed ? 'kg' : (defaults.unit ?? 'u'),
        weighed,
        supplier: defaults.supplier,
        pop: defaults.pop ?? 1,
        share: 1,
        caseQty: defaults.caseQty ?? 1,
        ...extra,
      });
    }
  }
  return out;
}
