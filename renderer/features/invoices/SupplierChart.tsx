import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../../lib/format.ts';
import { t } from '../../lib/strings.ts';
import { monthLabel, type MonthPoint } from './supplier-totals.ts';

const compact = new Intl.NumberFormat('es-AR', { notation: 'compact', maximumFractionDigits: 1 });

/** Twelve bars, one per month: what was bought (centavos on the data, pesos on the axis). */
export function SupplierChart({ series }: { series: MonthPoint[] }) {
  const data = series.map((p) => ({ month: monthLabel(p.month), total: p.total }));
  return (
    <figure className="inv-chart" data-testid="inv-totals-chart">
      <figcaption className="sr-only">{t.invoices.suppliers.chartLabel}</figcaption>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" tick={{ fontSize: 13 }} />
          <YAxis
            width={70}
            tick={{ fontSize: 13 }}
            tickFormatter={(v: number) => `$ ${compact.format(v / 100)}`}
          />
          <Tooltip formatter={(value) => formatMoney(Math.round(Number(value)))} />
          <Bar dataKey="total" name={t.invoices.suppliers.total} fill="#0a5bc4" />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
