import type { PosSettings, ScaleLayoutSetting } from '../../../shared/contract/index.ts';
import {
  isValidGtin,
  makeScaleBarcode,
  parseScaleBarcode,
} from '../../../shared/domain/barcode.ts';

/** Cash rounding steps the server accepts, in centavos (0 = no rounding). */
export const ROUNDING_STEPS = [0, 100, 500, 1000, 5000, 10000] as const;
export type RoundingStep = (typeof ROUNDING_STEPS)[number];

export const PLU_LENGTHS = [4, 5, 6] as const;
export const MAX_LAYOUTS = 10;

/** Basis points → the percent as typed in the form: 500 → "5", 1250 → "12,5", 1225 → "12,25". */
export function bpToPercent(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const frac = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return frac ? `${whole},${frac}` : String(whole);
}

/** "5" / "5 %" / "12,5" / "12.25" → basis points; null unless 0–100 with at most 2 decimals. */
export function percentToBp(text: string): number | null {
  const body = text.replace(/\s+/g, '').replace(/%$/, '');
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(body);
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}

/** One layout row as edited: text where the user types, the rest as chosen. */
export type LayoutRow = {
  prefix: string;
  pluLength: 4 | 5 | 6;
  valueKind: 'weight' | 'price';
  decimals: string;
};

export type LayoutProblem = 'prefix' | 'decimals' | 'length' | 'duplicate';

export function layoutToRow(l: ScaleLayoutSetting): LayoutRow {
  return {
    prefix: l.prefix,
    pluLength: l.pluLength,
    valueKind: l.valueKind,
    decimals: String(l.valueDecimals),
  };
}

export function rowToLayout(r: LayoutRow): ScaleLayoutSetting {
  return {
    prefix: r.prefix.trim(),
    pluLength: r.pluLength,
    valueKind: r.valueKind,
    valueDecimals: Number(r.decimals.trim()),
  };
}

/** A new row: the most common Argentine layout (20 + 5-digit PLU + weight in grams). */
export function newLayoutRow(existing: readonly LayoutRow[]): LayoutRow {
  const used = new Set(existing.map((r) => r.prefix.trim()));
  const prefix = ['20', '21', '22', '23', '24', '25', '26', '27', '28', '29'].find(
    (p) => !used.has(p),
  );
  return { prefix: prefix ?? '', pluLength: 5, valueKind: 'weight', decimals: '3' };
}

/**
 * What is wrong with row `index` (first problem only), or null. Mirrors the server and the
 * parser: prefix "2" or 20–29; decimals 0–3 for a weight (3 = grams), 0–2 for a price;
 * prefix + PLU + 5 value digits + check digit must fit in 13; no prefix twice.
 */
export function layoutRowProblem(rows: readonly LayoutRow[], index: number): LayoutProblem | null {
  const row = rows[index];
  if (!row) return null;
  const prefix = row.prefix.trim();
  if (!/^2\d?$/.test(prefix)) return 'prefix';
  const decimals = row.decimals.trim();
  const max = row.valueKind === 'weight' ? 3 : 2;
  if (!/^\d$/.test(decimals) || Number(decimals) > max) return 'decimals';
  if (prefix.length + row.pluLength + 5 + 1 > 13) return 'length';
  if (rows.slice(0, index).some((r) => r.prefix.trim() === prefix)) return 'duplicate';
  return null;
}

export function layoutRowsValid(rows: readonly LayoutRow[]): boolean {
  return rows.length <= MAX_LAYOUTS && rows.every((_, i) => layoutRowProblem(rows, i) === null);
}

export type LabelTest =
  | { kind: 'empty' }
  | { kind: 'invalid' }
  | { kind: 'no-match' }
  | { kind: 'weight'; row: number; plu: string; milli: number }
  | { kind: 'price'; row: number; plu: string; centavos: number };

/** Reads a typed label with the valid rows, as the counter would; `row` is the layout used. */
export function testLabel(text: string, rows: readonly LayoutRow[]): LabelTest {
  const code = text.replace(/\s+/g, '');
  if (code === '') return { kind: 'empty' };
  if (!/^\d{13}$/.test(code) || !isValidGtin(code)) return { kind: 'invalid' };
  const usable = rows
    .map((r, i) => ({ i, problem: layoutRowProblem(rows, i), layout: rowToLayout(r) }))
    .filter((x) => x.problem === null);
  const parsed = parseScaleBarcode(
    code,
    usable.map((x) => x.layout),
  );
  if (parsed === null) return { kind: 'no-match' };
  const row = usable.find((x) => x.layout === parsed.layout)?.i ?? 0;
  return parsed.weightMilli !== undefined
    ? { kind: 'weight', row, plu: parsed.plu, milli: parsed.weightMilli }
    : { kind: 'price', row, plu: parsed.plu, centavos: parsed.priceCentavos ?? 0 };
}

/**
 * A label the first usable layout would print (PLU 101, about 347 g or $ 3.088), shown as the tester's
 * example so it never contradicts the shop's own layouts.
 */
export function exampleLabel(rows: readonly LayoutRow[]): string {
  const first = rows.findIndex((_, i) => layoutRowProblem(rows, i) === null);
  const row = rows[first];
  if (row === undefined) return '';
  const layout = rowToLayout(row);
  // Coarser layouts cannot carry 347 g: take the first value the field can hold.
  const values = layout.valueKind === 'weight' ? [347, 350, 500, 1000] : [308_800];
  for (const value of values) {
    try {
      return makeScaleBarcode(layout, 101, value);
    } catch {
      // not representable in this layout: try the next
    }
  }
  return '';
}

/** The update sent to `sales.updateSettings`. */
export type CounterForm = {
  register: string;
  saleLocationId: string;
  damagedLocationId: string;
  discountPercent: string;
  roundingStep: RoundingStep;
  receiptWidth: 58 | 80;
  receiptHeader: string;
  receiptFooter: string;
  printerName: string;
  layouts: LayoutRow[];
};

export function settingsToForm(s: PosSettings): CounterForm {
  const step = ROUNDING_STEPS.find((x) => x === s.cashRoundingStep) ?? 0;
  return {
    register: s.register,
    saleLocationId: s.saleLocationId ?? '',
    damagedLocationId: s.damagedLocationId ?? '',
    discountPercent: bpToPercent(s.cashierDiscountLimitBp),
    roundingStep: step,
    receiptWidth: s.receiptWidth,
    receiptHeader: s.receiptHeader,
    receiptFooter: s.receiptFooter,
    printerName: s.printerName ?? '',
    layouts: s.scaleLayouts.map(layoutToRow),
  };
}

/** What `sales.updateSettings` takes: the whole settings, rounding limited to the known steps. */
export type CounterUpdate = Omit<PosSettings, 'cashRoundingStep'> & {
  cashRoundingStep: RoundingStep;
};

/** Form → update, or null when the discount is not a valid percent or a layout row is wrong. */
export function formToUpdate(f: CounterForm): CounterUpdate | null {
  const bp = percentToBp(f.discountPercent);
  if (bp === null || !layoutRowsValid(f.layouts)) return null;
  return {
    register: f.register.trim(),
    saleLocationId: f.saleLocationId || null,
    damagedLocationId: f.damagedLocationId || null,
    cashierDiscountLimitBp: bp,
    cashRoundingStep: f.roundingStep,
    scaleLayouts: f.layouts.map(rowToLayout),
    receiptWidth: f.receiptWidth,
    receiptHeader: f.receiptHeader,
    receiptFooter: f.receiptFooter,
    printerName: f.printerName.trim() || null,
  };
}
