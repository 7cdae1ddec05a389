import { DomainError } from './errors.ts';

const WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

/**
 * AFIP mod-11 check digit for the first 10 digits of a CUIT/CUIL, or null when the remainder
 * gives 10: such prefixes are never issued (AFIP changes the type prefix instead).
 */
export function cuitCheckDigit(first10: string): number | null {
  if (!/^\d{10}$/.test(first10)) {
    throw new DomainError('INVALID_CUIT', `«${first10}» no son los 10 primeros dígitos de un CUIT`);
  }
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(first10[i]) * (WEIGHTS[i] ?? 0);
  const r = 11 - (sum % 11);
  if (r === 11) return 0;
  if (r === 10) return null;
  return r;
}

// Separators people actually type or paste: "30-71234567-8", "30 71234567 8", "30.71234567.8".
function stripSeparators(s: string): string {
  return s.trim().replace(/[\s.\-–]/g, '');
}

/** Digits only ("30712345678"), or throws INVALID_CUIT. */
export function normalizeCuit(s: string): string {
  const digits = stripSeparators(s);
  if (!/^\d{11}$/.test(digits)) {
    throw new DomainError(
      'INVALID_CUIT',
      `«${s.trim()}» no es un CUIT válido: debe tener 11 dígitos`,
    );
  }
  if (cuitCheckDigit(digits.slice(0, 10)) !== Number(digits[10])) {
    throw new DomainError(
      'INVALID_CUIT',
      `«${s.trim()}» no es un CUIT válido: el dígito verificador no coincide`,
    );
  }
  return digits;
}

export function isValidCuit(s: string): boolean {
  try {
    normalizeCuit(s);
    return true;
  } catch {
    return false;
  }
}

/**
 * "30-71234567-8". Never throws: it is used to display stored data, which may predate validation;
 * anything that is not 11 digits is returned trimmed but otherwise unchanged.
 */
export function formatCuit(digits: string): string {
  const d = stripSeparators(digits);
  if (!/^\d{11}$/.test(d)) return digits.trim();
  return `${d.slice(0, 2)}-${d.slice(2, 10)}-${d.slice(10)}`;
}
