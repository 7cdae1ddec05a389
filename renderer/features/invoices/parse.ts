import { formatMoneyPlain, parseMoney, parseQuantity } from '../../../shared/domain/money.ts';
import { errorMessage } from '../../lib/api.ts';
import { quantityPlain } from '../../lib/format.ts';

/**
 * Reading what the owner typed on the review screen. Each reader records a Spanish message under
 * the field's key instead of throwing, so one pass reports every wrong field at once.
 */
export type Errors = Record<string, string>;

export function moneyText(centavos: number | null | undefined): string {
  return centavos === null || centavos === undefined ? '' : formatMoneyPlain(centavos);
}

/** Amount in pesos → centavos; empty gives `empty` (undefined when the field is optional). */
export function readMoney(
  text: string,
  key: string,
  errors: Errors,
  options: { required?: boolean } = {},
): number | undefined {
  if (text.trim() === '') {
    if (options.required) errors[key] = 'Completá el importe.';
    return undefined;
  }
  try {
    const value = parseMoney(text);
    if (value < 0) {
      errors[key] = 'El importe no puede ser negativo.';
      return undefined;
    }
    return value;
  } catch (e) {
    errors[key] = errorMessage(e);
    return undefined;
  }
}

/** Invoice quantities may carry decimals whatever the unit ("12,00" u, "2,5" kg). */
export function quantityText(milli: number): string {
  return quantityPlain(milli, 'kg');
}

export function readQuantity(text: string, key: string, errors: Errors): number | undefined {
  if (text.trim() === '') {
    errors[key] = 'Completá la cantidad.';
    return undefined;
  }
  try {
    return parseQuantity(text, 'kg');
  } catch (e) {
    errors[key] = errorMessage(e);
    return undefined;
  }
}

/** Basis points → "12,5" (the percent as typed). */
export function percentText(bp: number): string {
  const int = Math.trunc(bp / 100);
  const frac = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return frac ? `${int},${frac}` : String(int);
}

/** "12,5" / "12.5" / "12,5 %" → 1250; empty → 0. */
export function readPercent(text: string, key: string, errors: Errors): number | undefined {
  const body = text.replace(/\s+/g, '').replace(/%$/, '');
  if (body === '') return 0;
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(body);
  const bp = m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : NaN;
  if (!Number.isInteger(bp) || bp > 10_000) {
    errors[key] = 'La bonificación es un porcentaje de 0 a 100.';
    return undefined;
  }
  return bp;
}

/** A whole number in [min, max]; empty is undefined unless required. */
export function readInteger(
  text: string,
  key: string,
  errors: Errors,
  range: { min: number; max: number; message: string; required?: boolean },
): number | undefined {
  const s = text.trim();
  if (s === '') {
    if (range.required) errors[key] = range.message;
    return undefined;
  }
  const n = /^\d{1,9}$/.test(s) ? Number(s) : NaN;
  if (!Number.isInteger(n) || n < range.min || n > range.max) {
    errors[key] = range.message;
    return undefined;
  }
  return n;
}

/** Only digits; `length` of them or nothing. */
export function readDigits(
  text: string,
  key: string,
  errors: Errors,
  length: number,
  message: string,
): string | undefined {
  const digits = text.replace(/\D/g, '');
  if (digits === '') return undefined;
  if (digits.length !== length) {
    errors[key] = message;
    return undefined;
  }
  return digits;
}

export function readDate(text: string, key: string, errors: Errors): string | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    errors[key] = 'Fecha inválida.';
    return undefined;
  }
  return s;
}
