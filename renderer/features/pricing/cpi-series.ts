import type { CpiMonth } from '../../../shared/contract/index.ts';
import { artMonth, monthIndex, monthKey } from '../../../shared/domain/months.ts';

/**
 * The CPI series as the Inflación screen shows it: month labels, the accumulated index, and how
 * far behind the last published month is. Months are 'YYYY-MM' in the Argentine calendar (UTC−3,
 * no DST since 2009), like the core.
 */

// Fixed, not Intl: Node and Chromium disagree on September ('sep' / 'sept').
const MONTH_ABBR = [
  'ene',
  'feb',
  'mar',
  'abr',
  'may',
  'jun',
  'jul',
  'ago',
  'sep',
  'oct',
  'nov',
  'dic',
];

/** The Argentine calendar month of an instant. */
export function monthOfInstant(ms: number): string {
  return artMonth(ms).key;
}

/** '2025-09' → 'sep 2025'; anything else is returned as it came. */
export function monthLabel(month: string): string {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) return month;
  return `${MONTH_ABBR[Number(m[2]) - 1]} ${m[1]}`;
}

export type CpiPoint = {
  month: string;
  label: string;
  /** The monthly change in percent (2.1 for 2,1 %). */
  ratePct: number;
  /** Price level with the first month of the series = 100. */
  index: number;
};

/**
 * One point per month, oldest first. The first month is the base (100): its own change is the
 * step from the month before, which the series does not hold.
 */
export function cpiPoints(months: readonly CpiMonth[]): CpiPoint[] {
  const sorted = [...months].sort((a, b) => a.month.localeCompare(b.month));
  let index = 100;
  return sorted.map((m, i) => {
    if (i > 0) index *= 1 + m.rateBp / 10_000;
    return { month: m.month, label: monthLabel(m.month), ratePct: m.rateBp / 100, index };
  });
}

export type CpiLag = {
  /** The last published month loaded. */
  last: string;
  /** The first and last months already past that use the expected rate instead. */
  from: string;
  to: string;
  count: number;
};

/**
 * The months that should be published by now and are not loaded, when the last one is more than
 * two months behind the current month (the CPI of a month comes out mid next month, so two
 * behind is normal early in the month); null otherwise.
 */
export function cpiLag(months: readonly CpiMonth[], now: number): CpiLag | null {
  const last = months.reduce<string | null>(
    (a, m) => (a === null || m.month > a ? m.month : a),
    null,
  );
  if (last === null) return null;
  const current = monthIndex(monthOfInstant(now));
  const behind = current - monthIndex(last);
  if (behind <= 2) return null;
  return {
    last,
    from: monthKey(monthIndex(last) + 1),
    to: monthKey(current - 1),
    count: behind - 1,
  };
}

/** The core only takes months already over: the current one is never published. */
export function canAddMonth(nextMonth: string, now: number): boolean {
  return nextMonth < monthOfInstant(now);
}
