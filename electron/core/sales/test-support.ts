import fs from 'node:fs';
import type {
  AppErrorShape,
  ApprovalAction,
  ChannelName,
  InputOf,
  Location,
  Product,
  Sale,
} from '../../../shared/contract/index.ts';
import type { CoreOptions } from '../app.ts';
import type { Caller, Deps } from '../context.ts';
import { openStoreWithOwner, type TestStore } from '../testing/harness.ts';

/**
 * A store ready to sell: owner Marta (PIN 1234), encargada Ana (5678), cajero Juan (1111)
 * logged in with the drawer open, Salón and Depósito. Real SQLite file, fixed clock.
 */
export type SalesStore = TestStore & {
  deps: Deps;
  ownerId: string;
  encargadaId: string;
  cajeroId: string;
  owner: Caller;
  encargada: Caller;
  cajero: Caller;
  salon: Location;
  deposito: Location;
  /** A product with stock in the Salón (10 units unless told). */
  product(
    name: string,
    extra?: Partial<InputOf<'catalog.create'>>,
    stock?: number,
  ): Promise<Product>;
  fail<C extends ChannelName>(
    channel: C,
    input: InputOf<C>,
    caller?: Caller,
  ): Promise<AppErrorShape>;
  /** Sells as the cashier. */
  sell(input: Omit<InputOf<'sales.commit'>, 'idempotencyKey'> & { key?: string }): Promise<Sale>;
  authorize(
    action: ApprovalAction,
    opts?: { by?: 'owner' | 'encargada'; pin?: string; details?: Record<string, unknown> },
  ): Promise<string>;
  rows(table: string, where?: string): number;
  stockAt(productId: string, locationId?: string): number;
};

let keys = 0;
export const newKey = (): string => `ticket-${process.pid}-${++keys}-${Date.now()}`;

export async function openSalesStore(opts: Partial<CoreOptions> = {}): Promise<SalesStore> {
  const store = await openStoreWithOwner(opts);
  const deps = store.core.deps();
  if (!deps) throw new Error('store did not open');
  const ana = await store.call('users.create', { name: 'Ana', role: 'encargado', pin: '5678' });
  const juan = await store.call('users.create', { name: 'Juan', role: 'cajero', pin: '1111' });
  const owner = await store.loginAs(store.ownerId, '1234');
  const encargada = await store.loginAs(ana.id, '5678');
  const cajero = await store.loginAs(juan.id, '1111');
  await store.call('cash.open', { openingFloat: 10_000_00 }, cajero);
  const locations = await store.call('stock.locations', {});
  const salon = locations.find((l) => l.name === 'Salón');
  const deposito = locations.find((l) => l.name === 'Depósito');
  if (!salon || !deposito) throw new Error('default locations missing');

  const fail: SalesStore['fail'] = async (channel, input, caller = cajero) => {
    const r = await store.attempt(channel, input, caller);
    if (r.ok) throw new Error(`${channel} should have failed`);
    return r.error;
  };
  const ids = { owner: store.ownerId, encargada: ana.id };
  const pins = { owner: '1234', encargada: '5678' };

  return {
    ...store,
    deps,
    encargadaId: ana.id,
    cajeroId: juan.id,
    owner,
    encargada,
    cajero,
    salon,
    deposito,
    async product(name, extra = {}, stock = 10_000) {
      const p = await store.call('catalog.create', { name, price: 1_000_00, ...extra });
      if (stock > 0) {
        await store.call('stock.move', {
          productId: p.id,
          locationId: salon.id,
          kind: 'entrada',
          qty: stock,
          reason: 'Compra',
        });
      }
      return p;
    },
    fail,
    sell: ({ key, ...input }) =>
      store.call('sales.commit', { idempotencyKey: key ?? newKey(), ...input }, cajero),
    async authorize(action, opts = {}) {
      const by = opts.by ?? 'encargada';
      const a = await store.call(
        'auth.authorize',
        {
          supervisorId: ids[by],
          pin: opts.pin ?? pins[by],
          action,
          ...(opts.details ? { details: opts.details } : {}),
        },
        cajero,
      );
      return a.id;
    },
    rows: (table, where = '1') =>
      (deps.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number })
        .n,
    stockAt: (productId, locationId = salon.id) =>
      (
        deps.db
          .prepare(
            'SELECT ifnull(sum(qty), 0) AS q FROM stock_movements WHERE product_id = ? AND location_id = ?',
          )
          .get(productId, locationId) as { q: number }
      ).q,
    close() {
      store.close();
      fs.rmSync(store.dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Two sales an hour apart: a mate paid in cash, then queso by weight with a bonificación and
 * two mates, paid by débito and fiado for Doña Rosa. The day the store's clock shows.
 */
export async function mateAndQuesoSales(s: SalesStore) {
  const mate = await s.product('Mate de calabaza', {
    price: 5_000_00,
    barcodes: ['7790001000011'],
  });
  const queso = await s.product('Queso', {
    price: 9_000_00,
    unit: 'kg',
    ivaRateBp: 1050,
    cost: 4_000_00,
  });
  const c = await s.call(
    'customers.create',
    { name: 'Doña Rosa', creditLimit: 100_000_00 },
    s.owner,
  );
  const a = await s.sell({
    lines: [{ productId: mate.id, qty: 1_000 }],
    payments: [{ tender: 'efectivo', amount: 5_000_00 }],
  });
  s.clock.advance(3_600_000);
  const b = await s.sell({
    lines: [
      { productId: queso.id, qty: 250, discountBp: 500 },
      { productId: mate.id, qty: 2_000 },
    ],
    payments: [
      { tender: 'debito', amount: 10_000_00 },
      { tender: 'cuenta_corriente', amount: 2_137_50 },
    ],
    customerId: c.id,
  });
  return { mate, queso, a, b };
}
