import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Product } from '../../../shared/contract/index.ts';
import { uuidv7 } from '../../../shared/domain/uuid.ts';
import { createCore } from '../app.ts';
import { tempDataDir } from '../testing/harness.ts';
import { openSalesStore } from './test-support.ts';

/**
 * The host is killed with SIGKILL in the middle of a burst of sales. Every sale whose response
 * said ok must be there whole after the restart, nothing may be half written, and the stock and
 * the audit chain must still add up.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const HOST = path.join(ROOT, 'electron', 'host', 'index.ts');
const children: ChildProcess[] = [];
const running = (c: ChildProcess): boolean => c.exitCode === null && c.signalCode === null;
afterAll(() => {
  for (const c of children) if (running(c)) c.kill('SIGKILL');
});

function exited(c: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (!running(c)) resolve();
    else c.once('exit', () => resolve());
  });
}

async function startHost(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [HOST, '--data', dataDir, '--port', '0'], {
    env: { ...process.env, CAJA_LOG: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}`)), 10_000);
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString('utf8');
      const m = /Caja lista en (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr?.on('data', (b: Buffer) => (out += b.toString('utf8')));
    child.on('exit', (code) => reject(new Error(`host exited ${code}: ${out}`)));
  });
  return { child, url };
}

type Client = (channel: string, input: unknown) => Promise<{ ok: boolean; value?: unknown }>;

async function login(url: string, userId: string, pin: string): Promise<Client> {
  let cookie = '';
  const client: Client = async (channel, input) => {
    const res = await fetch(`${url}/api/invoke/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(input),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0] ?? '';
    return (await res.json()) as { ok: boolean; value?: unknown };
  };
  const r = await client('auth.login', { userId, pin });
  if (!r.ok) throw new Error(`login failed: ${JSON.stringify(r)}`);
  return client;
}

describe('a host killed during a burst of sales', () => {
  it('keeps every acknowledged sale whole, none half written, stock and audit consistent', async () => {
    const dataDir = tempDataDir('caja-crash-');
    const prep = await openSalesStore({ dataDir, now: Date.now, newId: () => uuidv7() });
    const products: Product[] = [];
    for (let i = 0; i < 8; i++) {
      products.push(await prep.product(`Producto ${i}`, { price: (i + 1) * 100_00 }, 1_000_000));
    }
    const cajeroId = prep.cajeroId;
    const ownerId = prep.ownerId;
    prep.core.close();

    const { child, url } = await startHost(dataDir);
    const call = await login(url, cajeroId, '1111');
    const acked: { key: string; id: string; lines: number }[] = [];
    let killed = false;
    const worker = async (w: number): Promise<void> => {
      for (let n = 0; !killed; n++) {
        const count = 1 + ((w + n) % 4);
        const lines = Array.from({ length: count }, (_, i) => {
          const p = products[(w + n + i) % products.length];
          return { productId: p?.id ?? '', qty: 1_000 * (1 + (i % 3)) };
        });
        const total = lines.reduce((sum, l) => {
          const p = products.find((x) => x.id === l.productId);
          return sum + ((p?.price ?? 0) * l.qty) / 1000;
        }, 0);
        const key = `crash-${w}-${n}`;
        try {
          const r = await call('sales.commit', {
            idempotencyKey: key,
            lines,
            payments: [{ tender: 'efectivo', amount: total }],
          });
          if (!r.ok) throw new Error(`sale refused: ${JSON.stringify(r)}`);
          acked.push({ key, id: (r.value as { id: string }).id, lines: count });
        } catch (err) {
          if (killed) return;
          throw err;
        }
      }
    };
    let failure: unknown = null;
    const workers = Array.from({ length: 8 }, (_, w) =>
      worker(w).catch((err: unknown) => {
        failure ??= err;
      }),
    );
    while (acked.length < 200 && failure === null) await new Promise((r) => setTimeout(r, 5));
    if (failure !== null) throw failure;
    killed = true;
    child.kill('SIGKILL');
    await Promise.allSettled(workers);
    await exited(child);

    // The restarted host answers, and its own checks pass.
    const again = await startHost(dataDir);
    const owner = await login(again.url, ownerId, '1234');
    expect((await owner('stock.check', {})).value).toMatchObject({ ok: true });
    expect((await owner('audit.verify', {})).value).toMatchObject({ ok: true });
    again.child.kill('SIGTERM');
    await exited(again.child);

    const core = createCore({ dataDir, instanceLock: false });
    const db = core.deps()?.db;
    if (!db) throw new Error('store did not reopen');
    try {
      const byKey = db.prepare<[string], { id: string; lines: number; payments: number }>(
        `SELECT s.id, (SELECT count(*) FROM sale_lines l WHERE l.sale_id = s.id) AS lines,
           (SELECT count(*) FROM sale_payments p WHERE p.sale_id = s.id) AS payments
         FROM sales s WHERE s.idempotency_key = ?`,
      );
      for (const a of acked) {
        expect(byKey.get(a.key)).toEqual({ id: a.id, lines: a.lines, payments: 1 });
      }
      const n = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
      expect(n('SELECT count(*) AS n FROM sales')).toBeGreaterThanOrEqual(acked.length);
      expect(
        n(`SELECT count(*) AS n FROM sales s
           WHERE NOT EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id)
              OR NOT EXISTS (SELECT 1 FROM sale_payments p WHERE p.sale_id = s.id)`),
      ).toBe(0);
      expect(
        n(`SELECT count(*) AS n FROM stock_movements m WHERE m.kind = 'venta'
           AND NOT EXISTS (SELECT 1 FROM sales s WHERE m.reference = 'Ticket ' || s.number)`),
      ).toBe(0);
      expect(
        n(`SELECT count(*) AS n FROM sale_lines l JOIN sales s ON s.id = l.sale_id
           WHERE NOT EXISTS (SELECT 1 FROM stock_movements m
             WHERE m.reference = 'Ticket ' || s.number AND m.product_id = l.product_id)`),
      ).toBe(0);
      const sys = { kind: 'system', label: 'test' } as const;
      expect(await core.invoke('stock.check', {}, sys)).toMatchObject({ value: { ok: true } });
      expect(await core.invoke('audit.verify', {}, sys)).toMatchObject({ value: { ok: true } });
    } finally {
      core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
