import type { PriceHistoryPoint } from '../../../shared/contract/index.ts';
import { pricingSetupStrings } from '../../lib/strings-pricing-setup.ts';
import { monthLabel, monthOfInstant } from './cpi-series.ts';

export type HistoryChartPoint = PriceHistoryPoint & { label: string };

/**
 * The x axis of a product's history: each month end is named by its month («mar 2026»); the
 * last point is today, mid-month, and says so.
 */
export function historyChartPoints(points: readonly PriceHistoryPoint[]): HistoryChartPoint[] {
  return points.map((p, i) => ({
    ...p,
    label:
      i === points.length - 1
        ? pricingSetupStrings.history.today
        : monthLabel(monthOfInstant(p.at)),
  }));
}

/** The change of a price or cost in basis points of the value before it (null from zero). */
export function changeBp(previous: number, value: number): number | null {
  if (previous <= 0) return null;
  return Math.round(((value - previous) / previous) * 10_000);
}
