import { DomainError } from './errors.ts';

export type CsvSeparator = ',' | ';' | '\t';
export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

const QUOTE = 34; // "
const CR = 13;
const LF = 10;

/**
 * Spreadsheets in Argentina save CSV either as UTF-8 (often with BOM) or as Windows-1252
 * ("CSV (delimitado por comas)" in Excel). Invalid UTF-8 means it is the latter.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    // ignoreBOM: the BOM case was handled above; anything else must come through untouched.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Picks the separator that occurs most often outside quotes in the first line. Ties (including a
 * single-column file) prefer tab, then ";" (what Excel-AR writes), then ",".
 */
export function detectSeparator(firstLine: string): CsvSeparator {
  let tabs = 0;
  let semicolons = 0;
  let commas = 0;
  let inQuotes = false;
  for (let i = 0; i < firstLine.length; i++) {
    const c = firstLine.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === CR || c === LF) break;
    else if (c === 9) tabs++;
    else if (c === 59) semicolons++;
    else if (c === 44) commas++;
  }
  if (tabs > 0 && tabs >= semicolons && tabs >= commas) return '\t';
  if (semicolons >= commas) return ';';
  return ',';
}

/** Index of the first separator or line break at or after `from`, or `end`. */
function scanUnquoted(text: string, from: number, end: number, sepCode: number): number {
  let j = from;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c === sepCode || c === LF || c === CR) break;
    j++;
  }
  return j;
}

/**
 * RFC 4180 parser: quoted fields, doubled quotes, line breaks inside quotes, CRLF / LF / CR.
 * Lenient where spreadsheets are sloppy: a quote inside an unquoted field is literal, and text
 * after a closing quote is appended. Trailing blank lines are ignored; blank lines in the middle
 * are kept as [''] so row numbers match what the user sees. Unclosed quotes throw INVALID_CSV
 * rather than silently swallowing the rest of the file. A leading BOM is skipped.
 * Separator defaults to detectSeparator on the first line.
 */
export function parseCsv(text: string, sep?: CsvSeparator): string[][] {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let end = text.length;
  while (end > start && (text.charCodeAt(end - 1) === LF || text.charCodeAt(end - 1) === CR)) {
    end--;
  }
  const rows: string[][] = [];
  if (end === start) return rows;
  const sepCode = (
    sep ?? detectSeparator(text.slice(start, Math.min(end, start + 65_536)))
  ).charCodeAt(0);

  let row: string[] = [];
  let i = start;
  for (;;) {
    let field: string;
    if (i < end && text.charCodeAt(i) === QUOTE) {
      // Quoted field: jump from quote to quote with indexOf instead of walking every char.
      field = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1 || q >= end) {
          throw new DomainError(
            'INVALID_CSV',
            `El archivo CSV tiene comillas sin cerrar en la fila ${rows.length + 1}`,
          );
        }
        if (q + 1 < end && text.charCodeAt(q + 1) === QUOTE) {
          field += text.slice(from, q + 1);
          from = q + 2;
        } else {
          field += text.slice(from, q);
          i = q + 1;
          break;
        }
      }
      const j = scanUnquoted(text, i, end, sepCode);
      if (j > i) field += text.slice(i, j);
      i = j;
    } else {
      const j = scanUnquoted(text, i, end, sepCode);
      field = text.slice(i, j);
      i = j;
    }
    row.push(field);

    if (i >= end) {
      rows.push(row);
      return rows;
    }
    const c = text.charCodeAt(i);
    if (c === sepCode) {
      i++;
      continue;
    }
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    rows.push(row);
    row = [];
  }
}

function needsQuotes(field: string, sep: string): boolean {
  return field.includes(sep) || field.includes('"') || field.includes('\n') || field.includes('\r');
}

/**
 * Writes CSV with CRLF line ends (what Excel expects), quoting only when needed. A row holding a
 * single empty field is written as `""` so it is not mistaken for a blank line when read back.
 */
export function toCsv(rows: readonly (readonly string[])[], sep: CsvSeparator = ';'): string {
  let out = '';
  for (const row of rows) {
    if (row.length === 1 && row[0] === '') {
      out += '""\r\n';
      continue;
    }
    out += row.map((f) => (needsQuotes(f, sep) ? `"${f.replaceAll('"', '""')}"` : f)).join(sep);
    out += '\r\n';
  }
  return out;
}

// Windows-1252 bytes 0x80–0x9F that are printable characters instead of C1 controls.
// prettier-ignore
const CP1252_SPECIALS: ReadonlyMap<number, number> = new Map([
  [0x20ac, 0x80], [0x201a, 0x82], [0x0192, 0x83], [0x201e, 0x84], [0x2026, 0x85],
  [0x2020, 0x86], [0x2021, 0x87], [0x02c6, 0x88], [0x2030, 0x89], [0x0160, 0x8a],
  [0x2039, 0x8b], [0x0152, 0x8c], [0x017d, 0x8e], [0x2018, 0x91], [0x2019, 0x92],
  [0x201c, 0x93], [0x201d, 0x94], [0x2022, 0x95], [0x2013, 0x96], [0x2014, 0x97],
  [0x02dc, 0x98], [0x2122, 0x99], [0x0161, 0x9a], [0x203a, 0x9b], [0x0153, 0x9c],
  [0x017e, 0x9e], [0x0178, 0x9f],
]);

const UNMAPPABLE = 0x3f; // ?

/**
 * Encodes for Excel-AR, which opens CSV as Windows-1252. Input is NFC-normalised first so a
 * decomposed "u + ◌́" still becomes the single byte for "ú". Unmappable characters (including
 * C1 controls and emoji, one "?" per code point) become "?".
 */
export function encodeWindows1252(text: string): Uint8Array {
  const s = text.normalize('NFC');
  const out = new Uint8Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) {
      out[n++] = c;
    } else {
      out[n++] = CP1252_SPECIALS.get(c) ?? UNMAPPABLE;
      // A surrogate pair is one code point: emit a single "?".
      if (c >= 0xd800 && c <= 0xdbff) {
        const next = s.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
      }
    }
  }
  return out.subarray(0, n);
}
