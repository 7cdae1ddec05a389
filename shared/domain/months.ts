/**
 * The Argentine calendar: UTC−3 all year since 2009, so a shop's dates and months never depend
 * on the PC's time zone. Months are keys 'YYYY-MM'; their index (year × 12 + month − 1) makes
 * month arithmetic plain integers.
 */

export const ART_OFFSET_MS = 3 * 60 * 60 * 1000;

export function monthIndex(key: string): number {
  return Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1;
}

export function monthKey(index: number): string {
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The Argentine calendar month that contains `ms`, with its bounds in epoch ms [start, end). */
export function artMonth(ms: number): { key: string; start: number; end: number } {
  const local = new Date(ms - ART_OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  return {
    key: monthKey(y * 12 + m),
    start: Date.UTC(y, m, 1) + ART_OFFSET_MS,
    end: Date.UTC(y, m + 1, 1) + ART_OFFSET_MS,
  };
}

/** The Argentine calendar date of an instant: 'YYYY-MM-DD'. */
export function artDate(ms: number): string {
  return new Date(ms - ART_OFFSET_MS).toISOString().slice(0, 10);
}

/** An instant as read in Buenos Aires, day first and on a 24-hour clock: '31/03/2026 22:05'. */
export function formatArtDateTime(ms: number): string {
  const iso = new Date(ms - ART_OFFSET_MS).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
}
