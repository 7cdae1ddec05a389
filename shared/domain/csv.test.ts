import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DomainError } from './errors.ts';
import { decodeCsvBytes, detectSeparator, encodeWindows1252, parseCsv, toCsv } from './csv.ts';

describe('decodeCsvBytes', () => {
  it('decodes Windows-1252 (Excel-AR) bytes', () => {
    // "Azúcar;Ñoquis;café" as Excel saves it
    const bytes = new Uint8Array([
      0x41, 0x7a, 0xfa, 0x63, 0x61, 0x72, 0x3b, 0xd1, 0x6f, 0x71, 0x75, 0x69, 0x73, 0x3b, 0x63,
      0x61, 0x66, 0xe9,
    ]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: 'Azúcar;Ñoquis;café', encoding: 'windows-1252' });
  });

  it('decodes 0x80–0x9F specials', () => {
    expect(decodeCsvBytes(new Uint8Array([0x80, 0x20, 0x93, 0x61, 0x94])).text).toBe('€ “a”');
  });

  it('decodes UTF-8 and strips a BOM', () => {
    const utf8 = new TextEncoder().encode('Azúcar;Ñoquis');
    expect(decodeCsvBytes(utf8)).toEqual({ text: 'Azúcar;Ñoquis', encoding: 'utf-8' });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    expect(decodeCsvBytes(withBom)).toEqual({ text: 'Azúcar;Ñoquis', encoding: 'utf-8-bom' });
  });

  it('treats plain ASCII and empty input as UTF-8', () => {
    expect(decodeCsvBytes(new TextEncoder().encode('a;b'))).toEqual({
      text: 'a;b',
      encoding: 'utf-8',
    });
    expect(decodeCsvBytes(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
});

describe('detectSeparator', () => {
  it.each([
    ['codigo;descripcion;precio', ';'],
    ['codigo,descripcion,precio', ','],
    ['codigo\tdescripcion\tprecio', '\t'],
    ['"a;b;c",x,y', ','], // separators inside quotes do not count
    ['nombre;precio\n1,2,3,4,5', ';'], // only the first line counts
    ['12,50;13,40;1', ';'], // decimal commas vs. semicolons: tie → ;
    ['solo', ';'],
    ['', ';'],
  ] as const)('%j → %j', (line, expected) => {
    expect(detectSeparator(line)).toBe(expected);
  });
});

describe('parseCsv', () => {
  it('parses simple rows with CRLF or LF', () => {
    expect(parseCsv('a;b;c\r\n1;2;3\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a;b\r1;2\r')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('handles quotes, doubled quotes and line breaks inside quotes', () => {
    const text = 'nombre;nota\r\n"Yerba ""La Merced""";"línea 1\r\nlínea 2"\r\n"a;b";""\r\n';
    expect(parseCsv(text)).toEqual([
      ['nombre', 'nota'],
      ['Yerba "La Merced"', 'línea 1\r\nlínea 2'],
      ['a;b', ''],
    ]);
  });

  it('keeps empty fields and a trailing separator', () => {
    expect(parseCsv(';a;;\n', ';')).toEqual([['', 'a', '', '']]);
  });

  it('ignores trailing blank lines but keeps blank lines in the middle', () => {
    expect(parseCsv('a\n\nb\n\n\r\n')).toEqual([['a'], [''], ['b']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\r\n\r\n')).toEqual([]);
  });

  it('is lenient with stray quotes', () => {
    expect(parseCsv('a"b;c\n', ';')).toEqual([['a"b', 'c']]);
    expect(parseCsv('"ab"cd;e\n', ';')).toEqual([['abcd', 'e']]);
  });

  it('skips a BOM left in the text', () => {
    expect(parseCsv('\ufeffa;b')).toEqual([['a', 'b']]);
  });

  it('uses the given separator', () => {
    expect(parseCsv('a,b;c', ',')).toEqual([['a', 'b;c']]);
  });

  it('throws INVALID_CSV on an unclosed quote, naming the row', () => {
    try {
      parseCsv('a;b\n1;"abc\n2;3\n');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('INVALID_CSV');
      expect((e as DomainError).message).toBe(
        'El archivo CSV tiene comillas sin cerrar en la fila 2',
      );
    }
  });

  it('parses 100,000 rows × 12 columns correctly', () => {
    const lines: string[] = [];
    for (let r = 0; r < 100_000; r++) {
      const cols: string[] = [];
      for (let c = 0; c < 12; c++) {
        cols.push(c === 3 ? `"Producto ""${r}""; x"` : `${r}-${c}`);
      }
      lines.push(cols.join(';'));
    }
    const rows = parseCsv(`${lines.join('\r\n')}\r\n`);
    expect(rows).toHaveLength(100_000);
    expect(rows.every((row) => row.length === 12)).toBe(true);
    expect(rows[99_999]?.[11]).toBe('99999-11');
    expect(rows[54_321]?.[3]).toBe('Producto "54321"; x');
  });
});

describe('toCsv', () => {
  it('quotes only when needed and ends lines with CRLF', () => {
    expect(
      toCsv([
        ['codigo', 'descripcion', 'precio'],
        ['001', 'Yerba "La Merced"; 1 kg', '1234,50'],
        ['002', 'dos\nlíneas', ''],
      ]),
    ).toBe(
      'codigo;descripcion;precio\r\n001;"Yerba ""La Merced""; 1 kg";1234,50\r\n002;"dos\nlíneas";\r\n',
    );
  });

  it('quotes a comma only with the comma separator', () => {
    expect(toCsv([['1,5', 'a']], ',')).toBe('"1,5",a\r\n');
    expect(toCsv([['1,5', 'a']])).toBe('1,5;a\r\n');
  });

  it('writes a lone empty field as ""', () => {
    expect(toCsv([['a'], [''], ['']])).toBe('a\r\n""\r\n""\r\n');
  });

  it('round-trips through parseCsv', () => {
    const field = fc.string({
      unit: fc.constantFrom('a', 'ñ', ' ', ';', ',', '\t', '"', '\r', '\n', '1'),
    });
    fc.assert(
      fc.property(
        fc.constantFrom<';' | ',' | '\t'>(';', ',', '\t'),
        fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 8 }),
        (sep, rows) => {
          expect(parseCsv(toCsv(rows, sep), sep)).toEqual(rows);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('encodeWindows1252', () => {
  it('encodes Spanish text to single bytes', () => {
    expect([...encodeWindows1252('Azúcar Ñoquis café')]).toEqual([
      0x41, 0x7a, 0xfa, 0x63, 0x61, 0x72, 0x20, 0xd1, 0x6f, 0x71, 0x75, 0x69, 0x73, 0x20, 0x63,
      0x61, 0x66, 0xe9,
    ]);
  });

  it('maps every Windows-1252 special and round-trips with TextDecoder', () => {
    const specials = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
    const bytes = encodeWindows1252(specials);
    expect(bytes).toHaveLength(specials.length);
    expect([...bytes].every((b) => b >= 0x80 && b <= 0x9f)).toBe(true);
    expect(new TextDecoder('windows-1252').decode(bytes)).toBe(specials);
  });

  it('round-trips all of Latin-1 above 0xA0', () => {
    let s = '';
    for (let c = 0xa0; c <= 0xff; c++) s += String.fromCharCode(c);
    expect(new TextDecoder('windows-1252').decode(encodeWindows1252(s))).toBe(s);
  });

  it('composes decomposed accents first', () => {
    expect([...encodeWindows1252('u\u0301')]).toEqual([0xfa]);
  });

  it('replaces unmappable characters with one ? per code point', () => {
    expect(new TextDecoder('windows-1252').decode(encodeWindows1252('a😀b\u0081c→d'))).toBe(
      'a?b?c?d',
    );
    expect(encodeWindows1252('\ud800x')).toEqual(new Uint8Array([0x3f, 0x78]));
  });

  it('makes bytes decodeCsvBytes reads back', () => {
    const csv = toCsv([['Azúcar', 'Ñoquis', 'café', '€ 5']]);
    expect(decodeCsvBytes(encodeWindows1252(csv))).toEqual({ text: csv, encoding: 'windows-1252' });
  });
});
