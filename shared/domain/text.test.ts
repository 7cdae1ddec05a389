import { describe, expect, it } from 'vitest';
import { editSimilarity, foldText, ftsQuery, searchTokens } from './text.ts';

describe('foldText', () => {
  it.each([
    ['Azúcar', 'azucar'],
    ['ÑOQUIS', 'noquis'],
    ['Café  con\tleche\n', 'cafe con leche'],
    ['  Pingüino  ', 'pinguino'],
    ['A\u0301rbol', 'arbol'], // already decomposed
    ['Nº 5', 'nº 5'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it('treats composed and decomposed input the same', () => {
    expect(foldText('Jamón')).toBe(foldText('Jamo\u0301n'));
  });
});

describe('searchTokens', () => {
  it('splits on non-alphanumerics', () => {
    expect(searchTokens('Azúcar Ledesma 1kg.')).toEqual(['azucar', 'ledesma', '1kg']);
    expect(searchTokens('coca-cola 2,25L')).toEqual(['coca', 'cola', '2', '25l']);
    expect(searchTokens('"hola" (chau)')).toEqual(['hola', 'chau']);
  });

  it('drops empties and duplicates', () => {
    expect(searchTokens('  --  ')).toEqual([]);
    expect(searchTokens('leche Leche LECHE')).toEqual(['leche']);
  });

  it('keeps at most 10 tokens', () => {
    const words = Array.from({ length: 15 }, (_, i) => `w${i}`);
    expect(searchTokens(words.join(' '))).toEqual(words.slice(0, 10));
  });
});

describe('ftsQuery', () => {
  it('ANDs every token as a quoted prefix', () => {
    expect(ftsQuery('Azúcar Ledesma')).toBe('"azucar"* "ledesma"*');
  });

  it('neutralises FTS syntax', () => {
    expect(ftsQuery('leche AND NOT "la serenísima" -entera col:x')).toBe(
      '"leche"* "and"* "not"* "la"* "serenisima"* "entera"* "col"* "x"*',
    );
  });

  it('returns null without tokens', () => {
    expect(ftsQuery('')).toBeNull();
    expect(ftsQuery(' "*" - ')).toBeNull();
  });
});

describe('editSimilarity', () => {
  it('is one less the edit distance over the longer text', () => {
    expect(editSimilarity('inscripto', 'inscripto')).toBe(1);
    expect(editSimilarity('inscnpto', 'inscripto')).toBeCloseTo(1 - 2 / 9);
    expect(editSimilarity('', 'iva')).toBe(0);
  });
});
