import type {
  ByRate,
  InvoiceData,
  InvoiceDetail,
  InvoiceKind,
  InvoiceLetter,
  InvoiceParty,
} from '../../../shared/contract/index.ts';
import { afipCodeFor, formatCuit } from './invoice-format.ts';
import { formFromLines, readLines, type LineChoiceInput, type LineForm } from './line-form.ts';
import { moneyText, readDate, readDigits, readInteger, readMoney, type Errors } from './parse.ts';

/** The review screen's editable copy of an invoice: every field as typed. */

export type TextKey =
  | 'afipCode'
  | 'pointOfSale'
  | 'number'
  | 'date'
  | 'issuerName'
  | 'issuerCuit'
  | 'issuerIva'
  | 'recipientName'
  | 'recipientCuit'
  | 'recipientIva'
  | 'cae'
  | 'caeDue'
  | 'perceptions'
  | 'otherTaxes'
  | 'total';
export type HeaderKey = 'kind' | 'letter' | TextKey;

/** Header field → its path in InvoiceDetail.fields (confidence, source and boxes). */
export const FIELD_PATH: Readonly<Record<HeaderKey, string>> = {
  kind: 'kind',
  letter: 'letter',
  afipCode: 'afipCode',
  pointOfSale: 'pointOfSale',
  number: 'number',
  date: 'date',
  issuerName: 'issuer.name',
  issuerCuit: 'issuer.cuit',
  issuerIva: 'issuer.ivaCondition',
  recipientName: 'recipient.name',
  recipientCuit: 'recipient.cuit',
  recipientIva: 'recipient.ivaCondition',
  cae: 'cae',
  caeDue: 'caeDue',
  perceptions: 'perceptions',
  otherTaxes: 'otherTaxes',
  total: 'total',
};

/** The id of a field's input, so a check can take the focus there. */
export function inputId(key: string): string {
  return `inv-in-${key.replace(/\./g, '-')}`;
}

/** The header key whose field path is `path` (a check's `field`), or the rate row's key. */
export function keyForPath(path: string): string | null {
  for (const [key, p] of Object.entries(FIELD_PATH)) if (p === path) return key;
  const rate = /^(net|iva)ByRate\.(\d+)$/.exec(path);
  return rate ? `rate.${rate[2]}.${rate[1]}` : null;
}

export type RateRow = { rate: number; net: string; iva: string };

export type HeaderForm = Record<TextKey, string> & {
  kind: InvoiceKind | '';
  letter: InvoiceLetter | '';
  currency: string;
  rates: RateRow[];
};

export type ReviewForm = { header: HeaderForm; lines: LineForm[] };

function rateRows(net: ByRate, iva: ByRate): RateRow[] {
  // A rate with nothing on either side is the reader listing the form's empty rows: hide it.
  const rates = [...new Set([...Object.keys(net), ...Object.keys(iva)])]
    .filter((k) => (net[k] ?? 0) !== 0 || (iva[k] ?? 0) !== 0)
    .map(Number)
    .filter((r) => Number.isInteger(r))
    .sort((a, b) => b - a);
  return rates.map((rate) => ({
    rate,
    net: moneyText(net[String(rate)]),
    iva: moneyText(iva[String(rate)]),
  }));
}

export function headerFromData(d: InvoiceData): HeaderForm {
  const num = (n: number | undefined) => (n === undefined ? '' : String(n));
  return {
    kind: d.kind ?? '',
    letter: d.letter ?? '',
    afipCode: num(d.afipCode),
    pointOfSale: num(d.pointOfSale),
    number: num(d.number),
    date: d.date ?? '',
    issuerName: d.issuer.name ?? '',
    issuerCuit: d.issuer.cuit ? formatCuit(d.issuer.cuit) : '',
    issuerIva: d.issuer.ivaCondition ?? '',
    recipientName: d.recipient.name ?? '',
    recipientCuit: d.recipient.cuit ? formatCuit(d.recipient.cuit) : '',
    recipientIva: d.recipient.ivaCondition ?? '',
    cae: d.cae ?? '',
    caeDue: d.caeDue ?? '',
    currency: d.currency,
    rates: rateRows(d.netByRate, d.ivaByRate),
    perceptions: moneyText(d.perceptions || null),
    otherTaxes: moneyText(d.otherTaxes || null),
    total: moneyText(d.total),
  };
}

export function formFromDetail(detail: InvoiceDetail): ReviewForm {
  return { header: headerFromData(detail.data), lines: formFromLines(detail) };
}

/** Kind or letter changed: the AFIP code follows them when both are known. */
export function withKindOrLetter(
  header: HeaderForm,
  change: Partial<Pick<HeaderForm, 'kind' | 'letter'>>,
): HeaderForm {
  const next = { ...header, ...change };
  const code = afipCodeFor(next.kind, next.letter);
  return code === null ? next : { ...next, afipCode: String(code) };
}

/** Rates typed so far with a positive net, for the live unit-cost estimate. */
export function looseNetByRate(rows: readonly RateRow[]): ByRate {
  const out: ByRate = {};
  for (const row of rows) {
    const amount = readMoney(row.net, 'x', {});
    if (amount !== undefined && amount > 0) out[String(row.rate)] = amount;
  }
  return out;
}

function party(name: string, cuit: string | undefined, iva: string): InvoiceParty {
  const p: InvoiceParty = {};
  if (name.trim()) p.name = name.trim();
  if (cuit) p.cuit = cuit;
  if (iva.trim()) p.ivaCondition = iva.trim();
  return p;
}

const CUIT_MESSAGE = 'El CUIT tiene 11 números.';

function readHeader(h: HeaderForm, errors: Errors): Omit<InvoiceData, 'items'> {
  const netByRate: ByRate = {};
  const ivaByRate: ByRate = {};
  for (const row of h.rates) {
    const net = readMoney(row.net, `rate.${row.rate}.net`, errors);
    const iva = readMoney(row.iva, `rate.${row.rate}.iva`, errors);
    if (net !== undefined) netByRate[String(row.rate)] = net;
    if (iva !== undefined) ivaByRate[String(row.rate)] = iva;
  }
  const data: Omit<InvoiceData, 'items'> = {
    issuer: party(
      h.issuerName,
      readDigits(h.issuerCuit, 'issuerCuit', errors, 11, CUIT_MESSAGE),
      h.issuerIva,
    ),
    recipient: party(
      h.recipientName,
      readDigits(h.recipientCuit, 'recipientCuit', errors, 11, CUIT_MESSAGE),
      h.recipientIva,
    ),
    currency: h.currency || 'ARS',
    netByRate,
    ivaByRate,
    perceptions: readMoney(h.perceptions, 'perceptions', errors) ?? 0,
    otherTaxes: readMoney(h.otherTaxes, 'otherTaxes', errors) ?? 0,
  };
  if (h.kind) data.kind = h.kind;
  if (h.letter) data.letter = h.letter;
  const afipCode = readInteger(h.afipCode, 'afipCode', errors, {
    min: 1,
    max: 999,
    message: 'El código AFIP es un número de 1 a 999.',
  });
  if (afipCode !== undefined) data.afipCode = afipCode;
  const pointOfSale = readInteger(h.pointOfSale, 'pointOfSale', errors, {
    min: 1,
    max: 99_999,
    message: 'El punto de venta es un número de 1 a 99999.',
  });
  if (pointOfSale !== undefined) data.pointOfSale = pointOfSale;
  const number = readInteger(h.number, 'number', errors, {
    min: 1,
    max: 99_999_999,
    message: 'El número es de 1 a 99999999.',
  });
  if (number !== undefined) data.number = number;
  const date = readDate(h.date, 'date', errors);
  if (date) data.date = date;
  const cae = readDigits(h.cae, 'cae', errors, 14, 'El CAE tiene 14 números.');
  if (cae) data.cae = cae;
  const caeDue = readDate(h.caeDue, 'caeDue', errors);
  if (caeDue) data.caeDue = caeDue;
  const total = readMoney(h.total, 'total', errors);
  if (total !== undefined) data.total = total;
  return data;
}

/**
 * The form as the contract's `invoices.save` input (data + line choices), or every field's
 * error keyed by 'total', 'rate.2100.net', 'line.3.quantity'…
 */
export function readForm(
  form: ReviewForm,
): { ok: true; data: InvoiceData; lines: LineChoiceInput[] } | { ok: false; errors: Errors } {
  const errors: Errors = {};
  const header = readHeader(form.header, errors);
  const { items, choices } = readLines(form.lines, errors);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, data: { ...header, items }, lines: choices };
}
