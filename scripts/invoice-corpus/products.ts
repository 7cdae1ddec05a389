import { buildDemoCatalog } from '../../electron/core/demo/catalog.ts';
import type { Rng } from '../../electron/core/demo/random.ts';
import type { SupplierKey } from '../../electron/core/demo/suppliers.ts';
import { RATE_BP, lineAmount, pad, roundDiv } from './format.ts';
import type { CustomGroup, DescStyle, IssuerProfile } from './parties.ts';
import type { Letter, Line, RateKey, Unit } from './types.ts';

/** What a supplier sells, before it becomes an invoice line. Prices net of IVA, per unit/kg/lt. */
export type Product = {
  name: string;
  ean?: string;
  unit: Unit;
  rate: RateKey;
  netC: number;
  /** Units per case (1 for weighed and bulk goods). */
  caseQty: number;
  source: SupplierKey | CustomGroup;
};

export type Pools = Map<SupplierKey | CustomGroup, Product[]>;

const MAX_DESCRIPTION = 42;

type Custom = [name: string, pesos: number, rate: RateKey, unit?: Unit];

const CUSTOM: Record<CustomGroup, Custom[]> = {
  huevos: [
    ['Huevos Blancos Maple x30', 5200, '21'],
    ['Huevos Color Maple x30', 5650, '21'],
    ['Huevos de Campo x12', 3100, '21'],
    ['Huevos Blancos Grandes x6', 1250, '21'],
    ['Huevos Blancos Medianos Maple x30', 4800, '21'],
  ],
  dulces: [
    ['Dulce de Leche Artesanal 1 kg', 6200, '21'],
    ['Alfajores de Maicena x12', 5400, '21'],
    ['Pastafrola de Membrillo', 4800, '21'],
    ['Mermelada Casera de Frutilla 450 g', 3300, '21'],
    ['Budín de Limón 400 g', 2900, '21'],
    ['Conitos de Dulce de Leche x6', 3600, '21'],
    ['Alfajores Santafesinos x6', 4100, '21'],
  ],
  hielo: [
    ['Hielo en Cubos Bolsa 2 kg', 1100, '21'],
    ['Hielo en Cubos Bolsa 5 kg', 2300, '21'],
    ['Carbón Vegetal Bolsa 4 kg', 4200, '21'],
    ['Carbón Vegetal Bolsa 10 kg', 9500, '21'],
    ['Leña de Quebracho 10 kg', 6800, '21'],
    ['Pastillas de Encendido x24', 1500, '21'],
  ],
  granel: [
    ['Lavandina Concentrada a Granel', 650, '21', 'lt'],
    ['Detergente Neutro a Granel', 1400, '21', 'lt'],
    ['Suavizante para Ropa a Granel', 1250, '21', 'lt'],
    ['Limpiador Desinfectante Lavanda a Granel', 980, '21', 'lt'],
  ],
};

/** Every supplier's assortment: the demo catalog's products (same names, brands and EANs). */
export function createPools(seed: number): Pools {
  const pools: Pools = new Map();
  const add = (p: Product): void => {
    const list = pools.get(p.source) ?? [];
    list.push(p);
    pools.set(p.source, list);
  };
  for (const d of buildDemoCatalog(seed, 2500).products) {
    if (/Pack x|Bulto x|Edición/.test(d.name) || d.name.length > MAX_DESCRIPTION - 5) continue;
    // Fluid milk is exempt from IVA: a few 0 % lines on dairy invoices.
    const exempt = d.supplier === 'lacteos' && /^Leche (Entera|Descremada)/.test(d.name);
    add({
      name: d.name,
      ...(d.barcodes[0] ? { ean: d.barcodes[0] } : {}),
      unit: d.unit === 'kg' ? 'kg' : d.unit === 'lt' ? 'lt' : 'u',
      rate: exempt ? '0' : d.ivaRateBp === 1050 ? '10.5' : '21',
      netC: d.cost,
      caseQty: d.unit === 'u' ? Math.max(1, Math.round(d.caseQty / 1000)) : 1,
      source: d.supplier,
    });
  }
  for (const [group, items] of Object.entries(CUSTOM) as [CustomGroup, Custom[]][]) {
    for (const [name, p, rate, unit] of items) {
      add({ name, unit: unit ?? 'u', rate, netC: p * 100, caseQty: 1, source: group });
    }
  }
  return pools;
}

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase();
}

const SIZE_RE = /^(.*\S)\s+(\d+(?:,\d+)?)\s*(kg|g|ml|cc|cm3|L)$/;
const COUNT_RE = /^(.*\S)\s+x\s*(\d+)$/;

/** The printed name of a case of `n`, in the supplier's style. */
export function caseDescription(name: string, n: number, style: DescStyle): string {
  if (n === 1 || style === 'plain') return style === 'upper' ? fold(name) : name;
  if (style === 'x') return `${name} x${n}`;
  const size = SIZE_RE.exec(name);
  const count = COUNT_RE.exec(name);
  let text = `${name} x${n}`;
  if (size) text = `${size[1]} ${n}x${size[2]}${size[3]}`;
  else if (count) text = `${count[1]} ${n}x${count[2]}u`;
  return style === 'upper' ? fold(text) : text;
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The supplier's code for a product: stable for the same supplier and product. */
export function productCode(profile: IssuerProfile, p: Product): string | undefined {
  const h = hash(`${profile.issuer.cuit}|${p.name}`);
  switch (profile.codeStyle) {
    case 'none':
      return undefined;
    case 'ean':
      return p.ean ?? pad((h % 9999) + 1, 5);
    case 'alpha':
      return `${profile.codePrefix}-${1000 + (h % 9000)}`;
    case 'numeric':
      return pad((h % 99_999) + 1, 5);
    case 'prefixed':
      return `${profile.codePrefix}-${pad((h % 9999) + 1, 4)}`;
  }
}

const DISCOUNTS = [200, 300, 500, 500, 500, 750, 1000, 1000, 1250, 1500];

function weighedQty(rng: Rng, source: Product['source']): number {
  if (source === 'carnes') return rng.int(600, 5000) * 5;
  if (source === 'fiambres') return rng.int(150, 1200) * 5;
  return rng.int(100, 2400) * 5;
}

/** Case size when the supplier sells by the case. */
function caseSize(rng: Rng, p: Product, profile: IssuerProfile): number {
  // "Huevos Blancos x 6", "Auriculares x 1": already a count, sold as named.
  if (p.unit !== 'u' || profile.descStyle === 'plain' || COUNT_RE.test(p.name)) return 1;
  if (rng.chance(0.2)) return 1;
  if (p.caseQty >= 2 && p.caseQty <= 48) return p.caseQty;
  return rng.pick([6, 10, 12, 12, 20, 24]);
}

/**
 * One invoice line for product `p`. Prices on A are net; on B and C they include IVA (a
 * monotributista simply charges its price). `priceFactor` scales the price (débito notes).
 */
export function makeLine(
  rng: Rng,
  profile: IssuerProfile,
  p: Product,
  letter: Letter,
  opts: { smallQty?: boolean; priceFactor?: number; noDiscount?: boolean } = {},
): Line {
  const n = caseSize(rng, p, profile);
  let qtyMilli: number;
  if (p.unit === 'kg') qtyMilli = weighedQty(rng, p.source);
  else if (p.unit === 'lt') qtyMilli = rng.pick([5, 10, 10, 20]) * 1000;
  else if (n > 1) qtyMilli = rng.pick([1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 12]) * 1000;
  else qtyMilli = rng.int(1, profile.descStyle === 'plain' ? 30 : 24) * 1000;
  if (opts.smallQty) qtyMilli = p.unit === 'u' ? rng.int(1, 3) * 1000 : Math.min(qtyMilli, 2500);
  const factor = (opts.priceFactor ?? 1) * rng.spread(0.06);
  let priceC = Math.round(p.netC * n * factor);
  if (letter !== 'A') priceC = roundDiv(priceC * (10_000 + RATE_BP[p.rate]), 10_000);
  // Suppliers' lists end in whole pesos more often than not.
  if (priceC > 5000 && rng.chance(0.6)) priceC = Math.round(priceC / 100) * 100;
  priceC = Math.max(priceC, 50);
  const discountBp = opts.noDiscount || !rng.chance(profile.bonif) ? 0 : rng.pick(DISCOUNTS);
  const line: Line = {
    description: caseDescription(p.name, n, profile.descStyle),
    qtyMilli,
    unit: p.unit,
    priceC,
    discountBp,
    amountC: lineAmount(qtyMilli, priceC, discountBp),
    rate: p.rate,
  };
  const code = productCode(profile, p);
  if (code !== undefined) line.code = code;
  return line;
}

/** A line that is not a product: freight, interest, a service. */
export function serviceLine(
  description: string,
  priceNetC: number,
  rate: RateKey,
  letter: Letter,
): Line {
  const priceC =
    letter === 'A' ? priceNetC : roundDiv(priceNetC * (10_000 + RATE_BP[rate]), 10_000);
  return {
    description,
    qtyMilli: 1000,
    unit: 'u',
    priceC,
    discountBp: 0,
    amountC: lineAmount(1000, priceC, 0),
    rate,
  };
}

/** `count` distinct products from the supplier's sources. */
export function pickProducts(rng: Rng, pools: Pools, profile: IssuerProfile, count: number) {
  const all = profile.sources.flatMap((s) => pools.get(s) ?? []);
  const chosen = new Set<Product>();
  const names = new Set<string>();
  for (let tries = 0; chosen.size < Math.min(count, all.length) && tries < count * 20; tries++) {
    const p = rng.pick(all);
    if (names.has(p.name)) continue;
    names.add(p.name);
    chosen.add(p);
  }
  return [...chosen];
}
