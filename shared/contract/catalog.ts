import { z } from 'zod';
import { channel } from './channel.ts';
import {
  barcodeSchema,
  cuitSchema,
  empty,
  idSchema,
  ivaRateSchema,
  moneySchema,
  nameSchema,
  quantitySchema,
  unitSchema,
} from './schemas.ts';
import type { Category, ImportPreview, ImportResult, Product, ProductPage } from './types.ts';

const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} es demasiado largo`)
    .transform((s) => (s === '' ? null : s))
    .nullable();

/** Every product field, without defaults: an update carries only what it changes. */
const productFields = {
  name: nameSchema,
  brand: optionalText(80, 'La marca'),
  sku: optionalText(40, 'El código interno'),
  plu: z
    .number()
    .int()
    .min(1, 'El PLU va de 1 a 999999')
    .max(999_999, 'El PLU va de 1 a 999999')
    .nullable(),
  categoryId: idSchema.nullable(),
  unit: unitSchema,
  ivaRateBp: ivaRateSchema,
  cost: moneySchema,
  price: moneySchema,
  minStock: quantitySchema.refine((q) => q >= 0, 'El stock mínimo no puede ser negativo'),
  maxStock: quantitySchema.nullable(),
  supplierCuit: cuitSchema.nullable(),
  active: z.boolean(),
  barcodes: z.array(barcodeSchema).max(20, 'Demasiados códigos de barras'),
};

export const productInputSchema = z
  .object({
    ...productFields,
    brand: productFields.brand.default(null),
    sku: productFields.sku.default(null),
    plu: productFields.plu.default(null),
    categoryId: productFields.categoryId.default(null),
    unit: productFields.unit.default('u'),
    ivaRateBp: productFields.ivaRateBp.default(2100),
    cost: productFields.cost.default(0),
    minStock: productFields.minStock.default(0),
    maxStock: productFields.maxStock.default(null),
    supplierCuit: productFields.supplierCuit.default(null),
    active: productFields.active.default(true),
    barcodes: productFields.barcodes.default([]),
  })
  .strict();

export const productChangesSchema = z.object(productFields).partial().strict();
export type ProductInput = z.input<typeof productInputSchema>;

export const catalogChannels = {
  'catalog.search': channel<ProductPage>()({
    input: z
      .object({
        text: z.string().max(200).default(''),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
        categoryId: idSchema.optional(),
        includeInactive: z.boolean().default(false),
        lowStockOnly: z.boolean().default(false),
      })
      .strict(),
    permission: 'catalog.read',
  }),
  /** By barcode, SKU or PLU: what a scanner sends. */
  'catalog.lookup': channel<Product | null>()({
    input: z.object({ code: z.string().trim().min(1).max(64) }).strict(),
    permission: 'catalog.read',
  }),
  'catalog.get': channel<Product>()({
    input: z.object({ id: idSchema }).strict(),
    permission: 'catalog.read',
  }),
  'catalog.create': channel<Product>()({ input: productInputSchema, permission: 'catalog.write' }),
  'catalog.update': channel<Product>()({
    input: z.object({ id: idSchema, changes: productChangesSchema }).strict(),
    permission: 'catalog.write',
  }),
  'catalog.categories': channel<Category[]>()({ input: empty, permission: 'catalog.read' }),
  'catalog.createCategory': channel<Category>()({
    input: z.object({ name: nameSchema, parentId: idSchema.nullable().default(null) }).strict(),
    permission: 'catalog.write',
  }),
  /** Parses and validates a CSV without writing anything. */
  'catalog.importPreview': channel<ImportPreview>()({
    input: z
      .object({
        fileName: z.string().max(260),
        /** The file's bytes, base64: the encoding is detected on the server. */
        contentBase64: z
          .string()
          .max(200_000_000, 'El archivo es demasiado grande (máximo 150 MB)'),
      })
      .strict(),
    permission: 'catalog.import',
  }),
  /** Writes the rows that passed the preview, in one transaction. */
  'catalog.importCommit': channel<ImportResult>()({
    input: z.object({ importId: idSchema, locationId: idSchema.optional() }).strict(),
    permission: 'catalog.import',
  }),
  'catalog.importCancel': channel<{ cancelled: boolean }>()({
    input: z.object({ importId: idSchema }).strict(),
    permission: 'catalog.import',
  }),
  'catalog.export': channel<{ fileName: string; contentBase64: string; rows: number }>()({
    input: z.object({ encoding: z.enum(['utf-8', 'windows-1252']).default('utf-8') }).strict(),
    permission: 'catalog.read',
  }),
} as const;
