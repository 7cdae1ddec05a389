import { DomainError } from './errors.ts';
import type { Centavos, Milli } from './money.ts';

/** GTIN mod-10 check digit (EAN-8, UPC-A, EAN-13, GTIN-14): weights 3,1,3,1… from the right. */
export function eanCheckDigit(digitsWithoutCheck: string): number {
  if (!/^\d{1,17}$/.test(digitsWithoutCheck)) {
    throw new DomainError(
      'INVALID_BARCODE',
      `«${digitsWithoutCheck}» no es un código numérico válido`,
    );
  }
  let sum = 0;
  for (let i = digitsWithoutCheck.length - 1, w = 3; i >= 0; i--, w = 4 - w) {
    sum += (digitsWithoutCheck.charCodeAt(i) - 48) * w;
  }
  return (10 - (sum % 10)) % 10;
}

/** True only for 8/12/13/14-digit numeric codes with a correct check digit. */
export function isValidGtin(code: string): boolean {
  if (!/^(?:\d{8}|\d{12,14})$/.test(code)) return false;
  return eanCheckDigit(code.slice(0, -1)) === code.charCodeAt(code.length - 1) - 48;
}

/** Digits a scan's OCR takes for one another (a 9 for a 0 or an 8, a 6 for a 5 …). */
const LOOKALIKE: Record<string, string> = {
  '0': '689',
  '1': '7',
  '2': '7',
  '3': '89',
  '4': '9',
  '5': '68',
  '6': '058',
  '7': '12',
  '8': '0369',
  '9': '0348',
};

/**
 * The valid codes one look-alike digit away from a code whose check digit fails: what a
 * misread barcode may have been. The check digit alone leaves several; something else (the
 * catalog) must pick one.
 */
export function lookalikeGtins(code: string): string[] {
  if (!/^\d{8,14}$/.test(code) || isValidGtin(code)) return [];
  const out: string[] = [];
  for (let i = 0; i < code.length; i++) {
    for (const d of LOOKALIKE[code[i] ?? ''] ?? '') {
      const candidate = code.slice(0, i) + d + code.slice(i + 1);
      if (isValidGtin(candidate)) out.push(candidate);
    }
  }
  return out;
}

/**
 * Cleans a scanned or typed barcode: trims and removes inner spaces, keeps leading zeros and case.
 * Does NOT verify GTIN check digits: shops print their own internal codes, which must be accepted
 * as they are. Use isValidGtin to warn about a probable typo.
 */
export function normalizeBarcode(s: string): string {
  const code = s.replace(/\s+/g, '');
  if (!/^[0-9A-Za-z.-]{1,32}$/.test(code)) {
    throw new DomainError(
      'INVALID_BARCODE',
      code === ''
        ? 'El código de barras está vacío'
        : `«${s.trim()}» no es un código de barras válido: usá hasta 32 letras, números, puntos o guiones`,
    );
  }
  return code;
}

/**
 * How a label-printing scale encodes a weighed or priced item in an EAN-13:
 * [prefix][PLU][ignored…][value: 5 digits][check digit].
 * When prefix + PLU + 5 + 1 < 13, the digits between PLU and value are ignored (many scales put
 * a price check digit or a zero there).
 */
export type ScaleLayout = {
  prefix: string; // e.g. '20' or '2'
  pluLength: 4 | 5 | 6;
  valueKind: 'weight' | 'price';
  /** weight: 3 = the value is grams (→ kg); price: 0 = whole pesos, 2 = centavos. */
  valueDecimals: number;
};

export type ScaleBarcode = {
  layout: ScaleLayout;
  plu: string;
  weightMilli?: Milli;
  priceCentavos?: Centavos;
};

const VALUE_LENGTH = 5;

/** Power of ten that converts the raw field to milli (weight) or centavos (price). */
function scaleFactor(layout: ScaleLayout): number {
  const { prefix, pluLength, valueKind, valueDecimals } = layout;
  const maxDecimals = valueKind === 'weight' ? 3 : 2;
  if (
    !/^\d{1,3}$/.test(prefix) ||
    prefix.length + pluLength + VALUE_LENGTH + 1 > 13 ||
    !Number.isInteger(valueDecimals) ||
    valueDecimals < 0 ||
    valueDecimals > maxDecimals
  ) {
    throw new DomainError(
      'INVALID_SCALE_LAYOUT',
      `La configuración de etiquetas de balanza con prefijo «${prefix}» no es válida`,
    );
  }
  return 10 ** (maxDecimals - valueDecimals);
}

/**
 * Reads a scale label. Layouts are tried in order, so put longer prefixes first if they overlap.
 * Returns null when the code is not a 13-digit EAN with a valid check digit or no prefix matches.
 */
export function parseScaleBarcode(
  code: string,
  layouts: readonly ScaleLayout[],
): ScaleBarcode | null {
  if (code.length !== 13 || !isValidGtin(code)) return null;
  for (const layout of layouts) {
    const factor = scaleFactor(layout);
    if (!code.startsWith(layout.prefix)) continue;
    const pluStart = layout.prefix.length;
    const plu = code.slice(pluStart, pluStart + layout.pluLength);
    const value = Number(code.slice(12 - VALUE_LENGTH, 12)) * factor;
    return layout.valueKind === 'weight'
      ? { layout, plu, weightMilli: value }
      : { layout, plu, priceCentavos: value };
  }
  return null;
}

/**
 * Builds a label as the scale would print it (for tests and for printing our own labels).
 * `value` is in domain units: milli for weight layouts, centavos for price layouts; it must be
 * representable in the 5-digit field. Ignored filler digits are zeros.
 */
export function makeScaleBarcode(layout: ScaleLayout, plu: string | number, value: number): string {
  const factor = scaleFactor(layout);
  const pluText = String(plu).padStart(layout.pluLength, '0');
  if (!/^\d+$/.test(pluText) || pluText.length !== layout.pluLength) {
    throw new DomainError(
      'INVALID_BARCODE',
      `El PLU «${plu}» no entra en ${layout.pluLength} dígitos`,
    );
  }
  const raw = value / factor;
  if (!Number.isInteger(raw) || raw < 0 || raw >= 10 ** VALUE_LENGTH) {
    throw new DomainError(
      'INVALID_BARCODE',
      `El valor ${value} no se puede representar en la etiqueta de balanza`,
    );
  }
  const filler = '0'.repeat(12 - VALUE_LENGTH - layout.prefix.length - layout.pluLength);
  const body = `${layout.prefix}${pluText}${filler}${String(raw).padStart(VALUE_LENGTH, '0')}`;
  return `${body}${eanCheckDigit(body)}`;
}
