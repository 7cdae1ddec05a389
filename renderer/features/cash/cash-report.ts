import { DENOMINATIONS, type DenominationCount } from '../../../shared/contract/index.ts';

/**
 * Counting the drawer, pure so the figures are tested; the report's CSV itself is written by
 * shared/domain/cash-report-csv.ts, the same writer the core's `cash.reportCsv` uses.
 */

/** Bills from $20 up; $10 and less are coins (the $10 coin is what circulates). */
export function isBill(denomination: number): boolean {
  return denomination >= 2_000;
}

/** A typed count: empty is zero; anything but a whole number ≥ 0 is null (invalid). */
export function parseCount(text: string): number | null {
  const s = text.trim();
  if (s === '') return 0;
  if (!/^\d{1,6}$/.test(s)) return null;
  return Number(s);
}

/** The counts as typed, keyed by denomination in centavos. */
export type CountInputs = Readonly<Record<number, string>>;

export function denominationCounts(inputs: CountInputs): DenominationCount[] | null {
  const counts: DenominationCount[] = [];
  for (const denomination of DENOMINATIONS) {
    const qty = parseCount(inputs[denomination] ?? '');
    if (qty === null) return null;
    if (qty > 0) counts.push({ denomination, qty });
  }
  return counts;
}

export function countTotal(counts: readonly DenominationCount[]): number {
  return counts.reduce((sum, c) => sum + c.denomination * c.qty, 0);
}

/** The running total while counting; invalid rows count as zero (they are flagged on screen). */
export function runningTotal(inputs: CountInputs): number {
  let total = 0;
  for (const denomination of DENOMINATIONS) {
    total += denomination * (parseCount(inputs[denomination] ?? '') ?? 0);
  }
  return total;
}

/** Saves text as a UTF-8 CSV with BOM (Excel-AR then reads the accents right). */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
