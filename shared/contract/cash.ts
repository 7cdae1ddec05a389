import { z } from 'zod';
import { channel } from './channel.ts';
import { empty, idSchema, moneySchema, nameSchema, reasonSchema } from './schemas.ts';
import type {
  CashMovement,
  CashReport,
  CashSession,
  Customer,
  CustomerLedgerEntry,
} from './sales-types.ts';

const denominationsSchema = z
  .array(
    z
      .object({
        denomination: moneySchema.refine((d) => d > 0, 'Denominación inválida'),
        qty: z.number().int().min(0, 'La cantidad no puede ser negativa').max(100_000),
      })
      .strict(),
  )
  .max(40);

export const cashChannels = {
  /** The open drawer of this register, or null: a drawer must be open to sell. */
  'cash.current': channel<CashSession | null>()({ input: empty, permission: 'cash.operate' }),
  'cash.open': channel<CashSession>()({
    input: z.object({ openingFloat: moneySchema }).strict(),
    permission: 'cash.operate',
  }),
  /** Retiro (cash taken out) or depósito (cash put in), with a reason. */
  'cash.movement': channel<CashMovement>()({
    input: z
      .object({
        kind: z.enum(['retiro', 'deposito']),
        amount: moneySchema.refine((a) => a > 0, 'El importe debe ser mayor que cero'),
        reason: reasonSchema.min(1, 'Indicá el motivo'),
      })
      .strict(),
    permission: 'cash.operate',
  }),
  /** Opens the drawer without a sale: needs a supervisor's approval, and is recorded. */
  'cash.openDrawer': channel<CashMovement>()({
    input: z
      .object({ approvalId: idSchema, reason: reasonSchema.min(1, 'Indicá el motivo') })
      .strict(),
    permission: 'cash.operate',
  }),
  'cash.movements': channel<CashMovement[]>()({
    input: z.object({ sessionId: idSchema.optional() }).strict(),
    permission: 'cash.operate',
  }),
  /** X report: the open session so far, nothing closed. */
  'cash.xReport': channel<CashReport>()({ input: empty, permission: 'cash.operate' }),
  /** Closes with the count by denomination and what the card/transfer terminals say; returns the Z. */
  'cash.close': channel<CashReport>()({
    input: z
      .object({
        denominations: denominationsSchema,
        /** Declared totals for the other tenders (terminal batch, transfers received). */
        declared: z
          .object({
            debito: moneySchema.optional(),
            credito: moneySchema.optional(),
            transferencia: moneySchema.optional(),
          })
          .strict()
          .default({}),
      })
      .strict(),
    permission: 'cash.operate',
  }),
  /** The Z report of a closed session (or X of the open one). */
  'cash.report': channel<CashReport>()({
    input: z.object({ sessionId: idSchema }).strict(),
    permission: 'cash.reports',
  }),
  /** The report of a session as a CSV file (`;`, decimal comma, UTF-8 with BOM) for Excel-AR. */
  'cash.reportCsv': channel<{ fileName: string; contentBase64: string }>()({
    input: z.object({ sessionId: idSchema }).strict(),
    permission: 'cash.reports',
  }),
  'cash.sessions': channel<CashSession[]>()({
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    permission: 'cash.reports',
  }),

  'customers.list': channel<Customer[]>()({
    input: z
      .object({
        text: z.string().max(100).default(''),
        withBalanceOnly: z.boolean().default(false),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    permission: 'customers.read',
  }),
  'customers.get': channel<Customer>()({
    input: z.object({ id: idSchema }).strict(),
    permission: 'customers.read',
  }),
  'customers.create': channel<Customer>()({
    input: z
      .object({
        name: nameSchema,
        document: z.string().trim().max(20).nullable().default(null),
        phone: z.string().trim().max(40).nullable().default(null),
        creditLimit: moneySchema.default(0),
      })
      .strict(),
    permission: 'customers.write',
  }),
  'customers.update': channel<Customer>()({
    input: z
      .object({
        id: idSchema,
        name: nameSchema.optional(),
        document: z.string().trim().max(20).nullable().optional(),
        phone: z.string().trim().max(40).nullable().optional(),
        creditLimit: moneySchema.optional(),
        active: z.boolean().optional(),
      })
      .strict(),
    permission: 'customers.write',
  }),
  'customers.ledger': channel<CustomerLedgerEntry[]>()({
    input: z
      .object({ id: idSchema, limit: z.number().int().min(1).max(2000).default(500) })
      .strict(),
    permission: 'customers.read',
  }),
  /** A customer pays their account; cash goes into the open drawer. */
  'customers.payment': channel<CustomerLedgerEntry>()({
    input: z
      .object({
        customerId: idSchema,
        amount: moneySchema.refine((a) => a > 0, 'El pago debe ser mayor que cero'),
        tender: z.enum(['efectivo', 'debito', 'credito', 'transferencia']),
        note: z.string().trim().max(200).optional(),
      })
      .strict(),
    permission: 'cash.operate',
  }),
  /** Corrects a balance (signed amount) with a supervisor's approval. */
  'customers.adjust': channel<CustomerLedgerEntry>()({
    input: z
      .object({
        customerId: idSchema,
        amount: z
          .number()
          .int()
          .min(-1_000_000_000_000)
          .max(1_000_000_000_000)
          .refine((a) => a !== 0, 'El ajuste no puede ser cero'),
        reason: reasonSchema.min(1, 'Indicá el motivo'),
        approvalId: idSchema,
      })
      .strict(),
    permission: 'customers.read',
  }),
  'customers.totalOwed': channel<{ total: number; customers: number }>()({
    input: empty,
    permission: 'customers.read',
  }),
} as const;
