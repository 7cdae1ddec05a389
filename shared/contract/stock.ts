import { z } from 'zod';
import { channel } from './channel.ts';
import {
  empty,
  idSchema,
  nameSchema,
  positiveQuantitySchema,
  quantitySchema,
  reasonSchema,
} from './schemas.ts';
import type {
  Location,
  LowStockItem,
  StockCheck,
  StockCount,
  CountLine,
  StockLevel,
  StockMovement,
} from './types.ts';

export const stockChannels = {
  'stock.locations': channel<Location[]>()({ input: empty, permission: 'stock.read' }),
  'stock.createLocation': channel<Location>()({
    input: z.object({ name: nameSchema }).strict(),
    permission: 'stock.write',
  }),
  'stock.levels': channel<StockLevel[]>()({
    input: z.object({ productId: idSchema }).strict(),
    permission: 'stock.read',
  }),
  /** Manual entrada / salida / ajuste at one location. */
  'stock.move': channel<StockMovement>()({
    input: z
      .object({
        productId: idSchema,
        locationId: idSchema,
        kind: z.enum(['entrada', 'salida', 'ajuste']),
        /** entrada/salida: positive; ajuste: signed. */
        qty: quantitySchema.refine((q) => q !== 0, 'La cantidad no puede ser cero'),
        reason: reasonSchema.min(1, 'Indicá el motivo del movimiento'),
        reference: z.string().trim().max(80).optional(),
      })
      .strict(),
    permission: 'stock.write',
  }),
  'stock.transfer': channel<StockMovement[]>()({
    input: z
      .object({
        productId: idSchema,
        fromLocationId: idSchema,
        toLocationId: idSchema,
        qty: positiveQuantitySchema,
        reason: reasonSchema.default('Reposición'),
      })
      .strict(),
    permission: 'stock.write',
  }),
  'stock.movements': channel<StockMovement[]>()({
    input: z
      .object({
        productId: idSchema.optional(),
        locationId: idSchema.optional(),
        limit: z.number().int().min(1).max(1000).default(200),
        beforeAt: z.number().int().optional(),
      })
      .strict(),
    permission: 'stock.read',
  }),
  'stock.lowStock': channel<LowStockItem[]>()({
    input: z.object({ limit: z.number().int().min(1).max(5000).default(500) }).strict(),
    permission: 'stock.read',
  }),
  'stock.counts': channel<StockCount[]>()({ input: empty, permission: 'stock.read' }),
  'stock.countStart': channel<StockCount>()({
    input: z.object({ locationId: idSchema }).strict(),
    permission: 'stock.count',
  }),
  'stock.countGet': channel<StockCount>()({
    input: z.object({ countId: idSchema }).strict(),
    permission: 'stock.read',
  }),
  /** Sets the counted quantity of one product (by id or scanned code). */
  'stock.countSet': channel<CountLine>()({
    input: z
      .object({
        countId: idSchema,
        productId: idSchema.optional(),
        code: z.string().trim().min(1).max(64).optional(),
        counted: quantitySchema.refine((q) => q >= 0, 'Lo contado no puede ser negativo'),
      })
      .strict()
      .refine((v) => v.productId !== undefined || v.code !== undefined, {
        message: 'Indicá el producto o su código',
      }),
    permission: 'stock.count',
  }),
  /** Posts every line's variance as an ajuste, in one transaction. */
  'stock.countClose': channel<StockCount>()({
    input: z.object({ countId: idSchema }).strict(),
    permission: 'stock.count',
  }),
  'stock.countCancel': channel<StockCount>()({
    input: z.object({ countId: idSchema }).strict(),
    permission: 'stock.count',
  }),
  /** Replays the ledger and compares it with the per-location cache. */
  'stock.check': channel<StockCheck>()({ input: empty, permission: 'stock.read' }),
} as const;
