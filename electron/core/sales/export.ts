import type { Database } from 'better-sqlite3';
import { TENDERS } from '../../../shared/contract/index.ts';
import { toCsv } from '../../../shared/domain/csv.ts';
import { formatMoneyPlain } from '../../../shared/domain/money.ts';
import { invalid } from '../errors.ts';
import { lineCells, returnDocs, saleDocs, TENDER_COLUMNS } from './export-rows.ts';

/**
 * Sales for the accountant: one row per ticket line and per returned line, `;` separated with
 * decimal commas and a UTF-8 BOM, so Excel in Spanish opens it with accents and numbers right.
 * Days are the shop's days in Buenos Aires, whatever zone the PC is set to.
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

export const SALES_EXPORT_HEADER = [
  'fecha',
  'hora',
  'tipo',
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
  'redondeo',
  ...TENDER_COLUMNS,
] as const;

export type SalesExport = { content: string; lines: number; sales: number; returns: number };

/**
 * Sales and returns between two shop days, both included, in the order they happened. A sale
 * is one row per line as it was sold; a return is its own rows, dated when it happened, with
 * negative quantities and amounts, so an export never changes after its period is over. The
 * rounding and the money by tender are stated once, on a document's first row.
 */
export function exportSalesCsv(db: Database, from: ShopDay, to: ShopDay): SalesExport {
  const start = shopDayStart(from);
  const end = shopDayStart({ ...to, day: to.day + 1 });
  if (end <= start) throw invalid('La fecha --from es posterior a --to');
  const sales = saleDocs(db, start, end);
  const returns = returnDocs(db, start, end);
  const docs = [...sales, ...returns].sort((a, b) =>
    a.at !== b.at ? a.at - b.at : a.order < b.order ? -1 : a.order > b.order ? 1 : 0,
  );
  const rows: string[][] = [[...SALES_EXPORT_HEADER]];
  for (const doc of docs) {
    const when = shopParts(doc.at);
    doc.rows.forEach((line, i) => {
      const first = i === 0;
      rows.push([
        when.date,
        when.time,
        doc.kind,
        line.ticket === null ? '' : String(line.ticket),
        line.user ?? '',
        line.customer ?? '',
        ...lineCells(line),
        first ? formatMoneyPlain(doc.rounding) : '',
        ...TENDERS.map((t) => {
          const amount = doc.byTender.get(t);
          return first && amount !== undefined ? formatMoneyPlain(amount) : '';
        }),
      ]);
    });
  }
  return {
    content: `\uFEFF${toCsv(rows, ';')}`,
    lines: rows.length - 1,
    sales: sales.length,
    returns: returns.length,
  };
}
