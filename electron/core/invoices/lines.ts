import type { Database } from 'better-sqlite3';
import type { InvoiceData, InvoiceItem, Unit } from '../../../shared/contract/index.ts';
import { netUnitCost, parsePackUnits, stockQuantity } from '../../../shared/domain/pack.ts';
import { prep } from '../db/statements.ts';
import { invalid } from '../errors.ts';
import { pricesIncludeIva } from './kinds.ts';
import { matchLine, rememberedPack } from './match.ts';
import type { LineRow, SupplierRow } from './rows.ts';

/**
 * An invoice's lines as stored: each item with the product chosen for it, its pack size and its
 * unit cost. The owner's choices win; lines without one are matched against the catalog.
 */

/** packUnits undefined: the remembered or printed pack size for the chosen product. */
export type LineChoice = { productId: string | null; packUnits?: number | undefined };
export type BuiltLine = Omit<LineRow, 'invoice_id'>;

type ProductCostInfo = { unit: Unit; iva_rate_bp: number };

function productInfo(db: Database, id: string): ProductCostInfo | undefined {
  return prep<[string], ProductCostInfo>(
    db,
    'SELECT unit, iva_rate_bp FROM products WHERE id = ?',
  ).get(id);
}

/**
 * Units per invoiced unit when nobody chose: what was remembered with the supplier's code, else
 * the pack printed in the description when the product is sold by the unit and the supplier
 * prices by the pack (or is not known yet).
 */
function defaultPack(
  db: Database,
  item: InvoiceItem,
  productId: string | null,
  supplier: SupplierRow | undefined,
  cuit: string | null,
): number {
  const remembered = productId === null ? null : rememberedPack(db, cuit, item.code, productId);
  if (remembered !== null) return remembered;
  const unit = productId === null ? undefined : productInfo(db, productId)?.unit;
  if (unit !== undefined && unit !== 'u') return 1;
  if (supplier && supplier.prices_per_pack === 0) return 1;
  return parsePackUnits(item.description);
}

/** Centavos net of IVA per product unit for one line, when it can be known. */
export function lineUnitCost(
  item: Pick<InvoiceItem, 'amount' | 'quantity' | 'ivaRate'>,
  packUnits: number,
  includesIva: boolean,
  productIva: number | undefined,
): number | null {
  const iva = productIva ?? item.ivaRate;
  if (includesIva && iva === undefined) return null;
  return netUnitCost({
    amount: item.amount,
    units: stockQuantity(item.quantity, packUnits),
    includesIva,
    ivaRateBp: iva ?? 0,
  });
}

/** Refuses choices for lines that do not exist, twice for one line, or of unknown products. */
export function checkChoices(
  db: Database,
  itemCount: number,
  choices: readonly ({ index: number } & LineChoice)[],
): Map<number, LineChoice> {
  const map = new Map<number, LineChoice>();
  for (const c of choices) {
    if (c.index >= itemCount) {
      throw invalid(`La línea ${c.index + 1} no existe: la factura tiene ${itemCount} líneas`);
    }
    if (map.has(c.index)) throw invalid(`La línea ${c.index + 1} aparece dos veces`);
    if (c.productId !== null && !productInfo(db, c.productId)) {
      throw invalid(`El producto elegido para la línea ${c.index + 1} no existe`);
    }
    map.set(c.index, { productId: c.productId, packUnits: c.packUnits });
  }
  return map;
}

/**
 * Builds every line of `data`. With `previous` given, a line keeps its earlier suggestions
 * instead of searching the catalog again (applying does not need new ones).
 */
export function buildLines(
  db: Database,
  data: InvoiceData,
  supplier: SupplierRow | undefined,
  choices: ReadonlyMap<number, LineChoice>,
  previous?: readonly Pick<LineRow, 'idx' | 'candidates'>[],
): BuiltLine[] {
  const includesIva = pricesIncludeIva(data.letter, supplier?.prices_include_iva === 1);
  const cuit = data.issuer.cuit ?? null;
  return data.items.map((item, idx) => {
    const choice = choices.get(idx);
    const kept = previous?.find((l) => l.idx === idx);
    let candidates = kept?.candidates ?? '[]';
    let productId = choice?.productId ?? null;
    if (!kept) {
      const guess = matchLine(db, cuit, item);
      candidates = JSON.stringify(guess.candidates);
      if (!choice) productId = guess.productId;
    }
    const packUnits = choice?.packUnits ?? defaultPack(db, item, productId, supplier, cuit);
    const product = productId === null ? undefined : productInfo(db, productId);
    return {
      idx,
      product_id: productId,
      pack_units: packUnits,
      unit_cost: lineUnitCost(item, packUnits, includesIva, product?.iva_rate_bp),
      code: item.code?.trim() || null,
      description: item.description,
      quantity: item.quantity,
      unit: item.unit,
      unit_price: item.unitPrice,
      discount_bp: item.discountBp,
      amount: item.amount,
      candidates,
    };
  });
}

/** Replaces an invoice's stored lines. Inside the caller's transaction. */
export function writeLines(db: Database, invoiceId: string, lines: readonly BuiltLine[]): void {
  prep(db, 'DELETE FROM invoice_lines WHERE invoice_id = ?').run(invoiceId);
  const insert = prep(
    db,
    `INSERT INTO invoice_lines (invoice_id, idx, product_id, pack_units, unit_cost, code, description,
       quantity, unit, unit_price, discount_bp, amount, candidates)
     VALUES (@invoice_id, @idx, @product_id, @pack_units, @unit_cost, @code, @description,
       @quantity, @unit, @unit_price, @discount_bp, @amount, @candidates)`,
  );
  for (const l of lines) insert.run({ ...l, invoice_id: invoiceId });
}
