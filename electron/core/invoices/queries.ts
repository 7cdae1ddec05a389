import type { Database } from 'better-sqlite3';
import type {
  InvoiceSummary,
  ParsedInputOf,
  SupplierMonth,
} from '../../../shared/contract/index.ts';
import { searchTokens } from '../../../shared/domain/text.ts';
import { toSummary, type InvoiceRow } from './rows.ts';

export type ListInput = ParsedInputOf<'invoices.list'>;

type Params = Record<string, string | number>;

/** LIKE with the user's text taken literally (a "%" or "_" typed is not a wildcard). */
const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The query box: a printed number ("0003-00012345"), a CUIT ("30-71234567-8"), bare digits
 * (a number or part of a CUIT), or words of the supplier's name or the file name.
 */
function queryFilter(query: string, params: Params): string | null {
  const q = query.trim();
  const printed = /^(\d{1,5})\s*-\s*(\d{1,8})$/.exec(q);
  if (printed) {
    params.qPos = Number(printed[1]);
    params.qNumber = Number(printed[2]);
    return 'i.point_of_sale = @qPos AND i.number = @qNumber';
  }
  const digits = q.replace(/[\s.-]/g, '');
  if (/^\d+$/.test(digits)) {
    params.qDigits = `%${digits}%`;
    if (digits.length > 8) return "i.issuer_cuit LIKE @qDigits ESCAPE '\\'";
    params.qNumber = Number(digits);
    return "(i.number = @qNumber OR i.issuer_cuit LIKE @qDigits ESCAPE '\\')";
  }
  const words = searchTokens(q);
  if (words.length === 0) return null;
  return words
    .map((w, n) => {
      params[`qWord${n}`] = `%${likeEscape(w)}%`;
      return `i.search LIKE @qWord${n} ESCAPE '\\'`;
    })
    .join(' AND ');
}

/** Invoices for the history screen, newest first: undated drafts on top, then by date. */
export function listInvoices(db: Database, input: ListInput): InvoiceSummary[] {
  const where: string[] = [];
  const params: Params = { limit: input.limit };
  if (input.query) {
    const f = queryFilter(input.query, params);
    if (f) where.push(f);
  }
  if (input.status) {
    where.push('i.status = @status');
    params.status = input.status;
  }
  if (input.from) {
    where.push('i.date >= @from');
    params.from = input.from;
  }
  if (input.to) {
    where.push('i.date <= @to');
    params.to = input.to;
  }
  if (input.minTotal !== undefined) {
    where.push('i.total >= @minTotal');
    params.minTotal = input.minTotal;
  }
  if (input.maxTotal !== undefined) {
    where.push('i.total <= @maxTotal');
    params.maxTotal = input.maxTotal;
  }
  if (input.productId) {
    where.push(
      'EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = i.id AND l.product_id = @productId)',
    );
    params.productId = input.productId;
  }
  const sql = `SELECT i.*, (SELECT count(*) FROM invoice_lines l WHERE l.invoice_id = i.id) AS line_count
    FROM invoices i ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY i.date DESC NULLS FIRST, i.created_at DESC, i.id DESC LIMIT @limit`;
  return db
    .prepare<[Params], InvoiceRow & { line_count: number }>(sql)
    .all(params)
    .map((r) => toSummary(r, r.line_count));
}

/**
 * What was bought from each supplier per month ('YYYY-MM'), from applied invoices: facturas and
 * notas de débito add, notas de crédito subtract. By month, then by supplier name.
 */
export function supplierTotals(
  db: Database,
  input: ParsedInputOf<'invoices.supplierTotals'>,
): SupplierMonth[] {
  const params: Params = {};
  const where = ["i.status = 'aplicada'", 'i.date IS NOT NULL', 'i.issuer_cuit IS NOT NULL'];
  if (input.from) {
    where.push('i.date >= @from');
    params.from = input.from;
  }
  if (input.to) {
    where.push('i.date <= @to');
    params.to = input.to;
  }
  return db
    .prepare<[Params], SupplierMonth>(
      `SELECT i.issuer_cuit AS cuit,
         coalesce(s.name, max(i.issuer_name), i.issuer_cuit) AS name,
         substr(i.date, 1, 7) AS month,
         count(*) AS count,
         sum(CASE WHEN i.kind = 'nota_credito' THEN -ifnull(i.total, 0) ELSE ifnull(i.total, 0) END) AS total
       FROM invoices i LEFT JOIN suppliers s ON s.cuit = i.issuer_cuit
       WHERE ${where.join(' AND ')}
       GROUP BY i.issuer_cuit, month
       ORDER BY month, name COLLATE NOCASE, cuit`,
    )
    .all(params);
}
