import type { ImportIssue, IvaRateBp, Unit } from '../../../shared/contract/index.ts';
import { normalizeBarcode } from '../../../shared/domain/barcode.ts';
import { normalizeCuit } from '../../../shared/domain/cuit.ts';
import { isDomainError } from '../../../shared/domain/errors.ts';
import { parseIvaRate, parseMoney, parseQuantity } from '../../../shared/domain/money.ts';
import { foldText } from '../../../shared/domain/text.ts';
import { invalid } from '../errors.ts';
import { splitCategoryPath } from './categories.ts';

export const IMPORT_COLUMNS = [
  'barcode',
  'sku',
  'plu',
  'name',
  'brand',
  'category',
  'unit',
  'iva_rate',
  'cost',
  'price',
  'stock',
  'min_stock',
  'supplier_cuit',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

// Folded header → column. Spanish names are what Excel users type; English ones what other
// systems export. "rubro" and "descripcion" are how many Argentine shops name those columns.
const ALIASES: Record<string, ImportColumn> = {
  barcode: 'barcode',
  barcodes: 'barcode',
  codigo_barras: 'barcode',
  codigo_de_barras: 'barcode',
  codigos_de_barras: 'barcode',
  cod_barras: 'barcode',
  ean: 'barcode',
  sku: 'sku',
  codigo: 'sku',
  codigo_interno: 'sku',
  plu: 'plu',
  name: 'name',
  nombre: 'name',
  descripcion: 'name',
  producto: 'name',
  brand: 'brand',
  marca: 'brand',
  category: 'category',
  categoria: 'category',
  rubro: 'category',
  unit: 'unit',
  unidad: 'unit',
  unidad_de_medida: 'unit',
  iva_rate: 'iva_rate',
  iva: 'iva_rate',
  alicuota_iva: 'iva_rate',
  alicuota: 'iva_rate',
  cost: 'cost',
  costo: 'cost',
  price: 'price',
  precio: 'price',
  precio_venta: 'price',
  precio_de_venta: 'price',
  stock: 'stock',
  min_stock: 'min_stock',
  stock_minimo: 'min_stock',
  stock_min: 'min_stock',
  supplier_cuit: 'supplier_cuit',
  cuit_proveedor: 'supplier_cuit',
  cuit_del_proveedor: 'supplier_cuit',
};

export const headerKey = (h: string): string =>
  foldText(h)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

export type ColumnMap = { index: Partial<Record<ImportColumn, number>>; headers: string[] };

/** Maps the header row; unknown columns are warnings, a missing name or price column is fatal. */
export function mapHeader(header: readonly string[]): { map: ColumnMap; warnings: ImportIssue[] } {
  const index: Partial<Record<ImportColumn, number>> = {};
  const warnings: ImportIssue[] = [];
  header.forEach((raw, i) => {
    const title = raw.trim();
    if (title === '') return;
    const col = ALIASES[headerKey(title)];
    if (col === undefined) {
      warnings.push({
        row: 1,
        column: title,
        message: `Columna desconocida «${title}»: se ignora`,
      });
      return;
    }
    const prev = index[col];
    if (prev !== undefined) {
      throw invalid(
        `Las columnas «${header[prev]?.trim()}» y «${title}» dicen lo mismo: dejá solo una`,
      );
    }
    index[col] = i;
  });
  const missing = [
    index.name === undefined ? '«nombre» (name)' : null,
    index.price === undefined ? '«precio» (price)' : null,
  ].filter((m) => m !== null);
  if (missing.length > 0) {
    throw invalid(
      `Al archivo le falta ${missing.length > 1 ? 'las columnas' : 'la columna'} ${missing.join(' y ')}. ` +
        'La primera fila tiene que tener los títulos de las columnas.',
    );
  }
  return { map: { index, headers: header.map((h) => h.trim()) }, warnings };
}

/**
 * One row as the file states it. `undefined` means the column is absent or the cell is blank:
 * an update keeps what the product has (a half-filled supplier list must not wipe brands or
 * codes), a create takes the default.
 */
export type RowFields = {
  barcodes: string[];
  name: string;
  price: number;
  sku?: string;
  plu?: number;
  brand?: string;
  category?: string[];
  unit?: Unit;
  ivaRateBp?: IvaRateBp;
  cost?: number;
  minStock?: number;
  supplierCuit?: string;
  stock?: number;
};

const UNIT_WORDS: Record<string, Unit> = {
  u: 'u',
  un: 'u',
  uni: 'u',
  unid: 'u',
  unidad: 'u',
  unidades: 'u',
  kg: 'kg',
  kilo: 'kg',
  kilos: 'kg',
  kilogramo: 'kg',
  kilogramos: 'kg',
  lt: 'lt',
  l: 'lt',
  lts: 'lt',
  litro: 'lt',
  litros: 'lt',
};

const SCIENTIFIC = /^\d+(?:[.,]\d+)?e\+?\d+$/i;

function domainMessage(err: unknown): string {
  if (isDomainError(err)) return err.message;
  throw err;
}

/**
 * Parses and checks one data row on its own (no database). `unitOf` says the unit of the product
 * the row will update, so quantities of an existing kg product accept decimals.
 */
export function parseRow(
  cells: readonly string[],
  map: ColumnMap,
  line: number,
  existingUnit: (codes: string[], sku: string | null, name: string) => Unit | undefined,
): { fields: RowFields; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const cell = (col: ImportColumn): string | undefined => {
    const i = map.index[col];
    return i === undefined ? undefined : (cells[i] ?? '').trim();
  };
  const fail = (col: ImportColumn, message: string): undefined => {
    const i = map.index[col];
    issues.push({ row: line, column: i === undefined ? col : (map.headers[i] ?? col), message });
    return undefined;
  };
  const text = (col: ImportColumn, max: number, what: string): string | undefined => {
    const v = cell(col);
    if (v === undefined) return undefined;
    const clean = v.replace(/\s+/g, ' ');
    if (clean === '') return undefined;
    if (clean.length > max)
      return fail(col, `${what} es demasiado largo (máximo ${max} caracteres)`);
    return clean;
  };
  const money = (col: ImportColumn, what: string): number | undefined => {
    const v = cell(col);
    if (v === undefined || v === '') return undefined;
    try {
      const c = parseMoney(v);
      return c < 0 ? fail(col, `${what} no puede ser negativo`) : c;
    } catch (err) {
      return fail(col, domainMessage(err));
    }
  };

  const barcodes: string[] = [];
  const rawCodes = cell('barcode') ?? '';
  for (const part of rawCodes.split(/[|\s]+/)) {
    if (part === '') continue;
    if (SCIENTIFIC.test(part)) {
      fail(
        'barcode',
        `El código de barras «${part}» quedó en notación científica: en Excel, dale formato Texto a la columna y volvé a exportar`,
      );
      continue;
    }
    try {
      const code = normalizeBarcode(part);
      if (!barcodes.includes(code)) barcodes.push(code);
    } catch (err) {
      fail('barcode', domainMessage(err));
    }
  }
  if (barcodes.length > 20) fail('barcode', 'Demasiados códigos de barras (máximo 20)');

  const name = text('name', 120, 'El nombre');
  if (name === undefined && cell('name') === '') fail('name', 'Falta el nombre');
  const price = money('price', 'El precio');
  if (price === undefined && cell('price') === '') fail('price', 'Falta el precio');

  const fields: RowFields = { barcodes, name: name ?? '', price: price ?? 0 };
  const sku = text('sku', 40, 'El código interno');
  if (sku !== undefined) fields.sku = sku;
  const brand = text('brand', 80, 'La marca');
  if (brand !== undefined) fields.brand = brand;

  const plu = cell('plu');
  if (plu !== undefined) {
    if (plu === '') {
      // blank: keep
    } else if (/^\d{1,6}$/.test(plu) && Number(plu) >= 1) fields.plu = Number(plu);
    else fail('plu', `«${plu}» no es un PLU válido: de 1 a 6 números`);
  }

  const category = cell('category');
  if (category !== undefined) {
    const segments = splitCategoryPath(category);
    if (segments.some((s) => s.length > 120))
      fail('category', 'El nombre de la categoría es demasiado largo');
    else if (segments.length > 0) fields.category = segments;
  }

  const unitText = cell('unit');
  if (unitText !== undefined && unitText !== '') {
    const unit = UNIT_WORDS[headerKey(unitText).replace(/_/g, '')];
    if (unit === undefined) fail('unit', `Unidad «${unitText}» inválida: usá u, kg o lt`);
    else fields.unit = unit;
  }

  const iva = cell('iva_rate');
  if (iva !== undefined && iva !== '') {
    try {
      fields.ivaRateBp = parseIvaRate(iva);
    } catch (err) {
      fail('iva_rate', domainMessage(err));
    }
  }

  const cost = money('cost', 'El costo');
  if (cost !== undefined) fields.cost = cost;

  const unit = fields.unit ?? existingUnit(barcodes, fields.sku ?? null, fields.name) ?? 'u';
  const qty = (col: ImportColumn, what: string): number | undefined => {
    const v = cell(col);
    if (v === undefined || v === '') return undefined;
    try {
      const q = parseQuantity(v, unit);
      return q < 0 ? fail(col, `${what} no puede ser negativo`) : q;
    } catch (err) {
      return fail(col, domainMessage(err));
    }
  };
  const stock = qty('stock', 'El stock');
  if (stock !== undefined) fields.stock = stock;
  const minStock = qty('min_stock', 'El stock mínimo');
  if (minStock !== undefined) fields.minStock = minStock;

  const cuit = cell('supplier_cuit');
  if (cuit !== undefined && cuit !== '') {
    try {
      fields.supplierCuit = normalizeCuit(cuit);
    } catch (err) {
      fail('supplier_cuit', domainMessage(err));
    }
  }
  return { fields, issues };
}
