import type { Database } from 'better-sqlite3';
import type {
  AfipQr,
  FieldInfo,
  InvoiceCheck,
  InvoiceData,
  InvoiceDetail,
  InvoiceKind,
  InvoiceLetter,
  InvoiceLine,
  InvoiceStatus,
  InvoiceSummary,
  LineMatch,
  PageInfo,
  SupplierSettings,
  Unit,
} from '../../../shared/contract/index.ts';
import { snapshotRows, type EntitySnapshots } from '../audit/verify.ts';
import type { Ctx } from '../context.ts';
import { prep } from '../db/statements.ts';
import { notFound } from '../errors.ts';
import { sha256 } from './files.ts';
import { currentCandidates } from './match.ts';

/**
 * Rows of the invoice tables, how they are shown, and what the audit log records of them. Each
 * snapshot is exactly the `after` its writer appends (writers read the row back and snapshot it),
 * so `audit.verify` notices an invoice, a supplier, a remembered code or a cost edited behind
 * the app's back.
 */

export type InvoiceRow = {
  id: string;
  status: InvoiceStatus;
  kind: InvoiceKind | null;
  letter: InvoiceLetter | null;
  afip_code: number | null;
  point_of_sale: number | null;
  number: number | null;
  date: string | null;
  issuer_cuit: string | null;
  issuer_name: string | null;
  total: number | null;
  search: string;
  file_sha: string;
  file_name: string;
  data: string;
  extraction: string;
  location_id: string | null;
  created_at: number;
  created_by: string | null;
  updated_at: number;
  applied_at: number | null;
  applied_by: string | null;
};

export type LineRow = {
  invoice_id: string;
  idx: number;
  product_id: string | null;
  pack_units: number;
  unit_cost: number | null;
  code: string | null;
  description: string;
  quantity: number;
  unit: Unit;
  unit_price: number;
  discount_bp: number;
  amount: number;
  candidates: string;
};

/** What an extraction leaves besides the data: kept as read, checks refreshed on every save. */
export type StoredExtraction = {
  fields: Record<string, FieldInfo>;
  pages: PageInfo[];
  qr: AfipQr | null;
  checks: InvoiceCheck[];
  seconds: number;
};

export type SupplierRow = {
  cuit: string;
  name: string;
  prices_include_iva: number;
  prices_per_pack: number;
  created_at: number;
  updated_at: number;
};

export type SupplierCodeRow = {
  supplier_cuit: string;
  code: string;
  product_id: string;
  pack_units: number;
  updated_at: number;
};

export type CostRow = {
  id: string;
  product_id: string;
  cost: number;
  previous_cost: number;
  at: number;
  cost_date: number;
  invoice_id: string | null;
  supplier_cuit: string | null;
  source: string;
  updated_product: number;
  user_id: string | null;
};

export function lineSnapshot(l: LineRow): Record<string, unknown> {
  return {
    productId: l.product_id,
    packUnits: l.pack_units,
    unitCost: l.unit_cost,
    code: l.code,
    description: l.description,
    quantity: l.quantity,
    unit: l.unit,
    unitPrice: l.unit_price,
    discountBp: l.discount_bp,
    amount: l.amount,
  };
}

/** Stored JSON read back as a value; text that no longer parses is kept so verify flags it. */
function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The whole invoice with its lines; the machine's reading only by its hash (it is large). */
export function invoiceSnapshot(r: InvoiceRow, lines: readonly LineRow[]): Record<string, unknown> {
  return {
    status: r.status,
    kind: r.kind,
    letter: r.letter,
    afipCode: r.afip_code,
    pointOfSale: r.point_of_sale,
    number: r.number,
    date: r.date,
    issuerCuit: r.issuer_cuit,
    issuerName: r.issuer_name,
    total: r.total,
    fileSha: r.file_sha,
    fileName: r.file_name,
    data: parsed(r.data),
    extractionSha: sha256(Buffer.from(r.extraction, 'utf8')),
    locationId: r.location_id,
    createdAt: r.created_at,
    createdBy: r.created_by,
    appliedAt: r.applied_at,
    appliedBy: r.applied_by,
    lines: lines.map(lineSnapshot),
  };
}

export function getInvoiceRow(db: Database, id: string): InvoiceRow {
  const row = prep<[string], InvoiceRow>(db, 'SELECT * FROM invoices WHERE id = ?').get(id);
  if (!row) throw notFound('La factura');
  return row;
}

export function lineRows(db: Database, id: string): LineRow[] {
  return prep<[string], LineRow>(
    db,
    'SELECT * FROM invoice_lines WHERE invoice_id = ? ORDER BY idx',
  ).all(id);
}

export function snapshotInvoice(db: Database, id: string): Record<string, unknown> {
  return invoiceSnapshot(getInvoiceRow(db, id), lineRows(db, id));
}

/** Appends the invoice's audit entry from the row as it now stands. Inside the caller's tx. */
export function auditInvoice(
  ctx: Ctx,
  action: string,
  id: string,
  before: Record<string, unknown> | undefined,
): void {
  ctx.audit.append(ctx.actor, {
    action,
    entity: 'invoice',
    entityId: id,
    before,
    after: snapshotInvoice(ctx.db, id),
  });
}

export const invoiceEntity: EntitySnapshots = {
  entity: 'invoice',
  label: 'La factura',
  snapshotAll(db) {
    const lines = new Map<string, LineRow[]>();
    for (const l of prep<[], LineRow>(
      db,
      'SELECT * FROM invoice_lines ORDER BY invoice_id, idx',
    ).iterate()) {
      const list = lines.get(l.invoice_id);
      if (list) list.push(l);
      else lines.set(l.invoice_id, [l]);
    }
    return snapshotRows<InvoiceRow>(db, 'invoices', (r) =>
      invoiceSnapshot(r, lines.get(r.id) ?? []),
    );
  },
};

export function toSupplier(r: SupplierRow): SupplierSettings {
  return {
    cuit: r.cuit,
    name: r.name,
    pricesIncludeIva: r.prices_include_iva === 1,
    pricesPerPack: r.prices_per_pack === 1,
  };
}

export const supplierSnapshot = (r: SupplierRow): Record<string, unknown> => {
  const { cuit: _cuit, ...rest } = toSupplier(r);
  return rest;
};

export function getSupplier(db: Database, cuit: string | null): SupplierRow | undefined {
  if (cuit === null) return undefined;
  return prep<[string], SupplierRow>(db, 'SELECT * FROM suppliers WHERE cuit = ?').get(cuit);
}

export const supplierEntity: EntitySnapshots = {
  entity: 'supplier',
  label: 'El proveedor',
  snapshotAll(db) {
    const map = new Map<string, unknown>();
    for (const r of prep<[], SupplierRow>(db, 'SELECT * FROM suppliers').iterate()) {
      map.set(r.cuit, supplierSnapshot(r));
    }
    return map;
  },
};

/** A remembered code's audit id: the CUIT has a fixed length, so the pair reads back unambiguously. */
export const supplierCodeId = (cuit: string, code: string): string => `${cuit}:${code}`;

export const supplierCodeSnapshot = (r: SupplierCodeRow): Record<string, unknown> => ({
  supplierCuit: r.supplier_cuit,
  code: r.code,
  productId: r.product_id,
  packUnits: r.pack_units,
});

export const supplierCodeEntity: EntitySnapshots = {
  entity: 'supplier_code',
  label: 'El código de proveedor',
  snapshotAll(db) {
    const map = new Map<string, unknown>();
    for (const r of prep<[], SupplierCodeRow>(db, 'SELECT * FROM supplier_codes').iterate()) {
      map.set(supplierCodeId(r.supplier_cuit, r.code), supplierCodeSnapshot(r));
    }
    return map;
  },
};

export const costSnapshot = (r: CostRow): Record<string, unknown> => ({
  productId: r.product_id,
  cost: r.cost,
  previousCost: r.previous_cost,
  at: r.at,
  costDate: r.cost_date,
  invoiceId: r.invoice_id,
  supplierCuit: r.supplier_cuit,
  source: r.source,
  updatedProduct: r.updated_product === 1,
  userId: r.user_id,
});

export const costEntity: EntitySnapshots = {
  entity: 'cost_change',
  label: 'El cambio de costo',
  snapshotAll: (db) => snapshotRows<CostRow>(db, 'cost_history', costSnapshot),
};

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function readData(r: InvoiceRow): InvoiceData {
  return parseJson<InvoiceData>(r.data, {
    issuer: {},
    recipient: {},
    currency: 'ARS',
    netByRate: {},
    ivaByRate: {},
    perceptions: 0,
    otherTaxes: 0,
    items: [],
  });
}

export function readExtraction(r: InvoiceRow): StoredExtraction {
  return parseJson<StoredExtraction>(r.extraction, {
    fields: {},
    pages: [],
    qr: null,
    checks: [],
    seconds: 0,
  });
}

export function toSummary(r: InvoiceRow, lineCount: number): InvoiceSummary {
  return {
    id: r.id,
    status: r.status,
    kind: r.kind,
    letter: r.letter,
    pointOfSale: r.point_of_sale,
    number: r.number,
    date: r.date,
    issuerName: r.issuer_name,
    issuerCuit: r.issuer_cuit,
    total: r.total,
    lineCount,
    fileName: r.file_name,
    createdAt: r.created_at,
    appliedAt: r.applied_at,
  };
}

/** The invoice as the review screen shows it. */
export function readInvoice(db: Database, id: string): InvoiceDetail {
  const row = getInvoiceRow(db, id);
  const data = readData(row);
  const extraction = readExtraction(row);
  const lines: InvoiceLine[] = lineRows(db, id).map((l) => {
    const item = data.items[l.idx];
    return {
      code: l.code ?? undefined,
      description: l.description,
      quantity: l.quantity,
      unit: l.unit,
      unitPrice: l.unit_price,
      discountBp: l.discount_bp,
      amount: l.amount,
      ivaRate: item?.ivaRate,
      confidence: item?.confidence ?? 1,
      boxes: item?.boxes ?? [],
      index: l.idx,
      productId: l.product_id,
      candidates: currentCandidates(db, parseJson<LineMatch[]>(l.candidates, [])),
      packUnits: l.pack_units,
      unitCost: l.unit_cost,
    };
  });
  const supplier = getSupplier(db, row.issuer_cuit);
  return {
    ...toSummary(row, lines.length),
    data,
    fields: extraction.fields,
    pages: extraction.pages,
    qr: extraction.qr,
    checks: extraction.checks,
    lines,
    fileSha: row.file_sha,
    locationId: row.location_id,
    supplier: supplier ? toSupplier(supplier) : null,
  };
}
