import { ALMACEN_LINES } from './lines-almacen.ts';
import { BEBIDAS_LINES } from './lines-bebidas.ts';
import { FRESCOS_LINES } from './lines-frescos.ts';
import { HOGAR_LINES } from './lines-hogar.ts';
import { KIOSCO_LINES } from './lines-kiosco.ts';
import type { Rng } from './random.ts';
import type { LineTemplate } from './templates.ts';

/** Which brand × variant × size × pack combinations of which lines make up a catalog. */

export const ALL_LINES: readonly LineTemplate[] = [
  ...ALMACEN_LINES,
  ...BEBIDAS_LINES,
  ...FRESCOS_LINES,
  ...HOGAR_LINES,
  ...KIOSCO_LINES,
];

/** Share of the catalog per top-level category, as in a neighbourhood autoservicio. */
const CATEGORY_SHARE: Record<string, number> = {
  Almacén: 0.3,
  Bebidas: 0.14,
  Lácteos: 0.08,
  Fiambrería: 0.05,
  Carnicería: 0.015,
  Verdulería: 0.025,
  Panadería: 0.04,
  Congelados: 0.035,
  Limpieza: 0.085,
  Perfumería: 0.085,
  Kiosco: 0.13,
  Mascotas: 0.02,
};

// Large catalogs (a distributor's, or the 100 000-product benchmark) run out of plain
// brand × variant × size names; packs and counter qualities keep the extra names believable.
const PACKS = [
  '',
  'Pack x 2',
  'Pack x 3',
  'Pack x 4',
  'Pack x 6',
  'Pack x 12',
  'Pack x 24',
  'Bulto x 48',
];
export const PACK_UNITS = [1, 2, 3, 4, 6, 12, 24, 48];
const QUALITIES = [
  '',
  'Primera Calidad',
  'Selección',
  'Premium',
  'Especial',
  'Extra',
  'Calidad Exportación',
  'de Estación',
  'Línea Económica',
];
export const QUALITY_FACTOR = [1, 1.12, 1.08, 1.25, 1.15, 1.1, 1.3, 0.95, 0.88];

export const extras = (line: LineTemplate): readonly string[] => (line.weighed ? QUALITIES : PACKS);

function capacity(line: LineTemplate): number {
  return (
    Math.max(1, line.brands.length) * line.variants.length * line.sizes.length * extras(line).length
  );
}

/**
 * Splits `total` in proportion to `weights` without giving anyone more than `caps` allows:
 * whoever would overflow is filled, the rest shared again; leftovers go to the largest
 * remainders, ties broken at random so small catalogs do not always favour the first lines.
 */
function apportion(
  rng: Rng,
  total: number,
  weights: readonly number[],
  caps: readonly number[],
): number[] {
  const quota = weights.map(() => 0);
  let open = weights.map((_, i) => i).filter((i) => (caps[i] as number) > 0);
  let left = Math.min(
    total,
    caps.reduce((a, b) => a + b, 0),
  );
  while (open.length > 0 && left > 0) {
    const sum = open.reduce((a, i) => a + (weights[i] as number), 0) || 1;
    const full = open.filter((i) => (left * (weights[i] as number)) / sum >= (caps[i] as number));
    if (full.length === 0) {
      const exact = open.map((i) => ({
        i,
        x: (left * (weights[i] as number)) / sum,
        tie: rng.next(),
      }));
      for (const e of exact) quota[e.i] = Math.floor(e.x);
      let rest = left - exact.reduce((a, e) => a + Math.floor(e.x), 0);
      exact.sort((a, b) => b.x - Math.floor(b.x) - (a.x - Math.floor(a.x)) || a.tie - b.tie);
      for (const e of exact) {
        if (rest === 0) break;
        quota[e.i] = (quota[e.i] as number) + 1;
        rest--;
      }
      break;
    }
    for (const i of full) {
      quota[i] = caps[i] as number;
      left -= caps[i] as number;
    }
    open = open.filter((i) => !full.includes(i));
  }
  return quota;
}

/** Products per line: first per top category by its share of a shop, then among its lines. */
export function allocate(rng: Rng, lines: readonly LineTemplate[], count: number): number[] {
  const tops = [...new Set(lines.map((l) => l.path[0] as string))];
  const members = tops.map((t) => lines.flatMap((l, i) => (l.path[0] === t ? [i] : [])));
  const caps = lines.map(capacity);
  const topQuota = apportion(
    rng,
    count,
    tops.map((t) => CATEGORY_SHARE[t] ?? 0.02),
    members.map((m) => m.reduce((a, i) => a + (caps[i] as number), 0)),
  );
  const quota = lines.map(() => 0);
  for (const [t, m] of members.entries()) {
    // Lines with more brands and sizes get more products, but not in proportion: a shop
    // carries a few of many things rather than every size of one.
    const split = apportion(
      rng,
      topQuota[t] ?? 0,
      m.map((i) => Math.sqrt(caps[i] as number)),
      m.map((i) => caps[i] as number),
    );
    for (const [j, i] of m.entries()) quota[i] = split[j] ?? 0;
  }
  return quota;
}

export type Combo = { b: number; v: number; s: number; k: number; score: number };

/** The line's best-known combinations first: leading brands, plain variant, usual size. */
export function pickCombos(rng: Rng, line: LineTemplate, quota: number): Combo[] {
  const out: Combo[] = [];
  const brands = Math.max(1, line.brands.length);
  for (let k = 0; k < extras(line).length && out.length < quota; k++) {
    const level: Combo[] = [];
    for (let b = 0; b < brands; b++) {
      for (let v = 0; v < line.variants.length; v++) {
        for (let s = 0; s < line.sizes.length; s++) {
          level.push({ b, v, s, k, score: b + v * 0.8 + s * 1.2 + rng.next() * 2.5 });
        }
      }
    }
    level.sort((x, y) => x.score - y.score);
    out.push(...level.slice(0, quota - out.length));
  }
  return out;
}
