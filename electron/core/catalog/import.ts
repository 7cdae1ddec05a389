import type { Database } from 'better-sqlite3';
import type {
  ImportIssue,
  ImportPreview,
  ImportSampleRow,
  Unit,
} from '../../../shared/contract/index.ts';
import {
  decodeCsvBytes,
  detectSeparator,
  parseCsv,
  type CsvSeparator,
} from '../../../shared/domain/csv.ts';
import { isDomainError } from '../../../shared/domain/errors.ts';
import { foldText } from '../../../shared/domain/text.ts';
import type { Ctx } from '../context.ts';
import { AppError, invalid } from '../errors.ts';
import { mapHeader, parseRow, type ImportColumn, type RowFields } from './import-parse.ts';
import { prep } from '../db/statements.ts';

/** A row that passed the preview, ready to write. */
export type ImportRow = { line: number; productId: string | null; fields: RowFields };

export type StoredImport = {
  kind: 'catalog.import';
  importId: string;
  fileName: string;
  createdAt: number;
  /** Highest catalog audit seq at preview time: any catalog write since then voids the preview. */
  catalogSeq: number;
  rows: ImportRow[];
  errorRows: number;
};

const SCRATCH_PREFIX = 'catalog.import:';
/** Previews hold every row in memory: a few of them at most, and not forever. */
const MAX_PREVIEWS = 3;
export const PREVIEW_TTL_MS = 60 * 60_000;
const MAX_ISSUES = 500;
const SAMPLE_SIZE = 20;

export const scratchKey = (importId: string): string => `${SCRATCH_PREFIX}${importId}`;

export function catalogSeq(db: Database): number {
  return (
    prep<[], { seq: number }>(
      db,
      "SELECT ifnull(max(seq), 0) AS seq FROM audit_log WHERE entity IN ('product', 'category')",
    ).get()?.seq ?? 0
  );
}

type Existing = { id: string; name: string; unit: Unit };

/** Everything matching needs, loaded once: rows are matched against Maps, never per-row SELECTs. */
function loadIndex(db: Database) {
  const byId = new Map<string, Existing>();
  const bySku = new Map<string, string>();
  const byPlu = new Map<number, string>();
  for (const r of prep<[], Existing & { sku: string | null; plu: number | null }>(
    db,
    'SELECT id, name, unit, sku, plu FROM products',
  ).iterate()) {
    byId.set(r.id, { id: r.id, name: r.name, unit: r.unit });
    if (r.sku !== null) bySku.set(r.sku, r.id);
    if (r.plu !== null) byPlu.set(r.plu, r.id);
  }
  const byBarcode = new Map<string, string>();
  for (const r of prep<[], { barcode: string; product_id: string }>(
    db,
    'SELECT barcode, product_id FROM product_barcodes',
  ).iterate()) {
    byBarcode.set(r.barcode, r.product_id);
  }
  return { byId, bySku, byPlu, byBarcode };
}

function rememberPreview(ctx: Ctx, entry: StoredImport): void {
  const now = ctx.now();
  const mine = [...ctx.scratch.entries()].filter(([k]) => k.startsWith(SCRATCH_PREFIX));
  for (const [k, v] of mine) {
    if (now - (v as StoredImport).createdAt > PREVIEW_TTL_MS) ctx.scratch.delete(k);
  }
  const left = mine.filter(([k]) => ctx.scratch.has(k));
  for (const [k] of left.slice(0, Math.max(0, left.length - (MAX_PREVIEWS - 1))))
    ctx.scratch.delete(k);
  ctx.scratch.set(scratchKey(entry.importId), entry);
}

function decode(bytes: Uint8Array): {
  text: string;
  encoding: string;
  separator: CsvSeparator;
  rows: string[][];
} {
  if (bytes.length === 0) throw invalid('El archivo está vacío');
  const { text, encoding } = decodeCsvBytes(bytes);
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const nl = text.slice(start, start + 65_536).search(/[\r\n]/);
  const separator = detectSeparator(text.slice(start, nl === -1 ? start + 65_536 : start + nl));
  try {
    return { text, encoding, separator, rows: parseCsv(text, separator) };
  } catch (err) {
    if (isDomainError(err)) throw invalid(err.message);
    throw err;
  }
}

const isBlank = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

/**
 * Reads a CSV, checks every row against the file itself and the current catalog, and keeps the
 * good rows in memory for importCommit. Writes nothing.
 */
export function previewImport(ctx: Ctx, fileName: string, bytes: Uint8Array): ImportPreview {
  const { encoding, separator, rows } = decode(bytes);
  const header = rows[0];
  if (!header || isBlank(header))
    throw invalid('El archivo está vacío: la primera fila tiene que tener los títulos');
  const { map, warnings } = mapHeader(header);
  const idx = loadIndex(ctx.db);
  const issues: ImportIssue[] = [...warnings];
  let issueCount = warnings.length;
  const addIssues = (list: ImportIssue[]): void => {
    issueCount += list.length;
    for (const i of list) if (issues.length < MAX_ISSUES) issues.push(i);
  };

  // First row that claimed each code in the file: later rows repeating it are errors.
  const fileCodes = new Map<string, number>();
  const fileSkus = new Map<string, number>();
  const filePlus = new Map<number, number>();
  const fileTargets = new Map<string, number>();
  const good: ImportRow[] = [];
  const sample: ImportSampleRow[] = [];
  let total = 0;
  let errorRows = 0;
  let creates = 0;
  let updates = 0;

  const title = (col: ImportColumn): string => map.headers[map.index[col] ?? -1] ?? col;
  // A row with no codes at all can only be told apart by its name: without this, re-importing
  // an export would duplicate every product that has neither barcode nor SKU.
  let byName: Map<string, string | null> | null = null;
  const sameName = (name: string): string | null | undefined => {
    if (byName === null) {
      byName = new Map();
      for (const p of idx.byId.values()) {
        const key = foldText(p.name);
        byName.set(key, byName.has(key) ? null : p.id);
      }
    }
    return byName.get(foldText(name));
  };
  const unitOf = (codes: string[], sku: string | null, name: string): Unit | undefined => {
    for (const c of codes) {
      const id = idx.byBarcode.get(c);
      if (id) return idx.byId.get(id)?.unit;
    }
    const id =
      sku === null ? (codes.length === 0 ? sameName(name) : undefined) : idx.bySku.get(sku);
    return id ? idx.byId.get(id)?.unit : undefined;
  };

  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r] as string[];
    if (isBlank(cells)) continue;
    total++;
    const line = r + 1;
    const { fields, issues: rowIssues } = parseRow(cells, map, line, unitOf);
    const problem = (column: string, message: string): void => {
      rowIssues.push({ row: line, column, message });
    };
    const nameOf = (id: string): string => idx.byId.get(id)?.name ?? id;

    const owners = new Set<string>();
    for (const code of fields.barcodes) {
      const first = fileCodes.get(code);
      if (first !== undefined)
        problem(
          title('barcode'),
          `El código de barras ${code} se repite: ya está en la fila ${first}`,
        );
      else fileCodes.set(code, line);
      const owner = idx.byBarcode.get(code);
      if (owner) owners.add(owner);
    }
    const sku = fields.sku ?? null;
    const skuOwner = sku === null ? undefined : idx.bySku.get(sku);
    let productId: string | null = null;
    if (owners.size > 1) {
      const names = [...owners].map((id) => `«${nameOf(id)}»`).join(' y ');
      problem(
        title('barcode'),
        `Los códigos de barras de esta fila son de productos distintos: ${names}`,
      );
    } else if (owners.size === 1) {
      productId = [...owners][0] as string;
      if (skuOwner !== undefined && skuOwner !== productId) {
        const code = fields.barcodes.find((c) => idx.byBarcode.get(c) === productId);
        problem(
          title('barcode'),
          `El código de barras ${code} ya es de «${nameOf(productId)}», pero el código interno ${sku} es de «${nameOf(skuOwner)}»`,
        );
      }
    } else if (skuOwner !== undefined) {
      productId = skuOwner;
    } else if (sku === null && fields.barcodes.length === 0 && fields.name !== '') {
      const byName = sameName(fields.name);
      if (byName === null) {
        problem(
          title('name'),
          `Hay varios productos llamados «${fields.name}»: agregá el código de barras o el código interno para saber cuál actualizar`,
        );
      } else if (byName !== undefined) productId = byName;
    }
    if (sku !== null) {
      const first = fileSkus.get(sku);
      if (first !== undefined)
        problem(title('sku'), `El código interno ${sku} se repite: ya está en la fila ${first}`);
      else fileSkus.set(sku, line);
    }
    if (fields.plu !== undefined) {
      const pluOwner = idx.byPlu.get(fields.plu);
      if (pluOwner !== undefined && pluOwner !== productId) {
        problem(title('plu'), `El PLU ${fields.plu} ya es de «${nameOf(pluOwner)}»`);
      }
      const first = filePlus.get(fields.plu);
      if (first !== undefined)
        problem(title('plu'), `El PLU ${fields.plu} se repite: ya está en la fila ${first}`);
      else filePlus.set(fields.plu, line);
    }
    if (productId !== null) {
      const first = fileTargets.get(productId);
      if (first !== undefined) {
        const col = map.index.barcode !== undefined ? title('barcode') : title('sku');
        problem(col, `«${nameOf(productId)}» ya se actualiza en la fila ${first}`);
      } else fileTargets.set(productId, line);
    }

    if (rowIssues.length > 0) {
      errorRows++;
      addIssues(rowIssues);
      continue;
    }
    if (productId === null) creates++;
    else updates++;
    good.push({ line, productId, fields });
    if (sample.length < SAMPLE_SIZE) {
      sample.push({
        row: line,
        action: productId === null ? 'crear' : 'actualizar',
        barcode: fields.barcodes[0] ?? null,
        sku,
        name: fields.name,
        price: fields.price,
        cost: fields.cost ?? 0,
        stock: fields.stock ?? null,
      });
    }
  }

  const importId = ctx.newId();
  rememberPreview(ctx, {
    kind: 'catalog.import',
    importId,
    fileName,
    createdAt: ctx.now(),
    catalogSeq: catalogSeq(ctx.db),
    rows: good,
    errorRows,
  });
  if (issueCount > MAX_ISSUES)
    ctx.log.info('import preview truncated issues', { importId, issueCount });
  return {
    importId,
    fileName,
    encoding,
    separator,
    columns: Object.keys(map.index),
    totalRows: total,
    validRows: good.length,
    errorRows,
    creates,
    updates,
    errors: issues.sort((a, b) => a.row - b.row),
    sample,
  };
}

export function takePreview(ctx: Ctx, importId: string): StoredImport {
  const entry = ctx.scratch.get(scratchKey(importId)) as StoredImport | undefined;
  if (!entry || ctx.now() - entry.createdAt > PREVIEW_TTL_MS) {
    ctx.scratch.delete(scratchKey(importId));
    throw new AppError(
      'NOT_FOUND',
      'La vista previa de esta importación venció o ya se usó: volvé a cargar el archivo',
    );
  }
  return entry;
}

export function cancelImport(ctx: Ctx, importId: string): boolean {
  return ctx.scratch.delete(scratchKey(importId));
}
