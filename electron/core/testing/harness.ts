import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {
  AppErrorShape,
  AppEvent,
  ChannelName,
  InputOf,
  Location,
  OutputOf,
  Product,
  Result,
  Role,
} from '../../../shared/contract/index.ts';
import { sequentialIds } from '../../../shared/domain/uuid.ts';
import { createCore, type Core, type CoreOptions } from '../app.ts';
import type { Caller, Deps } from '../context.ts';

/** A fixed clock tests can move forward. */
export function testClock(start = Date.UTC(2026, 2, 10, 13, 0, 0)): {
  now: () => number;
  advance(ms: number): void;
} {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

/** A clock that moves `stepMs` forward at every reading, so each write gets its own time. */
export function tickingClock(start: number, stepMs = 1000): () => number {
  let t = start;
  return () => (t += stepMs);
}

export function tempDataDir(prefix = 'caja-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export type TestStore = {
  core: Core;
  dataDir: string;
  clock: ReturnType<typeof testClock>;
  system: Caller;
  call<C extends ChannelName>(channel: C, input: InputOf<C>, caller?: Caller): Promise<OutputOf<C>>;
  attempt<C extends ChannelName>(
    channel: C,
    input: InputOf<C>,
    caller?: Caller,
  ): Promise<Result<OutputOf<C>>>;
  /** A new transport session logged in as the given user. */
  loginAs(userId: string, pin: string): Promise<Caller>;
  close(): void;
};

/** A real store on a fresh SQLite file, with a fixed clock and deterministic ids. */
export function openTestStore(opts: Partial<CoreOptions> & { owner?: boolean } = {}): TestStore {
  const dataDir = opts.dataDir ?? tempDataDir();
  const clock = testClock();
  const core = createCore({
    dataDir,
    instanceLock: false,
    now: clock.now,
    newId: sequentialIds(clock.now()),
    ...opts,
  });
  const system: Caller = { kind: 'system', label: 'test' };
  const attempt = async <C extends ChannelName>(
    channel: C,
    input: InputOf<C>,
    caller: Caller = system,
  ) => (await core.invoke(channel, input, caller)) as Result<OutputOf<C>>;
  const call = async <C extends ChannelName>(
    channel: C,
    input: InputOf<C>,
    caller: Caller = system,
  ) => {
    const r = await attempt(channel, input, caller);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  return {
    core,
    dataDir,
    clock,
    system,
    call,
    attempt,
    async loginAs(userId, pin) {
      const caller: Caller = { kind: 'session', sessionId: core.createSession() };
      await call('auth.login', { userId, pin }, caller);
      return caller;
    },
    close: () => core.close(),
  };
}

/** A store with its owner (PIN 1234) created, as after the first-run screen. */
export async function openStoreWithOwner(
  opts: Partial<CoreOptions> = {},
  owner: { storeName: string; ownerName: string } = {
    storeName: 'Almacén Don Pepe',
    ownerName: 'Marta',
  },
): Promise<TestStore & { ownerId: string }> {
  const store = openTestStore(opts);
  const session = await store.call('auth.setupOwner', { ...owner, pin: '1234' });
  return { ...store, ownerId: session.user?.id ?? '' };
}

/**
 * A store as an owner leaves it after the first run: Salón and Depósito, the events it emitted,
 * and helpers for products, users with a role, refused calls and row counts.
 */
export type ShopStore = TestStore & {
  ownerId: string;
  deps: Deps;
  salon: Location;
  deposito: Location;
  events: AppEvent[];
  fail<C extends ChannelName>(
    channel: C,
    input: InputOf<C>,
    caller?: Caller,
  ): Promise<AppErrorShape>;
  product(name: string, extra?: Partial<InputOf<'catalog.create'>>): Promise<Product>;
  /** A logged-in session for a new user with that role (PIN 4321). */
  login(name: string, role: Role): Promise<Caller>;
  /** Rows in a table, to prove a refused command wrote nothing. */
  rows(table: string): number;
};

export async function openShopStore(opts: Partial<CoreOptions> = {}): Promise<ShopStore> {
  // Its own owner name: these stores' tests create a «Marta» of their own.
  const store = await openStoreWithOwner(opts, { storeName: 'Almacén Test', ownerName: 'Dueña' });
  const events: AppEvent[] = [];
  store.core.subscribe((e) => events.push(e));
  const deps = store.core.deps();
  const locations = await store.call('stock.locations', {});
  const salon = locations.find((l) => l.name === 'Salón');
  const deposito = locations.find((l) => l.name === 'Depósito');
  if (!deps || !salon || !deposito) throw new Error('la tienda no quedó lista');
  const close = store.close;
  return {
    ...store,
    deps,
    salon,
    deposito,
    events,
    async fail(channel, input, caller = store.system) {
      const r = await store.attempt(channel, input, caller);
      if (r.ok) throw new Error(`${channel} tendría que haber fallado`);
      return r.error;
    },
    product: (name, extra = {}) => store.call('catalog.create', { name, price: 100_00, ...extra }),
    async login(name, role) {
      const user = await store.call('users.create', { name, role, pin: '4321' });
      return store.loginAs(user.id, '4321');
    },
    rows: (table) =>
      (deps.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    close() {
      close();
      fs.rmSync(store.dataDir, { recursive: true, force: true });
    },
  };
}
