import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DomainError } from './errors.ts';
import { cuitCheckDigit, formatCuit, isValidCuit, normalizeCuit } from './cuit.ts';

const first10 = fc.stringMatching(/^\d{10}$/);
const validCuit = first10
  .map((f) => ({ f, check: cuitCheckDigit(f) }))
  .filter((x) => x.check !== null)
  .map(({ f, check }) => `${f}${check}`);

describe('cuitCheckDigit', () => {
  it.each([
    ['2012345678', 6],
    ['3071234567', 1],
    ['3369345023', 9], // AFIP's own CUIT
    ['2000000000', 1],
    ['2000000006', 0], // remainder 11 → 0
  ])('%s → %d', (f, expected) => {
    expect(cuitCheckDigit(f)).toBe(expected);
  });

  it('returns null when the remainder gives 10', () => {
    // 2×5 + 1×2 = 12 → 12 % 11 = 1 → 11 − 1 = 10
    expect(cuitCheckDigit('2000000001')).toBe(null);
  });

  it('rejects anything but 10 digits', () => {
    expect(() => cuitCheckDigit('123')).toThrow(DomainError);
    expect(() => cuitCheckDigit('20123456a8')).toThrow(DomainError);
  });
});

describe('normalizeCuit', () => {
  it.each([
    ['30-71234567-1', '30712345671'],
    ['30712345671', '30712345671'],
    ['33-69345023-9', '33693450239'],
    [' 20 12345678 6 ', '20123456786'],
    ['20.12345678.6', '20123456786'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeCuit(input)).toBe(expected);
    expect(isValidCuit(input)).toBe(true);
  });

  it('rejects wrong length with a Spanish message', () => {
    expect(() => normalizeCuit('30-7123456-8')).toThrow(
      '«30-7123456-8» no es un CUIT válido: debe tener 11 dígitos',
    );
    expect(isValidCuit('')).toBe(false);
    expect(isValidCuit('307123456789')).toBe(false);
    expect(isValidCuit('30-71234567-x')).toBe(false);
    expect(isValidCuit('3071234567 1x')).toBe(false);
  });

  it('rejects a wrong check digit', () => {
    try {
      normalizeCuit('30-71234567-8');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('INVALID_CUIT');
      expect((e as DomainError).message).toMatch(/dígito verificador/);
    }
  });

  it('rejects prefixes whose check digit would be 10', () => {
    for (let d = 0; d <= 9; d++) expect(isValidCuit(`2000000001${d}`)).toBe(false);
  });
});

describe('CUIT properties', () => {
  it('every generated CUIT validates and survives format → normalize', () => {
    fc.assert(
      fc.property(validCuit, (cuit) => {
        expect(isValidCuit(cuit)).toBe(true);
        expect(normalizeCuit(formatCuit(cuit))).toBe(cuit);
      }),
    );
  });

  it('changing any single digit invalidates it', () => {
    fc.assert(
      fc.property(
        validCuit,
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        (cuit, pos, delta) => {
          const digit = (Number(cuit[pos]) + delta) % 10;
          const changed = `${cuit.slice(0, pos)}${digit}${cuit.slice(pos + 1)}`;
          // Mod 11 with weights 2..7 catches every single-digit error.
          expect(isValidCuit(changed)).toBe(false);
        },
      ),
    );
  });
});

describe('formatCuit', () => {
  it('adds dashes', () => {
    expect(formatCuit('30712345671')).toBe('30-71234567-1');
    expect(formatCuit('30 71234567 1')).toBe('30-71234567-1');
  });

  it('leaves malformed stored data alone', () => {
    expect(formatCuit(' 123 ')).toBe('123');
  });
});
