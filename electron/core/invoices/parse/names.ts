import { fold } from './numbers.ts';

/** A name as read, without the specks and labels OCR leaves around it; null if it is none. */
export function cleanName(text: string): string | null {
  const t = text
    .replace(/\s+/g, ' ')
    // («> Congelados Patagonia»: a logo's edge read in front of the name.)
    .replace(/^[^\p{L}\d"«(¿]+|[\s:\-–—*_|]+$/gu, '')
    // («f Autoservicio…»: a speck read as a letter.)
    .replace(/^\p{Ll}\s+(?=\p{Lu})/u, '')
    .trim();
  if (t.length < 3 || !/[a-záéíóúñ]{2}/i.test(t)) return null;
  if (/^(cuit|c\.u\.i\.t|domicilio|direcci|condici|iva|fecha)/i.test(fold(t))) return null;
  // A label with its value, a number run (a CUIT or a phone read as «CULT 30-…») or a column
  // heading with a «%» is not a name.
  if (/\d{5,}|\d{2}-\d{6,}|^[\p{L} .]{2,25}:\s|[%$]/u.test(t)) return null;
  // A heading standing where a name goes.
  if (
    /^(cliente|descripcion|comprobante|senor\(?es\)?|razon social|original|duplicado|articulo|producto)$/.test(
      fold(t).replace(/[:.]$/, ''),
    )
  )
    return null;
  return t;
}

/**
 * A company's legal form at the end of its name, written the usual way: «S.R.L», «SRL.»,
 * «S RL» and «SRL» are «S.R.L.» with dots lost; likewise «S.A.» and «S.A.S.», and «Hnos,»
 * or «Cía» inside the name. A speck or two read after the form («S.R.L. ÁS») is dropped.
 */
export function companyForm(name: string): string {
  return name
    .replace(/(\sS\.(?:R\.L|A\.S|A)\.)\s+\S{1,2}$/, '$1')
    .replace(/\b(Hnos|Cía|Cia)[,;]?(?=\s)/, '$1.')
    .replace(/\s+S\s?\.?\s?R\s?\.?\s?L\.?$/, ' S.R.L.')
    .replace(/\s+S\s?\.?\s?A\s?\.?\s?S\.?$/, ' S.A.S.')
    .replace(/\s+S\s?\.?\s?A\.?$/, ' S.A.');
}

/**
 * How much a text reads like a written name rather than a logo or a slogan: words of letters
 * count fully; a lone short capitals word («DT», «FUN», the initials in a logo's circle) and
 * brackets or rules read into it count much less, a list of trades («de almacén, bebidas,
 * limpieza») somewhat less.
 */
export function nameShape(text: string): number {
  const odd = /[[\]{}()<>|;_~=—]/.test(text) ? 0.5 : /,\s+\p{Ll}/u.test(text) ? 0.7 : 1;
  const words = text.split(/\s+/).filter((w) => /\p{L}{2}/u.test(w));
  if (words.length >= 2) return odd;
  const word = words[0] ?? '';
  return (word.length <= 5 && word === word.toUpperCase() ? 0.2 : 0.7) * odd;
}
