import { afterEach, describe, expect, it } from 'vitest';
import type { Api, AppEvent, InvoiceDetail, Result } from '../../../shared/contract/index.ts';
import { setApi } from '../../lib/api.ts';
import { runBatch, useInvoiceBatch } from './batch-store.ts';

type Call = { channel: string; input: Record<string, unknown> };

function detail(id: string, fileName: string): InvoiceDetail {
  return {
    id,
    status: 'borrador',
    kind: 'factura',
    letter: 'A',
    pointOfSale: 3,
    number: 12345,
    date: '2025-03-07',
    issuerName: 'Distribuidora Sur',
    issuerCuit: '30712345678',
    total: 121_000_00,
    lineCount: 0,
    fileName,
    createdAt: 0,
    appliedAt: null,
    data: {
      issuer: {},
      recipient: {},
      currency: 'ARS',
      netByRate: {},
      ivaByRate: {},
      perceptions: 0,
      otherTaxes: 0,
      items: [],
    },
    fields: {},
    pages: [],
    qr: null,
    checks: [
      { code: 'cuit', ok: true, message: 'CUIT válido' },
      { code: 'total', ok: false, message: 'El total no cierra' },
    ],
    lines: [],
    fileSha: 'x',
    locationId: null,
    supplier: null,
  };
}

/** A core that answers extract when told to, and records every call in order. */
function fakeCore() {
  const calls: Call[] = [];
  const listeners = new Set<(e: AppEvent) => void>();
  const waiting = new Map<string, (r: Result<unknown>) => void>();
  const api: Api = {
    invoke(channel, input) {
      const body = input as Record<string, unknown>;
      calls.push({ channel, input: body });
      if (channel === 'invoices.extract') {
        return new Promise((resolve) => {
          waiting.set(String(body.jobId), resolve as (r: Result<unknown>) => void);
        });
      }
      if (channel === 'invoices.cancel') {
        const finish = waiting.get(String(body.jobId));
        finish?.({ ok: false, error: { code: 'CANCELLED', message: 'Lectura cancelada' } });
        return Promise.resolve({ ok: true, value: { cancelled: true } } as never);
      }
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: '?' } });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    api,
    calls,
    listeners,
    extracting: () => [...waiting.keys()],
    emit(event: AppEvent) {
      for (const l of listeners) l(event);
    },
    answer(jobId: string, value: Result<unknown>) {
      waiting.get(jobId)?.(value);
      waiting.delete(jobId);
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const file = (name: string) => new File([new Uint8Array([1, 2, 3])], name);

afterEach(() => {
  setApi(null);
  useInvoiceBatch.setState({ items: [], notice: null });
});

describe('reading a batch of invoices', () => {
  it('sends one file at a time, each with its own job, and follows its progress', async () => {
    const core = fakeCore();
    setApi(core.api);
    useInvoiceBatch.getState().addFiles([file('a.pdf'), file('b.jpg')]);
    await tick();
    const [first, second] = useInvoiceBatch.getState().items;
    expect(core.extracting()).toEqual([first?.jobId]);
    expect(core.calls[0]?.input).toMatchObject({ fileName: 'a.pdf', contentBase64: 'AQID' });

    core.emit({
      type: 'jobs.progress',
      payload: { jobId: first!.jobId, label: 'Página 1 de 2', done: 1, total: 2 },
    });
    expect(useInvoiceBatch.getState().items[0]).toMatchObject({ state: 'reading', done: 1 });
    expect(useInvoiceBatch.getState().items[1]?.state).toBe('waiting');

    core.answer(first!.jobId, { ok: true, value: detail('inv-1', 'a.pdf') });
    await tick();
    expect(useInvoiceBatch.getState().items[0]).toMatchObject({
      state: 'done',
      result: { invoiceId: 'inv-1', code: 'A 0003-00012345', failedChecks: 1 },
    });
    expect(core.extracting()).toEqual([second?.jobId]);

    core.answer(second!.jobId, {
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'No se encontró una factura en la imagen' },
    });
    await runBatch();
    expect(useInvoiceBatch.getState().items[1]).toMatchObject({
      state: 'error',
      error: 'No se encontró una factura en la imagen',
    });
    expect(core.listeners.size).toBe(0);
  });

  it('Cancelar stops the file being read and the ones waiting', async () => {
    const core = fakeCore();
    setApi(core.api);
    useInvoiceBatch.getState().addFiles([file('a.pdf'), file('b.pdf'), file('c.pdf')]);
    await tick();
    const jobA = useInvoiceBatch.getState().items[0]!.jobId;
    await useInvoiceBatch.getState().cancel();
    await runBatch();
    expect(core.calls.map((c) => c.channel)).toEqual(['invoices.extract', 'invoices.cancel']);
    expect(core.calls[1]?.input).toEqual({ jobId: jobA });
    expect(useInvoiceBatch.getState().items.map((i) => i.state)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
  });

  it('refuses a selection over the limit without reading anything', () => {
    const core = fakeCore();
    setApi(core.api);
    const files = Array.from({ length: 51 }, (_, i) => file(`f${i}.pdf`));
    useInvoiceBatch.getState().addFiles(files);
    expect(useInvoiceBatch.getState().items).toEqual([]);
    expect(useInvoiceBatch.getState().notice).toMatch(/Elegiste 51 archivos/);
    expect(core.calls).toEqual([]);
  });

  it('shows an unsupported file as an error and reads the rest', async () => {
    const core = fakeCore();
    setApi(core.api);
    useInvoiceBatch.getState().addFiles([file('lista.docx'), file('b.png')]);
    await tick();
    const items = useInvoiceBatch.getState().items;
    expect(items.map((i) => i.state)).toEqual(['error', 'reading']);
    expect(core.calls).toHaveLength(1);
    core.answer(items[1]!.jobId, { ok: true, value: detail('inv-2', 'b.png') });
    await runBatch();
  });
});
