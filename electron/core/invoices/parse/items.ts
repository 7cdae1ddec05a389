import type { InvoiceItem, Unit } from '../../../../shared/contract/index.ts';
import { isValidGtin } from '../../../../shared/domain/barcode.ts';
import type { Word } from '../read/geometry.ts';
import type { ColumnKind } from './columns.ts';
import { oneDigitApart } from './reconcile.ts';
import { boxOf, meanConf, type Line } from './lines.ts';
import {
  digitsFix,
  fold,
  isIvaRate,
  isMoneyToken,
  parseAmount,
  parsePercent,
  parseQuantity,
} from './numbers.ts';

type Token = { text: string; words: Word[] };

const UNIT_WORDS: Record<string, Unit> = {
  u: 'u',
  'u.': 'u',
  un: 'u',
  'un.': 'u',
  uni: 'u',
  unid: 'u',
  'unid.': 'u',
  unidad: 'u',
  unidades: 'u',
  uds: 'u',
  ud: 'u',
  bulto: 'u',
  bultos: 'u',
  caja: 'u',
  cajas: 'u',
  pack: 'u',
  kg: 'kg',
  'kg.': 'kg',
  kgs: 'kg',
  kilo: 'kg',
  kilos: 'kg',
  lt: 'lt',
  'lt.': 'lt',
  lts: 'lt',
  l: 'lt',
  litro: 'lt',
  litros: 'lt',
};

function unitOf(text: string): Unit | null {
  return UNIT_WORDS[fold(text)] ?? null;
}

/** Words → tokens, joining "$ 1.234,00", "21 %" and "1.234, 00" that OCR splits. */
function tokens(words: Word[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!w) continue;
    const next = words[i + 1];
    if (w.text === '$' && next) {
      out.push({ text: next.text, words: [w, next] });
      i++;
    } else if (next && next.text === '%' && parsePercent(w.text) !== null) {
      out.push({ text: `${w.text}%`, words: [w, next] });
      i++;
    } else {
      out.push({ text: w.text, words: [w] });
    }
  }
  return out;
}

/** A code cell without the quotes and rules OCR leaves around it; Argentine EANs mended. */
function codeText(text: string): string {
  const code = text.trim().replace(/^[“”"'`´|[(]+|[“”"'`´|\])]+$/g, '');
  return /^\d{13}$/.test(code) ? mendEan(code) : code;
}

/**
 * An EAN-13 whose check digit fails, read off a scan: OCR's usual slip in an Argentine code is
 * the 9 of its 779 prefix read as 0 or 8. The one such change that makes the code valid is
 * taken; anything else stays as read (the review shows it).
 */
export function mendEan(code: string): string {
  if (isValidGtin(code) || !code.startsWith('77')) return code;
  const fixed = `779${code.slice(3)}`;
  return isValidGtin(fixed) ? fixed : code;
}

function isCode(text: string): boolean {
  const t = codeText(text);
  if (t.length > 20 || t.length < 2) return false;
  if (/^\d{6,14}$/.test(t)) return true;
  return /\d/.test(t) && /^[A-Z0-9][A-Z0-9./\-_]*$/i.test(t) && !isMoneyToken(t);
}

/** An IVA rate column, forgiving the comma OCR drops ("105%" is 10,5 %). */
function ivaRateOf(text: string): number | null {
  const bp = parsePercent(text);
  if (bp === null) {
    const m = /^(\d{2,3})%?$/.exec(text.trim());
    const n = m?.[1] ? Number(m[1]) * 10 : NaN;
    return isIvaRate(n) ? n : null;
  }
  if (isIvaRate(bp)) return bp;
  return isIvaRate(bp / 10) ? bp / 10 : null;
}

type Parsed = {
  code?: string;
  description: string;
  quantity: number;
  unit: Unit | null;
  unitPrice: number;
  discountBp: number;
  amount: number;
  ivaRate?: number;
  used: Word[];
};

/** All the digits of a figure as centavos, when OCR lost its decimal comma. */
function looseCentavos(text: string): number | null {
  const digits = digitsFix(text).replace(/[.,\s]/g, '');
  return /^\d{3,11}$/.test(digits) ? Number(digits) : null;
}

/**
 * OCR misread one digit of the amount or of the unit price (a 3 for an 9): when the other
 * figures agree to within that one digit, the product of quantity and price says which it was.
 */
function repairOneDigit(p: Parsed): boolean {
  const expected = Math.round((p.quantity * p.unitPrice * (10_000 - p.discountBp)) / 10_000 / 1000);
  if (oneDigitApart(expected, p.amount)) {
    p.amount = expected;
    return true;
  }
  if (p.quantity > 0 && p.discountBp === 0) {
    const price = Math.round((p.amount * 1000) / p.quantity);
    if (oneDigitApart(price, p.unitPrice) && consistent(p.quantity, price, 0, p.amount)) {
      p.unitPrice = price;
      return true;
    }
  }
  return false;
}

/** Does quantity × price less the bonificación give the amount (to the centavo, within rounding)? */
export function consistent(qty: number, price: number, discBp: number, amount: number): boolean {
  const expected = (qty * price * (10_000 - discBp)) / 10_000 / 1000;
  return Math.abs(expected - amount) <= Math.max(1.01, Math.abs(amount) * 0.0005);
}

/** Reads a row by the header's column order: leading columns from the left, the rest from the right. */
function byColumns(toks: Token[], columns: ColumnKind[]): Parsed | null {
  const descAt = columns.indexOf('desc');
  // A barcode at the start of the row is the code even where the header has no code column.
  const leading = columns.slice(0, descAt);
  const first = toks[0]?.text ?? '';
  if (
    !leading.includes('code') &&
    (/^\d{8,14}$/.test(first) || /^[A-Z]{1,4}-\d{2,}$/i.test(first))
  ) {
    leading.unshift('code');
  }
  const trailing = columns.slice(descAt + 1).reverse();
  let left = 0;
  let right = toks.length - 1;
  const p: Partial<Parsed> = { discountBp: 0, unit: null };
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
        const v = isMoneyToken(text) ? parseAmount(text) : null;
        if (v === null) return null;
        if (col === 'amount') p.amount = v;
        else p.unitPrice = v;
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
        const v = col === 'iva' ? ivaRateOf(text) : parsePercent(text);
        if (v === null) break;
        if (col === 'disc') p.discountBp = v;
        else p.ivaRate = v;
        right--;
        break;
      }
      case 'qty': {
        const q = parseQuantity(text);
        if (q === null) return null;
        p.quantity = q;
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
  };
}

/**
 * Reads a row with no trustworthy header: the amount is the last money figure, and quantity and
 * unit price are the pair of earlier figures whose product (less any bonificación) gives it.
 */
function byArithmetic(toks: Token[]): Parsed | null {
  const nums = toks.map((t, i) => ({ i, t, text: t.text }));
  const money = nums.filter((n) => isMoneyToken(n.text));
  const last = money[money.length - 1];
  if (!last) return null;
  // Every reading that adds up, scored: quantity and price commute, so the row's order and the
  // figures' looks decide ("32.585,35" is a price, "10,00" before it a quantity).
  let best: { score: number; parsed: Parsed } | null = null;
  for (const [rank, amountTok] of [...money].reverse().slice(0, 2).entries()) {
    const amount = parseAmount(amountTok.text);
    if (amount === null) continue;
    const before = nums.filter((n) => n.i < amountTok.i);
    for (const priceTok of [...before].reverse()) {
      // A price whose separators OCR dropped ("1527700", "5.70000") still fits as centavos.
      const price = isMoneyToken(priceTok.text)
        ? parseAmount(priceTok.text)
        : looseCentavos(priceTok.text);
      if (price === null) continue;
      for (const qtyTok of before) {
        if (qtyTok === priceTok) continue;
        const qty = parseQuantity(qtyTok.text);
        if (qty === null || qty === 0) continue;
        const discs = [
          0,
          ...before.filter((n) => n.i > priceTok.i).map((n) => parsePercent(n.text) ?? -1),
        ];
        for (const d of discs) {
          if (d < 0 || !consistent(qty, price, d, amount)) continue;
          const firstNum = Math.min(qtyTok.i, priceTok.i);
          let start = 0;
          let code: string | undefined;
          if (toks[0] && isCode(toks[0].text) && firstNum > 0 && qtyTok.i !== 0) {
            code = codeText(toks[0].text);
            start = 1;
          }
          const descEnd = qtyTok.i < priceTok.i && qtyTok.i > start ? qtyTok.i : priceTok.i;
          let descStart = qtyTok.i === start ? start + 1 : start;
          // "2,500 kg Palmeritas": the unit after a leading quantity is not the description.
          if (qtyTok.i === start && unitOf(toks[descStart]?.text ?? '')) descStart++;
          const descToks = toks.slice(descStart, descEnd);
          const unitTok = toks.slice(qtyTok.i + 1, qtyTok.i + 2).find((t) => unitOf(t.text));
          if (descToks.length === 0) continue;
          const rateTok = nums.find(
            (n) =>
              n.i > priceTok.i &&
              /%$/.test(n.text) &&
              ivaRateOf(n.text) !== null &&
              ivaRateOf(n.text) !== d,
          );
          const rate = rateTok ? ivaRateOf(rateTok.text) : null;
          const score =
            (qtyTok.i < priceTok.i ? 3 : 0) +
            (/\d\.\d{3}/.test(qtyTok.text) ? -3 : 0) +
            (isMoneyToken(priceTok.text) ? 1 : 0) +
            (d === 0 ? 1 : 0) -
            rank;
          if (best && best.score >= score) continue;
          best = {
            score,
            parsed: {
              ...(code ? { code } : {}),
              ...(rate !== null ? { ivaRate: rate } : {}),
              description: descToks.map((t) => t.text).join(' '),
              quantity: qty,
              unit: unitTok ? unitOf(unitTok.text) : null,
              unitPrice: price,
              discountBp: d,
              amount,
              used: toks.flatMap((t) => t.words),
            },
          };
        }
      }
    }
  }
  return best?.parsed ?? inferQuantity(toks, money);
}

/**
 * A quantity OCR lost (a lone digit in its column): price and amount are there, and their
 * quotient is a whole number of units (or grams), so that is the quantity.
 */
function inferQuantity(toks: Token[], money: { i: number; text: string }[]): Parsed | null {
  const amountTok = money[money.length - 1];
  const priceTok = money[money.length - 2];
  if (!amountTok || !priceTok) return null;
  const amount = parseAmount(amountTok.text);
  const price = parseAmount(priceTok.text);
  if (!amount || !price || amount < price) return null;
  const qty = Math.round((amount * 1000) / price);
  if (qty % 1000 !== 0 || !consistent(qty, price, 0, amount)) return null;
  const start = toks[0] && isCode(toks[0].text) ? 1 : 0;
  const desc = toks.slice(start, priceTok.i);
  if (desc.length === 0) return null;
  return {
    ...(start === 1 && toks[0] ? { code: codeText(toks[0].text) } : {}),
    description: desc.map((t) => t.text).join(' '),
    quantity: qty,
    unit: null,
    unitPrice: price,
    discountBp: 0,
    amount,
    used: toks.flatMap((t) => t.words),
  };
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
    let repaired = false;
    let ok = parsed
      ? consistent(parsed.quantity, parsed.unitPrice, parsed.discountBp, parsed.amount)
      : false;
    if (!ok) {
      const alt = byArithmetic(toks);
      if (alt) {
        parsed = alt;
        ok = true;
      } else if (parsed) {
        repaired = repairOneDigit(parsed);
      }
    }
    if (!parsed || !/[a-záéíóúñ]{2}/i.test(parsed.description)) continue;
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
      confidence: Math.round(meanConf(parsed.used) * (ok ? 1 : repaired ? 0.75 : 0.6) * 100) / 100,
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
  return items;
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
