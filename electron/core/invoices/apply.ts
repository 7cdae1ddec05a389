import type { ApplyResult, InvoiceData, ParsedInputOf } from '../../../shared/contract/index.ts';
import { isValidCuit } from '../../../shared/domain/cuit.ts';
import { barcodesOf } from '../catalog/products.ts';
import type { Ctx } from '../context.ts';
import { prep } from '../db/statements.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { postMovement } from '../stock/ledger.ts';
import { updateCosts, type CostLine } from './costs.ts';
import { requireDraft } from './drafts.ts';
import {
  appliedTwin,
  duplicateMessage,
  headerColumns,
  invoiceKey,
  type InvoiceKey,
} from './header.ts';
import { invoiceLabel, pricesIncludeIva } from './kinds.ts';
import { buildLines, checkChoices, writeLines, type LineChoice } from './lines.ts';
import {
  auditInvoice,
  getInvoiceRow,
  lineRows,
  readData,
  snapshotInvoice,
  type InvoiceRow,
} from './rows.ts';
import { learnCode, upsertSupplierFromInvoice } from './suppliers.ts';
import { stockQuantity } from '../../../shared/domain/pack.ts';

/**
 * Applying a reviewed invoice: stock in (or out, for a nota de crédito), new costs, the
 * supplier's codes remembered, the invoice marked applied — all in one transaction, so a
 * failure leaves nothing behind and a second apply finds it already applied.
 */

export type ApplyInput = ParsedInputOf<'invoices.apply'>;

const REQUIRED: [keyof InvoiceData | 'issuerCuit', string][] = [
  ['kind', 'el tipo de comprobante'],
  ['letter', 'la letra'],
  ['pointOfSale', 'el punto de venta'],
  ['number', 'el número'],
  ['date', 'la fecha'],
  ['issuerCuit', 'el CUIT del proveedor'],
  ['total', 'el total'],
];

function requireHeader(data: InvoiceData): void {
  const missing = REQUIRED.filter(([k]) =>
    k === 'issuerCuit' ? data.issuer.cuit === undefined : data[k] === undefined,
  ).map(([, label]) => label);
  if (missing.length > 0) {
    throw invalid(`Faltan datos para aplicar la factura: ${missing.join(', ')}`);
  }
  if (!['ARS', 'PES', ''].includes(data.currency.trim().toUpperCase())) {
    throw invalid(
      `La factura está en ${data.currency}: solo se aplican facturas en pesos (pasá los importes a pesos antes de aplicar)`,
    );
  }
  if (!isValidCuit(data.issuer.cuit ?? '')) {
    throw invalid(
      `El CUIT del proveedor ${data.issuer.cuit ?? ''} no es válido: corregilo antes de aplicar`,
    );
  }
}

function refuseTwin(ctx: Ctx, key: InvoiceKey, id: string): void {
  const twin = appliedTwin(ctx.db, key, id);
  if (twin) throw conflict(duplicateMessage(twin.applied_at), { invoiceId: twin.id });
}

function requireLocation(ctx: Ctx, locationId: string): void {
  const loc = prep<[string], { name: string; active: number }>(
    ctx.db,
    'SELECT name, active FROM locations WHERE id = ?',
  ).get(locationId);
  if (!loc) throw notFound('La ubicación');
  if (loc.active !== 1) throw invalid(`La ubicación «${loc.name}» está desactivada`);
}

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

function markApplied(ctx: Ctx, row: InvoiceRow, key: InvoiceKey, locationId: string): void {
  const now = ctx.now();
  try {
    prep(
      ctx.db,
      `UPDATE invoices SET status = 'aplicada', location_id = ?, applied_at = ?, applied_by = ?,
         updated_at = ? WHERE id = ? AND status = 'borrador'`,
    ).run(locationId, now, ctx.actor.userId, now, row.id);
  } catch (err) {
    // The unique index is the last line of defence: name the invoice already on file.
    if (!isUniqueViolation(err)) throw err;
    refuseTwin(ctx, key, row.id);
    throw conflict('Esta factura ya fue cargada');
  }
}

export function applyInvoice(ctx: Ctx, input: ApplyInput): ApplyResult {
  const result = ctx.tx(() => {
    const row = getInvoiceRow(ctx.db, input.id);
    requireDraft(row);
    const data = readData(row);
    requireHeader(data);
    const h = headerColumns(data, row.file_name);
    const key = invoiceKey(h);
    if (key === null)
      throw invalid('Faltan datos para aplicar la factura: el código de comprobante');
    refuseTwin(ctx, key, row.id);
    requireLocation(ctx, input.locationId);

    const previous = lineRows(ctx.db, row.id);
    const choices = new Map<number, LineChoice>(
      previous.map((l) => [l.idx, { productId: l.product_id, packUnits: l.pack_units }]),
    );
    for (const [idx, c] of checkChoices(ctx.db, data.items.length, input.lines)) {
      // The same product without a pack size: the one on the draft stays.
      const was = choices.get(idx);
      choices.set(idx, c.packUnits === undefined && was?.productId === c.productId ? was : c);
    }
    const supplier = upsertSupplierFromInvoice(ctx, data);
    const lines = buildLines(ctx.db, data, supplier, choices, previous);
    const chosen = lines.filter((l) => l.product_id !== null);
    const kind = data.kind ?? 'factura';
    if (kind === 'factura' && chosen.length === 0) {
      throw invalid('Elegí el producto de al menos una línea antes de aplicar la factura');
    }
    for (const l of chosen) {
      if (l.quantity <= 0)
        throw invalid(`La línea ${l.idx + 1} tiene que tener una cantidad mayor que cero`);
    }

    const before = snapshotInvoice(ctx.db, row.id);
    writeLines(ctx.db, row.id, lines);
    const reason = `${invoiceLabel(data)} · ${h.issuer_name ?? data.issuer.cuit ?? ''}`.trim();
    let movements = 0;
    // A nota de débito moves no goods: it bills a difference.
    if (kind !== 'nota_debito') {
      for (const l of chosen) {
        const qty = stockQuantity(l.quantity, l.pack_units);
        postMovement(ctx, {
          productId: l.product_id as string,
          locationId: input.locationId,
          qty: kind === 'nota_credito' ? -qty : qty,
          kind: kind === 'nota_credito' ? 'salida' : 'entrada',
          reason,
          reference: row.id,
        });
        movements++;
      }
    }
    const costs =
      kind === 'factura'
        ? updateCosts(ctx, {
            invoiceId: row.id,
            supplierCuit: supplier.cuit,
            date: data.date as string,
            includesIva: pricesIncludeIva(data.letter, supplier.prices_include_iva === 1),
            lines: chosen.map((l): CostLine => ({
              productId: l.product_id as string,
              amount: l.amount,
              units: stockQuantity(l.quantity, l.pack_units),
            })),
          })
        : { rises: [], changed: [] };
    for (const l of chosen) {
      const productId = l.product_id as string;
      // A barcode needs no remembering: the catalog already knows it.
      if (l.code && !barcodesOf(ctx.db, productId).includes(l.code)) {
        learnCode(ctx, supplier.cuit, l.code, productId, l.pack_units);
      }
    }
    markApplied(ctx, row, key, input.locationId);
    auditInvoice(ctx, 'invoice.apply', row.id, before);
    return {
      value: { invoiceId: row.id, movements, costRises: costs.rises },
      stocked: [...new Set(chosen.map((l) => l.product_id as string))],
      changed: costs.changed,
    };
  });
  if (result.value.movements > 0) {
    ctx.emit({ type: 'stock.changed', payload: { productIds: result.stocked } });
  }
  if (result.changed.length > 0) {
    ctx.emit({ type: 'catalog.changed', payload: { productIds: result.changed } });
  }
  return result.value;
}
