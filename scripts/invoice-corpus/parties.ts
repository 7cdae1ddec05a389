import { cuitCheckDigit } from '../../shared/domain/cuit.ts';
import type { Rng } from '../../electron/core/demo/random.ts';
import type { SupplierKey } from '../../electron/core/demo/suppliers.ts';
import { pad } from './format.ts';
import type { Issuer, IvaCondition, LayoutId, Party } from './types.ts';

/**
 * Who issues and who receives the corpus invoices. Names are made up (no real company with an
 * invented CUIT); every CUIT has a valid check digit. Each supplier always prints with the same
 * layout, as a real supplier's billing system does.
 */

/** Invented product groups that the demo catalog does not carry. */
export type CustomGroup = 'huevos' | 'dulces' | 'hielo' | 'granel';

/** How the supplier's system fills the code column. */
export type CodeStyle = 'ean' | 'alpha' | 'numeric' | 'prefixed' | 'none';
/**
 * How it names a case: 'x' = "Azúcar Ledesma 1 kg x10", 'nx' = "Aceite Natura 6x1,5L",
 * 'upper' = the 'nx' form in capitals without accents, 'plain' = the unit sold as is.
 */
export type DescStyle = 'x' | 'nx' | 'upper' | 'plain';

export type IssuerProfile = {
  issuer: Issuer;
  layout: LayoutId;
  sources: readonly (SupplierKey | CustomGroup)[];
  codeStyle: CodeStyle;
  /** For 'prefixed' codes: "DMS" → "DMS-9001". */
  codePrefix: string;
  descStyle: DescStyle;
  /** Chance that a line carries a bonificación. */
  bonif: number;
  /** Sells taxed goods (tobacco, drinks) whose invoices may show impuestos internos. */
  internos: boolean;
};

type Seed = Omit<IssuerProfile, 'issuer'> & {
  name: string;
  brand?: string;
  condition: 'RI' | 'MT';
  prefix: '30' | '33' | '20' | '27' | '23';
  pos: number;
  color: string;
};

const S = (s: Seed): Seed => s;

export const ISSUER_SEEDS: readonly Seed[] = [
  // Classic AFIP "Comprobantes en línea" look.
  S({
    name: 'Distribuidora Mayorista Sur S.A.',
    condition: 'RI',
    prefix: '30',
    pos: 3,
    color: '#1d4e89',
    layout: 'afip-clasico',
    sources: ['mayorista', 'almacen'],
    codeStyle: 'ean',
    codePrefix: 'DMS',
    descStyle: 'x',
    bonif: 0.12,
    internos: false,
  }),
  S({
    name: 'Lácteos La Pradera S.A.',
    condition: 'RI',
    prefix: '30',
    pos: 7,
    color: '#2a6f97',
    layout: 'afip-clasico',
    sources: ['lacteos'],
    codeStyle: 'numeric',
    codePrefix: '',
    descStyle: 'x',
    bonif: 0.08,
    internos: false,
  }),
  S({
    name: 'Ramírez Héctor Daniel',
    brand: 'Huevos Don Héctor',
    condition: 'MT',
    prefix: '20',
    pos: 2,
    color: '#6b4226',
    layout: 'afip-clasico',
    sources: ['huevos', 'verduras'],
    codeStyle: 'numeric',
    codePrefix: '',
    descStyle: 'plain',
    bonif: 0,
    internos: false,
  }),
  S({
    name: 'Acosta Gabriela Inés',
    brand: 'Dulces Artesanales Gaby',
    condition: 'MT',
    prefix: '27',
    pos: 1,
    color: '#8e3b46',
    layout: 'afip-clasico',
    sources: ['dulces'],
    codeStyle: 'none',
    codePrefix: '',
    descStyle: 'plain',
    bonif: 0.05,
    internos: false,
  }),
  // Distributor with a coloured band.
  S({
    name: 'Bebidas del Litoral S.A.',
    condition: 'RI',
    prefix: '30',
    pos: 12,
    color: '#b5121b',
    layout: 'distribuidora-moderna',
    sources: ['bebidas', 'cerveceria'],
    codeStyle: 'ean',
    codePrefix: 'BL',
    descStyle: 'nx',
    bonif: 0.15,
    internos: true,
  }),
  S({
    name: 'Distribuidora El Trébol S.R.L.',
    condition: 'RI',
    prefix: '30',
    pos: 1,
    color: '#1b7f3b',
    layout: 'distribuidora-moderna',
    sources: ['almacen', 'golosinas'],
    codeStyle: 'alpha',
    codePrefix: 'T',
    descStyle: 'x',
    bonif: 0.1,
    internos: false,
  }),
  S({
    name: 'Congelados Patagonia S.R.L.',
    condition: 'RI',
    prefix: '33',
    pos: 11,
    color: '#0b6e99',
    layout: 'distribuidora-moderna',
    sources: ['congelados', 'lacteos'],
    codeStyle: 'prefixed',
    codePrefix: 'CP',
    descStyle: 'nx',
    bonif: 0.1,
    internos: false,
  }),
  // Compact, small type.
  S({
    name: 'Golosinas Mitre S.R.L.',
    condition: 'RI',
    prefix: '30',
    pos: 8,
    color: '#444444',
    layout: 'compacto',
    sources: ['golosinas', 'almacen'],
    codeStyle: 'numeric',
    codePrefix: '',
    descStyle: 'upper',
    bonif: 0.1,
    internos: false,
  }),
  S({
    name: 'Distribuidora Tabacalera del Centro S.A.',
    condition: 'RI',
    prefix: '30',
    pos: 9,
    color: '#444444',
    layout: 'compacto',
    sources: ['cigarrillos', 'golosinas'],
    codeStyle: 'ean',
    codePrefix: 'TC',
    descStyle: 'upper',
    bonif: 0.05,
    internos: true,
  }),
  S({
    name: 'Fiambres y Quesos Don Aldo S.R.L.',
    condition: 'RI',
    prefix: '30',
    pos: 4,
    color: '#444444',
    layout: 'compacto',
    sources: ['fiambres', 'carnes'],
    codeStyle: 'alpha',
    codePrefix: 'F',
    descStyle: 'x',
    bonif: 0.08,
    internos: false,
  }),
  // Wholesaler with "Cód." and "Bonif. %" columns.
  S({
    name: 'Mayorista Los Andes S.A.',
    condition: 'RI',
    prefix: '30',
    pos: 5,
    color: '#333333',
    layout: 'mayorista',
    sources: ['mayorista', 'almacen', 'limpieza'],
    codeStyle: 'numeric',
    codePrefix: '',
    descStyle: 'upper',
    bonif: 0.4,
    internos: false,
  }),
  S({
    name: 'Autoservicio Mayorista Díaz Hnos. S.A.',
    condition: 'RI',
    prefix: '33',
    pos: 14,
    color: '#333333',
    layout: 'mayorista',
    sources: ['almacen', 'bebidas', 'perfumeria'],
    codeStyle: 'prefixed',
    codePrefix: 'DH',
    descStyle: 'nx',
    bonif: 0.35,
    internos: true,
  }),
  S({
    name: 'Limpieza Total Distribuciones S.A.',
    condition: 'RI',
    prefix: '30',
    pos: 6,
    color: '#333333',
    layout: 'mayorista',
    sources: ['limpieza', 'perfumeria', 'granel'],
    codeStyle: 'ean',
    codePrefix: 'LT',
    descStyle: 'x',
    bonif: 0.3,
    internos: false,
  }),
  // An old pre-printed form: quantity first, code after the article.
  S({
    name: 'Ferretería y Bazar El Tornillo S.R.L.',
    condition: 'RI',
    prefix: '30',
    pos: 4,
    color: '#222222',
    layout: 'ferreteria',
    sources: ['limpieza', 'perfumeria', 'almacen'],
    codeStyle: 'alpha',
    codePrefix: 'FT',
    descStyle: 'x',
    bonif: 0.25,
    internos: false,
  }),
  S({
    name: 'Romero Héctor Daniel',
    brand: 'Bazar y Limpieza Romero',
    condition: 'MT',
    prefix: '20',
    pos: 3,
    color: '#222222',
    layout: 'ferreteria',
    sources: ['limpieza', 'granel'],
    codeStyle: 'numeric',
    codePrefix: '',
    descStyle: 'plain',
    bonif: 0.15,
    internos: false,
  }),
  // A cloud billing service's spreadsheet look.
  S({
    name: 'Almacén Natural Delta S.A.S.',
    condition: 'RI',
    prefix: '30',
    pos: 7,
    color: '#2a4d8f',
    layout: 'planilla',
    sources: ['almacen', 'bebidas', 'golosinas'],
    codeStyle: 'numeric',
    codePrefix: '',
    descStyle: 'nx',
    bonif: 0.2,
    internos: false,
  }),
  S({
    name: 'Acosta Valeria Noemí',
    brand: 'Dietética Raíces',
    condition: 'MT',
    prefix: '27',
    pos: 5,
    color: '#2a4d8f',
    layout: 'planilla',
    sources: ['granel', 'almacen'],
    codeStyle: 'none',
    codePrefix: '',
    descStyle: 'plain',
    bonif: 0.1,
    internos: false,
  }),
  // Small issuers: monotributistas (C) and a small Responsable Inscripto that bills B.
  S({
    name: 'Sosa María Laura',
    brand: 'Panificados La Abuela',
    condition: 'MT',
    prefix: '27',
    pos: 2,
    color: '#7a5c3e',
    layout: 'monotributo-simple',
    sources: ['panaderia', 'dulces'],
    codeStyle: 'none',
    codePrefix: '',
    descStyle: 'plain',
    bonif: 0,
    internos: false,
  }),
  S({
    name: 'Benítez Julio César',
    brand: 'Verdulería El Puente',
    condition: 'MT',
    prefix: '20',
    pos: 1,
    color: '#3e7a4a',
    layout: 'monotributo-simple',
    sources: ['verduras', 'huevos'],
    codeStyle: 'none',
    codePrefix: '',
    descStyle: 'plain',
    bonif: 0,
    internos: false,
  }),
  S({
    name: 'Ferreyra Luciano Ezequiel',
    brand: 'Hielo y Carbón El Oso',
    condition: 'MT',
    prefix: '20',
    pos: 3,
    color: '#2f4f6f',
    layout: 'monotributo-simple',
    sources: ['hielo'],
    codeStyle: 'numeric',
    codePrefix: '',
    descStyle: 'plain',
    bonif: 0.05,
    internos: false,
  }),
  S({
    name: 'Granja Avícola Los Pinos S.R.L.',
    condition: 'RI',
    prefix: '30',
    pos: 2,
    color: '#5a4a2f',
    layout: 'monotributo-simple',
    sources: ['huevos', 'fiambres'],
    codeStyle: 'numeric',
    codePrefix: '',
    descStyle: 'plain',
    bonif: 0.05,
    internos: false,
  }),
];

/** The shops that receive the invoices: Responsables Inscriptos (A) and monotributistas (B). */
const SHOPS: readonly { name: string; condition: IvaCondition; prefix: Seed['prefix'] }[] = [
  { name: 'Autoservicio La Esquina S.R.L.', condition: 'RI', prefix: '30' },
  { name: 'Minimercado Don Bosco S.R.L.', condition: 'RI', prefix: '30' },
  { name: 'Almacén y Despensa Mi Barrio S.A.', condition: 'RI', prefix: '33' },
  { name: 'Gutiérrez Marcelo Fabián', condition: 'RI', prefix: '20' },
  { name: 'Pereyra Carla Soledad', condition: 'MT', prefix: '27' },
  { name: 'Luna Rodrigo Martín', condition: 'MT', prefix: '20' },
  { name: 'Medina Silvia Beatriz', condition: 'MT', prefix: '27' },
];

const STREETS = [
  'Av. Rivadavia',
  'Av. San Martín',
  'Belgrano',
  'Av. Hipólito Yrigoyen',
  'Sarmiento',
  'Av. Mitre',
  'Lavalle',
  'Av. Calchaquí',
  'Güemes',
  'Moreno',
  'Av. Pte. Perón',
  'Italia',
  'Castelli',
  '25 de Mayo',
];
const CITIES = [
  'CABA',
  'Lanús, Buenos Aires',
  'Quilmes, Buenos Aires',
  'San Justo, Buenos Aires',
  'Morón, Buenos Aires',
  'Rosario, Santa Fe',
  'Córdoba, Córdoba',
  'La Plata, Buenos Aires',
  'Avellaneda, Buenos Aires',
  'Mar del Plata, Buenos Aires',
];

function cuitFor(rng: Rng, prefix: string, taken: Set<string>): string {
  for (;;) {
    const body =
      prefix === '30' || prefix === '33'
        ? `7${pad(rng.int(0, 9_999_999), 7)}`
        : pad(rng.int(14_000_000, 45_999_999), 8);
    const first10 = `${prefix}${body}`;
    const check = cuitCheckDigit(first10);
    if (check === null || taken.has(first10)) continue;
    taken.add(first10);
    return `${first10}${check}`;
  }
}

function address(rng: Rng): string {
  return `${rng.pick(STREETS)} ${rng.int(100, 5999)} - ${rng.pick(CITIES)}`;
}

export type Parties = { issuers: IssuerProfile[]; shops: Party[] };

/** All parties of a corpus, from their own random stream so the invoices can change freely. */
export function createParties(rng: Rng): Parties {
  const taken = new Set<string>();
  const issuers = ISSUER_SEEDS.map((s): IssuerProfile => {
    const cuit = cuitFor(rng, s.prefix, taken);
    const year = rng.int(1994, 2019);
    const issuer: Issuer = {
      name: s.name,
      cuit,
      condition: s.condition,
      address: address(rng),
      iibb: rng.chance(0.5) ? cuit : `${pad(rng.int(900_000, 999_999), 7)}-${rng.int(0, 9)}`,
      since: `${year}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`,
      phone: `(011) ${rng.int(4200, 4999)}-${pad(rng.int(0, 9999), 4)}`,
      pointOfSale: s.pos,
      color: s.color,
    };
    if (s.brand) issuer.brand = s.brand;
    const { name: _n, brand: _b, condition: _c, prefix: _p, pos: _pos, color: _col, ...rest } = s;
    return { issuer, ...rest };
  });
  const shops = SHOPS.map((s): Party => ({
    name: s.name,
    cuit: cuitFor(rng, s.prefix, taken),
    condition: s.condition,
    address: address(rng),
  }));
  return { issuers, shops };
}

export const CONSUMIDOR_FINAL: Party = { name: 'Consumidor Final', condition: 'CF' };
