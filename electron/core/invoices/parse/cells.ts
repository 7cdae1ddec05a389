import type { Unit } from '../../../../shared/contract/index.ts';
import { isValidGtin } from '../../../../shared/domain/barcode.ts';
import type { Word } from '../read/geometry.ts';
import type { FigureTexts } from './mend.ts';
import { fold, isIvaRate, isMoneyToken, parsePercent } from './numbers.ts';

/** The cells of an item row as OCR or the text layer gives them, and what they can be. */

export type Token = { text: string; words: Word[] };

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
  kilogramo: 'kg',
  kilogramos: 'kg',
  kgr: 'kg',
  kgrs: 'kg',
  lt: 'lt',
  'lt.': 'lt',
  lts: 'lt',
  l: 'lt',
  litro: 'lt',
  litros: 'lt',
  ltr: 'lt',
  ltrs: 'lt',
};

/**
 * «34 913,07»: a figure whose thousands point OCR read as a space. The two parts sit about a
 * letter apart; two cells («2 ‖ 988,00») sit further. The figure joined, or null.
 */
function thousandsApart(a: Word, b: Word): string | null {
  const head = /^(\d{1,3})([.,]?)$/.exec(a.text);
  const tail = /^([.,-]?)(\d{3}(?:[.,]\d{3})*[.,]\d{2})$/.exec(b.text);
  if (!head?.[1] || !tail?.[2]) return null;
  const letter = (b.x1 - b.x0) / b.text.length;
  if (b.x0 - a.x1 > letter * 1.1) return null;
  // «14.» and «.445,00»: the engine split a figure at its thousands point, and read the point
  // on both sides of the split (or a dash on one).
  return head[2] || tail[1] ? `${head[1]}.${tail[2]}` : `${head[1]}${tail[2]}`;
}

export function unitOf(text: string): Unit | null {
  return UNIT_WORDS[fold(text)] ?? null;
}

/** Words → tokens, joining "$ 1.234,00" and "21 %" that OCR splits. */
export function tokens(words: Word[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!w) continue;
    const next = words[i + 1];
    // A long dash is a table rule OCR read between two cells, not a cell.
    if (/^[—–]+$/.test(w.text)) continue;
    const joined = next ? thousandsApart(w, next) : null;
    if (w.text === '$' && next) {
      out.push({ text: next.text, words: [w, next] });
      i++;
    } else if (next && next.text === '%' && parsePercent(w.text) !== null) {
      out.push({ text: `${w.text}%`, words: [w, next] });
      i++;
    } else if (next && joined !== null) {
      out.push({ text: joined, words: [w, next] });
      i++;
    } else {
      // «2u.», «1,500kg»: a quantity and its unit glued together (a «1» read as «l» too, and
      // the 5 or 8 of a lone «5u.» as «S» or «B»).
      const text = w.text.replace(/^S(?=u\.$)/, '5').replace(/^B(?=u\.$)/, '8');
      const glued = /^([\dlI][\d.,]*)(u\.?|un\.?|kg|lt)$/i.exec(text);
      if (glued?.[1] && glued[2] && /\d/.test(glued[1].replace(/^[lI]$/, '1'))) {
        out.push({ text: glued[1].replace(/[lI]/g, '1'), words: [w] });
        out.push({ text: glued[2], words: [w] });
      } else {
        out.push({ text: w.text, words: [w] });
      }
    }
  }
  return out;
}

/** A code cell without the quotes and rules OCR leaves around it; Argentine EANs mended. */
export function codeText(text: string): string {
  const code = text
    .trim()
    .replace(/^[“”"'`´|[(]+|[“”"'`´|\])]+$/g, '')
    // A colon between a code's letters and digits is its dash, misread.
    .replace(/^([A-Z]{1,4}):(\d{2,})$/i, '$1-$2');
  return /^\d{13}$/.test(code) ? mendEan(code) : code;
}

/**
 * An EAN-13 whose check digit fails, read off a scan: OCR's usual slip in an Argentine code is
 * the 9 of its 779 prefix read as 0 or 8. The one such change that makes the code valid is
 * taken; anything else stays as read (the review shows it). A slip elsewhere is not guessed:
 * the check digit alone leaves three or four valid look-alikes.
 */
export function mendEan(code: string): string {
  if (isValidGtin(code) || !code.startsWith('77')) return code;
  const fixed = `779${code.slice(3)}`;
  return isValidGtin(fixed) ? fixed : code;
}

export function isCode(text: string): boolean {
  const t = codeText(text);
  if (t.length > 20 || t.length < 2) return false;
  if (/^\d{6,14}$/.test(t)) return true;
  // A pack size («x12») ends many descriptions; no supplier's code looks like one.
  if (/^x\d{1,3}$/i.test(t)) return false;
  return /\d/.test(t) && /^[A-Z0-9][A-Z0-9./\-_]*$/i.test(t) && !isMoneyToken(t);
}

/**
 * An IVA rate column, forgiving the comma OCR drops ("105%" is 10,5 %) and a «%» read as a
 * «4» ("214" is 21 %).
 */
export function ivaRateOf(text: string): number | null {
  const bp = parsePercent(text);
  if (bp === null) {
    const m = /^(\d{2,3})%?$/.exec(text.trim());
    const n = m?.[1] ? Number(m[1]) * 10 : NaN;
    if (isIvaRate(n)) return n;
    const sign = Number(/^(\d{2,3})4$/.exec(text.trim())?.[1] ?? NaN);
    return [sign * 100, sign * 10].find(isIvaRate) ?? null;
  }
  if (isIvaRate(bp)) return bp;
  return isIvaRate(bp / 10) ? bp / 10 : null;
}

export type Parsed = {
  code?: string;
  description: string;
  quantity: number;
  unit: Unit | null;
  unitPrice: number;
  discountBp: number;
  amount: number;
  ivaRate?: number;
  used: Word[];
  /** The cells the figures came from (by columns only). */
  texts?: FigureTexts;
};
