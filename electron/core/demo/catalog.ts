import type { Unit } from '../../../shared/contract/index.ts';
import { eanCheckDigit } from '../../../shared/domain/barcode.ts';
import { addIva } from '../../../shared/domain/money.ts';
import { foldText } from '../../../shared/domain/text.ts';
import {
  ALL_LINES,
  PACK_UNITS,
  QUALITY_FACTOR,
  allocate,
  extras,
  pickCombos,
  type Combo,
} from './combine.ts';
import { createRng, deriveSeed, type Rng } from './random.ts';
import { createSuppliers, type Supplier, type SupplierKey } from './suppliers.ts';
import type { LineTemplate } from './templates.ts';

/** A product as the demo store should hold it, before it has an id. Pure data, no database. */
export type DemoProduct = {
  name: string;
  brand: string | null;
  categoryPath: readonly string[];
  unit: Unit;
  ivaRateBp: 1050 | 2100;
  /** Centavos, net of IVA. */
  cost: number;
  /** Centavos, IVA included, rounded to $10. */
  price: number;
  barcodes: string[];
  sku: string | null;
  plu: number | null;
  /** Thousandths; 0 = no minimum set. */
  minStock: number;
  maxStock: number | null;
  /** Thousandths the shop tries to hold after a delivery. */
  target: number;
  supplier: SupplierKey;
  /** Expected thousandths sold per ordinary day. */
  dailyDemand: number;
  /** Relative chance of being in a sale line. */
  popularity: number;
  /** Thousandths in a typical sale line. */
  lineQty: number;
  /** Thousandths per delivered case. */
  caseQty: number;
  /** The supplier has not had it for weeks: it ends below its minimum. */
  shortage: boolean;
  /** When it was added and its cost recorded, in days before the history starts. */
  ageDays: number;
};

export type DemoCatalog = {
  products: DemoProduct[];
  suppliers: Supplier[];
  /** Every category path used, parents before children. */
  categoryPaths: string[][];
};

const SKU_PREFIX: Record<string, string> = {
  Almacén: 'ALM',
  Bebidas: 'BEB',
  Lácteos: 'LAC',
  Fiambrería: 'FIA',
  Carnicería: 'CAR',
  Verdulería: 'VER',
  Panadería: 'PAN',
  Congelados: 'CON',
  Limpieza: 'LIM',
  Perfumería: 'PER',
  Kiosco: 'KIO',
  Mascotas: 'MAS',
};

/** Sale lines drawn per ordinary day: grows with the catalog, capped so history stays bounded. */
export function salesDrawsPerDay(productCount: number): number {
  return Math.max(20, Math.min(2_800, Math.round(productCount * 0.35)));
}

type Codes = { companies: Map<string, { prefix: string; next: number }>; used: Set<string> };

function newCompany(rng: Rng, codes: Codes): { prefix: string; next: number } {
  for (;;) {
    const prefix = `779${rng.int(10_000, 99_999)}`;
    if (codes.used.has(prefix)) continue;
    codes.used.add(prefix);
    return { prefix, next: rng.int(100, 3_000) };
  }
}

/** An EAN-13 of the brand's (made-up) GS1 Argentina company prefix, with a correct check digit. */
function nextEan(rng: Rng, codes: Codes, brand: string): string {
  let company = codes.companies.get(brand);
  if (!company || company.next > 9_999) {
    company = newCompany(rng, codes);
    codes.companies.set(brand, company);
  }
  const body = `${company.prefix}${String(company.next).padStart(4, '0')}`;
  company.next += rng.int(1, 4);
  return `${body}${eanCheckDigit(body)}`;
}

const roundUp = (n: number, step: number): number => Math.max(step, Math.ceil(n / step) * step);

function lineQtyOf(line: LineTemplate): number {
  if (line.unit === 'lt') return 1_500;
  if (!line.weighed) return 1_000;
  if (line.supplier === 'fiambres') return 250;
  if (line.supplier === 'panaderia') return 500;
  return 1_000;
}

/**
 * Prices of the template are shelf prices; the cost is worked back from them and the shelf
 * price forward again with this product's own markup (25–60 %), so margins vary like a real shop.
 */
function pricing(
  rng: Rng,
  line: LineTemplate,
  c: Combo,
  packUnits: number,
): { cost: number; price: number } {
  const brand = Math.max(0.7, 1.12 - 0.05 * Math.min(c.b, 8)) * rng.spread(0.08);
  const variant = (1 + (c.v % 4) * 0.03) * rng.spread(0.04);
  const size =
    (line.sizes[c.s]?.factor ?? 1) *
    (line.weighed ? (QUALITY_FACTOR[c.k] ?? 1) : packUnits * (c.k > 0 ? 0.95 : 1));
  const shelf = line.price * 100 * brand * variant * size;
  const cost = Math.max(50, Math.round((shelf * 10_000) / (10_000 + line.ivaRateBp) / 1.4));
  const markupBp = rng.int(2_500, 6_000);
  const net = Math.round((cost * (10_000 + markupBp)) / 10_000);
  const price = Math.max(1_000, Math.round(addIva(net, line.ivaRateBp) / 1_000) * 1_000);
  return { cost, price };
}

type Builder = {
  rng: Rng;
  codes: Codes;
  skuSeq: Map<string, number>;
  names: Set<string>;
  plu: number;
  products: DemoProduct[];
};

/** Adds one product unless its name is taken; returns whether it did. */
function addProduct(x: Builder, line: LineTemplate, c: Combo, suffix = ''): boolean {
  const { rng } = x;
  const brand = line.brands[c.b] ?? null;
  const name = [
    line.base,
    brand,
    line.variants[c.v],
    line.sizes[c.s]?.label,
    extras(line)[c.k],
    suffix,
  ]
    .filter((p) => p)
    .join(' ');
  const folded = foldText(name);
  if (x.names.has(folded)) return false;
  x.names.add(folded);
  const packUnits = line.weighed ? 1 : (PACK_UNITS[c.k] ?? 1);
  const { cost, price } = pricing(rng, line, c, packUnits);
  const top = line.path[0] as string;
  const barcodes: string[] = [];
  if (!line.weighed && brand !== null) {
    barcodes.push(nextEan(rng, x.codes, brand));
    // A second code: the same item in an older packaging, still on some shelves.
    if (rng.chance(0.06)) barcodes.push(nextEan(rng, x.codes, brand));
  }
  let sku: string | null = null;
  if ((barcodes.length === 0 && !line.weighed) || rng.chance(0.25)) {
    const n = (x.skuSeq.get(top) ?? 0) + 1;
    x.skuSeq.set(top, n);
    sku = `${SKU_PREFIX[top] ?? 'GEN'}-${String(n).padStart(5, '0')}`;
  }
  if (line.weighed) x.plu += rng.int(1, 3);
  const popularity =
    (line.pop / (1 + 0.35 * c.b) / (1 + 0.6 * c.s) / (1 + 0.15 * c.v)) *
    (c.k === 0 ? 1 : line.weighed ? 0.3 : 0.12 / c.k) *
    rng.spread(0.5);
  x.products.push({
    name,
    brand,
    categoryPath: line.path,
    unit: line.unit,
    ivaRateBp: line.ivaRateBp,
    cost,
    price,
    barcodes,
    sku,
    plu: line.weighed ? x.plu : null,
    minStock: 0,
    maxStock: null,
    target: 0,
    supplier: line.supplier,
    dailyDemand: 0,
    popularity,
    lineQty: lineQtyOf(line),
    caseQty: line.weighed || line.unit === 'lt' ? 1_000 : line.caseQty * 1_000,
    shortage: rng.chance(0.03),
    ageDays: rng.int(5, 180),
  });
  return true;
}

/** The demo catalog for a seed: same seed and count, same products, codes and prices. */
export function buildDemoCatalog(seed: number, count: number): DemoCatalog {
  const rng = createRng(deriveSeed(seed, 'catalog'));
  const suppliers = createSuppliers(createRng(deriveSeed(seed, 'suppliers')));
  const quotas = allocate(rng, ALL_LINES, count);
  const x: Builder = {
    rng,
    codes: { companies: new Map(), used: new Set() },
    skuSeq: new Map(),
    names: new Set(),
    plu: 0,
    products: [],
  };
  const used = new Set<LineTemplate>();
  for (const [li, line] of ALL_LINES.entries()) {
    const quota = quotas[li] ?? 0;
    if (quota === 0) continue;
    used.add(line);
    let made = 0;
    // A few spare combinations cover names that another line already produced.
    for (const c of pickCombos(rng, line, quota + 4)) {
      if (made === quota) break;
      if (addProduct(x, line, c)) made++;
    }
  }
  // Beyond what the templates can name (hundreds of thousands), numbered editions fill the rest.
  for (let edition = 2; x.products.length < count; edition++) {
    for (const line of ALL_LINES) {
      if (x.products.length >= count) break;
      const c: Combo = {
        b: rng.int(0, Math.max(0, line.brands.length - 1)),
        v: rng.int(0, line.variants.length - 1),
        s: rng.int(0, line.sizes.length - 1),
        k: 0,
        score: 0,
      };
      if (addProduct(x, line, c, `Edición ${edition}`)) used.add(line);
    }
  }
  planStock(rng, x.products, suppliers, salesDrawsPerDay(count));
  rng.shuffle(x.products);
  return {
    products: x.products,
    suppliers: [...suppliers.values()],
    categoryPaths: categoryPaths(used),
  };
}

/** Minimum and target stock from the expected demand and how often the supplier comes. */
function planStock(
  rng: Rng,
  products: DemoProduct[],
  suppliers: Map<SupplierKey, Supplier>,
  drawsPerDay: number,
): void {
  const total = products.reduce((a, p) => a + p.popularity, 0) || 1;
  for (const p of products) {
    const every = suppliers.get(p.supplier)?.everyDays ?? 7;
    const step = p.unit === 'u' ? 1_000 : 500;
    p.dailyDemand = (drawsPerDay * p.popularity * p.lineQty) / total;
    const min = roundUp(p.dailyDemand * (every + 2), step);
    p.minStock = rng.chance(0.85) ? min : 0;
    p.target = Math.max(min + step, roundUp(p.dailyDemand * (2 * every + 5), step));
    if (p.minStock > 0 && rng.chance(0.4)) p.maxStock = p.target + roundUp(p.target / 2, step);
  }
}

function categoryPaths(used: ReadonlySet<LineTemplate>): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const line of ALL_LINES) {
    if (!used.has(line)) continue;
    for (let i = 1; i <= line.path.length; i++) {
      const path = line.path.slice(0, i);
      const key = path.join(' › ');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(path);
    }
  }
  return out;
}
