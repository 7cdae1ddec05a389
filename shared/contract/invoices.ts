import { z } from 'zod';
import { channel } from './channel.ts';
import { INVOICE_KINDS, INVOICE_LETTERS } from './invoice-types.ts';
import type {
  AfipQr,
  Extraction,
  FieldInfo,
  InvoiceCheck,
  InvoiceData,
  InvoiceItem,
  PageInfo,
} from './invoice-types.ts';
import { idSchema, moneySchema, nameSchema, quantitySchema, unitSchema } from './schemas.ts';
import type { Unit } from './types.ts';

export type InvoiceStatus = 'borrador' | 'aplicada' | 'descartada';

/** How a line found its product: the barcode, the supplier's own code, or the words. */
export type LineMatch = {
  productId: string;
  name: string;
  barcode: string | null;
  by: 'barcode' | 'alias' | 'words';
  /** 0..1; barcode and alias matches are 1. */
  score: number;
  /** The product's IVA rate, basis points (the rate its cost is taken net of). */
  ivaRate: number;
  unit: Unit;
  /** Centavos net of IVA: the product's cost today (0 when never recorded). */
  cost: number;
};

export type InvoiceLine = InvoiceItem & {
  index: number;
  /** The product chosen for the line (null: not matched yet, or skipped). */
  productId: string | null;
  candidates: LineMatch[];
  /** Units of the product in one invoiced unit: `x12` → 12, `6x1,5L` → 6. */
  packUnits: number;
  /** Centavos NET of IVA per unit of the product, after bonificación; null when unknown. */
  unitCost: number | null;
};

export type SupplierSettings = {
  cuit: string;
  name: string;
  /** The supplier's line prices include IVA (B/C invoices always do). */
  pricesIncludeIva: boolean;
  /** The supplier prices by the pack (bulto): a line's price covers packUnits units. */
  pricesPerPack: boolean;
};

export type InvoiceSummary = {
  id: string;
  status: InvoiceStatus;
  kind: InvoiceData['kind'] | null;
  letter: InvoiceData['letter'] | null;
  pointOfSale: number | null;
  number: number | null;
  date: string | null;
  issuerName: string | null;
  issuerCuit: string | null;
  total: number | null;
  lineCount: number;
  fileName: string;
  createdAt: number;
  appliedAt: number | null;
};

export type InvoiceDetail = InvoiceSummary & {
  data: InvoiceData;
  fields: Record<string, FieldInfo>;
  pages: PageInfo[];
  qr: AfipQr | null;
  checks: InvoiceCheck[];
  lines: InvoiceLine[];
  fileSha: string;
  locationId: string | null;
  supplier: SupplierSettings | null;
};

export type CostRise = {
  productId: string;
  name: string;
  oldCost: number;
  newCost: number;
  price: number;
  /** Margin over the new cost at today's price, basis points (can be negative). */
  marginBp: number;
};

export type ApplyResult = { invoiceId: string; movements: number; costRises: CostRise[] };

export type SupplierMonth = {
  cuit: string;
  name: string;
  month: string;
  count: number;
  /** Centavos: facturas and notas de débito add, notas de crédito subtract. */
  total: number;
};

export type { Extraction };

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Fecha inválida: usá AAAA-MM-DD');
const cuitDigits = z.string().regex(/^\d{11}$/, 'CUIT inválido: deben ser 11 números');
const byRateSchema = z.record(z.string().regex(/^\d{1,4}$/, 'Alícuota inválida'), moneySchema);
const partySchema = z
  .object({
    name: z.string().trim().max(160).optional(),
    cuit: cuitDigits.optional(),
    ivaCondition: z.string().trim().max(80).optional(),
  })
  .strict();

const boxSchema = z.object({
  page: z.number().int().min(0),
  x: z.number(),
  y: z.number(),
  w: z.number(),
  h: z.number(),
});

export const invoiceItemSchema = z
  .object({
    code: z.string().trim().max(40).optional(),
    description: z.string().trim().max(200),
    quantity: quantitySchema,
    unit: unitSchema,
    unitPrice: moneySchema,
    discountBp: z.number().int().min(0).max(10_000, 'La bonificación no puede pasar del 100 %'),
    amount: moneySchema,
    ivaRate: z.number().int().min(0).max(2700).optional(),
    confidence: z.number().min(0).max(1).default(1),
    boxes: z.array(boxSchema).max(20).default([]),
  })
  .strict();

export const invoiceDataSchema = z
  .object({
    kind: z.enum(INVOICE_KINDS).optional(),
    letter: z.enum(INVOICE_LETTERS).optional(),
    afipCode: z.number().int().min(1).max(999).optional(),
    pointOfSale: z.number().int().min(1).max(99_999).optional(),
    number: z.number().int().min(1).max(99_999_999).optional(),
    date: dateSchema.optional(),
    issuer: partySchema,
    recipient: partySchema,
    cae: z
      .string()
      .regex(/^\d{14}$/, 'El CAE tiene 14 números')
      .optional(),
    caeDue: dateSchema.optional(),
    currency: z.string().max(3).default('ARS'),
    netByRate: byRateSchema,
    ivaByRate: byRateSchema,
    perceptions: moneySchema.default(0),
    otherTaxes: moneySchema.default(0),
    total: moneySchema.optional(),
    items: z.array(invoiceItemSchema).max(500, 'Demasiadas líneas (máximo 500)'),
  })
  .strict();

const lineChoiceSchema = z
  .object({
    index: z.number().int().min(0),
    productId: idSchema.nullable(),
    /** Omitted: the pack size remembered with the supplier's code, else the one printed. */
    packUnits: z.number().int().min(1).max(10_000).optional(),
  })
  .strict();

export const invoiceChannels = {
  /**
   * Reads one file (PNG, JPEG, TIFF or PDF) off the counter's thread and keeps it as a draft.
   * Progress arrives as `jobs.progress` events with the given jobId; `invoices.cancel` stops it.
   */
  'invoices.extract': channel<InvoiceDetail>()({
    input: z
      .object({
        fileName: z.string().trim().min(1).max(260),
        contentBase64: z
          .string()
          .max(90_000_000, 'El archivo es demasiado grande: el máximo es 40 MB'),
        jobId: idSchema,
      })
      .strict(),
    permission: 'invoices.write',
  }),
  'invoices.cancel': channel<{ cancelled: boolean }>()({
    input: z.object({ jobId: idSchema }).strict(),
    permission: 'invoices.write',
  }),
  'invoices.get': channel<InvoiceDetail>()({
    input: z.object({ id: idSchema }).strict(),
    permission: 'invoices.read',
  }),
  /** A page image kept for review (PNG, base64). */
  'invoices.page': channel<{ mime: string; contentBase64: string }>()({
    input: z.object({ id: idSchema, page: z.number().int().min(0).max(50) }).strict(),
    permission: 'invoices.read',
  }),
  /** Saves the owner's corrections to a draft and checks it again. */
  'invoices.save': channel<InvoiceDetail>()({
    input: z
      .object({ id: idSchema, data: invoiceDataSchema, lines: z.array(lineChoiceSchema).max(500) })
      .strict(),
    permission: 'invoices.write',
  }),
  /** Stock in, new costs, aliases remembered, the invoice marked applied: one transaction. */
  'invoices.apply': channel<ApplyResult>()({
    input: z
      .object({
        id: idSchema,
        locationId: idSchema,
        lines: z.array(lineChoiceSchema).max(500),
      })
      .strict(),
    permission: 'invoices.write',
  }),
  'invoices.discard': channel<{ discarded: boolean }>()({
    input: z.object({ id: idSchema }).strict(),
    permission: 'invoices.write',
  }),
  'invoices.list': channel<InvoiceSummary[]>()({
    input: z
      .object({
        /** Supplier name, CUIT or number, in words. */
        query: z.string().trim().max(100).optional(),
        status: z.enum(['borrador', 'aplicada', 'descartada']).optional(),
        from: dateSchema.optional(),
        to: dateSchema.optional(),
        minTotal: moneySchema.optional(),
        maxTotal: moneySchema.optional(),
        productId: idSchema.optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    permission: 'invoices.read',
  }),
  'invoices.supplierTotals': channel<SupplierMonth[]>()({
    input: z.object({ from: dateSchema.optional(), to: dateSchema.optional() }).strict(),
    permission: 'invoices.read',
  }),
  'suppliers.list': channel<SupplierSettings[]>()({
    input: z.object({}).strict(),
    permission: 'invoices.read',
  }),
  'suppliers.save': channel<SupplierSettings>()({
    input: z
      .object({
        cuit: cuitDigits,
        name: nameSchema,
        pricesIncludeIva: z.boolean(),
        pricesPerPack: z.boolean(),
      })
      .strict(),
    permission: 'invoices.write',
  }),
};
