import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChannelName, InputOf, OutputOf, Result } from '../../../shared/contract/index.ts';
import { sequentialIds } from '../../../shared/domain/uuid.ts';
import { createCore, type Core, type CoreOptions } from '../app.ts';
import type { Caller } from '../context.ts';

/** A fixed clock tests can move forward. */
export function testClock(start = Date.UTC(2026, 2, 10, 13, 0, 0)): {
  now: () => number;
  advance(ms: number): void;
} {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
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
): Promise<TestStore & { ownerId: string }> {
  const store = openTestStore(opts);
  const session = await store.call('auth.setupOwner', {
    storeName: 'Almacén Don Pepe',
    ownerName: 'Marta',
    pin: '1234',
  });
  return { ...store, ownerId: session.user?.id ?? '' };
}
