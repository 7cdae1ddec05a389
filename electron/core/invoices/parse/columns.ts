import type { Word } from '../read/geometry.ts';
import type { Line } from './lines.ts';
import { fold } from './numbers.ts';

export type ColumnKind =
  | 'code'
  | 'desc'
  | 'qty'
  | 'unit'
  | 'price'
  | 'disc'
  | 'discAmount'
  | 'iva'
  | 'amount'
  | 'amountIva';

/** One word's column, by its own text and the next word's ("P. Unit.", "Imp. Bonif."). */
function kindOf(word: string, next: string): ColumnKind | null {
  const w = fold(word);
  // «I.V.A.» and «Alíc.» with or without their dots.
  if (/^(iva|alic|alicuota)$/.test(w.replace(/\./g, ''))) return 'iva';
  const pair = `${w} ${fold(next)}`;
  if (/^imp(?:orte)?\.?\s+bonif|^imp(?:orte)?\.?\s+desc/.test(pair)) return 'discAmount';
  if (/^(c[oó]d(?:igo)?|cod\.?|sku|ean|art\.?|item)$|^c[oó]d/.test(w)) return 'code';
  if (/descrip|producto|detalle|concepto|articulo|mercader/.test(w)) return 'desc';
  if (/^cant/.test(w)) return 'qty';
  if (/^(u\.?\s*m(?:ed)?\.?|unidad|unid\.?|u\.?m\.?|medida)$/.test(w)) return 'unit';
  if (/precio|unit|^p\/u$|^p\.?u\.?$|unitario/.test(w)) return 'price';
  if (/^bon|bonif|^desc\.?$|^dto\.?|^dcto/.test(w)) return 'disc';
  if (/^(iva|al[ií]c\.?|alicuota|% ?iva)$|al[ií]c/.test(w)) return 'iva';
  if (/subtotal|importe|^total$|monto|^neto$/.test(w)) return 'amount';
  return null;
}

const MIN_KINDS = 3;

/** A code heading («Cód.», «Código») after word `from`. */
function hasCodeHeading(words: Word[], from: number): boolean {
  return words.slice(from + 1).some((w) => /^c[oó]d/.test(fold(w.text)));
}

/** The column order of an items table from its header line, or null if the line is not one. */
export function headerColumns(line: Line): ColumnKind[] | null {
  const kinds: ColumnKind[] = [];
  const words: Word[] = line.words;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]?.text ?? '';
    const next = words[i + 1]?.text ?? '';
    let k = kindOf(word, next);
    if (k === 'discAmount') i++;
    // "Subtotal c/IVA" after a first amount column is the line with IVA.
    if (k === 'amount' && kinds.includes('amount')) k = 'amountIva';
    // "Artículo | Descripción": the first of two description-like headings is the code.
    if (
      k === 'desc' &&
      kinds[kinds.length - 1] === 'desc' &&
      /^art/.test(fold(words[i - 1]?.text ?? ''))
    ) {
      kinds[kinds.length - 1] = 'code';
    }
    if (k && kinds[kinds.length - 1] !== k && !(k === 'price' && kinds.includes('price'))) {
      kinds.push(k);
    }
  }
  // «Ítem» heads the description where nothing else does (else it numbers the rows).
  const item = words.findIndex((w) => fold(w.text).replace(/[.:]$/, '') === 'item');
  if (item >= 0 && !kinds.includes('desc')) {
    const at = kinds.indexOf('code');
    if (at >= 0 && kinds.indexOf('code', at + 1) < 0 && kinds.length > at) {
      // The «Ítem» heading was read as the code; a second code heading («Cód.») merged into it.
      kinds.splice(at, 1, 'desc', ...(hasCodeHeading(words, item) ? (['code'] as const) : []));
    }
  }
  const distinct = new Set(kinds);
  if (distinct.size < MIN_KINDS) return null;
  // A heading OCR lost ("Descripción" on a dark band): the description sits after the code.
  if (!distinct.has('desc')) {
    if (!distinct.has('qty') || !distinct.has('amount')) return null;
    kinds.splice(kinds[0] === 'code' ? 1 : 0, 0, 'desc');
  }
  if (!distinct.has('amount') && !distinct.has('price')) return null;
  return kinds;
}

/** The first line that reads as an items table header, searching from the top. */
export function findHeader(lines: Line[]): { index: number; columns: ColumnKind[] } | null {
  for (const line of lines) {
    const columns = headerColumns(line);
    if (columns) return { index: line.index, columns };
  }
  return null;
}
