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
  Role,
} from '../../../shared/contract/index.ts';
import { sequentialIds } from '../../../shared/domain/uuid.ts';
import { createCore, type Core } from '../app.ts';
import type { Caller, Deps } from '../context.ts';

/** A fresh store on a real SQLite file, with a clock that moves one second per reading. */

export const SYSTEM: Caller = { kind: 'system', label: 'test' };

export type Store = {
  core: Core;
  deps: Deps;
  salon: Location;
  deposito: Location;
  events: AppEvent[];
  call<C extends ChannelName>(channel: C, input: InputOf<C>, caller?: Caller): Promise<OutputOf<C>>;
  fail<C extends ChannelName>(
    channel: C,
    input: InputOf<C>,
    caller?: Caller,
  ): Promise<AppErrorShape>;
  product(name: string, extra?: Partial<InputOf<'catalog.create'>>): Promise<Product>;
  /** A logged-in session for a new user with that role. */
  login(name: string, role: Role): Promise<Caller>;
  /** Rows in a table, to prove a refused command wrote nothing. */
  rows(table: string): number;
  close(): void;
};

export const START = Date.UTC(2025, 2, 10, 13, 0, 0);

export async function openStore(): Promise<Store> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caja-'));
  let t = START;
  const core = createCore({
    dataDir,
    instanceLock: false,
    now: () => (t += 1000),
    newId: sequentialIds(START),
  });
  const events: AppEvent[] = [];
  core.subscribe((e) => events.push(e));

  async function call<C extends ChannelName>(
    channel: C,
    input: InputOf<C>,
    caller: Caller = SYSTEM,
  ): Promise<OutputOf<C>> {
    const r = await core.invoke(channel, input, caller);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as OutputOf<C>;
  }
  async function fail<C extends ChannelName>(
    channel: C,
    input: InputOf<C>,
    caller: Caller = SYSTEM,
  ): Promise<AppErrorShape> {
    const r = await core.invoke(channel, input, caller);
    if (r.ok) throw new Error(`${channel} should have failed`);
    return r.error;
  }

  await call('auth.setupOwner', { storeName: 'Almacén Test', ownerName: 'Dueña', pin: '1234' });
  const locations = await call('stock.locations', {});
  const salon = locations.find((l) => l.name === 'Salón');
  const deposito = locations.find((l) => l.name === 'Depósito');
  if (!salon || !deposito) throw new Error('default locations missing');
  const deps = core.deps();
  if (!deps) throw new Error('store did not open');

  return {
    core,
    deps,
    salon,
    deposito,
    events,
    call,
    fail,
    product: (name, extra = {}) => call('catalog.create', { name, price: 100_00, ...extra }),
    async login(name, role) {
      const user = await call('users.create', { name, role, pin: '4321' });
      const sessionId = core.createSession();
      const caller: Caller = { kind: 'session', sessionId };
      await call('auth.login', { userId: user.id, pin: '4321' }, caller);
      return caller;
    },
    rows: (table) =>
      (deps.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    close() {
      core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
