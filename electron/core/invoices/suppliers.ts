import type { Database } from 'better-sqlite3';
import type {
  InvoiceData,
  ParsedInputOf,
  SupplierSettings,
} from '../../../shared/contract/index.ts';
import { formatCuit, normalizeCuit } from '../../../shared/domain/cuit.ts';
import { isDomainError } from '../../../shared/domain/errors.ts';
import type { Ctx } from '../context.ts';
import { prep } from '../db/statements.ts';
import { invalid } from '../errors.ts';
import {
  getSupplier,
  supplierCodeId,
  supplierCodeSnapshot,
  supplierSnapshot,
  toSupplier,
  type SupplierCodeRow,
  type SupplierRow,
} from './rows.ts';

/** Suppliers with their pricing quirks, and the product codes learnt from their invoices. */

export function listSuppliers(db: Database): SupplierSettings[] {
  return prep<[], SupplierRow>(db, 'SELECT * FROM suppliers ORDER BY name COLLATE NOCASE, cuit')
    .all()
    .map(toSupplier);
}

const UPSERT = `INSERT INTO suppliers (cuit, name, prices_include_iva, prices_per_pack, created_at, updated_at)
  VALUES (@cuit, @name, @prices_include_iva, @prices_per_pack, @now, @now)
  ON CONFLICT (cuit) DO UPDATE SET name = excluded.name,
    prices_include_iva = excluded.prices_include_iva, prices_per_pack = excluded.prices_per_pack,
    updated_at = excluded.updated_at`;

export function saveSupplier(ctx: Ctx, input: ParsedInputOf<'suppliers.save'>): SupplierSettings {
  let cuit: string;
  try {
    cuit = normalizeCuit(input.cuit);
  } catch (err) {
    if (isDomainError(err)) throw invalid(err.message);
    throw err;
  }
  return ctx.tx(() => {
    const old = getSupplier(ctx.db, cuit);
    prep(ctx.db, UPSERT).run({
      cuit,
      name: input.name,
      prices_include_iva: input.pricesIncludeIva ? 1 : 0,
      prices_per_pack: input.pricesPerPack ? 1 : 0,
      now: ctx.now(),
    });
    const row = getSupplier(ctx.db, cuit) as SupplierRow;
    ctx.audit.append(ctx.actor, {
      action: old ? 'supplier.update' : 'supplier.create',
      entity: 'supplier',
      entityId: cuit,
      before: old ? supplierSnapshot(old) : undefined,
      after: supplierSnapshot(row),
    });
    return toSupplier(row);
  });
}

/**
 * The invoice's issuer as a supplier, created on its first applied invoice with the printed name
 * and the defaults (prices net of IVA on A invoices, pack sizes in the descriptions honoured).
 * An existing supplier is left as the owner set it. Inside the caller's tx.
 */
export function upsertSupplierFromInvoice(ctx: Ctx, data: InvoiceData): SupplierRow {
  const cuit = data.issuer.cuit as string;
  const existing = getSupplier(ctx.db, cuit);
  if (existing) return existing;
  const name = data.issuer.name?.trim().slice(0, 120) || `Proveedor ${formatCuit(cuit)}`;
  prep(ctx.db, UPSERT).run({
    cuit,
    name,
    prices_include_iva: 0,
    prices_per_pack: 1,
    now: ctx.now(),
  });
  const row = getSupplier(ctx.db, cuit) as SupplierRow;
  ctx.audit.append(ctx.actor, {
    action: 'supplier.create',
    entity: 'supplier',
    entityId: cuit,
    after: supplierSnapshot(row),
  });
  return row;
}

/** Remembers the supplier's code for a product (and its pack size). Inside the caller's tx. */
export function learnCode(
  ctx: Ctx,
  cuit: string,
  code: string,
  productId: string,
  packUnits: number,
): void {
  const get = prep<[string, string], SupplierCodeRow>(
    ctx.db,
    'SELECT * FROM supplier_codes WHERE supplier_cuit = ? AND code = ?',
  );
  const old = get.get(cuit, code);
  if (old && old.product_id === productId && old.pack_units === packUnits) return;
  prep(
    ctx.db,
    `INSERT INTO supplier_codes (supplier_cuit, code, product_id, pack_units, updated_at)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (supplier_cuit, code) DO UPDATE SET product_id = excluded.product_id,
       pack_units = excluded.pack_units, updated_at = excluded.updated_at`,
  ).run(cuit, code, productId, packUnits, ctx.now());
  ctx.audit.append(ctx.actor, {
    action: 'supplier_code.learn',
    entity: 'supplier_code',
    entityId: supplierCodeId(cuit, code),
    before: old ? supplierCodeSnapshot(old) : undefined,
    after: supplierCodeSnapshot(get.get(cuit, code) as SupplierCodeRow),
  });
}
