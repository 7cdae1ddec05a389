import type { Permission, Role } from './channel.ts';

export type Unit = 'u' | 'kg' | 'lt';
export type IvaRateBp = 0 | 250 | 500 | 1050 | 2100 | 2700;
export const UNITS = ['u', 'kg', 'lt'] as const satisfies readonly Unit[];

export type UserSummary = {
  id: string;
  name: string;
  role: Role;
  active: boolean;
  /** Epoch ms until which PIN login is refused, or null. */
  lockedUntil: number | null;
};

export type Session = {
  user: UserSummary | null;
  permissions: Permission[];
};

export type DataErrorCode = 'DATA_LOCKED' | 'DATA_UNREADABLE' | 'DATA_CORRUPT' | 'DATA_TOO_NEW';

export type SystemStatus =
  | {
      state: 'ready';
      needsSetup: boolean;
      storeName: string;
      dataDir: string;
      version: string;
      schemaVersion: number;
    }
  | { state: 'error'; code: DataErrorCode; message: string; dataDir: string; version: string };

export type Settings = {
  storeName: string;
  storeCuit: string | null;
  storeAddress: string | null;
};

export type Product = {
  id: string;
  sku: string | null;
  plu: number | null;
  name: string;
  brand: string | null;
  categoryId: string | null;
  /** "Almacén › Infusiones", for display and export. */
  categoryPath: string | null;
  unit: Unit;
  /** IVA rate in basis points: 2100 = 21 %. */
  ivaRateBp: IvaRateBp;
  /** Centavos, net of IVA. */
  cost: number;
  /** Epoch ms when the cost was recorded. */
  costDate: number | null;
  /** Centavos, IVA included (shelf price). */
  price: number;
  /** Thousandths. */
  minStock: number;
  maxStock: number | null;
  supplierCuit: string | null;
  active: boolean;
  barcodes: string[];
  createdAt: number;
  updatedAt: number;
};

export type ProductListItem = {
  id: string;
  name: string;
  brand: string | null;
  barcode: string | null;
  sku: string | null;
  categoryPath: string | null;
  unit: Unit;
  price: number;
  /** Thousandths, all locations. */
  stock: number;
  minStock: number;
  active: boolean;
};

export type ProductPage = { items: ProductListItem[]; total: number };

export type Category = { id: string; name: string; parentId: string | null; path: string };

export type Location = { id: string; name: string; active: boolean };

export type StockLevel = { locationId: string; locationName: string; qty: number };

export const MOVEMENT_KINDS = [
  'entrada',
  'salida',
  'ajuste',
  'transferencia',
  'venta',
  'devolucion',
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export type StockMovement = {
  id: string;
  at: number;
  productId: string;
  productName: string;
  unit: Unit;
  locationId: string;
  locationName: string;
  /** Signed thousandths. */
  qty: number;
  kind: MovementKind;
  reason: string | null;
  userName: string | null;
  reference: string | null;
  transferId: string | null;
};

export type CountLine = {
  productId: string;
  name: string;
  barcode: string | null;
  unit: Unit;
  /** Ledger stock when the line was counted (thousandths). */
  expected: number;
  counted: number;
  variance: number;
};

export type StockCount = {
  id: string;
  locationId: string;
  locationName: string;
  status: 'abierto' | 'cerrado' | 'cancelado';
  startedAt: number;
  closedAt: number | null;
  startedBy: string | null;
  lines: CountLine[];
};

export type LowStockItem = {
  productId: string;
  name: string;
  barcode: string | null;
  unit: Unit;
  stock: number;
  minStock: number;
  maxStock: number | null;
};

export type StockCheck = {
  ok: boolean;
  checked: number;
  mismatches: { productId: string; locationId: string; cached: number; ledger: number }[];
};

export type ImportIssue = { row: number; column?: string; message: string };

export type ImportPreview = {
  importId: string;
  fileName: string;
  encoding: string;
  separator: string;
  columns: string[];
  totalRows: number;
  validRows: number;
  errorRows: number;
  creates: number;
  updates: number;
  /** First 500 problems, by row number in the file (1 = header). */
  errors: ImportIssue[];
  sample: ImportSampleRow[];
};

export type ImportSampleRow = {
  row: number;
  action: 'crear' | 'actualizar';
  barcode: string | null;
  sku: string | null;
  name: string;
  price: number;
  cost: number;
  stock: number | null;
};

export type ImportResult = {
  created: number;
  updated: number;
  skipped: number;
  stockMovements: number;
};

export type AuditEntry = {
  seq: number;
  id: string;
  at: number;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  hash: string;
};

export type AuditProblem = {
  seq: number | null;
  id: string | null;
  kind: 'edited' | 'deleted' | 'inserted' | 'reordered' | 'state';
  message: string;
};

export type AuditVerifyResult = {
  ok: boolean;
  checked: number;
  /** The first entry where the chain breaks, or null. */
  firstBroken: AuditProblem | null;
  /** Rows whose current state differs from what the log says. */
  stateMismatches: AuditProblem[];
};

export type JobProgress = { jobId: string; label: string; done: number; total: number };
