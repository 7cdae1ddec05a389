import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SystemStatus } from '../../../shared/contract/index.ts';
import { createCore, type Core } from '../app.ts';
import { tempDataDir } from '../testing/harness.ts';
import BetterSqlite3 from 'better-sqlite3';
import { CAJA_APPLICATION_ID, DB_FILE, openDatabase } from './open.ts';
import { MIGRATIONS } from './migrations/index.ts';

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
    const raw = new BetterSqlite3(path.join(dir, DB_FILE));
    raw.pragma('user_version = 999');
    raw.close();
    const s = await statusOf(open(dir, false));
    expect(s).toMatchObject({ state: 'error', code: 'DATA_TOO_NEW' });
  });
});

/** Every file in the folder with its bytes: what a refused open must leave exactly as it was. */
function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).sort()) {
    out[name] = fs.readFileSync(path.join(dir, name)).toString('base64');
  }
  return out;
}

/** A SQLite file written by someone else, in rollback-journal mode like most programs. */
function foreignDb(dir: string, setup: (db: BetterSqlite3.Database) => void): void {
  const raw = new BetterSqlite3(path.join(dir, DB_FILE));
  setup(raw);
  raw.close();
}

const pragmaOf = (dir: string, name: string): unknown => {
  const raw = new BetterSqlite3(path.join(dir, DB_FILE), { readonly: true });
  try {
    return raw.pragma(name, { simple: true });
  } finally {
    raw.close();
  }
};

async function expectRefused(dir: string, reason: RegExp): Promise<void> {
  const before = filesOf(dir);
  const core = open(dir);
  const s = await statusOf(core);
  expect(s).toMatchObject({ state: 'error', code: 'DATA_CORRUPT' });
  expect(s.state === 'error' && s.message).toMatch(reason);
  expect(s.state === 'error' && s.message).toMatch(/No se tocó nada/);
  core.close();
  expect(filesOf(dir)).toEqual(before);
}

describe('a new store is created only where there is none', () => {
  it("stamps a new database with Caja's application_id", async () => {
    const dir = tempDataDir();
    expect(await statusOf(open(dir))).toMatchObject({ state: 'ready', needsSetup: true });
    expect(pragmaOf(dir, 'application_id')).toBe(CAJA_APPLICATION_ID);
  });

  it('creates the data folder itself on a first run', async () => {
    const dir = path.join(tempDataDir(), 'Caja', 'datos');
    expect(await statusOf(open(dir))).toMatchObject({ state: 'ready', needsSetup: true });
    expect(fs.existsSync(path.join(dir, DB_FILE))).toBe(true);
  });

  it('refuses an empty (0-byte) caja.db instead of filling it', async () => {
    const dir = tempDataDir();
    fs.writeFileSync(path.join(dir, DB_FILE), '');
    await expectRefused(dir, /vacío \(0 bytes\)/);
  });

  it('refuses a WAL left without its database instead of starting a new store', async () => {
    const dir = tempDataDir();
    fs.writeFileSync(path.join(dir, `${DB_FILE}-wal`), Buffer.alloc(4128, 7));
    await expectRefused(dir, /caja\.db-wal sin su caja\.db/);
    expect(fs.existsSync(path.join(dir, DB_FILE))).toBe(false);
  });

  it('refuses a version-0 database that already holds tables', async () => {
    const dir = tempDataDir();
    foreignDb(dir, (db) =>
      db.exec("CREATE TABLE notas (texto TEXT); INSERT INTO notas VALUES ('hola')"),
    );
    await expectRefused(dir, /no tiene la versión de Caja/);
  });

  it("refuses another program's SQLite file by its application_id", async () => {
    const dir = tempDataDir();
    foreignDb(dir, (db) => {
      db.exec(
        'CREATE TABLE settings (k TEXT); CREATE TABLE users (n TEXT); CREATE TABLE audit_log (x)',
      );
      db.pragma('application_id = 1234');
      db.pragma('user_version = 2');
    });
    await expectRefused(dir, /otro programa \(application_id 1234\)/);
  });

  it("refuses an unstamped database at a Caja version without Caja's tables", async () => {
    const dir = tempDataDir();
    foreignDb(dir, (db) => {
      db.exec('CREATE TABLE clientes (nombre TEXT)');
      db.pragma('user_version = 1');
    });
    await expectRefused(dir, /base SQLite de otro programa, no de Caja/);
  });

  it('accepts a Caja database from before the stamp, and stamps it', async () => {
    const dir = tempDataDir();
    const first = open(dir);
    await first.invoke(
      'auth.setupOwner',
      { storeName: 'Kiosco', ownerName: 'Marta', pin: '2468' },
      SYSTEM,
    );
    first.close();
    foreignDb(dir, (db) => db.pragma('application_id = 0'));
    expect(await statusOf(open(dir))).toMatchObject({ state: 'ready', needsSetup: false });
    expect(pragmaOf(dir, 'application_id')).toBe(CAJA_APPLICATION_ID);
  });

  it('finishes a first run that stopped after the stamp (version 0, no tables)', async () => {
    const dir = tempDataDir();
    foreignDb(dir, (db) => db.pragma(`application_id = ${CAJA_APPLICATION_ID}`));
    expect(await statusOf(open(dir))).toMatchObject({ state: 'ready', needsSetup: true });
    expect(pragmaOf(dir, 'user_version')).toBe(MIGRATIONS.length);
  });

  it('leaves no half-made file behind when creating the store fails', () => {
    const dir = tempDataDir();
    const broken = [
      {
        version: 1,
        name: 'rota',
        up: () => {
          throw new Error('disco lleno');
        },
      },
    ];
    expect(() => openDatabase(dir, { migrations: broken })).toThrow();
    expect(fs.readdirSync(dir)).toEqual([]);
    openDatabase(dir, { migrations: MIGRATIONS }).close();
    expect(pragmaOf(dir, 'user_version')).toBe(MIGRATIONS.length);
  });
});
