import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { pricingSetupStrings } from '../../lib/strings-pricing-setup.ts';
import type { HistoryChartPoint } from './history-chart.ts';

const s = pricingSetupStrings.history;

const compact = new Intl.NumberFormat('es-AR', { notation: 'compact', maximumFractionDigits: 1 });

const LINES = [
  { key: 'price', name: s.price, color: '#0a5bc4', dash: undefined },
  { key: 'cost', name: s.cost, color: '#4b5563', dash: undefined },
  { key: 'replacement', name: s.replacement, color: '#b42318', dash: undefined },
  { key: 'priceByCpi', name: s.byCpi, color: '#b45309', dash: '6 4' },
] as const;

/** Price (with IVA), cost and replacement cost (net), and the price carried by the CPI. */
export function PriceHistoryChart({ points }: { points: HistoryChartPoint[] }) {
  return (
    <figure className="inv-chart" data-testid="price-history-chart">
      <figcaption className="sr-only">{s.chartLabel}</figcaption>
      <ResponsiveContainer width="100%" height={320}>
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 13 }} minTickGap={12} />
          <YAxis
            width={76}
            tick={{ fontSize: 13 }}
            tickFormatter={(v: number) => `$ ${compact.format(v / 100)}`}
          />
          <Tooltip
            formatter={(value) => formatMoney(Math.round(Number(value)))}
            labelFormatter={(label, payload) => {
              const at = (payload[0]?.payload as HistoryChartPoint | undefined)?.at;
              return at === undefined ? label : `${String(label)} · ${formatDate(at)}`;
            }}
          />
          <Legend
            wrapperStyle={{ fontSize: 14 }}
            itemSorter={(item) => LINES.findIndex((l) => l.key === item.dataKey)}
          />
          {LINES.map((l) => (
            <Line
              key={l.key}
              dataKey={l.key}
              name={l.name}
              stroke={l.color}
              strokeWidth={2}
              strokeDasharray={l.dash}
              dot={points.length < 3}
              connectNulls
              type="linear"
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
