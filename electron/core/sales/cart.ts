import type { Database } from 'better-sqlite3';
import type {
  IvaRateBp,
  PosSettings,
  SaleLineInput,
  Unit,
} from '../../../shared/contract/index.ts';
import { parseScaleBarcode } from '../../../shared/domain/barcode.ts';
import { isDomainError } from '../../../shared/domain/errors.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { lineAmounts, sellsBelowCost, type PricedLine } from '../../../shared/domain/sale-math.ts';
import { prep } from '../db/statements.ts';
import { AppError, invalid } from '../errors.ts';
import { stockAt } from '../stock/ledger.ts';

/**
 * Turns what the counter sent into priced lines, from the catalog as it is at this moment:
 * shelf price and cost, scale labels re-read, units checked, and which lines need a supervisor.
 * Reads only; the commit writes.
 */

type ProductForSale = {
  id: string;
  name: string;
  unit: Unit;
  iva_rate_bp: IvaRateBp;
  cost: number;
  price: number;
  plu: number | null;
  active: number;
};

export type CartLine = {
  lineNo: number;
  productId: string;
  code: string | null;
  description: string;
  unit: Unit;
  qty: number;
  listPrice: number;
  unitPrice: number;
  discountBp: number;
  ivaRateBp: IvaRateBp;
  unitCost: number;
  /** What the totals are computed from: a price label counts as one item at the label's price. */
  priced: PricedLine;
  total: number;
  belowCost: boolean;
  withoutStock: boolean;
  needsPriceApproval: boolean;
  needsDiscountApproval: boolean;
};

export type BelowCostLine = {
  productId: string;
  name: string;
  unitPrice: number;
  unitPriceNet: number;
  unitCost: number;
};

function product(db: Database, id: string): ProductForSale | undefined {
  return prep<[string], ProductForSale>(
    db,
    'SELECT id, name, unit, iva_rate_bp, cost, price, plu, active FROM products WHERE id = ?',
  ).get(id);
}

function isOwnBarcode(db: Database, code: string, productId: string): boolean {
  return (
    prep<[string, string], { n: number }>(
      db,
      'SELECT 1 AS n FROM product_barcodes WHERE barcode = ? AND product_id = ?',
    ).get(code, productId) !== undefined
  );
}

/** Price per unit net of IVA, for the confirmation screen. */
function netUnitPrice(total: number, qty: number, ivaRateBp: number): number {
  return Math.round((total * 1000 * 10_000) / (qty * (10_000 + ivaRateBp)));
}

type ScaleOutcome = { qty: number; priced: PricedLine | null };

/** Re-reads a scale label: its weight is the quantity, its price is the line's amount. */
function readScaleLabel(
  db: Database,
  p: ProductForSale,
  code: string,
  unitPrice: number,
  discountBp: number,
  layouts: PosSettings['scaleLayouts'],
): ScaleOutcome | null {
  const label = parseScaleBarcode(code, layouts);
  // A shop may print its own 2x codes for packaged goods: a code the product owns is a barcode.
  if (!label || isOwnBarcode(db, code, p.id)) return null;
  if (p.plu === null || Number(label.plu) !== p.plu) {
    throw invalid(
      `La etiqueta de balanza ${code} es del PLU ${Number(label.plu)}, no de «${p.name}»`,
    );
  }
  if (p.unit === 'u') {
    throw invalid(`«${p.name}» se vende por unidad: no lleva etiqueta de balanza`);
  }
  if (label.weightMilli !== undefined) {
    if (label.weightMilli <= 0) throw invalid(`La etiqueta ${code} no tiene peso`);
    return { qty: label.weightMilli, priced: null };
  }
  const price = label.priceCentavos ?? 0;
  if (price <= 0) throw invalid(`La etiqueta ${code} no tiene importe`);
  if (unitPrice <= 0)
    throw invalid(`«${p.name}» no tiene precio por ${p.unit}: cargalo antes de vender`);
  // The quantity is derived to the gram; the amount charged is the label's, exactly.
  const qty = Math.max(1, Math.round((price * 1000) / unitPrice));
  return { qty, priced: { qty: 1000, unitPrice: price, discountBp, ivaRateBp: p.iva_rate_bp } };
}

function amountsOf(priced: PricedLine, name: string): number {
  try {
    return lineAmounts(priced).total;
  } catch (err) {
    // An absurd quantity × price (a barcode typed into the quantity) is the cashier's to fix.
    if (isDomainError(err)) throw invalid(`«${name}»: ${err.message}`);
    throw err;
  }
}

export type PriceCartOptions = {
  settings: PosSettings;
  locationId: string;
  /** Encargado and dueño give any discount without asking anyone. */
  mayDiscountFreely: boolean;
};

export function priceCart(
  db: Database,
  input: readonly SaleLineInput[],
  opts: PriceCartOptions,
): CartLine[] {
  const lines: CartLine[] = [];
  const soFar = new Map<string, number>();
  input.forEach((l, i) => {
    const p = product(db, l.productId);
    const where = l.code ? `con código ${l.code}` : l.productId;
    if (!p)
      throw new AppError('NOT_FOUND', `No existe el producto ${where}`, { productId: l.productId });
    if (p.active !== 1) throw invalid(`«${p.name}» está desactivado: no se puede vender`);
    const unitPrice = l.unitPrice ?? p.price;
    const discountBp = l.discountBp ?? 0;
    const code = l.code?.trim() || null;
    let qty = l.qty;
    let priced: PricedLine | null = null;
    if (code !== null) {
      const scale = readScaleLabel(db, p, code, unitPrice, discountBp, opts.settings.scaleLayouts);
      if (scale) {
        qty = scale.qty;
        priced = scale.priced;
      }
    }
    if (!Number.isInteger(qty) || qty <= 0) {
      throw invalid(`La cantidad de «${p.name}» tiene que ser mayor que cero`);
    }
    if (p.unit === 'u' && qty % 1000 !== 0) {
      throw invalid(`«${p.name}» se vende por unidad: la cantidad tiene que ser un número entero`);
    }
    if (discountBp < 0 || discountBp > 10_000) {
      throw invalid(`El descuento de «${p.name}» tiene que estar entre 0 y 100 %`);
    }
    priced ??= { qty, unitPrice, discountBp, ivaRateBp: p.iva_rate_bp };
    const total = amountsOf(priced, p.name);
    const running = (soFar.get(p.id) ?? 0) + qty;
    soFar.set(p.id, running);
    lines.push({
      lineNo: i + 1,
      productId: p.id,
      code,
      description: p.name,
      unit: p.unit,
      qty,
      listPrice: p.price,
      unitPrice,
      discountBp,
      ivaRateBp: p.iva_rate_bp,
      unitCost: p.cost,
      priced,
      total,
      belowCost: sellsBelowCost(total, qty, p.cost, p.iva_rate_bp),
      withoutStock: stockAt(db, p.id, opts.locationId) < running,
      needsPriceApproval: unitPrice !== p.price,
      needsDiscountApproval:
        discountBp > opts.settings.cashierDiscountLimitBp && !opts.mayDiscountFreely,
    });
  });
  return lines;
}

/**
 * The refusal the screen turns into "¿Vender por debajo del costo?" and a resubmit;
 * `needsSupervisor` tells it the resubmit must bring a supervisor's `sale.below_cost` approval.
 */
export function belowCostError(lines: readonly CartLine[], needsSupervisor: boolean): AppError {
  const below: BelowCostLine[] = lines
    .filter((l) => l.belowCost)
    .map((l) => ({
      productId: l.productId,
      name: l.description,
      unitPrice: Math.round((l.total * 1000) / l.qty),
      unitPriceNet: netUnitPrice(l.total, l.qty, l.ivaRateBp),
      unitCost: l.unitCost,
    }));
  const names = [...new Set(below.map((b) => `«${b.name}»`))].join(', ');
  const first = below[0];
  const detail =
    below.length === 1 && first
      ? ` (sin IVA ${formatMoney(first.unitPriceNet)}, costo ${formatMoney(first.unitCost)})`
      : '';
  const ask = needsSupervisor
    ? 'Para vender igual hace falta el PIN de un encargado o del dueño.'
    : '¿Confirmás la venta?';
  return new AppError('BELOW_COST', `Se vende por debajo del costo: ${names}${detail}. ${ask}`, {
    lines: below,
    needsSupervisor,
  });
}
