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
import { encodeWindows1252 } from '../../../shared/domain/csv.ts';
import { IVA_RATES_BP } from '../../../shared/domain/money.ts';
import { sequentialIds } from '../../../shared/domain/uuid.ts';
import { createCore, type Core } from '../app.ts';
import type { Caller, Deps } from '../context.ts';

export const SYSTEM: Caller = { kind: 'system', label: 'test' };
/** 2025-03-10 10:00 in Buenos Aires: the middle of the day in any time zone a test runs in. */
export const START = Date.UTC(2025, 2, 10, 13, 0, 0);

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
  login(name: string, role: Role): Promise<Caller>;
  count(table: string): number;
  close(): void;
};

/** A fresh store on a real SQLite file, set up by its owner, with a clock that ticks 1 s a read. */
export async function openStore(): Promise<Store> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caja-catalog-'));
  let t = START;
  const core = createCore({
    dataDir,
    instanceLock: false,
    now: () => (t += 1000),
    newId: sequentialIds(START),
  });
  const events: AppEvent[] = [];
  core.subscribe((e) => events.push(e));

  const call = async <C extends ChannelName>(
    channel: C,
    input: InputOf<C>,
    caller: Caller = SYSTEM,
  ) => {
    const r = await core.invoke(channel, input, caller);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as OutputOf<C>;
  };
  const fail = async <C extends ChannelName>(
    channel: C,
    input: InputOf<C>,
    caller: Caller = SYSTEM,
  ) => {
    const r = await core.invoke(channel, input, caller);
    if (r.ok) throw new Error(`${channel} tendría que haber fallado`);
    return r.error;
  };

  const owner = core.createSession();
  await call(
    'auth.setupOwner',
    { storeName: 'Almacén Test', ownerName: 'Dueña', pin: '1234' },
    { kind: 'session', sessionId: owner },
  );
  const locations = await call('stock.locations', {});
  const salon = locations.find((l) => l.name === 'Salón');
  const deposito = locations.find((l) => l.name === 'Depósito');
  const deps = core.deps();
  if (!salon || !deposito || !deps) throw new Error('la tienda no quedó lista');

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
      const caller: Caller = { kind: 'session', sessionId: core.createSession() };
      await call('auth.login', { userId: user.id, pin: '4321' }, caller);
      return caller;
    },
    count: (table) =>
      (deps.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    close() {
      core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The whole edit form for a product, as the renderer sends it to catalog.update. */
export function editable(p: Product): InputOf<'catalog.create'> {
  return {
    name: p.name,
    brand: p.brand,
    sku: p.sku,
    plu: p.plu,
    categoryId: p.categoryId,
    unit: p.unit,
    ivaRateBp: IVA_RATES_BP.find((r) => r === p.ivaRateBp) ?? 2100,
    cost: p.cost,
    price: p.price,
    minStock: p.minStock,
    maxStock: p.maxStock,
    supplierCuit: p.supplierCuit,
    active: p.active,
    barcodes: p.barcodes,
  };
}

/** A CSV file as the import channel receives it. */
export function csvFile(
  text: string,
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252' = 'utf-8',
): string {
  if (encoding === 'windows-1252') return Buffer.from(encodeWindows1252(text)).toString('base64');
  return Buffer.from(encoding === 'utf-8-bom' ? `\uFEFF${text}` : text, 'utf8').toString('base64');
}
