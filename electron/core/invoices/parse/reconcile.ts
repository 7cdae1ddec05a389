import type { FieldInfo, InvoiceData } from '../../../../shared/contract/index.ts';
import { caeDueFits, daysBetween } from '../kinds.ts';

const sum = (o: Record<string, number>): number => Object.values(o).reduce((s, v) => s + v, 0);
/** The IVA on a net at a rate (basis points, as the maps key it), to the centavo. */
const ivaOn = (net: number, rate: string): number => Math.round((net * Number(rate)) / 10_000);

/** The same number of digits, one of them different (a 3 read as an 8). */
export function oneDigitApart(a: number, b: number): boolean {
  const x = String(Math.abs(a));
  const y = String(Math.abs(b));
  if (x.length !== y.length) return false;
  let diff = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) diff++;
  return diff === 1;
}

/**
 * Same figure but for one digit read wrong, lost or doubled (OCR's usual slips). A centavo or
 * two apart is rounding, not a slip.
 */
export function oneSlipApart(a: number, b: number): boolean {
  if (Math.abs(a - b) <= 2) return false;
  const x = String(Math.abs(a));
  const y = String(Math.abs(b));
  if (x.length === y.length) return oneDigitApart(a, b);
  const [long, short] = x.length > y.length ? [x, y] : [y, x];
  if (long.length !== short.length + 1) return false;
  for (let i = 0; i < long.length; i++) {
    if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  }
  return false;
}

/**
 * One net printed, its IVA lost (its line garbled or not read) and the total read: the IVA is
 * what the total leaves over the net and the perceptions, when that is the net's IVA at its
 * rate (to the centavo). Not on an invoice whose IVA is «contenido» (a B prints no net).
 */
export function ivaFromTotal(data: InvoiceData, fields: Record<string, FieldInfo>): void {
  const [rate, ...more] = Object.keys(data.netByRate);
  if (!rate || more.length > 0 || Object.keys(data.ivaByRate).length > 0) return;
  if (data.total === undefined || data.letter === 'B' || data.letter === 'C') return;
  const net = data.netByRate[rate] ?? 0;
  const iva = data.total - net - data.perceptions - data.otherTaxes;
  if (net <= 0 || iva <= 0 || Math.abs(ivaOn(net, rate) - iva) > 1) return;
  data.ivaByRate[rate] = iva;
  fields[`ivaByRate.${rate}`] = { confidence: 0.7, source: 'computed', boxes: [] };
}

/**
 * The figures of an invoice check each other: lines add up to the net, the net times the rate
 * is the IVA, and the parts add up to the total. When two of them agree and the third is one
 * OCR slip away, the third is corrected (marked 'computed', with less confidence); a missing
 * IVA on a printed net is computed the same way.
 */
export function reconcile(data: InvoiceData, fields: Record<string, FieldInfo>): void {
  const computed = (path: string, confidence: number): void => {
    fields[path] = { confidence, source: 'computed', boxes: fields[path]?.boxes ?? [] };
  };
  const items = data.items.reduce((s, it) => s + it.amount, 0);
  const tolerance = Math.max(2, data.items.length);
  // No net read, and an «IVA 21%» whose figure is the net (the lines add up to it, or it and its
  // IVA add up to the total): the net's label was lost from a row of labels over a row of
  // figures, and the IVA's label took the net's figure.
  const ivaRates = Object.keys(data.ivaByRate);
  const [only] = ivaRates;
  if (
    data.letter !== 'B' &&
    Object.keys(data.netByRate).length === 0 &&
    ivaRates.length === 1 &&
    only
  ) {
    const figure = data.ivaByRate[only] ?? 0;
    const withIva = Math.round((figure * (10_000 + Number(only))) / 10_000);
    const extra = data.perceptions + data.otherTaxes;
    if (
      (items > 0 && Math.abs(figure - items) <= tolerance) ||
      (data.total !== undefined && Math.abs(withIva + extra - data.total) <= 2)
    ) {
      data.netByRate[only] = figure;
      delete data.ivaByRate[only];
      delete fields[`ivaByRate.${only}`];
      computed(`netByRate.${only}`, 0.7);
    }
  }
  // No net read at all (its figure garbled, «$416.863,650»), one IVA and the total: the net is
  // what is left of the total, when that net at the rate gives the IVA printed.
  const [rate] = Object.keys(data.ivaByRate);
  if (
    data.letter === 'A' &&
    Object.keys(data.netByRate).length === 0 &&
    Object.keys(data.ivaByRate).length === 1 &&
    rate &&
    data.total !== undefined
  ) {
    const iva = data.ivaByRate[rate] ?? 0;
    const net = data.total - iva - data.perceptions - data.otherTaxes;
    if (net > 0 && iva > 0 && Math.abs(ivaOn(net, rate) - iva) <= 1) {
      data.netByRate[rate] = net;
      computed(`netByRate.${rate}`, 0.7);
    }
  }
  const rates = Object.keys(data.netByRate);

  if (data.letter === 'A' && rates.length > 0) {
    // IVA per rate from its net: fill a missing one, fix a slipped one.
    for (const rate of rates) {
      const expected = ivaOn(data.netByRate[rate] ?? 0, rate);
      const printed = data.ivaByRate[rate];
      if (printed === undefined || (printed !== expected && oneSlipApart(printed, expected))) {
        data.ivaByRate[rate] = expected;
        computed(`ivaByRate.${rate}`, 0.8);
      }
    }
    // One net slipped: the lines and the total both say what it is.
    const parts = sum(data.ivaByRate) + data.perceptions + data.otherTaxes;
    const net = sum(data.netByRate);
    if (
      rates.length === 1 &&
      data.total !== undefined &&
      Math.abs(net - items) > tolerance &&
      Math.abs(items + parts - data.total) <= 2 &&
      oneSlipApart(net, items)
    ) {
      data.netByRate[rates[0] ?? ''] = items;
      computed(`netByRate.${rates[0]}`, 0.75);
    }
  }

  const parts = rates.length > 0 ? sum(data.netByRate) + sum(data.ivaByRate) : items;
  const expectedTotal = parts + data.perceptions + data.otherTaxes;
  const linesAgree = rates.length === 0 || Math.abs(sum(data.netByRate) - items) <= tolerance;
  if (
    data.total !== undefined &&
    fields.total?.source !== 'qr' &&
    linesAgree &&
    data.items.length > 0 &&
    oneSlipApart(data.total, expectedTotal)
  ) {
    data.total = expectedTotal;
    computed('total', 0.75);
  }
  // No total read at all (big type on a coloured band, garbled): when the lines and the printed
  // net agree, two readings vouch for the parts, and the total is what they add up to.
  if (
    data.total === undefined &&
    rates.length > 0 &&
    Object.keys(data.ivaByRate).length > 0 &&
    linesAgree &&
    data.items.length > 0
  ) {
    data.total = expectedTotal;
    computed('total', 0.6);
  }
  mendYears(data, computed);
}

/**
 * A CAE is due within days of the invoice. When the two dates are a year or more apart and one
 * of them lies in the future beyond next year, that one had its year misread («2075» for 2025):
 * the other's year, or the one next to it, puts it back in range.
 */
function mendYears(data: InvoiceData, computed: (path: string, confidence: number) => void): void {
  const { date, caeDue } = data;
  if (!date || !caeDue) return;
  const apart = daysBetween(date, caeDue);
  if (Number.isNaN(apart) || Math.abs(apart) < 300) return;
  const latest = new Date().getUTCFullYear() + 1;
  const year = (iso: string): number => Number(iso.slice(0, 4));
  const plausible = (iso: string): boolean => year(iso) >= 2000 && year(iso) <= latest;
  const withYear = (iso: string, y: number): string => `${y}${iso.slice(4)}`;
  if (plausible(date) && !plausible(caeDue)) {
    const due = [year(date), year(date) + 1]
      .map((y) => withYear(caeDue, y))
      .find((d) => caeDueFits(date, d));
    if (due) {
      data.caeDue = due;
      computed('caeDue', 0.6);
    }
  } else if (!plausible(date) && plausible(caeDue)) {
    const day = [year(caeDue), year(caeDue) - 1]
      .map((y) => withYear(date, y))
      .find((d) => caeDueFits(d, caeDue));
    if (day) {
      data.date = day;
      computed('date', 0.6);
    }
  }
}
