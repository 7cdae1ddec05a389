import { z } from 'zod';
import { channel } from './channel.ts';
import { empty, idSchema, moneySchema, positiveQuantitySchema, reasonSchema } from './schemas.ts';
import {
  APPROVAL_ACTIONS,
  TENDERS,
  type Approval,
  type PosSettings,
  type Receipt,
  type ReturnRecord,
  type Sale,
  type SaleSummary,
} from './sales-types.ts';

const tenderSchema = z.enum(TENDERS, { error: 'Medio de pago inválido' });
const bpSchema = z
  .number()
  .int()
  .min(0, 'El descuento no puede ser negativo')
  .max(10_000, 'El descuento no puede superar el 100 %');
const dateMs = z.number().int().min(0);

export const saleLineSchema = z
  .object({
    productId: idSchema,
    qty: positiveQuantitySchema,
    unitPrice: moneySchema.optional(),
    discountBp: bpSchema.optional(),
    code: z.string().trim().max(64).optional(),
  })
  .strict();

export const paymentSchema = z
  .object({
    tender: tenderSchema,
    amount: moneySchema.refine((a) => a > 0, 'Cada pago debe ser mayor que cero'),
    /** Efectivo: what the customer handed over (change = tendered − amount). */
    tendered: moneySchema.optional(),
    reference: z.string().trim().max(80).optional(),
  })
  .strict();

export const salesChannels = {
  /**
   * A supervisor (encargado/dueño) authorises an action on the spot with their PIN.
   * The approval is recorded at once (who asked, who authorised, what) and, for actions
   * that change a sale, is passed to the call that uses it, once, within minutes.
   */
  'auth.authorize': channel<Approval>()({
    input: z
      .object({
        supervisorId: idSchema,
        pin: z.string().max(16),
        action: z.enum(APPROVAL_ACTIONS),
        reason: z.string().trim().max(200).optional(),
        /** What is being authorised (product, quantities, amounts), kept in the record. */
        details: z.record(z.string(), z.unknown()).optional(),
      })
      .strict(),
    permission: 'sales.sell',
  }),

  /** Writes the sale, its lines, payments, stock and the drawer's totals in one transaction. */
  'sales.commit': channel<Sale>()({
    input: z
      .object({
        /** Made by the counter when the ticket starts: a retry or double press yields one sale. */
        idempotencyKey: z.string().min(8).max(64),
        lines: z.array(saleLineSchema).min(1, 'El ticket no tiene productos').max(500),
        payments: z.array(paymentSchema).min(1, 'Falta el pago').max(10),
        customerId: idSchema.optional(),
        roundToCash: z.boolean().default(false),
        /** The cashier confirmed selling some line below its cost. */
        confirmBelowCost: z.boolean().default(false),
        /** Approvals for overrides, discounts over the limit, fiado over the limit. */
        approvalIds: z.array(idSchema).max(50).default([]),
      })
      .strict(),
    permission: 'sales.sell',
  }),
  'sales.get': channel<Sale>()({
    input: z
      .object({ id: idSchema.optional(), number: z.number().int().positive().optional() })
      .strict()
      .refine((v) => v.id !== undefined || v.number !== undefined, 'Indicá el ticket'),
    permission: 'sales.history',
  }),
  /** Finds a sale by what its receipt's barcode or QR encodes, or by typed ticket number. */
  'sales.findByCode': channel<Sale | null>()({
    input: z.object({ code: z.string().trim().min(1).max(64) }).strict(),
    permission: 'sales.history',
  }),
  'sales.list': channel<{ items: SaleSummary[]; total: number }>()({
    input: z
      .object({
        from: dateMs.optional(),
        to: dateMs.optional(),
        number: z.number().int().positive().optional(),
        productId: idSchema.optional(),
        userId: idSchema.optional(),
        tender: tenderSchema.optional(),
        sessionId: idSchema.optional(),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    permission: 'sales.history',
  }),
  'sales.receipt': channel<Receipt>()({
    input: z
      .object({
        saleId: idSchema,
        width: z.union([z.literal(58), z.literal(80)]).optional(),
        /** A reprint is marked as such on paper and in the audit log. */
        reprint: z.boolean().default(false),
      })
      .strict(),
    permission: 'sales.history',
  }),

  /**
   * Prints the receipt on the chosen printer where the app has one (the desktop window prints
   * silently); elsewhere answers printed=false and the screen shows the browser's print preview.
   */
  'sales.print': channel<{ printed: boolean; receipt: Receipt; message: string | null }>()({
    input: z
      .object({
        saleId: idSchema,
        width: z.union([z.literal(58), z.literal(80)]).optional(),
        reprint: z.boolean().default(false),
      })
      .strict(),
    permission: 'sales.history',
  }),

  /** Returns some lines of a sale (or, with a supervisor, goods without a ticket). */
  'sales.return': channel<ReturnRecord>()({
    input: z
      .object({
        saleId: idSchema.optional(),
        lines: z
          .array(
            z
              .object({
                /** With a ticket: the line returned. */
                saleLineId: idSchema.optional(),
                /** Without a ticket: the product and the price refunded per unit. */
                productId: idSchema.optional(),
                unitPrice: moneySchema.optional(),
                qty: positiveQuantitySchema,
              })
              .strict(),
          )
          .min(1, 'Elegí qué se devuelve')
          .max(500),
        /** Back to the sale location's stock, or to the damaged-goods location. */
        destination: z.enum(['stock', 'averiado']).default('stock'),
        refunds: z
          .array(z.object({ tender: tenderSchema, amount: moneySchema }).strict())
          .min(1, 'Indicá cómo se reintegra')
          .max(5),
        reason: reasonSchema.min(1, 'Indicá el motivo de la devolución'),
        approvalId: idSchema,
        idempotencyKey: z.string().min(8).max(64),
      })
      .strict(),
    permission: 'sales.return',
  }),
  'sales.returns': channel<ReturnRecord[]>()({
    input: z
      .object({ saleId: idSchema.optional(), limit: z.number().int().min(1).max(500).default(100) })
      .strict(),
    permission: 'sales.history',
  }),
  'sales.settings': channel<PosSettings>()({ input: empty, permission: 'session' }),
  'sales.updateSettings': channel<PosSettings>()({
    input: z
      .object({
        register: z.string().trim().min(1).max(40).optional(),
        saleLocationId: idSchema.nullable().optional(),
        damagedLocationId: idSchema.nullable().optional(),
        cashierDiscountLimitBp: bpSchema.optional(),
        cashRoundingStep: z
          .union([
            z.literal(0),
            z.literal(100),
            z.literal(500),
            z.literal(1000),
            z.literal(5000),
            z.literal(10000),
          ])
          .optional(),
        scaleLayouts: z
          .array(
            z
              .object({
                prefix: z.string().regex(/^2\d?$/, 'El prefijo de balanza empieza con 2 (20 a 29)'),
                pluLength: z.union([z.literal(4), z.literal(5), z.literal(6)]),
                valueKind: z.enum(['weight', 'price']),
                valueDecimals: z.number().int().min(0).max(3),
              })
              .strict(),
          )
          .max(10)
          .optional(),
        receiptWidth: z.union([z.literal(58), z.literal(80)]).optional(),
        receiptHeader: z.string().max(400).optional(),
        receiptFooter: z.string().max(400).optional(),
        printerName: z.string().max(200).nullable().optional(),
      })
      .strict(),
    permission: 'settings.write',
  }),
} as const;
