import { isValidGtin } from './barcode.ts';
import { DomainError } from './errors.ts';
import type { Centavos, QuantityUnit } from './money.ts';
import { parseMeasure } from './pack.ts';
import { foldText } from './text.ts';

/**
 * Shelf labels (etiquetas de góndola): what goes on each label and how the sheets are laid
 * out. Pure logic; the PDF itself is written in electron/core/pricing/labels-pdf.ts.
 */

/** One label to print. `price` in centavos, per unit or per kg / lt as the product is sold. */
export type LabelItem = {
  name: string;
  brand: string | null;
  price: Centavos;
  unit: QuantityUnit;
  barcode: string | null;
  sku: string | null;
  /** 'YYYY-MM-DD': the day the price took effect. */
  date: string;
};

// ─── Barcodes ────────────────────────────────────────────────────────────────────────────────

// EAN/UPC: L codes per digit; R = L with bars and spaces swapped; G = R read backwards.
const EAN_L = [
  '0001101',
  '0011001',
  '0010011',
  '0111101',
  '0100011',
  '0110001',
  '0101111',
  '0111011',
  '0110111',
  '0001011',
];
const EAN_R = EAN_L.map((p) => p.replace(/[01]/g, (b) => (b === '1' ? '0' : '1')));
const EAN_G = EAN_R.map((p) => [...p].reverse().join(''));
/** Which of the left six digits use G instead of L, by the (unprinted-as-bars) first digit. */
const EAN13_PARITY = [
  'LLLLLL',
  'LLGLGG',
  'LLGGLG',
  'LLGGGL',
  'LGLLGG',
  'LGGLLG',
  'LGGGLG',
  'LGLGGL',
  'LGLGLG',
  'LGGLGL',
];
const EAN_SIDE_GUARD = '101';
const EAN_CENTER_GUARD = '01010';

function digitAt(code: string, i: number): number {
  return code.charCodeAt(i) - 48;
}

function checkGtin(code: string, length: number, kind: string): void {
  if (!new RegExp(`^\\d{${length}}$`).test(code)) {
    throw new DomainError(
      'INVALID_BARCODE',
      `«${code}» no es un código ${kind} válido: debe tener ${length} dígitos`,
    );
  }
  if (!isValidGtin(code)) {
    throw new DomainError(
      'INVALID_BARCODE',
      `«${code}» no es un código ${kind} válido: el dígito verificador no coincide`,
    );
  }
}

/**
 * The 95 modules of an EAN-13 ('1' bar, '0' space), without quiet zones. A 12-digit UPC-A is
 * accepted too: it is the EAN-13 with a leading 0. Throws a DomainError on a wrong check digit.
 */
export function ean13Modules(code: string): string {
  const ean = /^\d{12}$/.test(code) ? `0${code}` : code;
  checkGtin(ean, 13, 'EAN-13');
  const parity = EAN13_PARITY[digitAt(ean, 0)] ?? 'LLLLLL';
  let out = EAN_SIDE_GUARD;
  for (let i = 1; i <= 6; i++) {
    const table = parity[i - 1] === 'G' ? EAN_G : EAN_L;
    out += table[digitAt(ean, i)];
  }
  out += EAN_CENTER_GUARD;
  for (let i = 7; i <= 12; i++) out += EAN_R[digitAt(ean, i)];
  return out + EAN_SIDE_GUARD;
}

/** The 67 modules of an EAN-8, without quiet zones. Throws a DomainError on a wrong check digit. */
export function ean8Modules(code: string): string {
  checkGtin(code, 8, 'EAN-8');
  let out = EAN_SIDE_GUARD;
  for (let i = 0; i < 4; i++) out += EAN_L[digitAt(code, i)];
  out += EAN_CENTER_GUARD;
  for (let i = 4; i < 8; i++) out += EAN_R[digitAt(code, i)];
  return out + EAN_SIDE_GUARD;
}

// Code 128: widths of bar, space, bar, space, bar, space for values 0–105 (11 modules each).
const CODE128_WIDTHS = (
  '212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 ' +
  '112232 122132 122231 113222 123122 123221 223211 221132 221231 213212 223112 312131 ' +
  '311222 321122 321221 312212 322112 322211 212123 212321 232121 111323 131123 131321 ' +
  '112313 132113 132311 211313 231113 231311 112133 112331 132131 113123 113321 133121 ' +
  '313121 211331 231131 213113 213311 213131 311123 311321 331121 312113 312311 332111 ' +
  '314111 221411 431111 111224 111422 121124 121421 141122 141221 112214 112412 122114 ' +
  '122411 142112 142211 241211 221114 413111 241112 134111 111242 121142 121241 114212 ' +
  '124112 124211 411212 421112 421211 212141 214121 412121 111143 111341 131141 114113 ' +
  '114311 411113 411311 113141 114131 311141 411131 211412 211214 211232'
).split(' ');
const CODE128_START_B = 104;
const CODE128_STOP = '2331112';
/** Longer codes get bars too thin to scan on a shelf label. */
export const MAX_CODE128_LENGTH = 30;

function widthsToModules(widths: string): string {
  let out = '';
  for (let i = 0; i < widths.length; i++) {
    out += (i % 2 === 0 ? '1' : '0').repeat(digitAt(widths, i));
  }
  return out;
}

/**
 * Code 128 subset B modules (start B, data, mod-103 checksum, stop with its final bar), for
 * internal codes and SKUs that are not EAN. Printable ASCII only.
 */
export function code128Modules(text: string): string {
  if (text.length === 0 || text.length > MAX_CODE128_LENGTH || !/^[\x20-\x7e]+$/.test(text)) {
    throw new DomainError(
      'INVALID_BARCODE',
      `«${text}» no se puede imprimir como código de barras: usá hasta ${MAX_CODE128_LENGTH} ` +
        'letras sin acentos, números o signos',
    );
  }
  const values = [CODE128_START_B];
  for (let i = 0; i < text.length; i++) values.push(text.charCodeAt(i) - 32);
  let sum = CODE128_START_B;
  for (let i = 1; i < values.length; i++) sum += (values[i] ?? 0) * i;
  values.push(sum % 103);
  return (
    values.map((v) => widthsToModules(CODE128_WIDTHS[v] ?? '')).join('') +
    widthsToModules(CODE128_STOP)
  );
}

export type LabelBarcode = {
  kind: 'ean13' | 'ean8' | 'code128';
  modules: string;
  /** The human-readable text printed under the bars (13 digits for a UPC-A too). */
  text: string;
};

/**
 * The barcode to print on a label: the product's barcode as EAN-13 / UPC-A / EAN-8 when it is a
 * valid GTIN, else as Code 128; the SKU as Code 128 when there is no barcode. Null when there
 * is nothing printable (no code, or characters Code 128 cannot carry).
 */
export function labelBarcode(item: Pick<LabelItem, 'barcode' | 'sku'>): LabelBarcode | null {
  const barcode = item.barcode?.trim() ?? '';
  if (/^(?:\d{8}|\d{12,13})$/.test(barcode) && isValidGtin(barcode)) {
    return barcode.length === 8
      ? { kind: 'ean8', modules: ean8Modules(barcode), text: barcode }
      : { kind: 'ean13', modules: ean13Modules(barcode), text: barcode.padStart(13, '0') };
  }
  for (const code of [barcode, item.sku?.trim() ?? '']) {
    if (code === '') continue;
    try {
      return { kind: 'code128', modules: code128Modules(code), text: code };
    } catch {
      // Not printable as Code 128: try the next code.
    }
  }
  return null;
}

// ─── Unit price (precio por unidad de medida) ─────────────────────────────────────────────────

export type UnitPrice = { per: 'kg' | 'lt'; price: Centavos };

// 6x1,5L, 3 x 120 g: a count right before a size.
const MULTIPACK = /(?<![\p{L}\p{N}])(\d{1,3})\s*x\s*(\d+(?:[.,]\d+)?\s*\p{L}+)/u;

/**
 * The price per kg or per litre shown under the price. For goods sold by kg / lt the price
 * already is that; for units, the content is read from the name (`Aceite 1,5 L`, `Yerba 500 g`,
 * multipacks like `Galletitas 3x120g` count every unit). Rounded half up to centavos; null when
 * the name gives no measure.
 */
export function unitPriceLine(name: string, unit: QuantityUnit, price: Centavos): UnitPrice | null {
  if (unit === 'kg' || unit === 'lt') return { per: unit, price };
  let measure = parseMeasure(name);
  const pack = MULTIPACK.exec(foldText(name));
  if (pack?.[1] && pack[2]) {
    const single = parseMeasure(pack[2]);
    const count = Number(pack[1]);
    if (single && count >= 1) measure = { ...single, milli: single.milli * count };
  }
  if (!measure || measure.milli <= 0 || !Number.isSafeInteger(price) || price < 0) return null;
  // milli is thousandths of a gram / millilitre: 1 kg or 1 lt = 1 000 000.
  const num = BigInt(price) * 1_000_000n;
  const den = BigInt(measure.milli);
  return {
    per: measure.dimension === 'mass' ? 'kg' : 'lt',
    price: Number((2n * num + den) / (2n * den)),
  };
}

// ─── Dates ────────────────────────────────────────────────────────────────────────────────────

/** 'YYYY-MM-DD' → 'dd/mm/aaaa'. */
export function formatLabelDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || month < 1 || month > 12 || day < 1 || day > 31) {
    throw new DomainError('INVALID_DATE', `«${date}» no es una fecha válida (AAAA-MM-DD)`);
  }
  return `${m[3]}/${m[2]}/${m[1]}`;
}

// ─── Sheet formats ────────────────────────────────────────────────────────────────────────────

export const LABEL_FORMAT_IDS = ['a4-3x8', 'a4-2x7', 'rollo-62x29', 'rollo-50x30'] as const;
export type LabelFormat = (typeof LABEL_FORMAT_IDS)[number];

/** Geometry in millimetres, from the page's top-left corner. */
export type LabelGeometry = {
  /** Spanish name for the format picker. */
  name: string;
  pageWidth: number;
  pageHeight: number;
  labelWidth: number;
  labelHeight: number;
  columns: number;
  rows: number;
  marginLeft: number;
  marginTop: number;
  /** Space between columns / rows. */
  gapX: number;
  gapY: number;
  /** Draw a thin cut line around each label (sheets cut with scissors or a guillotine). */
  border: boolean;
  /** Blank space inside the label before any content. */
  padding: number;
};

export const LABEL_FORMATS: Readonly<Record<LabelFormat, LabelGeometry>> = {
  // 24 labels of 70 × 37 mm (Avery 3474 / Pimaco style): full width, 0,5 mm top and bottom.
  'a4-3x8': {
    name: 'Hoja A4 · 24 etiquetas de 70 × 37 mm (3 × 8)',
    pageWidth: 210,
    pageHeight: 297,
    labelWidth: 70,
    labelHeight: 37,
    columns: 3,
    rows: 8,
    marginLeft: 0,
    marginTop: 0.5,
    gapX: 0,
    gapY: 0,
    border: true,
    padding: 3,
  },
  // 14 labels of 99,1 × 38,1 mm (Avery L7163 style).
  'a4-2x7': {
    name: 'Hoja A4 · 14 etiquetas de 99,1 × 38,1 mm (2 × 7)',
    pageWidth: 210,
    pageHeight: 297,
    labelWidth: 99.1,
    labelHeight: 38.1,
    columns: 2,
    rows: 7,
    marginLeft: 4.65,
    marginTop: 15.15,
    gapX: 2.5,
    gapY: 0,
    border: true,
    padding: 3,
  },
  // Brother QL with 62 mm tape (DK-11209): one label per page.
  'rollo-62x29': {
    name: 'Rollo 62 × 29 mm (Brother QL)',
    pageWidth: 62,
    pageHeight: 29,
    labelWidth: 62,
    labelHeight: 29,
    columns: 1,
    rows: 1,
    marginLeft: 0,
    marginTop: 0,
    gapX: 0,
    gapY: 0,
    border: false,
    padding: 2,
  },
  // Thermal label printers (Zebra and similar) with 50 × 30 mm labels.
  'rollo-50x30': {
    name: 'Rollo 50 × 30 mm (Zebra y similares)',
    pageWidth: 50,
    pageHeight: 30,
    labelWidth: 50,
    labelHeight: 30,
    columns: 1,
    rows: 1,
    marginLeft: 0,
    marginTop: 0,
    gapX: 0,
    gapY: 0,
    border: false,
    padding: 2,
  },
};

export function isLabelFormat(value: unknown): value is LabelFormat {
  return typeof value === 'string' && (LABEL_FORMAT_IDS as readonly string[]).includes(value);
}

export function labelFormatName(format: LabelFormat): string {
  return LABEL_FORMATS[format].name;
}

export function labelsPerPage(format: LabelFormat): number {
  const g = LABEL_FORMATS[format];
  return g.columns * g.rows;
}

/**
 * Where the label number `index` (0-based) goes: its page (0-based) and its top-left corner in
 * mm from the page's top-left. Labels fill a sheet row by row.
 */
export function labelPosition(
  format: LabelFormat,
  index: number,
): { page: number; x: number; y: number } {
  const g = LABEL_FORMATS[format];
  const perPage = g.columns * g.rows;
  const slot = index % perPage;
  const col = slot % g.columns;
  const row = Math.floor(slot / g.columns);
  return {
    page: Math.floor(index / perPage),
    x: g.marginLeft + col * (g.labelWidth + g.gapX),
    y: g.marginTop + row * (g.labelHeight + g.gapY),
  };
}
