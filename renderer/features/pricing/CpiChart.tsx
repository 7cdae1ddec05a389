import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { pricingSetupStrings } from '../../lib/strings-pricing-setup.ts';
import type { CpiPoint } from './cpi-series.ts';

const s = pricingSetupStrings.inflation;

const pct = new Intl.NumberFormat('es-AR', { maximumFractionDigits: 2 });
const level = new Intl.NumberFormat('es-AR', { maximumFractionDigits: 1 });

/** Monthly change as bars (left axis, %) and the accumulated index as a line (right axis). */
export function CpiChart({ points }: { points: CpiPoint[] }) {
  return (
    <figure className="inv-chart" data-testid="cpi-chart">
      <figcaption className="sr-only">{s.chartTitle}</figcaption>
      <ResponsiveContainer width="100%" height={280}>
        <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 13 }} minTickGap={12} />
          <YAxis
            yAxisId="rate"
            width={56}
            tick={{ fontSize: 13 }}
            tickFormatter={(v: number) => `${pct.format(v)} %`}
          />
          <YAxis
            yAxisId="index"
            orientation="right"
            width={56}
            tick={{ fontSize: 13 }}
            tickFormatter={(v: number) => level.format(v)}
          />
          <Tooltip
            formatter={(value, name) =>
              name === s.monthly ? `${pct.format(Number(value))} %` : level.format(Number(value))
            }
          />
          <Legend wrapperStyle={{ fontSize: 14 }} />
          <Bar
            yAxisId="rate"
            dataKey="ratePct"
            name={s.monthly}
            fill="#0a5bc4"
            isAnimationActive={false}
          />
          <Line
            yAxisId="index"
            dataKey="index"
            name={s.index}
            stroke="#b45309"
            strokeWidth={2}
            dot={false}
            type="monotone"
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
