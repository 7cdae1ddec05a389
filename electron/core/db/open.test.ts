import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SystemStatus } from '../../../shared/contract/index.ts';
import { createCore, type Core } from '../app.ts';
import { tempDataDir } from '../testing/harness.ts';
import { DB_FILE } from './open.ts';

const SYSTEM = { kind: 'system', label: 'test' } as const;
const opened: Core[] = [];
afterEach(() => {
  while (opened.length) opened.pop()?.close();
});

async function statusOf(core: Core): Promise<SystemStatus> {
  const r = await core.invoke('system.status', {}, SYSTEM);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as SystemStatus;
}

function open(dataDir: string, instanceLock = true): Core {
  const core = createCore({ dataDir, instanceLock });
  opened.push(core);
  return core;
}

describe('an unusable data folder shows the recovery state, never a crash or an empty store', () => {
  it('a corrupt database file is reported and left untouched', async () => {
    const dir = tempDataDir();
    const garbage = Buffer.from('esto no es una base de datos '.repeat(400));
    fs.writeFileSync(path.join(dir, DB_FILE), garbage);
    const core = open(dir);
    const s = await statusOf(core);
    expect(s).toMatchObject({ state: 'error', code: 'DATA_CORRUPT' });
    expect(s.state === 'error' && s.message).toMatch(/dañada/);
    expect(fs.readFileSync(path.join(dir, DB_FILE)).equals(garbage)).toBe(true);
    const other = await core.invoke('catalog.search', {}, SYSTEM);
    expect(other).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });

  it('a data path that is a file, not a folder, is unreadable', async () => {
    const file = path.join(tempDataDir(), 'no-soy-carpeta');
    fs.writeFileSync(file, 'x');
    const s = await statusOf(open(file));
    expect(s).toMatchObject({ state: 'error', code: 'DATA_UNREADABLE' });
  });

  it('a folder held by another running app is locked; retrying after it closes works', async () => {
    const dir = tempDataDir();
    const first = open(dir);
    expect(await statusOf(first)).toMatchObject({ state: 'ready' });
    // The lock records the holder's pid: make it another live process's.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], {
      stdio: 'ignore',
    });
    try {
      const lockFile = path.join(dir, 'caja.lock');
      fs.writeFileSync(
        lockFile,
        JSON.stringify({ pid: holder.pid, host: os.hostname(), at: Date.now() }),
      );
      const second = open(dir);
      const s = await statusOf(second);
      expect(s).toMatchObject({ state: 'error', code: 'DATA_LOCKED' });
      holder.kill('SIGKILL');
      await new Promise((r) => holder.once('exit', r));
      // "Reintentar" asks for the status again; the stale lock is taken over.
      expect(await statusOf(second)).toMatchObject({ state: 'ready', needsSetup: true });
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('a database from a newer version is refused with its own code', async () => {
    const dir = tempDataDir();
    open(dir, false).close();
    const BetterSqlite3 = (await import('better-sqlite3')).default;
    const raw = new BetterSqlite3(path.join(dir, DB_FILE));
    raw.pragma('user_version = 999');
    raw.close();
    const s = await statusOf(open(dir, false));
    expect(s).toMatchObject({ state: 'error', code: 'DATA_TOO_NEW' });
  });
});
