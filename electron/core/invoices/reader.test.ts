import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { toBatchJson } from './batch-json.ts';
import { f1, scoreHeader, scoreItems, type Json } from './score.ts';
import { createInvoiceReader } from './reader.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const file = (name: string): Buffer => fs.readFileSync(path.join(FIXTURES, name));
const truth = (name: string): Json =>
  JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as Json;

// One real reader (worker thread + Tesseract with the bundled Spanish data) for the whole file.
const reader = createInvoiceReader({ workers: 1 });
afterAll(() => reader.close());

let job = 0;
const read = (name: string, bytes: Buffer = file(name)) =>
  reader.read(bytes, name, { jobId: `t${++job}` });

describe(
  'reading supplier invoices (real PDF text, QR and Tesseract)',
  { timeout: 120_000 },
  () => {
    it('reads a text PDF exactly: every header field and every line', async () => {
      const pages: number[] = [];
      const { extraction, images } = await reader.read(file('factura-a.pdf'), 'factura-a.pdf', {
        jobId: 'pdf',
        onProgress: (done) => pages.push(done),
      });
      expect(extraction.pages).toHaveLength(1);
      expect(extraction.pages[0]?.source).toBe('pdf');
      expect(images[0]?.png.subarray(1, 4).toString()).toBe('PNG');
      expect(pages).toContain(1);
      const got = toBatchJson(extraction);
      const want = truth('factura-a.truth.json');
      const header = scoreHeader(got, want);
      expect(header.misses).toEqual([]);
      const items = scoreItems(got, want);
      expect(f1(items.matched, items.predicted, items.expected)).toBe(1);
      expect(extraction.checks.filter((c) => !c.ok)).toEqual([]);
      // The boxes point at the page: the total sits in the lower half.
      expect(extraction.fields.total?.boxes[0]?.y).toBeGreaterThan(0.5);
    });

    it('decodes the AFIP QR of a scanned invoice and its data wins for the header', async () => {
      const { extraction } = await read('factura-a-qr.png');
      const want = truth('factura-a-qr.truth.json');
      expect(extraction.qr).toMatchObject({
        cuit: Number(want.issuer && (want.issuer as Json).cuit),
      });
      expect(extraction.fields.total?.source).toBe('qr');
      expect(extraction.checks.find((c) => c.code === 'qr')?.ok).toBe(true);
      const got = toBatchJson(extraction);
      expect(scoreHeader(got, want).misses).toEqual([]);
      const items = scoreItems(got, want);
      expect(items.matched).toBeGreaterThanOrEqual(items.expected - 1);
    });

    it('straightens and reads a degraded phone-like JPEG well enough to check it', async () => {
      const { extraction } = await read('factura-b.jpg');
      const got = toBatchJson(extraction);
      const want = truth('factura-b.truth.json');
      expect(got.total).toBe(want.total);
      expect((got.issuer as Json).cuit).toBe((want.issuer as Json).cuit);
      expect(got.number).toBe(want.number);
      const h = scoreHeader(got, want);
      expect(h.correct / h.total).toBeGreaterThanOrEqual(0.85);
    });

    it('renders a scanned PDF (no text layer) and recognises it', async () => {
      const { extraction } = await read('escaneada.pdf');
      expect(extraction.pages[0]?.source).toBe('ocr');
      const got = toBatchJson(extraction);
      const want = truth('escaneada.truth.json');
      expect(got.total).toBe(want.total);
      const items = scoreItems(got, want);
      expect(f1(items.matched, items.predicted, items.expected)).toBeGreaterThanOrEqual(0.8);
    });

    it('refuses bad files in Spanish and keeps reading the next one', async () => {
      const cases: [string, Buffer, RegExp][] = [
        ['corrupta.pdf', file('corrupta.pdf'), /dañado/],
        ['con-clave.pdf', file('con-clave.pdf'), /contraseña/],
        ['cuarenta-paginas.pdf', file('cuarenta-paginas.pdf'), /40 páginas/],
        ['sin-factura.png', file('sin-factura.png'), /No encontramos una factura/],
        [
          'foto.jpg',
          Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(60 * 1024 * 1024)]),
          /pesa 60 MB/,
        ],
        ['notas.txt', Buffer.from('lista de precios'), /no es una imagen/],
        ['rota.png', Buffer.concat([file('sin-factura.png').subarray(0, 200)]), /dañada/],
      ];
      for (const [name, bytes, message] of cases) {
        await expect(read(name, bytes), name).rejects.toThrow(message);
      }
      const { extraction } = await read('factura-a.pdf');
      expect(extraction.data.total).toBeGreaterThan(0);
    });

    it('cancels a file being read and the pool reads the next one', async () => {
      const pending = reader.read(file('factura-b.jpg'), 'factura-b.jpg', { jobId: 'cancel-me' });
      const queued = reader.read(file('factura-a.pdf'), 'factura-a.pdf', { jobId: 'after' });
      expect(reader.cancel('cancel-me')).toBe(true);
      await expect(pending).rejects.toThrow(/cancelada/);
      expect(reader.cancel('nobody')).toBe(false);
      const { extraction } = await queued;
      expect(extraction.pages[0]?.source).toBe('pdf');
    });

    it('stops a page that takes longer than the limit, with a clear message', async () => {
      const slow = createInvoiceReader({ workers: 1, pageTimeoutMs: 1 });
      try {
        await expect(
          slow.read(file('factura-b.jpg'), 'factura-b.jpg', { jobId: 'slow' }),
        ).rejects.toThrow(/tardó más de/);
      } finally {
        await slow.close();
      }
    });
  },
);
