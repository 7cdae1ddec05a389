import type { Database } from 'better-sqlite3';
import type {
  AppErrorShape,
  ApprovalAction,
  ChannelName,
  InputOf,
  Product,
  ReturnRecord,
  Role,
  Sale,
  Tender,
} from '../../../shared/contract/index.ts';
import type { Caller, Ctx } from '../context.ts';
import { grantApproval } from '../sales/approvals.ts';
import { openStoreWithOwner, type TestStore } from '../testing/harness.ts';

/** A real store for the drawer's tests; `sell` and `refund` go through the real sale path. */

export type CashStore = TestStore & {
  ownerId: string;
  db: Database;
  ctx(): Ctx;
  fail<C extends ChannelName>(
    channel: C,
    input: InputOf<C>,
    caller?: Caller,
  ): Promise<AppErrorShape>;
  /** A supervisor approval granted by the owner's PIN. */
  approve(action: ApprovalAction, details?: Record<string, unknown>): string;
  user(name: string, role: Role): Promise<{ id: string; caller: Caller }>;
  product(
    name: string,
    price: number,
    extra?: Partial<InputOf<'catalog.create'>>,
  ): Promise<Product>;
  sell(s: SaleSpec): Promise<Sale>;
  refund(r: RefundSpec): Promise<ReturnRecord>;
  rows(table: string): number;
  auditCount(): number;
};

export type SaleSpec = {
  lines: { product: Product; qty: number }[];
  payments: { tender: Tender; amount: number; tendered?: number }[];
  customerId?: string;
  approvalIds?: string[];
  caller?: Caller;
};

/** Returns `qty` of the sale's first line, or, with no sale, of a product without a ticket. */
export type RefundSpec = {
  sale?: Sale;
  product?: Product;
  qty: number;
  refunds: { tender: Tender; amount: number }[];
  caller?: Caller;
};

export async function openCashStore(
  opts: Parameters<typeof openStoreWithOwner>[0] = {},
): Promise<CashStore> {
  const s = await openStoreWithOwner(opts);
  const deps = s.core.deps();
  if (!deps) throw new Error('store did not open');
  const db = deps.db;
  const ctx = (): Ctx => s.core.systemCtx('test');
  let tickets = 0;

  return {
    ...s,
    db,
    ctx,
    async fail(channel, input, caller) {
      const r = await s.attempt(channel, input, caller);
      if (r.ok) throw new Error(`${channel} tendría que haber fallado`);
      return r.error;
    },
    approve: (action, details) =>
      grantApproval(ctx(), { supervisorId: s.ownerId, pin: '1234', action, details }).id,
    async user(name, role) {
      const u = await s.call('users.create', { name, role, pin: '4321' });
      return { id: u.id, caller: await s.loginAs(u.id, '4321') };
    },
    product: (name, price, extra = {}) => s.call('catalog.create', { name, price, ...extra }),
    sell: (spec) =>
      s.call(
        'sales.commit',
        {
          idempotencyKey: `cash-test-${++tickets}`,
          lines: spec.lines.map((l) => ({ productId: l.product.id, qty: l.qty })),
          payments: spec.payments,
          customerId: spec.customerId,
          approvalIds: spec.approvalIds ?? [],
        },
        spec.caller,
      ),
    refund(spec) {
      const first = spec.sale?.lines[0];
      const lines = first
        ? [{ saleLineId: first.id, qty: spec.qty }]
        : [
            {
              productId: spec.product?.id ?? '',
              unitPrice: spec.product?.price ?? 0,
              qty: spec.qty,
            },
          ];
      return s.call(
        'sales.return',
        {
          saleId: spec.sale?.id,
          lines,
          refunds: spec.refunds,
          reason: 'Vencido',
          approvalId: grantApproval(ctx(), {
            supervisorId: s.ownerId,
            pin: '1234',
            action: spec.sale ? 'return' : 'return.no_ticket',
          }).id,
          idempotencyKey: `cash-return-${++tickets}`,
        },
        spec.caller,
      );
    },
    rows: (table) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    auditCount: () => (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
  };
}
