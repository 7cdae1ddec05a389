import { z } from 'zod';

/** Shared building blocks for channel inputs. Messages are for the user: es-AR. */

export const idSchema = z.string().min(1, 'Falta el identificador').max(64);

export const pinSchema = z.string().regex(/^\d{4,8}$/, 'El PIN debe tener entre 4 y 8 números');

export const nameSchema = z
  .string()
  .trim()
  .min(1, 'El nombre no puede estar vacío')
  .max(120, 'El nombre es demasiado largo (máximo 120 caracteres)');

/** Integer centavos, never negative, at most ten thousand million pesos. */
export const moneySchema = z
  .number({ error: 'El importe debe ser un número' })
  .int('El importe debe estar en centavos enteros')
  .min(0, 'El importe no puede ser negativo')
  .max(1_000_000_000_000, 'El importe es absurdo: revisá la cifra');

/** Integer thousandths (grams, millilitres, units × 1000). */
export const quantitySchema = z
  .number({ error: 'La cantidad debe ser un número' })
  .int('La cantidad debe estar en milésimas enteras')
  .min(-1_000_000_000, 'La cantidad es absurda: revisá la cifra')
  .max(1_000_000_000, 'La cantidad es absurda: revisá la cifra');

export const positiveQuantitySchema = quantitySchema.refine((q) => q > 0, {
  message: 'La cantidad debe ser mayor que cero',
});

export const ivaRateSchema = z.union(
  [z.literal(0), z.literal(250), z.literal(500), z.literal(1050), z.literal(2100), z.literal(2700)],
  { error: 'Alícuota de IVA inválida (0; 2,5; 5; 10,5; 21 o 27 %)' },
);

export const unitSchema = z.enum(['u', 'kg', 'lt'], {
  error: 'Unidad inválida: debe ser u, kg o lt',
});

export const barcodeSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z.-]{1,32}$/, 'Código de barras inválido');

export const cuitSchema = z
  .string()
  .trim()
  .regex(/^\d{2}-?\d{8}-?\d$/, 'CUIT inválido: deben ser 11 números');

export const reasonSchema = z.string().trim().max(200, 'El motivo es demasiado largo');

export const empty = z.object({}).strict();
