import type { Role } from './channel.ts';
import type { IvaRateBp, Unit } from './types.ts';

export const TENDERS = [
  'efectivo',
  'debito',
  'credito',
  'transferencia',
  'cuenta_corriente',
] as const;
export type Tender = (typeof TENDERS)[number];

/** What a supervisor PIN can authorise at the counter. */
export const APPROVAL_ACTIONS = [
  'line.remove',
  'sale.clear',
  'price.override',
  'discount',
  'return',
  'return.no_ticket',
  'drawer.open',
  'fiado.over_limit',
  'customer.adjust',
  'sale.below_cost',
] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

export type Approval = {
  id: string;
  action: ApprovalAction;
  requestedBy: string | null;
  authorizedBy: string;
  authorizedByName: string;
  authorizedRole: Role;
  at: number;
  /** Valid for this long after `at`, and only once. */
  expiresAt: number;
};

export type SaleLineInput = {
  productId: string;
  /** Thousandths: 1 unit = 1000, 0,250 kg = 250. */
  qty: number;
  /** Centavos per unit (or per kg/lt) when the cashier overrides the shelf price. */
  unitPrice?: number;
  /** Line discount in basis points (1000 = 10 %). */
  discountBp?: number;
  /** The scanned code (a scale label keeps its weight/price here). */
  code?: string;
};

export type SaleLine = {
  id: string;
  lineNo: number;
  productId: string;
  code: string | null;
  description: string;
  unit: Unit;
  qty: number;
  /** Shelf price at the moment of sale, centavos per unit. */
  listPrice: number;
  /** Price charged per unit (differs from listPrice when overridden). */
  unitPrice: number;
  discountBp: number;
  /** Centavos, IVA included, after the line discount. */
  total: number;
  /** Cost per unit net of IVA at the moment of sale. */
  unitCost: number;
  ivaRateBp: IvaRateBp;
  belowCost: boolean;
  withoutStock: boolean;
  returnedQty: number;
  /** Centavos that earlier returns of this line already gave back. */
  refunded: number;
};

export type SalePayment = {
  tender: Tender;
  /** Applied to the sale. */
  amount: number;
  /** Cash handed over (efectivo only). */
  tendered: number | null;
  change: number;
  reference: string | null;
};

export type IvaBreakdown = { rateBp: IvaRateBp; net: number; iva: number; total: number }[];

export type Sale = {
  id: string;
  /** Ticket number, sequential per store. */
  number: number;
  at: number;
  sessionId: string;
  userId: string | null;
  userName: string | null;
  customerId: string | null;
  customerName: string | null;
  lines: SaleLine[];
  payments: SalePayment[];
  /** Sum of line totals before rounding. */
  subtotal: number;
  discountTotal: number;
  /** Cash rounding (negative when rounded down). */
  rounding: number;
  total: number;
  change: number;
  iva: IvaBreakdown;
  flags: string[];
};

export type SaleSummary = {
  id: string;
  number: number;
  at: number;
  userName: string | null;
  customerName: string | null;
  total: number;
  tenders: Tender[];
  items: number;
  returned: boolean;
};

export type Receipt = {
  saleId: string;
  width: 58 | 80;
  /** Monospace lines, already laid out for the paper width. */
  lines: string[];
  /** What the receipt barcode encodes: scanning it finds the sale for a return. */
  barcode: string;
};

export type ReturnRecord = {
  id: string;
  saleId: string | null;
  saleNumber: number | null;
  at: number;
  userName: string | null;
  authorizedByName: string | null;
  reason: string;
  locationName: string;
  lines: { productId: string; description: string; qty: number; unit: Unit; amount: number }[];
  refunds: { tender: Tender; amount: number }[];
  total: number;
};

export type CashSessionStatus = 'abierta' | 'cerrada';

export type CashSession = {
  id: string;
  register: string;
  status: CashSessionStatus;
  openedAt: number;
  openedBy: string | null;
  openingFloat: number;
  closedAt: number | null;
  closedBy: string | null;
};

export const DENOMINATIONS = [
  2_000_000, 1_000_000, 200_000, 100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200,
  100,
] as const;

export type DenominationCount = { denomination: number; qty: number };

export type CashMovementKind = 'retiro' | 'deposito' | 'apertura_cajon';

export type CashMovement = {
  id: string;
  at: number;
  kind: CashMovementKind;
  amount: number;
  reason: string;
  userName: string | null;
  authorizedByName: string | null;
};

export type TenderTotals = {
  tender: Tender;
  sales: number;
  refunds: number;
  /** Expected in the drawer / the terminal's batch for this tender. */
  expected: number;
  counted: number | null;
  variance: number | null;
  count: number;
};

export type CashReport = {
  kind: 'X' | 'Z';
  session: CashSession;
  generatedAt: number;
  salesCount: number;
  itemsSold: number;
  firstTicket: number | null;
  lastTicket: number | null;
  grossSales: number;
  refundsTotal: number;
  discountsTotal: number;
  roundingTotal: number;
  iva: IvaBreakdown;
  byTender: TenderTotals[];
  cash: {
    openingFloat: number;
    sales: number;
    refunds: number;
    withdrawals: number;
    deposits: number;
    customerPayments: number;
    expected: number;
    counted: number | null;
    variance: number | null;
    denominations: DenominationCount[];
  };
  noSaleOpenings: number;
  removedLines: number;
  returnsCount: number;
};

export type Customer = {
  id: string;
  name: string;
  document: string | null;
  phone: string | null;
  /** Centavos; 0 means no credit. */
  creditLimit: number;
  /** What the customer owes, centavos (positive = owes the shop). */
  balance: number;
  active: boolean;
};

export type CustomerLedgerEntry = {
  id: string;
  at: number;
  kind: 'cargo' | 'pago' | 'ajuste';
  /** Signed: a charge raises the balance, a payment lowers it. */
  amount: number;
  balanceAfter: number;
  saleNumber: number | null;
  note: string | null;
  userName: string | null;
};

export type ScaleLayoutSetting = {
  prefix: string;
  pluLength: 4 | 5 | 6;
  valueKind: 'weight' | 'price';
  valueDecimals: number;
};

export type PosSettings = {
  register: string;
  /** Location sales take stock from and returns go back to. */
  saleLocationId: string | null;
  /** Where damaged returns go. */
  damagedLocationId: string | null;
  /** Line discount a cashier may give without a supervisor, basis points. */
  cashierDiscountLimitBp: number;
  /** Cash totals round to this many centavos (0 = no rounding). */
  cashRoundingStep: number;
  scaleLayouts: ScaleLayoutSetting[];
  receiptWidth: 58 | 80;
  receiptHeader: string;
  receiptFooter: string;
  printerName: string | null;
};
