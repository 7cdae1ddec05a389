import {
  formatIvaRate,
  formatMoney,
  formatQuantity,
  parseMoney,
} from '../../shared/domain/money.ts';
import type { Unit } from '../../shared/contract/index.ts';
import { errorMessage } from './api.ts';

export { formatIvaRate, formatMoney, formatQuantity };

const dateTimeFormat = new Intl.DateTimeFormat('es-AR', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const dateFormat = new Intl.DateTimeFormat('es-AR', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
// Shops read 24-hour time; es-AR would otherwise print "11:08 a. m.".
const timeFormat = new Intl.DateTimeFormat('es-AR', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const integerFormat = new Intl.NumberFormat('es-AR');

export function formatDateTime(ms: number): string {
  return dateTimeFormat.format(ms);
}

export function formatDate(ms: number): string {
  return dateFormat.format(ms);
}

export function formatTime(ms: number): string {
  return timeFormat.format(ms);
}

export function formatInteger(n: number): string {
  return integerFormat.format(n);
}

/** A quantity without its unit label, as typed into a form ("1,5"), parseable by parseQuantity. */
export function quantityPlain(milli: number, unit: Unit): string {
  return formatQuantity(milli, unit).replace(/\s+\S+$/, '');
}

/** Thousandths shown when the unit is unknown (e.g. a movement list mixing products). */
export function quantityNoUnit(milli: number): string {
  return quantityPlain(milli, 'kg');
}

export function signedQuantity(milli: number, unit: Unit): string {
  const text = formatQuantity(milli, unit);
  return milli > 0 ? `+${text}` : text;
}

/** An amount as typed into a form ("1.234,50"), parseable by parseMoney. */
export function moneyInput(centavos: number): string {
  return formatMoney(centavos).replace(/^(-?)\$\s*/, '$1');
}

/**
 * An amount typed in pesos plus its required reason, as the small cash and account forms take
 * them: the centavos and the trimmed reason, or the Spanish message to show.
 */
export function readAmountAndReason(
  amount: string,
  reason: string,
  reasonRequired: string,
): { ok: true; cents: number; reason: string } | { ok: false; message: string } {
  let cents: number;
  try {
    cents = parseMoney(amount);
  } catch (err) {
    return { ok: false, message: errorMessage(err) };
  }
  const why = reason.trim();
  return why === '' ? { ok: false, message: reasonRequired } : { ok: true, cents, reason: why };
}
