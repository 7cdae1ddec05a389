import type { Unit } from './types.ts';

/**
 * Supplier invoices as the core reads, checks, stores and applies them. Money is integer centavos,
 * quantities thousandths, percentages basis points (12,5 % → 1250), IVA rates basis points
 * (21 % → 2100), dates 'YYYY-MM-DD' as printed (Argentine calendar).
 */

export const INVOICE_KINDS = ['factura', 'nota_credito', 'nota_debito'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];
export const INVOICE_LETTERS = ['A', 'B', 'C'] as const;
export type InvoiceLetter = (typeof INVOICE_LETTERS)[number];

/** A rectangle on a page, in fractions (0..1) of the page's width and height. */
export type Box = { page: number; x: number; y: number; w: number; h: number };

/** Where a field's value came from and how sure the reading is (0..1). */
export type FieldSource = 'qr' | 'pdf' | 'ocr' | 'user' | 'computed';
export type FieldInfo = { confidence: number; source: FieldSource; boxes: Box[] };

export type InvoiceItem = {
  code?: string;
  description: string;
  /** Thousandths, as printed (packs when the supplier sells by the pack). */
  quantity: number;
  unit: Unit;
  /** Centavos, as printed: net of IVA on an A invoice, IVA included on B and C. */
  unitPrice: number;
  /** Bonificación in basis points (0 when none). */
  discountBp: number;
  /** Centavos: the line's amount as printed. */
  amount: number;
  /** Basis points, when the line says it (A invoices with several rates). */
  ivaRate?: number;
  confidence: number;
  boxes: Box[];
};

export type InvoiceParty = { name?: string; cuit?: string; ivaCondition?: string };

/** Keys of the per-rate maps: basis points as strings ('2100', '1050', …). */
export type ByRate = Record<string, number>;

export type InvoiceData = {
  kind?: InvoiceKind;
  letter?: InvoiceLetter;
  afipCode?: number;
  pointOfSale?: number;
  number?: number;
  date?: string;
  issuer: InvoiceParty;
  recipient: InvoiceParty;
  cae?: string;
  caeDue?: string;
  currency: string;
  netByRate: ByRate;
  ivaByRate: ByRate;
  /** Centavos: IVA, IIBB and other percepciones together. */
  perceptions: number;
  /** Centavos: impuestos internos and other taxes outside IVA. */
  otherTaxes: number;
  total?: number;
  items: InvoiceItem[];
};

/** The AFIP QR's JSON, when the invoice carries one and it decoded. */
export type AfipQr = {
  ver: number;
  fecha: string;
  cuit: number;
  ptoVta: number;
  tipoCmp: number;
  nroCmp: number;
  importe: number;
  moneda: string;
  ctz: number;
  tipoDocRec?: number;
  nroDocRec?: number;
  tipoCodAut?: string;
  codAut?: number;
};

export type CheckCode =
  | 'cuit'
  | 'recipient_cuit'
  | 'qr'
  | 'lines_net'
  | 'total'
  | 'date'
  | 'cae_due'
  | 'duplicate'
  | 'missing';

export type InvoiceCheck = {
  code: CheckCode;
  ok: boolean;
  /** Spanish, for the owner. */
  message: string;
  /** The field the check points at (for highlighting), e.g. 'total', 'issuer.cuit'. */
  field?: string;
  /** duplicate: the invoice already on file. */
  invoiceId?: string;
};

export type PageInfo = {
  /** 'pdf': text layer read directly; 'ocr': recognised from pixels. */
  source: 'pdf' | 'ocr';
  width: number;
  height: number;
  /** Content address (sha256) of the page image kept for the review screen. */
  imageSha: string;
};

/** What reading one file gives: data, per-field confidence and boxes, the pages and the checks. */
export type Extraction = {
  data: InvoiceData;
  /** Keyed by field path: 'letter', 'issuer.cuit', 'netByRate.2100', 'total', … */
  fields: Record<string, FieldInfo>;
  pages: PageInfo[];
  qr: AfipQr | null;
  checks: InvoiceCheck[];
  /** Seconds spent per page (reading, OCR and parsing). */
  seconds: number;
};
