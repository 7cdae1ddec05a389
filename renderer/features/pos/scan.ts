/**
 * True when the text reads as words to search by name; false for what a scanner or a cashier
 * types as a code (barcode, SKU, PLU), which goes to `catalog.lookup` on Enter instead.
 */
export function isWordQuery(text: string): boolean {
  const s = text.trim();
  if (s.length < 2) return false;
  return /\s/.test(s) || /[a-záéíóúüñ]{2,}/i.test(s);
}
