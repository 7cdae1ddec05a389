import type { Database } from 'better-sqlite3';
import { TENDERS, type Tender, type Unit } from '../../../shared/contract/index.ts';
import { formatMoneyPlain, ivaContained } from '../../../shared/domain/money.ts';
import { lineDiscount } from './amounts.ts';

/**
 * The documents of the sales export, each a run of rows: a sale (its lines) or a return (the
 * lines it took back, negative). The first row of a document carries its cash rounding and
 * its money by tender; the other rows leave those cells empty, so every column adds up: per
 * document, Σ total_linea + redondeo = Σ pago_*.
 */

export const TENDER_COLUMNS = TENDERS.map((t) => `pago_${t}` as const);

export type ExportDoc = {
  at: number;
  /** Sales before returns at the same instant, then by ticket number / return id. */
  order: string;
  kind: 'venta' | 'devolucion';
  rows: LineCells[];
  rounding: number;
  byTender: Map<Tender, number>;
};

/** One line's cells, from `codigo_barras` to `costo_unitario` plus who, when and which ticket. */
export type LineCells = {
  ticket: number | null;
  user: string | null;
  customer: string | null;
  code: string;
  description: string;
  qty: number;
  unit: Unit;
  unitPrice: number;
  discount: number;
  total: number;
  ivaRateBp: number;
  unitCost: number | null;
};

/** "1,5" / "-12": no grouping and no unit, as Excel-AR reads a number. */
export function plainQuantity(milli: number): string {
  const abs = Math.abs(milli);
  const frac = String(abs % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${milli < 0 ? '-' : ''}${Math.trunc(abs / 1000)}${frac ? `,${frac}` : ''}`;
}

/** Cells from `codigo_barras` to `costo_unitario`. */
export function lineCells(l: LineCells): string[] {
  return [
    l.code,
    l.description,
    plainQuantity(l.qty),
    l.unit,
    formatMoneyPlain(l.unitPrice),
    formatMoneyPlain(l.discount),
    formatMoneyPlain(l.total),
    plainQuantity(l.ivaRateBp * 10),
    formatMoneyPlain(ivaContained(l.total, l.ivaRateBp)),
    l.unitCost === null ? '' : formatMoneyPlain(l.unitCost),
  ];
}

function addTo(map: Map<Tender, number>, tender: Tender, amount: number): void {
  map.set(tender, (map.get(tender) ?? 0) + amount);
}

type TenderRow = { doc_id: string; tender: Tender; amount: number };

/** Each payment (sign 1) or refund (sign −1) of the period, added to its document's tenders. */
function addTenders(
  docs: ReadonlyMap<string, ExportDoc>,
  rows: Iterable<TenderRow>,
  sign: 1 | -1,
): void {
  for (const r of rows) {
    const doc = docs.get(r.doc_id);
    if (doc) addTo(doc.byTender, r.tender, sign * r.amount);
  }
}

type SaleLineRow = {
  sale_id: string;
  number: number;
  at: number;
  rounding: number;
  user_name: string | null;
  customer_name: string | null;
  code: string | null;
  barcode: string | null;
  description: string;
  qty: number;
  unit: Unit;
  unit_price: number;
  discount_bp: number;
  total: number;
  iva_rate_bp: number;
  unit_cost: number;
};

const BARCODE_OF = (productId: string) =>
  `(SELECT min(b.barcode) FROM product_barcodes b WHERE b.product_id = ${productId})`;

/** Sales made in [start, end), as they were sold: later returns do not change these rows. */
export function saleDocs(db: Database, start: number, end: number): ExportDoc[] {
  const docs = new Map<string, ExportDoc>();
  for (const r of db
    .prepare<[number, number], SaleLineRow>(
      `SELECT s.id AS sale_id, s.number, s.at, s.rounding, u.name AS user_name,
         c.name AS customer_name, l.code, ${BARCODE_OF('l.product_id')} AS barcode,
         l.description, l.qty, l.unit, l.unit_price, l.discount_bp, l.total, l.iva_rate_bp,
         l.unit_cost
       FROM sales s
       JOIN sale_lines l ON l.sale_id = s.id
       LEFT JOIN users u ON u.id = s.user_id
       LEFT JOIN customers c ON c.id = s.customer_id
       WHERE s.at >= ? AND s.at < ?
       ORDER BY s.number, l.line_no`,
    )
    .iterate(start, end)) {
    let doc = docs.get(r.sale_id);
    if (!doc) {
      doc = {
        at: r.at,
        order: `0${String(r.number).padStart(12, '0')}`,
        kind: 'venta',
        rows: [],
        rounding: r.rounding,
        byTender: new Map(),
      };
      docs.set(r.sale_id, doc);
    }
    doc.rows.push({
      ticket: r.number,
      user: r.user_name,
      customer: r.customer_name,
      code: r.code ?? r.barcode ?? '',
      description: r.description,
      qty: r.qty,
      unit: r.unit,
      unitPrice: r.unit_price,
      discount: lineDiscount({
        qty: r.qty,
        unitPrice: r.unit_price,
        discountBp: r.discount_bp,
        total: r.total,
      }),
      total: r.total,
      ivaRateBp: r.iva_rate_bp,
      unitCost: r.unit_cost,
    });
  }
  addTenders(
    docs,
    db
      .prepare<[number, number], TenderRow>(
        `SELECT p.sale_id AS doc_id, p.tender, p.amount FROM sale_payments p
         JOIN sales s ON s.id = p.sale_id WHERE s.at >= ? AND s.at < ?`,
      )
      .iterate(start, end),
    1,
  );
  return [...docs.values()];
}

type ReturnLineExport = {
  return_id: string;
  at: number;
  return_total: number;
  number: number | null;
  user_name: string | null;
  customer_name: string | null;
  qty: number;
  amount: number;
  code: string | null;
  barcode: string | null;
  description: string;
  unit: Unit;
  iva_rate_bp: number;
  /** The ticket's line, null for a return without a ticket. */
  line_qty: number | null;
  unit_price: number | null;
  discount_bp: number | null;
  line_total: number | null;
  unit_cost: number | null;
};

/**
 * Returns made in [start, end), dated when the goods came back: negative quantities, amounts
 * and refunds. With a ticket, the price, discount share, IVA and cost are the ticket line's;
 * without one, the refunded price and the product's rate, and no cost.
 */
export function returnDocs(db: Database, start: number, end: number): ExportDoc[] {
  const docs = new Map<string, ExportDoc>();
  for (const r of db
    .prepare<[number, number], ReturnLineExport>(
      `SELECT r.id AS return_id, r.at, r.total AS return_total, s.number, u.name AS user_name,
         c.name AS customer_name, rl.qty, rl.amount, sl.code, ${BARCODE_OF('rl.product_id')} AS barcode,
         coalesce(sl.description, p.name) AS description, coalesce(sl.unit, p.unit) AS unit,
         coalesce(sl.iva_rate_bp, p.iva_rate_bp) AS iva_rate_bp, sl.qty AS line_qty,
         sl.unit_price, sl.discount_bp, sl.total AS line_total, sl.unit_cost
       FROM returns r
       JOIN return_lines rl ON rl.return_id = r.id
       JOIN products p ON p.id = rl.product_id
       LEFT JOIN sale_lines sl ON sl.id = rl.sale_line_id
       LEFT JOIN sales s ON s.id = r.sale_id
       LEFT JOIN users u ON u.id = r.user_id
       LEFT JOIN customers c ON c.id = s.customer_id
       WHERE r.at >= ? AND r.at < ?
       ORDER BY r.at, r.id, sl.line_no, rl.id`,
    )
    .iterate(start, end)) {
    let doc = docs.get(r.return_id);
    if (!doc) {
      doc = {
        at: r.at,
        order: `1${r.return_id}`,
        kind: 'devolucion',
        rows: [],
        rounding: 0,
        byTender: new Map(),
      };
      docs.set(r.return_id, doc);
    }
    // The return that empties a ticket also gives back the sale's rounding: its total is the
    // lines plus that rounding, so the row states it as Σ lines − total (negative of the sale's).
    if (doc.rows.length === 0) doc.rounding = -r.return_total;
    doc.rounding += r.amount;
    const ticketLine =
      r.line_qty !== null &&
      r.unit_price !== null &&
      r.discount_bp !== null &&
      r.line_total !== null;
    const discountShare = ticketLine
      ? Math.round(
          (lineDiscount({
            qty: r.line_qty as number,
            unitPrice: r.unit_price as number,
            discountBp: r.discount_bp as number,
            total: r.line_total as number,
          }) *
            r.qty) /
            (r.line_qty as number),
        )
      : 0;
    doc.rows.push({
      ticket: r.number,
      user: r.user_name,
      customer: r.customer_name,
      code: r.code ?? r.barcode ?? '',
      description: r.description,
      qty: -r.qty,
      unit: r.unit,
      unitPrice: r.unit_price ?? Math.round((r.amount * 1000) / r.qty),
      discount: -discountShare,
      total: -r.amount,
      ivaRateBp: r.iva_rate_bp,
      unitCost: r.unit_cost,
    });
  }
  addTenders(
    docs,
    db
      .prepare<[number, number], TenderRow>(
        `SELECT f.return_id AS doc_id, f.tender, f.amount FROM return_refunds f
         JOIN returns r ON r.id = f.return_id WHERE r.at >= ? AND r.at < ?`,
      )
      .iterate(start, end),
    -1,
  );
  return [...docs.values()];
}
