import { z } from 'zod';
import { channel } from './channel.ts';
import {
  LABEL_FORMAT_IDS,
  POLICY_SCOPES,
  ROUNDING_RULE_IDS,
  SUGGESTION_SORTS,
} from './pricing-types.ts';
import type {
  CpiSeries,
  LabelsFile,
  PolicyList,
  PriceApplyResult,
  PriceBatch,
  PriceHistory,
  PricePreview,
  PriceUndoResult,
  SuggestionPage,
} from './pricing-types.ts';
import { idSchema, moneySchema } from './schemas.ts';

const monthSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'El mes debe tener la forma AAAA-MM');

/** A monthly CPI change: −50 % … 100 % in basis points. */
const cpiRateSchema = z
  .number({ error: 'La variación debe ser un número' })
  .int('La variación debe estar en centésimos de punto')
  .min(-5_000, 'Una variación mensual menor a −50 % no es creíble')
  .max(10_000, 'Una variación mensual mayor a 100 % no es creíble: revisá la cifra');

const bpSchema = (what: string, max: number) =>
  z
    .number({ error: `${what} debe ser un número` })
    .int(`${what} debe estar en centésimos de punto`)
    .min(0, `${what} no puede ser negativo`)
    .max(max, `${what} es absurdo: revisá la cifra`);

const roundingSchema = z.enum(ROUNDING_RULE_IDS, { error: 'Regla de redondeo inválida' });

const horizonSchema = z
  .number({ error: 'El plazo de reposición debe ser un número de días' })
  .int('El plazo de reposición va en días enteros')
  .min(0, 'El plazo de reposición no puede ser negativo')
  .max(366, 'El plazo de reposición no puede pasar de un año');

const cuitDigits = z
  .string()
  .trim()
  .transform((s) => s.replace(/\D/g, ''))
  .refine((s) => s.length === 11, 'CUIT inválido: deben ser 11 números');

const selectionSchema = z
  .object({
    productIds: z.array(idSchema).max(200_000).optional(),
    categoryId: idSchema.optional(),
    supplierCuit: cuitDigits.optional(),
    query: z.string().trim().max(100).optional(),
    suggestedOnly: z.boolean().optional(),
    withCost: z.boolean().optional(),
  })
  .strict();

const modeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('target') }).strict(),
  z
    .object({
      kind: z.literal('percent'),
      percentBp: z
        .number({ error: 'El porcentaje debe ser un número' })
        .int()
        .min(-9_000, 'Una baja de más del 90 % es un error de tipeo')
        .max(100_000, 'Un aumento de más del 1000 % es un error de tipeo'),
      rounding: z.union([roundingSchema, z.literal('policy')]),
    })
    .strict(),
]);

export const pricingChannels = {
  /** The CPI series, the expected inflation and the suggestion threshold. */
  'pricing.cpi': channel<CpiSeries>()({
    input: z.object({}).strict(),
    permission: 'pricing.read',
  }),
  /** Edits a published month, or adds the next one (no gaps). */
  'pricing.cpiSave': channel<CpiSeries>()({
    input: z.object({ month: monthSchema, rateBp: cpiRateSchema }).strict(),
    permission: 'pricing.write',
  }),
  /** `month,monthly_change_pct` CSV; any error refuses the whole file. */
  'pricing.cpiImport': channel<CpiSeries & { imported: number; changed: number }>()({
    input: z
      .object({
        csv: z.string().max(1_000_000, 'El archivo es demasiado grande para una serie mensual'),
        dryRun: z.boolean().default(false),
      })
      .strict(),
    permission: 'pricing.write',
  }),
  'pricing.settingsSave': channel<CpiSeries>()({
    input: z
      .object({
        expectedBp: cpiRateSchema,
        thresholdBp: bpSchema('El umbral', 10_000),
      })
      .strict(),
    permission: 'pricing.write',
  }),
  'pricing.policies': channel<PolicyList>()({
    input: z.object({}).strict(),
    permission: 'pricing.read',
  }),
  /** Null fields inherit; the store's own fields cannot be null. */
  'pricing.policySave': channel<PolicyList>()({
    input: z
      .object({
        scope: z.enum(POLICY_SCOPES),
        scopeId: z.string().trim().max(64),
        markupBp: bpSchema('El recargo', 100_000).nullable(),
        minMarginBp: bpSchema('El margen mínimo', 100_000).nullable(),
        rounding: roundingSchema.nullable(),
        horizonDays: horizonSchema.nullable(),
      })
      .strict(),
    permission: 'pricing.write',
  }),
  'pricing.policyDelete': channel<PolicyList>()({
    input: z
      .object({ scope: z.enum(['category', 'supplier', 'product']), scopeId: idSchema })
      .strict(),
    permission: 'pricing.write',
  }),
  /** Products under their target price by more than the threshold; below replacement first. */
  'pricing.suggest': channel<SuggestionPage>()({
    input: z
      .object({
        categoryId: idSchema.optional(),
        supplierCuit: cuitDigits.optional(),
        query: z.string().trim().max(100).optional(),
        /** false: every product with a cost, suggested or not. */
        onlySuggested: z.boolean().default(true),
        sort: z.enum(SUGGESTION_SORTS).default('urgencia'),
        /** true: the most urgent, widest gap, oldest cost or highest margin first; A→Z by name. */
        desc: z.boolean().default(true),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(200_000).default(100),
      })
      .strict(),
    permission: 'pricing.read',
  }),
  /** What a mass update would do, product by product; nothing is written. */
  'pricing.preview': channel<PricePreview>()({
    input: z.object({ selection: selectionSchema, mode: modeSchema }).strict(),
    permission: 'pricing.write',
  }),
  /**
   * Applies the previewed prices in one transaction. Each row carries the price it replaces:
   * a product whose price moved since the preview refuses the whole batch.
   */
  'pricing.apply': channel<PriceApplyResult>()({
    input: z
      .object({
        description: z.string().trim().min(1).max(200),
        mode: z.enum(['sugerido', 'porcentaje', 'manual']),
        changes: z
          .array(
            z
              .object({
                productId: idSchema,
                oldPrice: moneySchema,
                newPrice: moneySchema.refine((p) => p > 0, 'El precio nuevo debe ser mayor a cero'),
              })
              .strict(),
          )
          .min(1, 'No hay precios para cambiar')
          .max(200_000),
      })
      .strict(),
    permission: 'pricing.write',
  }),
  'pricing.batches': channel<PriceBatch[]>()({
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    permission: 'pricing.read',
  }),
  /** Reverts the newest batch that is not reverted yet. */
  'pricing.undo': channel<PriceUndoResult>()({
    input: z.object({ batchId: idSchema }).strict(),
    permission: 'pricing.write',
  }),
  'pricing.history': channel<PriceHistory>()({
    input: z.object({ productId: idSchema }).strict(),
    permission: 'pricing.read',
  }),
  /** Shelf labels as a PDF: the products of a batch, or chosen ones. */
  'pricing.labels': channel<LabelsFile>()({
    input: z
      .object({
        format: z.enum(LABEL_FORMAT_IDS),
        batchId: idSchema.optional(),
        productIds: z.array(idSchema).max(5_000, 'Demasiadas etiquetas de una vez').optional(),
        /** Prices changed since this instant (epoch ms). */
        changedSince: z.number().int().min(0).optional(),
      })
      .strict(),
    permission: 'pricing.read',
  }),
};
