import type { Database } from 'better-sqlite3';
import type { Tender, Unit } from '../../../shared/contract/index.ts';
import { toCsv } from '../../../shared/domain/csv.ts';
import { formatMoneyPlain, ivaContained } from '../../../shared/domain/money.ts';
import { invalid } from '../errors.ts';
import { lineDiscount } from './amounts.ts';
import { TENDER_LABEL } from './rows.ts';

/**
 * Sales for the accountant: one row per ticket line, `;` separated with decimal commas and a
 * UTF-8 BOM, so Excel in Spanish opens it with accents and numbers right. Days are the shop's
 * days in Buenos Aires, whatever zone the PC is set to.
 */

export const SHOP_TIME_ZONE = 'America/Argentina/Buenos_Aires';

const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: SHOP_TIME_ZONE,
  timeZoneName: 'longOffset',
});
const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: SHOP_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** Minutes east of UTC in Buenos Aires at that instant ("GMT-03:00" → -180). */
function shopOffsetMinutes(ms: number): number {
  const name = offsetFormat.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName');
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name?.value ?? '');
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

export type ShopDay = { year: number; month: number; day: number };

/** "2026-03-10" as a calendar day; anything else is refused in Spanish. */
export function parseShopDay(text: string, what: string): ShopDay {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const day = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
  const check = day ? new Date(Date.UTC(day.year, day.month - 1, day.day)) : null;
  if (
    !day ||
    !check ||
    check.getUTCFullYear() !== day.year ||
    check.getUTCMonth() !== day.month - 1 ||
    check.getUTCDate() !== day.day
  ) {
    throw invalid(
      `${what}: «${text}» no es una fecha válida, usá AAAA-MM-DD (por ejemplo 2026-03-01)`,
    );
  }
  return day;
}

/** Epoch ms of 00:00 of that day in Buenos Aires. */
export function shopDayStart(d: ShopDay): number {
  const utcMidnight = Date.UTC(d.year, d.month - 1, d.day);
  return utcMidnight - shopOffsetMinutes(utcMidnight + 12 * 3_600_000) * 60_000;
}

function shopParts(ms: number): { date: string; time: string } {
  const p: Record<string, string> = {};
  for (const part of partsFormat.formatToParts(new Date(ms))) p[part.type] = part.value;
  return { date: `${p.day}/${p.month}/${p.year}`, time: `${p.hour}:${p.minute}:${p.second}` };
}

/** "1,5" / "12": no grouping and no unit, as Excel-AR reads a number. */
function plainQuantity(milli: number): string {
  const frac = String(milli % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${Math.trunc(milli / 1000)}${frac ? `,${frac}` : ''}`;
}

const plainRate = (bp: number): string => plainQuantity(bp * 10);

export const SALES_EXPORT_HEADER = [
  'fecha',
  'hora',
  'ticket',
  'cajero',
  'cliente',
  'codigo_barras',
  'producto',
  'cantidad',
  'unidad',
  'precio_unitario',
  'descuento',
  'total_linea',
  'iva',
  'iva_contenido',
  'costo_unitario',
  'medios_de_pago',
  'cantidad_devuelta',
] as const;

type ExportRow = {
  sale_id: string;
  number: number;
  at: number;
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
  returned_qty: number;
};

export type SalesExport = { content: string; lines: number; sales: number };

/** Lines of the sales between two shop days, both included. */
export function exportSalesCsv(db: Database, from: ShopDay, to: ShopDay): SalesExport {
  const start = shopDayStart(from);
  const end = shopDayStart({ ...to, day: to.day + 1 });
  if (end <= start) throw invalid('La fecha --from es posterior a --to');
  const tenders = new Map<string, string[]>();
  for (const p of db
    .prepare<[number, number], { sale_id: string; tender: Tender; amount: number }>(
      `SELECT p.sale_id, p.tender, p.amount FROM sale_payments p JOIN sales s ON s.id = p.sale_id
       WHERE s.at >= ? AND s.at < ? ORDER BY p.sale_id, p.id`,
    )
    .iterate(start, end)) {
    const text = `${TENDER_LABEL[p.tender]} ${formatMoneyPlain(p.amount)}`;
    const list = tenders.get(p.sale_id);
    if (list) list.push(text);
    else tenders.set(p.sale_id, [text]);
  }
  const rows: string[][] = [[...SALES_EXPORT_HEADER]];
  const sales = new Set<string>();
  for (const r of db
    .prepare<[number, number], ExportRow>(
      `SELECT s.id AS sale_id, s.number, s.at, u.name AS user_name, c.name AS customer_name,
         l.code, (SELECT min(b.barcode) FROM product_barcodes b WHERE b.product_id = l.product_id) AS barcode,
         l.description, l.qty, l.unit, l.unit_price, l.discount_bp, l.total, l.iva_rate_bp,
         l.unit_cost, l.returned_qty
       FROM sales s
       JOIN sale_lines l ON l.sale_id = s.id
       LEFT JOIN users u ON u.id = s.user_id
       LEFT JOIN customers c ON c.id = s.customer_id
       WHERE s.at >= ? AND s.at < ?
       ORDER BY s.number, l.line_no`,
    )
    .iterate(start, end)) {
    sales.add(r.sale_id);
    const when = shopParts(r.at);
    rows.push([
      when.date,
      when.time,
      String(r.number),
      r.user_name ?? '',
      r.customer_name ?? '',
      r.code ?? r.barcode ?? '',
      r.description,
      plainQuantity(r.qty),
      r.unit,
      formatMoneyPlain(r.unit_price),
      formatMoneyPlain(
        lineDiscount({
          qty: r.qty,
          unitPrice: r.unit_price,
          discountBp: r.discount_bp,
          total: r.total,
        }),
      ),
      formatMoneyPlain(r.total),
      plainRate(r.iva_rate_bp),
      formatMoneyPlain(ivaContained(r.total, r.iva_rate_bp)),
      formatMoneyPlain(r.unit_cost),
      (tenders.get(r.sale_id) ?? []).join(' + '),
      plainQuantity(r.returned_qty),
    ]);
  }
  return { content: `\uFEFF${toCsv(rows, ';')}`, lines: rows.length - 1, sales: sales.size };
}
