import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Product } from '../../../shared/contract/index.ts';
import { AppError } from '../errors.ts';
import { readFile } from './files.ts';
import {
  addYerba,
  invoiceData,
  item,
  openInvoiceStore,
  readResult,
  SOL,
  type InvoiceStore,
} from './test-support.ts';

let s: InvoiceStore;
let yerba: Product;
let galletitas: Product;
let coca15: Product;
let coca225: Product;

beforeEach(async () => {
  s = await openInvoiceStore();
  yerba = await addYerba(s);
  galletitas = await s.product('Galletitas Surtidas Bagley', { barcodes: ['7790040000018'] });
  coca15 = await s.product('Coca-Cola 1,5 L', { brand: 'Coca-Cola' });
  coca225 = await s.product('Coca-Cola 2,25 L', { brand: 'Coca-Cola' });
});
afterEach(() => s.close());

describe('invoices.extract', () => {
  it('reads a file into a draft with its lines matched, the file and pages kept', async () => {
    const data = invoiceData({
      items: [
        item('YERBA PLAYADITO 1KG', {
          code: '7790387000016',
          quantity: 10_000,
          unitPrice: 1_600_00,
        }),
        item('GALLETITAS SURTIDAS x12 7790040000018', {
          code: 'G-77',
          quantity: 2_000,
          unitPrice: 12_000_00,
        }),
        item('GASEOSA COCA COLA 6x1,5L', { code: 'CC15', quantity: 3_000, unitPrice: 9_000_00 }),
        item('Fernet Branca 750 ml', { quantity: 1_000, unitPrice: 9_000_00 }),
      ],
    });
    s.events.length = 0;
    const draft = await s.extract(data, undefined, 'el-sol-0003-12345.pdf');

    expect(draft).toMatchObject({
      status: 'borrador',
      kind: 'factura',
      letter: 'A',
      pointOfSale: 3,
      number: 12_345,
      date: '2025-03-08',
      issuerCuit: SOL.cuit,
      issuerName: SOL.name,
      fileName: 'el-sol-0003-12345.pdf',
      lineCount: 4,
      locationId: null,
      appliedAt: null,
      supplier: null,
    });
    expect(draft.data.afipCode).toBe(1);
    const [l0, l1, l2, l3] = draft.lines;
    // By barcode in the code column, and by a barcode inside the description.
    expect(l0).toMatchObject({ productId: yerba.id, packUnits: 1, unitCost: 1_600_00 });
    expect(l0?.candidates[0]).toMatchObject({ productId: yerba.id, by: 'barcode', score: 1 });
    expect(l1).toMatchObject({ productId: galletitas.id, packUnits: 12, unitCost: 1_000_00 });
    expect(l1?.candidates[0]?.by).toBe('barcode');
    // By words: the 1,5 L bottle, ahead of the 2,25 L one by its size.
    expect(l2?.productId).toBe(coca15.id);
    expect(l2?.packUnits).toBe(6);
    expect(l2?.unitCost).toBe(1_500_00);
    expect(l2?.candidates.map((c) => [c.productId, c.by])).toEqual([
      [coca15.id, 'words'],
      [coca225.id, 'words'],
    ]);
    expect(l2?.candidates[0]?.score).toBeGreaterThanOrEqual(0.8);
    // Nothing like it in the catalog: no product, no candidates, a cost still worked out.
    expect(l3).toMatchObject({ productId: null, candidates: [], packUnits: 1, unitCost: 9_000_00 });

    // The file and the page image are kept by content; the page is served back.
    expect(readFile(s.dataDir, draft.fileSha).toString()).toContain('%PDF');
    expect(s.rows('files')).toBe(2);
    const page = await s.call('invoices.page', { id: draft.id, page: 0 });
    expect(page.mime).toBe('image/png');
    expect(Buffer.from(page.contentBase64, 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect((await s.fail('invoices.page', { id: draft.id, page: 1 })).code).toBe('NOT_FOUND');

    // Progress went out with the job's id; one audit entry for the draft.
    const progress = s.events.filter((e) => e.type === 'jobs.progress').map((e) => e.payload);
    expect(progress).toEqual([
      { jobId: expect.stringMatching(/^job-/), label: 'Leyendo factura', done: 1, total: 2 },
      { jobId: expect.stringMatching(/^job-/), label: 'Leyendo factura', done: 2, total: 2 },
    ]);
    const audit = await s.call('audit.list', { entity: 'invoice', limit: 5 });
    expect(audit.items.map((e) => [e.action, e.entityId])).toEqual([['invoice.extract', draft.id]]);
    expect((await s.call('audit.verify', {})).ok).toBe(true);

    expect(await s.call('invoices.get', { id: draft.id })).toEqual(draft);
  });

  it('does not pre-select a product when two match the words equally well', async () => {
    const draft = await s.extract(invoiceData({ items: [item('Gaseosa Coca Cola')] }));
    const line = draft.lines[0];
    expect(line?.productId).toBeNull();
    expect(line?.candidates.map((c) => c.productId).sort()).toEqual([coca15.id, coca225.id].sort());
  });

  it('keeps CUITs as digits and fills the AFIP code from the kind and letter', async () => {
    const draft = await s.extract(
      invoiceData({
        kind: 'nota_credito',
        letter: 'B',
        issuer: { name: SOL.name, cuit: '30-71234567-1' },
      }),
    );
    expect(draft).toMatchObject({ issuerCuit: SOL.cuit, kind: 'nota_credito', letter: 'B' });
    expect(draft.data.afipCode).toBe(8);
    expect(draft.data.issuer.cuit).toBe(SOL.cuit);
  });

  it('stores the same file once however many times it is read', async () => {
    const input = {
      fileName: 'la-misma.pdf',
      contentBase64: Buffer.from('%PDF-1.4 la misma').toString('base64'),
    };
    const a = await s.call('invoices.extract', { ...input, jobId: 'a' });
    const b = await s.call('invoices.extract', { ...input, jobId: 'b' });
    expect(a.fileSha).toBe(b.fileSha);
    expect(a.id).not.toBe(b.id);
    expect(s.rows('files')).toBe(2);
    expect(s.rows('invoices')).toBe(2);
  });

  it('refuses an empty file and writes nothing when the reader fails', async () => {
    const empty = await s.fail('invoices.extract', {
      fileName: 'x.pdf',
      contentBase64: '',
      jobId: 'j',
    });
    expect(empty).toMatchObject({ code: 'INVALID_INPUT', message: 'El archivo está vacío' });

    s.reader.read = () =>
      Promise.reject(new AppError('INVALID_INPUT', 'El PDF tiene contraseña: no se puede leer'));
    const err = await s.fail('invoices.extract', {
      fileName: 'x.pdf',
      contentBase64: Buffer.from('%PDF-1.4').toString('base64'),
      jobId: 'j',
    });
    expect(err.message).toBe('El PDF tiene contraseña: no se puede leer');
    expect(s.rows('invoices')).toBe(0);
    expect(s.rows('invoice_lines')).toBe(0);
  });

  it('runs the invoice checks on the draft, keeping the reader’s QR-against-print comparison', async () => {
    const data = invoiceData({ total: 999_00 });
    const qrCheck = {
      code: 'qr' as const,
      ok: false,
      message: 'El QR de AFIP no coincide con lo impreso en el total: se usan los datos del QR',
    };
    const result = readResult(data);
    result.extraction.qr = {
      ver: 1,
      fecha: '2025-03-08',
      cuit: Number(SOL.cuit),
      ptoVta: 3,
      tipoCmp: 1,
      nroCmp: 12_345,
      importe: 9.99,
      moneda: 'PES',
      ctz: 1,
    };
    result.extraction.checks = [qrCheck];
    s.reader.result = result;
    const draft = await s.call('invoices.extract', {
      fileName: 'qr.pdf',
      contentBase64: Buffer.from('%PDF-1.4 qr').toString('base64'),
      jobId: 'qr',
    });
    const byCode = new Map(draft.checks.map((c) => [c.code, c]));
    expect(byCode.get('qr')).toEqual(qrCheck);
    expect(byCode.get('total')?.ok).toBe(false);
    expect(byCode.get('cuit')?.ok).toBe(true);
    expect(byCode.get('duplicate')?.ok).toBe(true);

    // Corrected by the owner, the checks are run again on what was saved.
    const net = draft.data.netByRate['2100'] ?? 0;
    const total = net + (draft.data.ivaByRate['2100'] ?? 0);
    const saved = await s.call('invoices.save', {
      id: draft.id,
      data: { ...draft.data, total },
      lines: [],
    });
    expect(saved.checks.find((c) => c.code === 'total')?.ok).toBe(true);
    expect(saved.checks.find((c) => c.code === 'qr')?.ok).toBe(false);
  });

  it('passes a cancel to the reader', async () => {
    expect(await s.call('invoices.cancel', { jobId: 'job-9' })).toEqual({ cancelled: false });
    expect(s.reader.cancelled).toEqual(['job-9']);
  });
});

describe('invoices.save', () => {
  it('keeps the owner’s choices, matches the other lines again and checks again', async () => {
    const draft = await s.extract(
      invoiceData({ items: [item('Gaseosa Coca Cola'), item('Articulo desconocido')] }),
    );
    const data = {
      ...draft.data,
      items: [
        ...draft.data.items,
        item('Yerba Playadito', { code: '7790387000016', quantity: 5_000 }),
      ],
    };
    const saved = await s.call('invoices.save', {
      id: draft.id,
      data,
      lines: [
        { index: 0, productId: coca225.id, packUnits: 6 },
        { index: 1, productId: null, packUnits: 1 },
      ],
    });
    expect(saved.lines.map((l) => [l.productId, l.packUnits])).toEqual([
      [coca225.id, 6],
      [null, 1],
      [yerba.id, 1],
    ]);
    expect(saved.lineCount).toBe(3);
    expect(saved.checks.filter((c) => c.code === 'duplicate')).toEqual([
      { code: 'duplicate', ok: true, message: 'No hay otra factura aplicada con este número' },
    ]);
    const audit = await s.call('audit.list', { entity: 'invoice', limit: 5 });
    expect(audit.items.map((e) => e.action)).toEqual(['invoice.save', 'invoice.extract']);
    expect((await s.call('audit.verify', {})).ok).toBe(true);
  });

  it('refuses bad choices and contradictory data in Spanish and writes nothing', async () => {
    const draft = await s.extract(invoiceData({ items: [item('Yerba Playadito 1 kg')] }));
    const audit = s.rows('audit_log');
    const save = (over: object) =>
      s.fail('invoices.save', { id: draft.id, data: draft.data, lines: [], ...over });

    expect((await save({ lines: [{ index: 3, productId: null }] })).message).toBe(
      'La línea 4 no existe: la factura tiene 1 líneas',
    );
    expect(
      (
        await save({
          lines: [
            { index: 0, productId: null },
            { index: 0, productId: yerba.id },
          ],
        })
      ).message,
    ).toBe('La línea 1 aparece dos veces');
    expect((await save({ lines: [{ index: 0, productId: 'no-existe' }] })).message).toBe(
      'El producto elegido para la línea 1 no existe',
    );
    expect((await save({ data: { ...draft.data, afipCode: 6 } })).message).toBe(
      'El código de comprobante 6 es de una factura B, no de una factura A',
    );
    const bad = await save({ data: { ...draft.data, date: '8/3/2025' } });
    expect(bad).toMatchObject({ code: 'INVALID_INPUT' });
    expect(bad.message).toContain('Fecha inválida: usá AAAA-MM-DD');
    expect(
      (await s.fail('invoices.save', { id: 'nope', data: draft.data, lines: [] })).message,
    ).toBe('La factura no existe');

    expect(s.rows('audit_log')).toBe(audit);
    expect(await s.call('invoices.get', { id: draft.id })).toEqual(draft);
  });

  it('discards a draft, after which it cannot be saved, discarded or applied', async () => {
    const draft = await s.extract(invoiceData());
    expect(await s.call('invoices.discard', { id: draft.id })).toEqual({ discarded: true });
    expect((await s.call('invoices.get', { id: draft.id })).status).toBe('descartada');
    const msg = 'Esta factura fue descartada';
    expect(await s.fail('invoices.discard', { id: draft.id })).toMatchObject({
      code: 'CONFLICT',
      message: msg,
    });
    expect(
      (await s.fail('invoices.save', { id: draft.id, data: draft.data, lines: [] })).message,
    ).toBe(msg);
    expect(
      (await s.fail('invoices.apply', { id: draft.id, locationId: s.salon.id, lines: [] })).message,
    ).toBe(msg);
    expect((await s.call('audit.verify', {})).ok).toBe(true);
  });
});
