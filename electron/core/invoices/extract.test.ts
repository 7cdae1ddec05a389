import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openShopStore, type ShopStore } from '../testing/harness.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const base64 = (name: string): string =>
  fs.readFileSync(path.join(FIXTURES, name)).toString('base64');

// The store as the app runs it: the default reader (worker threads, real Tesseract).
let s: ShopStore;
beforeAll(async () => {
  s = await openShopStore();
});
afterAll(() => s.close());

const filesOnDisk = (): number => {
  const dir = path.join(s.dataDir, 'files');
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir).reduce((n, sub) => n + fs.readdirSync(path.join(dir, sub)).length, 0);
};

describe('invoices.extract through the real reader', { timeout: 120_000 }, () => {
  it('refuses a damaged or protected file in Spanish and leaves nothing behind', async () => {
    const audit = s.rows('audit_log');
    for (const [name, message] of [
      ['corrupta.pdf', /dañado/],
      ['con-clave.pdf', /contraseña/],
      ['sin-factura.png', /No encontramos una factura/],
    ] as const) {
      const error = await s.fail('invoices.extract', {
        fileName: name,
        contentBase64: base64(name),
        jobId: `bad-${name}`,
      });
      expect(error.message).toMatch(message);
    }
    expect(s.rows('invoices')).toBe(0);
    expect(s.rows('files')).toBe(0);
    expect(filesOnDisk()).toBe(0);
    expect(s.rows('audit_log')).toBe(audit);
  });

  it('reads a text PDF into a draft, reporting page progress, with its file and page kept', async () => {
    const before = s.events.length;
    const draft = await s.call('invoices.extract', {
      fileName: 'factura-a.pdf',
      contentBase64: base64('factura-a.pdf'),
      jobId: 'good',
    });
    expect(draft.status).toBe('borrador');
    expect(draft.lines.length).toBeGreaterThan(0);
    expect(draft.checks.filter((c) => !c.ok)).toEqual([]);
    const progress = s.events.slice(before).filter((e) => e.type === 'jobs.progress');
    expect(progress.length).toBeGreaterThan(0);
    const page = await s.call('invoices.page', { id: draft.id, page: 0 });
    expect(Buffer.from(page.contentBase64, 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect(filesOnDisk()).toBe(2);
  });
});
