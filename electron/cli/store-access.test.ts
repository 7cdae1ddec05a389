import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_ENTRY } from './test-support.ts';
import { createCore, type Core } from '../core/app.ts';
import { openShopStore, tempDataDir } from '../core/testing/harness.ts';

/** The CLI as an owner runs it: no test-only variables, so its logging is what they would see. */
function cli(dataDir: string, args: string[], env: Record<string, string> = {}) {
  const base = { ...process.env };
  delete base.VITEST;
  delete base.CAJA_LOG;
  const r = spawnSync(process.execPath, [CLI_ENTRY, '--data', dataDir, ...args], {
    encoding: 'utf8',
    env: { ...base, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const cores: Core[] = [];
const dirs: string[] = [];
afterEach(() => {
  while (cores.length) cores.pop()?.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function initialised(): string {
  const dir = tempDataDir();
  dirs.push(dir);
  expect(cli(dir, ['init', '--owner', 'Marta', '--pin', '2468']).code).toBe(0);
  return dir;
}

/** The app with the store open: it holds caja.lock, as the window or `npm run serve` do. */
function appOpen(dir: string): Core {
  const core = createCore({ dataDir: dir });
  cores.push(core);
  expect(core.deps()).not.toBeNull();
  return core;
}

describe('the command line and the running app', () => {
  it('refuses a command that writes while the app holds the store, with exit 3', () => {
    const dir = initialised();
    const app = appOpen(dir);
    const add = ['users', 'add', '--name', 'Lucía', '--role', 'cajero', '--pin', '1111'];
    const r = cli(dir, add);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/Caja ya está abierta con estos datos/);
    expect(r.err).toMatch(/Este comando modifica datos/);
    const json = cli(dir, ['--json', ...add]);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, error: { code: 'DATA_LOCKED' } });
    app.close();
    expect(cli(dir, add).code).toBe(0);
  });

  it('runs read-only commands beside the app', () => {
    const dir = initialised();
    appOpen(dir);
    const users = cli(dir, ['--json', 'users', 'list']);
    expect(users.code).toBe(0);
    expect(JSON.parse(users.out)).toEqual([expect.objectContaining({ name: 'Marta' })]);
    expect(cli(dir, ['audit', 'verify']).out).toMatch(/íntegra/);
  });

  it('says the database is busy, with exit 3, when another program holds its write lock', () => {
    const dir = initialised();
    const other = new BetterSqlite3(path.join(dir, 'caja.db'));
    try {
      other.exec('BEGIN IMMEDIATE');
      const r = cli(dir, [
        '--json',
        'users',
        'add',
        '--name',
        'Lucía',
        '--role',
        'cajero',
        '--pin',
        '1111',
      ]);
      expect(r.code).toBe(3);
      expect(JSON.parse(r.out)).toMatchObject({
        ok: false,
        error: { code: 'BUSY', message: expect.stringMatching(/ocupada/) },
      });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });
});

describe('errors and logging for scripts', () => {
  it('prints every error as {ok:false,error} on stdout with --json, keeping the exit codes', () => {
    const dir = initialised();
    const bad = cli(dir, [
      '--json',
      'users',
      'add',
      '--name',
      'Pepe',
      '--role',
      'jefe',
      '--pin',
      '1',
    ]);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^Uso: users add/) },
    });
    const refused = cli(dir, ['--json', 'init', '--owner', 'Otro', '--pin', '1111']);
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.out)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const unknown = cli(dir, ['--json', 'vender', 'todo']);
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.out)).toMatchObject({ error: { code: 'UNKNOWN_COMMAND' } });
    const option = cli(dir, ['--json', 'audit', 'verify', '--rapido']);
    expect(option.code).toBe(2);
    expect(JSON.parse(option.out)).toMatchObject({
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^Opción desconocida/) },
    });
  });

  it('keeps the core log off stderr unless --verbose, and opens a damaged folder once', () => {
    const dir = tempDataDir();
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, 'caja.db'), Buffer.alloc(4096, 1));
    const plain = cli(dir, ['--json', 'audit', 'verify']);
    expect(plain.code).toBe(3);
    expect(JSON.parse(plain.out)).toMatchObject({ ok: false, error: { code: 'DATA_CORRUPT' } });
    expect(plain.err).toBe('');
    const verbose = cli(dir, ['--verbose', 'audit', 'verify']);
    expect(verbose.code).toBe(3);
    expect(verbose.err.match(/data folder unusable/g)).toHaveLength(1);
  });
});

describe('stock for people', () => {
  it('names products and formats quantities in stock check, and shows Buenos Aires times', async () => {
    const s = await openShopStore();
    const p = await s.product('Azúcar Ledesma 1 kg', { barcodes: ['7792540250450'] });
    await s.call('stock.move', {
      productId: p.id,
      locationId: s.deposito.id,
      kind: 'entrada',
      qty: 29_000,
      reason: 'Compra',
    });
    s.deps.db.prepare('UPDATE stock_levels SET qty = 28500 WHERE product_id = ?').run(p.id);
    s.core.close();
    dirs.push(s.dataDir);

    const check = cli(s.dataDir, ['stock', 'check']);
    expect(check.code).toBe(1);
    expect(check.out).toContain(
      '«Azúcar Ledesma 1 kg» (código 7792540250450) en Depósito: guardado 28,5 u, según movimientos 29 u',
    );
    // The test clock is 2026-03-10 13:00 UTC: 10:00 in Buenos Aires, wherever the PC is.
    const show = cli(s.dataDir, ['stock', 'show', '7792540250450'], { TZ: 'Asia/Tokyo' });
    expect(show.code).toBe(0);
    expect(show.out).toMatch(/10\/03\/2026 10:00\s+entrada\s+Depósito\s+29 u/);
  });
});
