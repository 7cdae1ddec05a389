import type { InvoiceItem, Unit } from '../../../../shared/contract/index.ts';
import { byArithmetic, inferQuantity } from './arithmetic.ts';
import { codeText, isCode, ivaRateOf, tokens, unitOf, type Parsed, type Token } from './cells.ts';
import type { ColumnKind } from './columns.ts';
import { consistent, looseCentavos, mendFigures, settle, type FigureTexts } from './mend.ts';
import { boxOf, meanConf, type Line } from './lines.ts';
import {
  isMoneyToken,
  parseAmount,
  parseDiscount,
  parsePercent,
  parseQuantity,
} from './numbers.ts';

/** Reads a row by the header's column order: leading columns from the left, the rest from the right. */
function byColumns(toks: Token[], columns: ColumnKind[]): Parsed | null {
  const descAt = columns.indexOf('desc');
  // A barcode at the start of the row is the code even where the header has no code column.
  const leading = columns.slice(0, descAt);
  const first = toks[0]?.text ?? '';
  if (
    !leading.includes('code') &&
    (/^\d{8,14}$/.test(first) || /^[A-Z]{1,4}[-:.]\d{2,}$/i.test(first))
  ) {
    leading.unshift('code');
  }
  const trailing = columns.slice(descAt + 1).reverse();
  let left = 0;
  let right = toks.length - 1;
  const p: Partial<Parsed> = { discountBp: 0, unit: null };
  const texts: FigureTexts = {};
  for (const col of leading) {
    const t = toks[left];
    if (!t) return null;
    if (col === 'code' && isCode(t.text)) {
      p.code = codeText(t.text);
      left++;
    } else if (col === 'qty') {
      const q = parseQuantity(t.text);
      if (q === null) return null;
      p.quantity = q;
      texts.qty = t.text;
      left++;
      const u = toks[left] ? unitOf(toks[left]?.text ?? '') : null;
      if (u) {
        p.unit = u;
        left++;
      }
    } else if (col === 'unit') {
      const u = unitOf(t.text);
      if (u) {
        p.unit = u;
        left++;
      }
    }
  }
  for (const col of trailing) {
    const t = toks[right];
    if (!t || right < left) break;
    const text = t.text;
    switch (col) {
      case 'amount':
      case 'price': {
        // A figure whose separators OCR dropped ("1722910") is read as centavos, to be checked.
        const v = isMoneyToken(text) ? parseAmount(text) : looseCentavos(text);
        if (v === null) return null;
        if (col === 'amount') p.amount = v;
        else p.unitPrice = v;
        texts[col === 'amount' ? 'amount' : 'price'] = text;
        right--;
        break;
      }
      case 'amountIva':
      case 'discAmount':
        if (isMoneyToken(text) || text === '-') right--;
        break;
      case 'disc':
      case 'iva': {
        if (text === '-') {
          right--;
          break;
        }
        if (isMoneyToken(text) && !/%$/.test(text) && col === 'disc' && parsePercent(text) === null)
          break;
        const v = col === 'iva' ? ivaRateOf(text) : parseDiscount(text);
        if (v === null) break;
        if (col === 'disc') p.discountBp = v;
        else p.ivaRate = v;
        right--;
        break;
      }
      case 'qty': {
        // «22 u.», «1,500 kg»: the unit in the quantity's cell, after it.
        const unit = unitOf(text);
        const qtyText = unit ? (toks[right - 1]?.text ?? '') : text;
        const q = parseQuantity(qtyText);
        if (q === null) return null;
        if (unit) {
          p.unit = unit;
          right--;
        }
        p.quantity = q;
        texts.qty = qtyText;
        right--;
        break;
      }
      case 'unit': {
        const u = unitOf(text);
        if (u) {
          p.unit = u;
          right--;
        }
        break;
      }
      case 'code':
        if (isCode(text)) {
          p.code = codeText(text);
          right--;
        }
        break;
      default:
        break;
    }
  }
  const desc = toks.slice(left, right + 1);
  if (p.amount === undefined || p.quantity === undefined || p.unitPrice === undefined) return null;
  if (desc.length === 0) return null;
  return {
    ...(p.code ? { code: p.code } : {}),
    description: desc.map((t) => t.text).join(' '),
    quantity: p.quantity,
    unit: p.unit ?? null,
    unitPrice: p.unitPrice,
    discountBp: p.discountBp ?? 0,
    amount: p.amount,
    ...(p.ivaRate !== undefined ? { ivaRate: p.ivaRate } : {}),
    used: toks.flatMap((t) => t.words),
    texts,
  };
}

function codeAfterDescription(columns: ColumnKind[]): boolean {
  return columns.indexOf('code') > columns.indexOf('desc') && columns.includes('desc');
}

/**
 * The supplier's code at the end of a description, where the code column follows it: letters
 * and digits («FT-6207») or four digits or more. Not a pack («x12») nor a size («500»).
 */
function trailingCode(description: string): string | null {
  const last = /(\S+)\s*$/.exec(description)?.[1] ?? '';
  if (/^x\d+$/i.test(last) || last.length === description.trim().length) return null;
  return codeLike(last) ? last : null;
}

/** A word shaped like a supplier's code: letters and digits («FT-6207») or four digits or more. */
function codeLike(word: string): boolean {
  return /^[A-Z]{1,4}[-:.]?\d{2,}$/i.test(word) || /^\d{4,14}$/.test(word);
}

function unitFor(p: Parsed, qtyText: string): Unit {
  if (p.unit) return p.unit;
  if (p.quantity % 1000 !== 0 && /[.,]\d{3}$/.test(qtyText)) return 'kg';
  return 'u';
}

/** The item rows between the header and the totals. */
export function readItems(lines: Line[], columns: ColumnKind[] | null): InvoiceItem[] {
  const items: InvoiceItem[] = [];
  let last: { item: InvoiceItem; line: Line; from: number; to: number } | null = null;
  for (const line of lines) {
    const toks = tokens(line.words);
    if (last && continues(line, last)) {
      last.item.description = `${last.item.description} ${line.text}`.replace(/\s+/g, ' ').trim();
      last.item.boxes.push(boxOf(line));
      last.line = line;
      continue;
    }
    last = null;
    if (toks.length < 3) continue;
    let parsed = columns ? byColumns(toks, columns) : null;
    // How far the figures can be trusted: as read, read again, one digit changed, or not at all.
    let trust = parsed
      ? consistent(parsed.quantity, parsed.unitPrice, parsed.discountBp, parsed.amount)
        ? 1
        : 0.6
      : 0;
    if (trust < 1) {
      const alt = byArithmetic(toks);
      const mended = parsed && !alt ? mendFigures(parsed, parsed.texts ?? {}) : null;
      if (alt) [parsed, trust] = [alt, 1];
      else if (parsed && mended) {
        Object.assign(parsed, mended.figures);
        trust = mended.how === 'digit' ? 0.75 : 0.9;
      } else {
        const inferred = inferQuantity(toks);
        if (inferred) [parsed, trust] = [inferred, 0.75];
      }
    }
    if (!parsed || !/[a-záéíóúñ]{2}/i.test(parsed.description)) continue;
    if (!parsed.code && columns && codeAfterDescription(columns)) {
      const raw = trailingCode(parsed.description);
      if (raw) {
        const description = parsed.description.trimEnd().slice(0, -raw.length);
        parsed = { ...parsed, code: codeText(raw), description };
      }
    }
    const settled = trust === 1 ? settle(parsed) : null;
    if (settled) [parsed, trust] = [{ ...parsed, ...settled }, 0.75];
    const qtyText = toks.find((t) => parseQuantity(t.text) === parsed.quantity)?.text ?? '';
    const item: InvoiceItem = {
      description: parsed.description
        .replace(/\s+/g, ' ')
        .replace(/^[“”"'`´,.;:|_—–-]+\s*/, '')
        .replace(/\s*[|“”"]+$/, '')
        .trim(),
      quantity: parsed.quantity,
      unit: unitFor(parsed, qtyText),
      unitPrice: parsed.unitPrice,
      discountBp: parsed.discountBp,
      amount: parsed.amount,
      confidence: Math.round(meanConf(parsed.used) * trust * 100) / 100,
      boxes: [boxOf(line)],
    };
    if (parsed.code) item.code = parsed.code;
    if (parsed.ivaRate !== undefined) item.ivaRate = parsed.ivaRate;
    items.push(item);
    // Where the description sits: a wrapped description continues below, inside these bounds.
    const firstWord = item.description.split(' ')[0] ?? '';
    const start = line.words.find((w) => w.text.includes(firstWord));
    const figure = line.words.find((w) => start && w.x0 > start.x1 && isMoneyToken(w.text));
    if (start && figure) last = { item, line, from: start.x0, to: figure.x0 };
  }
  return sameCodeStyle(codesAtEitherEnd(items, columns));
}

/**
 * A code column whose heading OCR lost: most rows start (or end) with a code, so the first (or
 * last) word of each of those is its code.
 */
function codesAtEitherEnd(items: InvoiceItem[], columns: ColumnKind[] | null): InvoiceItem[] {
  // (Also where the header names a code column but no row's code was where it said.)
  if ((columns?.includes('code') && items.some((i) => i.code)) || items.length < 2) return items;
  for (const end of ['start', 'end'] as const) {
    const found = items.map((item) =>
      item.code
        ? null
        : end === 'end'
          ? trailingCode(item.description)
          : leadingCode(item.description),
    );
    if (found.filter(Boolean).length < items.length * 0.6) continue;
    return items.map((item, i) => {
      const raw = found[i];
      if (!raw) return item;
      const text = item.description.trim();
      const description = (
        end === 'end' ? text.slice(0, -raw.length) : text.slice(raw.length)
      ).trim();
      return { ...item, code: codeText(raw), description };
    });
  }
  return items;
}

/** A code opening a description: four digits or more, or letters and digits («T-9938»). */
function leadingCode(description: string): string | null {
  const first = /^\s*(\S+)/.exec(description)?.[1] ?? '';
  if (first.length === description.trim().length) return null;
  return codeLike(first) ? first : null;
}

/** What OCR reads in place of a code's prefix letter. */
const LOOKALIKES: Record<string, string> = {
  T: '17IlYf',
  I: '1l|',
  O: '0DQ',
  S: '5$',
  B: '8',
  Z: '2',
  G: '6',
  A: '4',
};

/**
 * One supplier writes its codes one way: where most read «FT-8573», a «FT:8573» or «FT8573» is
 * the same code with its dash misread or lost, and a «1-4397» or «14397» where most read
 * «T-dddd» is a «T-4397» whose letter was read as a digit.
 */
function sameCodeStyle(items: InvoiceItem[]): InvoiceItem[] {
  const shape = /^([A-Z]{1,4})([-:./]?)(\d{2,})$/i;
  // How many codes have each prefix (in any case: «cP-5114» is a «CP-»), each way of parting it
  // from the digits, and each way of writing it.
  const prefixes = new Map<string, { parts: Map<string, number>; spelt: Map<string, number> }>();
  for (const item of items) {
    const m = shape.exec(item.code ?? '');
    if (!m) continue;
    const key = (m[1] ?? '').toUpperCase();
    const group = prefixes.get(key) ?? { parts: new Map(), spelt: new Map() };
    group.parts.set(m[2] ?? '', (group.parts.get(m[2] ?? '') ?? 0) + 1);
    group.spelt.set(m[1] ?? '', (group.spelt.get(m[1] ?? '') ?? 0) + 1);
    prefixes.set(key, group);
  }
  const total = (parts: Map<string, number>) => [...parts.values()].reduce((a, b) => a + b, 0);
  const [key, group] = [...prefixes].sort((a, b) => total(b[1].parts) - total(a[1].parts))[0] ?? [
    '',
    { parts: new Map<string, number>(), spelt: new Map<string, number>() },
  ];
  const count = total(group.parts);
  if (count < 2) return items;
  const prefix = [...group.spelt].sort((a, b) => b[1] - a[1])[0]?.[0] ?? key;
  const style = `${prefix}${partOf(group.parts, count)}`;
  const digits = commonDigits(items, shape, key);
  const coded = items.filter((i) => i.code).length;
  return items.map((item) => {
    const code = item.code ?? '';
    const m = shape.exec(code);
    if (m) {
      if (`${m[1]}${m[2]}` === style) return item;
      const read = (m[1] ?? '').toUpperCase();
      // «CPp-4007», «CcP-0804» where most read «CP-dddd»: one letter too many, the same code.
      const extra =
        digits === m[3]?.length &&
        count * 2 >= coded &&
        [...read].some((_, i) => read.slice(0, i) + read.slice(i + 1) === key);
      return read === key || extra ? { ...item, code: `${style}${m[3]}` } : item;
    }
    // Where nearly every code has the style, one of its digits with a look-alike (or no)
    // prefix is the same code misread.
    if (!digits || count * 2 < coded) return item;
    const lost = new RegExp(`^(\\S{0,${prefix.length}}?)[-:./]?(\\d{${digits}})$`).exec(code);
    if (!lost) return item;
    const lead = lost[1] ?? '';
    const looksLike =
      lead === '' ||
      (lead.length === prefix.length &&
        [...lead].every((c, i) => (LOOKALIKES[prefix[i]?.toUpperCase() ?? ''] ?? '').includes(c)));
    return looksLike ? { ...item, code: `${style}${lost[2]}` } : item;
  });
}

/**
 * What parts a prefix from its digits: OCR loses a thin dash far more often than it makes one
 * up, so a dash read in a quarter of the codes (twice at least) is the supplier's, lost in the
 * rest; otherwise the way most were read.
 */
function partOf(parts: Map<string, number>, count: number): string {
  const ranked = [...parts].sort((a, b) => b[1] - a[1]);
  const marked = ranked.find(([part, n]) => part !== '' && n >= 2 && n * 4 >= count);
  return (marked ?? ranked[0])?.[0] ?? '';
}

/** How many digits most codes with `key` (a prefix in capitals) have, if most agree. */
function commonDigits(items: InvoiceItem[], shape: RegExp, key: string): number | null {
  const lengths = new Map<number, number>();
  let all = 0;
  for (const item of items) {
    const m = shape.exec(item.code ?? '');
    if (!m || m[1]?.toUpperCase() !== key) continue;
    all++;
    const n = m[3]?.length ?? 0;
    lengths.set(n, (lengths.get(n) ?? 0) + 1);
  }
  const [n, count] = [...lengths].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  return count >= 2 && count * 4 >= all * 3 ? n : null;
}

/**
 * A line of words only, right under an item, starting where its description starts and ending
 * before its figures: the rest of a description that wrapped.
 */
function continues(line: Line, last: { line: Line; from: number; to: number }): boolean {
  const size = last.line.size;
  const first = line.words[0];
  const end = line.words[line.words.length - 1];
  if (!first || !end || line.page !== last.line.page) return false;
  if (line.y0 - last.line.y1 > size * 1.2) return false;
  if (Math.abs(first.x0 - last.from) > size * 1.5 || end.x1 > last.to) return false;
  if (!/[a-záéíóúñ]{3}/i.test(line.text)) return false;
  return !line.words.some((w) => isMoneyToken(w.text));
}
