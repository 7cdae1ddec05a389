import type {
  AfipQr,
  FieldInfo,
  FieldSource,
  InvoiceData,
} from '../../../../shared/contract/index.ts';
import { isValidCuit } from '../../../../shared/domain/cuit.ts';
import type { PageWords } from '../read/geometry.ts';
import { findHeader, type ColumnKind } from './columns.ts';
import { firstFigures, type Found } from './find.ts';
import { afipCodeOf, kindOfCode } from '../kinds.ts';
import { readHeader } from './header.ts';
import { companyForm } from './names.ts';
import { readItems } from './items.ts';
import { boxOf, documentLines, type Line } from './lines.ts';
import { isMoneyToken, parseAmount } from './numbers.ts';
import { ivaFromTotal, reconcile } from './reconcile.ts';
import { readTotals, type Amount } from './totals.ts';

export type Parsed = { data: InvoiceData; fields: Record<string, FieldInfo> };

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * Reads an invoice from the words of its pages (PDF text layer or OCR) and, when there is one,
 * its AFIP QR, whose data wins for the header. Every field says how sure it is and where it is.
 */
export function parseInvoice(pages: PageWords[], qr: AfipQr | null): Parsed {
  const source: FieldSource = pages.every((p) => p.source === 'pdf') ? 'pdf' : 'ocr';
  const lines = documentLines(pages);
  const table = findHeader(lines);
  // The first row of amounts: the issuer's block ends above it, and headless rows start there.
  const figuresAt = firstFigures(lines);
  const header = readHeader(lines, table?.index, figuresAt);
  const totals = readTotals(lines);
  const fields: Record<string, FieldInfo> = {};
  const data: InvoiceData = {
    issuer: {},
    recipient: {},
    currency: 'ARS',
    netByRate: {},
    ivaByRate: {},
    perceptions: 0,
    otherTaxes: 0,
    items: [],
  };
  const put = (path: string, f: Found<unknown> | Amount | undefined, src: FieldSource = source) => {
    if (!f) return;
    fields[path] = { confidence: round2(Math.min(1, f.conf)), source: src, boxes: f.boxes };
  };

  // Kind, letter and AFIP code agree with each other; the code is the most specific.
  const code = header.afipCode?.value;
  const byCode = code ? kindOfCode(code) : null;
  if (code && byCode) {
    data.afipCode = code;
    data.letter = byCode.letter;
    data.kind = byCode.kind;
    put('afipCode', header.afipCode);
    put('letter', header.letter ?? header.afipCode);
    put('kind', header.kind ?? header.afipCode);
  } else {
    if (header.letter) {
      data.letter = header.letter.value;
      put('letter', header.letter);
    }
    if (header.kind) {
      data.kind = header.kind.value;
      put('kind', header.kind);
    }
    if (data.letter) {
      data.kind ??= 'factura';
      data.afipCode = afipCodeOf(data.kind, data.letter);
      fields.afipCode = { confidence: 0.9, source: 'computed', boxes: [] };
    }
  }
  if (header.pointOfSale)
    [data.pointOfSale, fields.pointOfSale] = [
      header.pointOfSale.value,
      info(header.pointOfSale, source),
    ];
  if (header.number)
    [data.number, fields.number] = [header.number.value, info(header.number, source)];
  if (header.date) [data.date, fields.date] = [header.date.value, info(header.date, source)];
  if (header.cae) [data.cae, fields.cae] = [header.cae.value, info(header.cae, source)];
  if (header.caeDue)
    [data.caeDue, fields.caeDue] = [header.caeDue.value, info(header.caeDue, source)];
  // On a scan the dots of «S.R.L.» are the first thing lost; a PDF's text is kept as written.
  const named = (name: string): string => (source === 'ocr' ? companyForm(name) : name);
  if (header.issuerName) data.issuer.name = named(header.issuerName.value);
  put('issuer.name', header.issuerName);
  if (header.issuerCuit) data.issuer.cuit = header.issuerCuit.value;
  put('issuer.cuit', header.issuerCuit);
  if (header.issuerIva) data.issuer.ivaCondition = header.issuerIva.value;
  put('issuer.ivaCondition', header.issuerIva);
  if (header.recipientName) data.recipient.name = named(header.recipientName.value);
  put('recipient.name', header.recipientName);
  if (header.recipientIva) data.recipient.ivaCondition = header.recipientIva.value;
  put('recipient.ivaCondition', header.recipientIva);
  if (header.recipientCuit) data.recipient.cuit = header.recipientCuit.value;
  put('recipient.cuit', header.recipientCuit);

  // Items: between the table's header and the first total below it. With no header, the rows
  // end at the first total below the first row of amounts (a label above them, «… IVA
  // Responsable Inscripto», is not a total).
  const itemsFrom = (start: number, columns: ColumnKind[] | null) => {
    const from = columns ? start : Math.max(start, figuresAt);
    const end = Math.min(lines.length, ...totals.labelLines.filter((i) => i >= from));
    return { end, items: readItems(lines.slice(start, end), columns) };
  };
  let { end, items } = itemsFrom(table ? table.index + 1 : 0, table?.columns ?? null);
  // The heading found heads no rows (the items' own heading garbled, and the «Otros tributos»
  // box below taken for it): the rows are read without one.
  if (table && items.length === 0) ({ end, items } = itemsFrom(0, null));
  data.items = items;

  const contained = totals.ivaContained || totals.containedUnread.length > 0;
  // Totals. A rate printed with $ 0,00 (the AFIP form lists every rate) is not used.
  for (const [rate, amount] of totals.ivaByRate) {
    if (amount.value === 0) continue;
    data.ivaByRate[String(rate)] = amount.value;
    put(`ivaByRate.${rate}`, amount);
  }
  if (data.letter !== 'B' || !contained) {
    for (const [rate, amount] of totals.netByRate) {
      if (amount.value === 0) continue;
      data.netByRate[String(rate)] = amount.value;
      put(`netByRate.${rate}`, amount);
    }
    const rates = Object.keys(data.ivaByRate).map(Number);
    if (Object.keys(data.netByRate).length === 0 && rates.length > 1 && data.letter !== 'B') {
      netFromItems(data, totals.subtotal?.value ?? null, fields);
    }
    if (
      totals.netByRate.size === 0 &&
      totals.subtotal &&
      rates.length === 1 &&
      data.letter !== 'B' &&
      !contained
    ) {
      data.netByRate[String(rates[0])] = totals.subtotal.value;
      put(`netByRate.${rates[0]}`, totals.subtotal);
    }
  }
  data.otherTaxes = totals.otherTaxes.reduce((s, a) => s + a.value, 0);
  if (totals.otherTaxes[0]) put('otherTaxes', totals.otherTaxes[0]);
  // "Importe Otros Tributos" is the sum of the tributes table: it beats its rows, which OCR
  // reads less surely (the rate column sits right beside the amount).
  if (totals.otherTributes) {
    data.perceptions = Math.max(0, totals.otherTributes.value - data.otherTaxes);
    put('perceptions', totals.otherTributes);
  } else {
    data.perceptions = totals.perceptions.reduce((s, a) => s + a.value, 0);
    if (totals.perceptions[0]) put('perceptions', totals.perceptions[0]);
  }
  if (totals.total) {
    data.total = totals.total.value;
    put('total', totals.total);
  }

  if (data.total === undefined) findTotal(data, lines.slice(end), fields, source);
  if (!contained) ivaFromTotal(data, fields);
  if (!data.letter) inferLetter(data, contained, fields);
  // «IVA contenido 21%» with its figure garbled: on a B invoice at one rate, it is the share of
  // the total (without perceptions) that the rate holds.
  const [unread] = totals.containedUnread;
  if (
    data.letter === 'B' &&
    unread !== undefined &&
    totals.containedUnread.length === 1 &&
    Object.keys(data.ivaByRate).length === 0 &&
    data.total !== undefined
  ) {
    const base = data.total - data.perceptions - data.otherTaxes;
    data.ivaByRate[String(unread)] = Math.round((base * unread) / (10_000 + unread));
    fields[`ivaByRate.${unread}`] = { confidence: 0.6, source: 'computed', boxes: [] };
  }
  reconcile(data, fields);
  const parsed = { data, fields };
  if (qr) withQr(parsed, qr);
  return parsed;
}

/**
 * The QR's data is exact: it replaces what the text said for the header, in place. Its letter
 * and total then let the figures be checked again (an A's missing IVA, say, when OCR lost the
 * letter and the figures were first read without it).
 */
export function withQr(parsed: Parsed, qr: AfipQr): void {
  applyQr(parsed.data, qr, (path) => {
    parsed.fields[path] = { confidence: 1, source: 'qr', boxes: parsed.fields[path]?.boxes ?? [] };
  });
  reconcile(parsed.data, parsed.fields);
}

/**
 * No "Total" label read (a heading OCR garbled): the total is the printed figure that equals
 * what the parts add up to, if there is one below the lines.
 */
function findTotal(
  data: InvoiceData,
  below: Line[],
  fields: Record<string, FieldInfo>,
  source: FieldSource,
): void {
  const sum = (o: Record<string, number>): number => Object.values(o).reduce((s, v) => s + v, 0);
  const parts =
    Object.keys(data.netByRate).length > 0
      ? sum(data.netByRate) + sum(data.ivaByRate)
      : data.items.reduce((s, it) => s + it.amount, 0);
  const expected = parts + data.perceptions + data.otherTaxes;
  if (expected <= 0) return;
  for (const line of below) {
    for (const w of line.words) {
      const text = w.text.replace(/^\$/, '');
      if (!isMoneyToken(text) || Math.abs((parseAmount(text) ?? -1) - expected) > 1) continue;
      data.total = parseAmount(text) ?? expected;
      fields.total = { confidence: Math.min(0.9, w.conf), source, boxes: [boxOf(line, [w])] };
      return;
    }
  }
}

/**
 * One "Importe Neto Gravado" over several IVA rates (the AFIP form): the net per rate is the sum
 * of the lines at each rate, trusted only when those sums add up to the printed net.
 */
function netFromItems(
  data: InvoiceData,
  printedNet: number | null,
  fields: Record<string, FieldInfo>,
): void {
  const byRate = new Map<number, number>();
  for (const item of data.items) {
    if (item.ivaRate === undefined) return;
    byRate.set(item.ivaRate, (byRate.get(item.ivaRate) ?? 0) + item.amount);
  }
  const sum = [...byRate.values()].reduce((s, v) => s + v, 0);
  if (byRate.size === 0 || (printedNet !== null && Math.abs(sum - printedNet) > data.items.length))
    return;
  for (const [rate, value] of byRate) {
    data.netByRate[String(rate)] = value;
    fields[`netByRate.${rate}`] = { confidence: 0.9, source: 'computed', boxes: [] };
  }
}

/**
 * The letter box unread (a dark band, a blurred scan): the taxes say which letter it is. IVA
 * contained → B; IVA per rate over a net → A; an issuer under the monotributo and no IVA → C.
 */
function inferLetter(
  data: InvoiceData,
  ivaContained: boolean,
  fields: Record<string, FieldInfo>,
): void {
  const monotributo = /monotribut/i.test(data.issuer.ivaCondition ?? '');
  const hasIva = Object.keys(data.ivaByRate).length > 0;
  const letter = ivaContained
    ? 'B'
    : hasIva && Object.keys(data.netByRate).length > 0
      ? 'A'
      : monotributo && !hasIva
        ? 'C'
        : null;
  if (!letter) return;
  data.letter = letter;
  data.kind ??= 'factura';
  data.afipCode = afipCodeOf(data.kind, letter);
  for (const path of ['letter', 'afipCode'])
    fields[path] = { confidence: 0.7, source: 'computed', boxes: [] };
}

function info(f: Found<unknown>, source: FieldSource): FieldInfo {
  return { confidence: round2(Math.min(1, f.conf)), source, boxes: f.boxes };
}

function applyQr(data: InvoiceData, qr: AfipQr, mark: (path: string) => void): void {
  const kind = kindOfCode(qr.tipoCmp);
  if (kind) {
    data.afipCode = qr.tipoCmp;
    data.letter = kind.letter;
    data.kind = kind.kind;
    mark('afipCode');
    mark('letter');
    mark('kind');
  }
  data.date = qr.fecha;
  mark('date');
  const cuit = String(qr.cuit).padStart(11, '0');
  if (isValidCuit(cuit)) {
    data.issuer.cuit = cuit;
    mark('issuer.cuit');
  }
  data.pointOfSale = qr.ptoVta;
  data.number = qr.nroCmp;
  mark('pointOfSale');
  mark('number');
  data.total = Math.round(qr.importe * 100);
  mark('total');
  if (qr.codAut !== undefined && /^\d{14}$/.test(String(qr.codAut))) {
    data.cae = String(qr.codAut);
    mark('cae');
  }
  if (qr.tipoDocRec === 80 && qr.nroDocRec !== undefined) {
    const rec = String(qr.nroDocRec).padStart(11, '0');
    if (isValidCuit(rec)) {
      data.recipient.cuit = rec;
      mark('recipient.cuit');
    }
  }
}
