import { codeText, isCode, ivaRateOf, unitOf, type Parsed, type Token } from './cells.ts';
import { commaLost, consistent, looseCentavos } from './mend.ts';
import { isMoneyToken, parseAmount, parseDiscount, parseQuantity } from './numbers.ts';

/**
 * Reads a row with no trustworthy header: the amount is the last money figure, and quantity and
 * unit price are the pair of earlier figures whose product (less any bonificación) gives it.
 */
export function byArithmetic(toks: Token[]): Parsed | null {
  const nums = toks.map((t, i) => ({ i, t, text: t.text }));
  const money = nums.filter((n) => isMoneyToken(n.text));
  const last = money[money.length - 1];
  if (!last) return null;
  // Every reading that adds up, scored: quantity and price commute, so the row's order and the
  // figures' looks decide ("32.585,35" is a price, "10,00" before it a quantity).
  let best: { score: number; at: number; parsed: Parsed } | null = null;
  for (const [rank, amountTok] of [...money].reverse().slice(0, 2).entries()) {
    const amount = parseAmount(amountTok.text);
    // (Nothing adds up to a zero: «0,00» is a bonificación's column, not the row's amount.)
    if (!amount) continue;
    const before = nums.filter((n) => n.i < amountTok.i);
    for (const priceTok of [...before].reverse()) {
      // A price whose separators OCR dropped ("1527700", "5.70000") still fits as centavos.
      const price = isMoneyToken(priceTok.text)
        ? parseAmount(priceTok.text)
        : looseCentavos(priceTok.text);
      if (!price) continue;
      const discounts = discountsBetween(toks, priceTok.i, amountTok.i);
      for (const [qtyTok, qty, lostComma] of before.flatMap((n) =>
        quantityReadings(n.text).map((q, k) => [n, q, k > 0] as const),
      )) {
        if (qtyTok === priceTok) continue;
        for (const d of discounts) {
          if (!consistent(qty, price, d, amount)) continue;
          const firstNum = Math.min(qtyTok.i, priceTok.i);
          let start = 0;
          let code: string | undefined;
          if (toks[0] && isCode(toks[0].text) && firstNum > 0 && qtyTok.i !== 0) {
            code = codeText(toks[0].text);
            start = 1;
          }
          // «Manteca Light 200 g x6 ‖ 2,00 unidades», «Tampones x 16 ‖ 16»: a size before a
          // pack, or a pack's count, is the description's even when its digits give the
          // quantity (the column's own was lost).
          const inName = inDescription(toks, qtyTok.i);
          const descEnd =
            qtyTok.i < priceTok.i && qtyTok.i > start && !inName ? qtyTok.i : priceTok.i;
          let descStart = qtyTok.i === start ? start + 1 : start;
          // "2,500 kg Palmeritas": the unit after a leading quantity is not the description.
          if (qtyTok.i === start && unitOf(toks[descStart]?.text ?? '')) descStart++;
          const descToks = toks.slice(descStart, descEnd);
          const unitTok = inName
            ? undefined
            : toks.slice(qtyTok.i + 1, qtyTok.i + 2).find((t) => unitOf(t.text));
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
            (lostComma ? 1 : 0) -
            (inName ? 1 : 0) -
            rank;
          // Of two readings alike, the one whose quantity sits nearer the price.
          if (best && (best.score > score || (best.score === score && best.at > qtyTok.i)))
            continue;
          best = {
            score,
            at: qtyTok.i,
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
  return best?.parsed ?? null;
}

/** A pack size in a description: «x12», «×6». */
const PACK = /^[x×]\d{1,3}$/i;
const SIZE = /^(?:g|gr|grs|kg|ml|cc|l|lt|lts|m|cm|mm)\.?$/i;

/** A figure that is part of the description: a size before a pack («200 g x6»), a pack's count («x 16»). */
function inDescription(toks: Token[], i: number): boolean {
  const [before, next, after] = [toks[i - 1]?.text, toks[i + 1]?.text, toks[i + 2]?.text];
  if (before && /^[x×]$/i.test(before)) return true;
  return PACK.test(next ?? '') || (SIZE.test(next ?? '') && PACK.test(after ?? ''));
}

/** The bonificaciones a row may apply between its price and its amount: none, or a % there. */
function discountsBetween(toks: Token[], price: number, amount: number): number[] {
  const found = toks.slice(price + 1, amount).map((t) => parseDiscount(t.text));
  return [0, ...found.filter((d): d is number => d !== null && d > 0)];
}

/**
 * The quantities a cell can be read as: as printed, and for a run of digits also with the
 * decimal comma OCR dropped: two decimals («200» 2,00; «2200» 22,00) and, from four digits,
 * three, as weights are printed («2895» 2,895 kg).
 */
function quantityReadings(text: string): number[] {
  const q = parseQuantity(text);
  if (q === null || q === 0) return [];
  return /^\d{3,6}$/.test(text) ? [q, ...commaLost(text, 4)] : [q];
}

/**
 * A quantity OCR lost (a lone digit in its column, or nothing): price and amount are there, and
 * their quotient is a whole number of units, so that is the quantity. The amount is one of the
 * last two figures (an «importe con IVA» may follow it), the price the row's first figure or the
 * one just before the amount.
 */
export function inferQuantity(toks: Token[]): Parsed | null {
  const money = toks.map((t, i) => ({ i, text: t.text })).filter((n) => isMoneyToken(n.text));
  for (const amountTok of money.slice(-2).reverse()) {
    const amount = parseAmount(amountTok.text);
    const before = money.filter((m) => m.i < amountTok.i);
    for (const priceTok of distinctTokens([before[before.length - 1], before[0]])) {
      const price = parseAmount(priceTok.text);
      if (!amount || !price) continue;
      // A bonificación between the price and the amount is taken off before dividing.
      const found = discountsBetween(toks, priceTok.i, amountTok.i)
        .filter((d) => d < 10_000)
        .map((d) => ({ d, qty: Math.round((amount * 1000 * 10_000) / (price * (10_000 - d))) }))
        .find(({ d, qty }) => qty >= 1000 && qty % 1000 === 0 && consistent(qty, price, d, amount));
      if (!found) continue;
      const { d: discountBp, qty } = found;
      const start = toks[0] && isCode(toks[0].text) ? 1 : 0;
      const desc = toks.slice(start, priceTok.i);
      // "… x12 unidades": the unit word of the lost quantity is not the description.
      const unit = desc.length > 1 ? unitOf(desc[desc.length - 1]?.text ?? '') : null;
      if (unit) desc.pop();
      if (desc.length === 0 || desc.some((t) => isMoneyToken(t.text))) continue;
      return {
        ...(start === 1 && toks[0] ? { code: codeText(toks[0].text) } : {}),
        description: desc.map((t) => t.text).join(' '),
        quantity: qty,
        unit,
        unitPrice: price,
        discountBp,
        amount,
        used: toks.flatMap((t) => t.words),
      };
    }
  }
  return null;
}

function distinctTokens<T>(list: (T | undefined)[]): T[] {
  return [...new Set(list.filter((t): t is T => t !== undefined))];
}
