/**
 * The invoice corpus: an internal model (integer centavos and thousandths, used to render) and
 * the ground truth written next to each file (pesos as numbers, the shape the accuracy bench reads).
 */

export type Letter = 'A' | 'B' | 'C';
export type Kind = 'factura' | 'nota_credito' | 'nota_debito';
export type Unit = 'u' | 'kg' | 'lt';
/** Truth keys of the per-rate maps. */
export type RateKey = '27' | '21' | '10.5' | '5' | '2.5' | '0';
/** Responsable Inscripto, Monotributo, Consumidor Final, Exento. */
export type IvaCondition = 'RI' | 'MT' | 'CF' | 'EX';

export const LAYOUTS = [
  'afip-clasico',
  'distribuidora-moderna',
  'compacto',
  'mayorista',
  'monotributo-simple',
  'ferreteria',
  'planilla',
] as const;
export type LayoutId = (typeof LAYOUTS)[number];

export const VARIANTS = ['pdf', 'clean', 'degraded', 'scanned-pdf'] as const;
export type Variant = (typeof VARIANTS)[number];

export type Party = {
  name: string;
  /** 11 digits; absent for a consumidor final. */
  cuit?: string;
  condition: IvaCondition;
  address?: string;
};

export type Issuer = Party & {
  cuit: string;
  /** Nombre de fantasía printed above the razón social, when it has one. */
  brand?: string;
  iibb: string;
  /** ISO date: "Fecha de Inicio de Actividades". */
  since: string;
  phone: string;
  pointOfSale: number;
  /** Header colour of the modern layout. */
  color: string;
};

export type Line = {
  code?: string;
  description: string;
  /** Thousandths of a unit, kg or lt. */
  qtyMilli: number;
  unit: Unit;
  /** Centavos: net of IVA on A, IVA included on B and C. */
  priceC: number;
  /** Basis points: 500 = 5 %. */
  discountBp: number;
  /** Centavos: what the "Subtotal"/"Importe" column prints. */
  amountC: number;
  rate: RateKey;
};

export type Tax = {
  kind: 'perception' | 'internal';
  /** As printed in the totals: "Percepción IIBB Buenos Aires", "Impuestos Internos". */
  label: string;
  /** Short label for tight layouts: "Perc. IIBB", "Imp. Int.". */
  short: string;
  rateBp: number;
  amountC: number;
};

export type Invoice = {
  id: string;
  layout: LayoutId;
  letter: Letter;
  kind: Kind;
  afipCode: number;
  pointOfSale: number;
  number: number;
  /** ISO dates. */
  date: string;
  cae: string;
  caeDue: string;
  issuer: Issuer;
  recipient: Party;
  saleCondition: string;
  /** NC/ND: "Factura A 00003-00012299". */
  associated?: string;
  reason?: string;
  lines: Line[];
  taxes: Tax[];
  /** A: net per rate. */
  netByRate: Partial<Record<RateKey, number>>;
  /** A: IVA per rate; B: IVA contenido per rate (Ley 27.743); C: empty. */
  ivaByRate: Partial<Record<RateKey, number>>;
  totalC: number;
  withQr: boolean;
};

export type TruthParty = { name?: string; cuit?: string; ivaCondition?: string };

export type TruthItem = {
  code?: string;
  description: string;
  quantity: number;
  unit: Unit;
  unitPrice: number;
  discountPct: number;
  amount: number;
};

export type Truth = {
  kind: Kind;
  letter: Letter;
  afipCode: number;
  pointOfSale: number;
  number: number;
  date: string;
  issuer: { name: string; cuit: string; ivaCondition: string };
  recipient: TruthParty;
  cae: string;
  caeDue: string;
  currency: 'ARS';
  netByRate?: Record<string, number>;
  ivaByRate?: Record<string, number>;
  perceptions: number;
  otherTaxes?: number;
  total: number;
  items: TruthItem[];
};

export type ManifestEntry = {
  id: string;
  file: string;
  truth: string;
  variant: Variant;
  layout: LayoutId;
  letter: Letter;
  kind: Kind;
  qr: boolean;
  pages: number;
};
