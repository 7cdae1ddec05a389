import type { Box } from '../../../../shared/contract/index.ts';
import type { Word } from '../read/geometry.ts';
import { headerColumns } from './columns.ts';
import { boxOf, type Line } from './lines.ts';
import { fold, isIvaRate, isMoneyToken, parseAmount, parsePercent } from './numbers.ts';

export type Amount = { value: number; conf: number; boxes: Box[]; line: Line };

export type Totals = {
  netByRate: Map<number, Amount>;
  ivaByRate: Map<number, Amount>;
  /** "IVA contenido" on B invoices (Ley 27.743). */
  ivaContained: boolean;
  /** Rates of an "IVA contenido" whose figure could not be read («$ 201.489.372»). */
  containedUnread: number[];
  subtotal?: Amount;
  perceptions: Amount[];
  otherTributes?: Amount;
  otherTaxes: Amount[];
  total?: Amount;
  /** Lines that hold a total, a net, a tax or a perception (the items end above them). */
  labelLines: number[];
};

/** The last money figure among some words of a line. */
function moneyIn(line: Line, words: Word[]): Amount | null {
  let best: Amount | null = null;
  for (const [i, w] of words.entries()) {
    // "$ 1.234,56" arrives as two words.
    const text = w.text === '$' ? (words[i + 1]?.text ?? '') : w.text.replace(/^\$/, '');
    if (!isMoneyToken(text)) continue;
    const value = parseAmount(text);
    if (value !== null) best = { value, conf: w.conf, boxes: [boxOf(line, [w])], line };
  }
  return best;
}

const hasLetters = (text: string): boolean => /[a-záéíóúñ]{2}/i.test(text);

/** Words cut after each money figure: label, figure, label, figure. */
function splitAtFigures(words: Word[]): Word[][] {
  const chunks: Word[][] = [];
  let current: Word[] = [];
  for (const w of words) {
    current.push(w);
    if (isMoneyToken(w.text.replace(/^\$/, ''))) {
      chunks.push(current);
      current = [];
    }
  }
  if (current.length > 0 && chunks.length > 0) chunks[chunks.length - 1]?.push(...current);
  return chunks.length > 0 ? chunks : [words];
}

/** A label's words, less a rate right after a word that OCR read with a 4 for its «%». */
function figureWords(words: Word[]): Word[] {
  return words.filter(
    (w, j) => j === 0 || !hasLetters(words[j - 1]?.text ?? '') || rateWithFourFor(w.text) === null,
  );
}

/** A label and the figure printed for it. */
type Pair = { label: string; line: Line; amount: Amount };

/**
 * Label–figure pairs: the figure in the label's own cell or the cell after it on the same line,
 * or, for totals printed as a row of labels over a row of figures, the figure below.
 */
function pairs(lines: Line[]): Pair[] {
  const out: Pair[] = [];
  for (const [i, line] of lines.entries()) {
    const segs = line.segments;
    let labelsWithout = 0;
    for (const [k, seg] of segs.entries()) {
      if (!hasLetters(seg.text)) continue;
      const words = figureWords(seg.words);
      // "IVA contenido 21%: $ 74.551,05 — IVA contenido 10,5%: $ 30.864,22": one pair per figure.
      const chunks = splitAtFigures(words);
      if (chunks.length > 1) {
        for (const chunk of chunks) {
          const amount = moneyIn(line, chunk);
          const label = chunk.map((w) => w.text).join(' ');
          if (amount && hasLetters(label)) out.push({ label, line, amount });
        }
        continue;
      }
      const own = moneyIn(line, words);
      const next = segs[k + 1];
      const after = !own && next && !hasLetters(next.text) ? moneyIn(line, next.words) : null;
      const amount = own ?? after;
      if (amount) out.push({ label: seg.text, line, amount });
      else labelsWithout++;
    }
    const below = rowBelow(lines, i);
    // (Not an items table's header over its first row.)
    if (labelsWithout >= 2 && below && below.page === line.page && !headerColumns(line)) {
      const labels = segs.filter(
        (seg) => hasLetters(seg.text) && !moneyIn(line, figureWords(seg.words)),
      );
      const cells = below.segments.filter((c) => !hasLetters(c.text) && moneyIn(below, c.words));
      // As many figures as labels: one each, in order. Otherwise each figure goes to the label of
      // its box: the last one starting left of the figure's end (figures sit right-aligned under
      // or beside their label). A label with no figure gets none (OCR lost it): one figure read
      // under three labels is one amount, not three.
      const owner = (cell: (typeof cells)[number]) =>
        labels.filter((seg) => seg.x0 <= cell.x1).at(-1) ?? labels[0];
      labels.forEach((seg, k) => {
        const cell =
          cells.length === labels.length ? cells[k] : cells.find((c) => owner(c) === seg);
        const amount = cell ? moneyIn(below, cell.words) : null;
        if (amount) out.push({ label: seg.text, line, amount });
      });
    }
  }
  return out;
}

/**
 * The line under line `i` on its page, past a speck read as a line of its own between a row of
 * labels and its figures («a»: no word of letters, no figure).
 */
function rowBelow(lines: Line[], i: number): Line | undefined {
  const next = lines[i + 1];
  const speck = next && !/[\p{L}]{2}|\d/u.test(next.segments.map((s) => s.text).join(' '));
  return speck && lines[i + 2]?.page === next.page ? lines[i + 2] : next;
}

/**
 * A rate whose «%» OCR read as a 4 («IVA 10.54», «Neto 214»): the rate in basis points, or
 * null. Beside a label it is the label's rate, not its figure.
 */
function rateWithFourFor(text: string): number | null {
  const m = /^(\d{1,2}(?:[.,]\d)?)4$/.exec(text);
  const bp = m?.[1] ? parsePercent(m[1]) : null;
  return bp !== null && isIvaRate(bp) ? bp : null;
}

function rateIn(text: string): number | null {
  const m = /(\d{1,2}(?:[.,]\d{1,2})?)\s*%/.exec(text);
  if (!m?.[1]) {
    // Only after a label's word: «IVA 10.54».
    const last = /\p{L}{2,}\.?\s+(\S+)$/u.exec(text)?.[1];
    return last ? rateWithFourFor(last) : null;
  }
  const bp = parsePercent(m[1]);
  if (bp !== null && isIvaRate(bp)) return bp;
  // «10,55%»: a digit doubled after the decimal mark.
  const once = /^(\d{1,2}[.,]\d)\d$/.exec(m[1]);
  const fixed = once?.[1] ? parsePercent(once[1]) : null;
  return fixed !== null && isIvaRate(fixed) ? fixed : null;
}

/** «IVA contenido» (Ley 27.743), as B invoices print it. */
const CONTAINED = /i\.?v\.?a\.?\s+contenido/;

const TOTAL =
  /^(?:importe\s+)?total(?:\s+(?:a\s+pagar|final|factura|comprobante|general|\$))?\s*[:$]?|^total$/;
// «Neto gravado», «Importe Neto», and «Base imponible» as some billing services print it.
const NET = /(?:importe\s+)?neto\b|^base\s+imponible\b/;

/**
 * The totals block: nets and IVA per rate, percepciones, internal taxes and the total. Read from
 * the bottom, where invoices put them, labelled in any of the ways distributors print them.
 */
export function readTotals(lines: Line[]): Totals {
  const t: Totals = {
    netByRate: new Map(),
    ivaByRate: new Map(),
    ivaContained: false,
    containedUnread: [],
    perceptions: [],
    otherTaxes: [],
    labelLines: [],
  };
  const mark = (line: Line): void => {
    t.labelLines.push(line.index);
  };
  for (const { label, line, amount } of pairs(lines)) {
    // ("| TOTAL": a box's rule read as a character.)
    const f = fold(label).replace(/^[^a-z0-9]+/, '');
    const rate = rateIn(label);
    if (/^percep|percepci[oó]n|^perc\.|retenci/.test(f)) {
      t.perceptions.push(amount);
    } else if (/otros\s+tributos/.test(f)) {
      t.otherTributes = amount;
    } else if (/imp(?:uestos?|\.)?\s*int(?:ernos|\.)/.test(f)) {
      t.otherTaxes.push(amount);
    } else if (CONTAINED.test(f)) {
      if (rate === null) continue;
      t.ivaByRate.set(rate, amount);
      t.ivaContained = true;
    } else if (NET.test(f) && !/no\s+gravado/.test(f)) {
      if (rate !== null) t.netByRate.set(rate, amount);
      else t.subtotal ??= amount;
    } else if (
      // «I.V.A. Inscripto 21%» (a rate, so not the IVA condition); «LV.A,» and «IA» as OCR
      // reads it.
      /^(?:importe\s+)?(?:i\.?v\.?a\.?|l\.?v\.?a?\.?|i\.?a\.?)(?=[\s\d:%$,]|$)/.test(f) &&
      !/condici|responsable/.test(f)
    ) {
      if (rate === null) continue;
      t.ivaByRate.set(rate, amount);
    } else if (/^sub\s*-?\s*total/.test(f)) {
      t.subtotal = amount;
    } else if (TOTAL.test(f)) {
      // The last "Total" wins: the grand total sits below partial ones.
      t.total = amount;
    } else {
      continue;
    }
    mark(line);
  }
  if (t.netByRate.size === 0 && t.ivaByRate.size === 0) {
    const row = unlabelledTotals(lines, t.total?.value);
    if (row) {
      t.netByRate.set(row.rate, row.net);
      t.ivaByRate.set(row.rate, row.iva);
      t.total ??= row.total;
      mark(row.total.line);
    }
  }
  for (const line of lines) {
    for (const seg of line.segments) {
      const rate = rateIn(seg.text);
      if (rate === null || !CONTAINED.test(fold(seg.text))) continue;
      if (!t.ivaByRate.has(rate) && !t.containedUnread.includes(rate)) {
        t.containedUnread.push(rate);
        mark(line);
      }
    }
  }
  return t;
}

/** Every money figure on a line, in order. */
function figuresOn(line: Line): Amount[] {
  return line.segments.flatMap((seg) => seg.words.flatMap((w) => moneyIn(line, [w]) ?? []));
}

/** Rates a lone net, IVA and total row is tried against. */
const ROW_RATES = [2100, 1050, 2700] as const;

/**
 * A totals row whose labels OCR lost («e ‖ 1.056.250,06 ‖ 221.812,51 ‖ $1.278.062,57»): three
 * figures in a row, the second the first's IVA at one rate (to the peso) and the third their
 * sum (to the centavo). The lowest such row on the page; its total must match one read already.
 */
function unlabelledTotals(
  lines: Line[],
  total: number | undefined,
): { rate: number; net: Amount; iva: Amount; total: Amount } | null {
  for (const line of [...lines].reverse()) {
    const figures = figuresOn(line);
    for (let k = 0; k + 2 < figures.length; k++) {
      const [net, iva, sum] = [figures[k], figures[k + 1], figures[k + 2]];
      if (!net || !iva || !sum || net.value <= 0) continue;
      if (Math.abs(net.value + iva.value - sum.value) > 1) continue;
      if (total !== undefined && total !== sum.value) continue;
      const rate = ROW_RATES.find((r) => Math.abs((net.value * r) / 10_000 - iva.value) <= 100);
      if (rate === undefined) continue;
      const unsure = (a: Amount): Amount => ({ ...a, conf: a.conf * 0.8 });
      return { rate, net: unsure(net), iva: unsure(iva), total: unsure(sum) };
    }
  }
  return null;
}
