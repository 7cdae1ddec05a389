import { cuitCheckDigit, formatCuit } from '../../../shared/domain/cuit.ts';
import type { Rng } from './random.ts';

/** Who delivers what. Names are made up: real distributors with invented CUITs would mislead. */
export const SUPPLIER_KEYS = [
  'mayorista',
  'almacen',
  'bebidas',
  'cerveceria',
  'lacteos',
  'fiambres',
  'carnes',
  'verduras',
  'panaderia',
  'limpieza',
  'perfumeria',
  'golosinas',
  'cigarrillos',
  'congelados',
] as const;
export type SupplierKey = (typeof SUPPLIER_KEYS)[number];

type SupplierSeed = { name: string; everyDays: number; punto: number };

const SEEDS: Record<SupplierKey, SupplierSeed> = {
  mayorista: { name: 'Mayorista San Cayetano S.A.', everyDays: 7, punto: 3 },
  almacen: { name: 'Distribuidora El Trébol S.R.L.', everyDays: 5, punto: 1 },
  bebidas: { name: 'Bebidas del Oeste S.A.', everyDays: 4, punto: 12 },
  cerveceria: { name: 'Distribuidora Cervecera Pampa S.R.L.', everyDays: 6, punto: 2 },
  lacteos: { name: 'Lácteos La Llanura S.A.', everyDays: 2, punto: 7 },
  fiambres: { name: 'Fiambres Don Aurelio S.R.L.', everyDays: 3, punto: 1 },
  carnes: { name: 'Frigorífico Los Álamos S.A.', everyDays: 2, punto: 4 },
  verduras: { name: 'Frutas y Verduras Mercado Central S.R.L.', everyDays: 1, punto: 1 },
  panaderia: { name: 'Panificadora Santa Rita S.R.L.', everyDays: 1, punto: 2 },
  limpieza: { name: 'Limpieza Total Distribuciones S.A.', everyDays: 10, punto: 5 },
  perfumeria: { name: 'Perfumería Mayorista Belgrano S.R.L.', everyDays: 10, punto: 6 },
  golosinas: { name: 'Golosinas y Kiosco El Sol S.A.', everyDays: 4, punto: 8 },
  cigarrillos: { name: 'Distribuidora Tabacalera Norte S.A.', everyDays: 3, punto: 9 },
  congelados: { name: 'Congelados del Sur S.A.', everyDays: 7, punto: 11 },
};

export type Supplier = {
  key: SupplierKey;
  name: string;
  /** Formatted, with a valid check digit: `30-71234567-8`. */
  cuit: string;
  /** A delivery every this many days, starting on `offset`. */
  everyDays: number;
  offset: number;
  /** Punto de venta printed on their invoices. */
  punto: number;
  /** Next Factura A number; every invoice takes one. */
  nextInvoice: number;
};

/** A made-up company CUIT (30-/33-7…) with a valid check digit, not among `taken`. */
export function companyCuit(rng: Rng, taken: Set<string>): string {
  for (;;) {
    // 30 and 33 are companies; 7 leads the newer registrations.
    const first10 = `${rng.pick(['30', '30', '30', '33'])}7${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
    const check = cuitCheckDigit(first10);
    if (check === null) continue;
    const cuit = formatCuit(`${first10}${check}`);
    if (taken.has(cuit)) continue;
    taken.add(cuit);
    return cuit;
  }
}

export function createSuppliers(rng: Rng): Map<SupplierKey, Supplier> {
  const taken = new Set<string>();
  const out = new Map<SupplierKey, Supplier>();
  for (const key of SUPPLIER_KEYS) {
    const s = SEEDS[key];
    out.set(key, {
      key,
      name: s.name,
      cuit: companyCuit(rng, taken),
      everyDays: s.everyDays,
      offset: rng.int(0, s.everyDays - 1),
      punto: s.punto,
      nextInvoice: rng.int(1_000, 90_000),
    });
  }
  return out;
}
