import type { SupplierMonth } from '../../../shared/contract/index.ts';

/** Purchases per supplier and month: the window, the chart's series and the table's groups. */

const pad = (n: number) => String(n).padStart(2, '0');

/** The last `n` months up to the one of `today`, oldest first: ['2024-12', …, '2025-11']. */
export function lastMonths(today: Date, n = 12): string[] {
  const months: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(today.getFullYear(), today.getMonth() - i, 1);
    months.push(`${d.getFullYear()}-${pad(d.getMonth() + 1)}`);
  }
  return months;
}

/** The `invoices.supplierTotals` input covering those months, through today. */
export function monthsWindow(months: readonly string[], today: Date): { from: string; to: string } {
  const first = months[0] ?? `${today.getFullYear()}-${pad(today.getMonth() + 1)}`;
  return {
    from: `${first}-01`,
    to: `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`,
  };
}

/** 'YYYY-MM' whatever the core sends ('2025-03' or '2025-03-01'). */
function monthOf(row: SupplierMonth): string {
  return row.month.slice(0, 7);
}

export type MonthPoint = { month: string; total: number; count: number };

/** One point per month, zero when nothing was bought; one supplier (CUIT) or all (''). */
export function monthlySeries(
  rows: readonly SupplierMonth[],
  months: readonly string[],
  cuit: string,
): MonthPoint[] {
  const byMonth = new Map(months.map((m) => [m, { month: m, total: 0, count: 0 }]));
  for (const row of rows) {
    if (cuit !== '' && row.cuit !== cuit) continue;
    const point = byMonth.get(monthOf(row));
    if (!point) continue;
    point.total += row.total;
    point.count += row.count;
  }
  return [...byMonth.values()];
}

export type MonthGroup = { month: string; rows: SupplierMonth[]; total: number; count: number };

/** Table rows: newest month first, its suppliers by amount, with the month's total. */
export function monthGroups(rows: readonly SupplierMonth[], cuit: string): MonthGroup[] {
  const groups = new Map<string, MonthGroup>();
  for (const row of rows) {
    if (cuit !== '' && row.cuit !== cuit) continue;
    const month = monthOf(row);
    const g = groups.get(month) ?? { month, rows: [], total: 0, count: 0 };
    g.rows.push(row);
    g.total += row.total;
    g.count += row.count;
    groups.set(month, g);
  }
  return [...groups.values()]
    .sort((a, b) => b.month.localeCompare(a.month))
    .map((g) => ({ ...g, rows: [...g.rows].sort((a, b) => b.total - a.total) }));
}

/** Suppliers present in the rows, the biggest buyer-side total first. */
export function suppliersOf(rows: readonly SupplierMonth[]): { cuit: string; name: string }[] {
  const totals = new Map<string, { cuit: string; name: string; total: number }>();
  for (const row of rows) {
    const s = totals.get(row.cuit) ?? { cuit: row.cuit, name: row.name, total: 0 };
    s.total += row.total;
    totals.set(row.cuit, s);
  }
  return [...totals.values()]
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'es'))
    .map(({ cuit, name }) => ({ cuit, name }));
}

const monthFormat = new Intl.DateTimeFormat('es-AR', { month: 'short', year: 'numeric' });

/** '2025-03' → 'mar 2025'. */
export function monthLabel(month: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(month);
  if (!m) return month;
  return monthFormat.format(new Date(Number(m[1]), Number(m[2]) - 1, 1)).replace('.', '');
}
