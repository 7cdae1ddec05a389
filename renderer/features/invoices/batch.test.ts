import { describe, expect, it } from 'vitest';
import {
  batchReducer,
  EMPTY_BATCH,
  fileFraction,
  MAX_BATCH,
  MAX_FILE_BYTES,
  nextWaiting,
  overall,
  screenFiles,
  type BatchAction,
  type BatchResult,
  type BatchState,
} from './batch.ts';

function run(...actions: BatchAction[]): BatchState {
  return actions.reduce(batchReducer, EMPTY_BATCH);
}

const three: BatchAction = {
  type: 'add',
  files: [
    { jobId: 'a', fileName: 'a.pdf' },
    { jobId: 'b', fileName: 'b.jpg' },
    { jobId: 'c', fileName: 'c.png' },
  ],
};

const result: BatchResult = {
  invoiceId: 'inv-a',
  supplier: 'Distribuidora Sur',
  code: 'A 0003-00012345',
  total: 121_000_00,
  failedChecks: 1,
  status: 'borrador',
};

function states(s: BatchState): string[] {
  return s.items.map((i) => `${i.jobId}:${i.state}`);
}

describe('a batch of files read one after another', () => {
  it('queues files waiting and reads the first one first', () => {
    const s = run(three);
    expect(states(s)).toEqual(['a:waiting', 'b:waiting', 'c:waiting']);
    expect(nextWaiting(s)?.jobId).toBe('a');
  });

  it('never offers a second file while one is being read', () => {
    const s = run(three, { type: 'start', jobId: 'a' });
    expect(nextWaiting(s)).toBeNull();
    const after = batchReducer(s, { type: 'finished', jobId: 'a', result });
    expect(nextWaiting(after)?.jobId).toBe('b');
  });

  it('follows the progress events of the file being read only', () => {
    const s = run(
      three,
      { type: 'start', jobId: 'a' },
      { type: 'progress', progress: { jobId: 'a', label: 'Página 1', done: 1, total: 3 } },
      { type: 'progress', progress: { jobId: 'b', label: 'x', done: 5, total: 9 } },
      { type: 'progress', progress: { jobId: 'otro', label: 'x', done: 1, total: 1 } },
    );
    expect(s.items[0]).toMatchObject({ done: 1, total: 3, label: 'Página 1' });
    expect(fileFraction(s.items[0]!)).toBeCloseTo(1 / 3);
    expect(s.items[1]).toMatchObject({ done: 0, total: 0, label: null });
  });

  it('keeps the result of a finished file and its error message on failure', () => {
    const s = run(
      three,
      { type: 'start', jobId: 'a' },
      { type: 'finished', jobId: 'a', result },
      { type: 'start', jobId: 'b' },
      { type: 'failed', jobId: 'b', message: 'El PDF tiene contraseña' },
    );
    expect(states(s)).toEqual(['a:done', 'b:error', 'c:waiting']);
    expect(s.items[0]?.result).toEqual(result);
    expect(s.items[1]?.error).toBe('El PDF tiene contraseña');
    expect(overall(s)).toEqual({ done: 2, total: 3 });
  });

  it('cancel stops the waiting files and turns the running failure into a cancellation', () => {
    const s = run(three, { type: 'start', jobId: 'a' }, { type: 'cancel' });
    expect(states(s)).toEqual(['a:reading', 'b:cancelled', 'c:cancelled']);
    expect(nextWaiting(s)).toBeNull();
    const after = batchReducer(s, { type: 'failed', jobId: 'a', message: 'Lectura cancelada' });
    expect(states(after)).toEqual(['a:cancelled', 'b:cancelled', 'c:cancelled']);
    expect(after.items[0]?.error).toBeNull();
    expect(overall(after)).toEqual({ done: 3, total: 3 });
  });

  it('keeps a draft that finished just after Cancel', () => {
    const s = run(
      three,
      { type: 'start', jobId: 'a' },
      { type: 'cancel' },
      {
        type: 'finished',
        jobId: 'a',
        result,
      },
    );
    expect(s.items[0]?.state).toBe('done');
  });

  it('adds refused files as errors that never wait', () => {
    const s = run({
      type: 'add',
      files: [
        { jobId: 'x', fileName: 'lista.xlsx', error: 'No se puede leer' },
        { jobId: 'y', fileName: 'y.pdf' },
      ],
    });
    expect(states(s)).toEqual(['x:error', 'y:waiting']);
    expect(nextWaiting(s)?.jobId).toBe('y');
  });

  it('clears the finished files and keeps the ones still to read', () => {
    const s = run(
      three,
      { type: 'start', jobId: 'a' },
      { type: 'finished', jobId: 'a', result },
      { type: 'clearFinished' },
    );
    expect(states(s)).toEqual(['b:waiting', 'c:waiting']);
  });

  it('updates or forgets a finished invoice after the review screen', () => {
    const s = run(three, { type: 'start', jobId: 'a' }, { type: 'finished', jobId: 'a', result });
    const applied = batchReducer(s, {
      type: 'updated',
      result: { ...result, status: 'aplicada', failedChecks: 0 },
    });
    expect(applied.items[0]?.result).toMatchObject({ status: 'aplicada', failedChecks: 0 });
    const gone = batchReducer(s, { type: 'forget', invoiceId: 'inv-a' });
    expect(states(gone)).toEqual(['b:waiting', 'c:waiting']);
  });
});

describe('screening a selection of files', () => {
  const pdf = (name: string, size = 1000) => ({ name, size });

  it('refuses more than 50 files at once with the reason', () => {
    const files = Array.from({ length: MAX_BATCH + 1 }, (_, i) => pdf(`f${i}.pdf`));
    const r = screenFiles(files, 0);
    expect(r).toEqual({
      ok: false,
      message: 'Elegiste 51 archivos y entran 50 por vez. Cargá los demás en otra tanda.',
    });
  });

  it('accepts exactly 50', () => {
    const files = Array.from({ length: MAX_BATCH }, (_, i) => pdf(`f${i}.pdf`));
    expect(screenFiles(files, 0).ok).toBe(true);
  });

  it('counts the files still waiting in the running batch', () => {
    const r = screenFiles([pdf('a.pdf'), pdf('b.pdf')], 49);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/Solo entran 1 archivos más/);
  });

  it('refuses unsupported, empty and oversized files one by one', () => {
    const r = screenFiles(
      [
        pdf('FACTURA.PDF'),
        pdf('foto.JPEG'),
        pdf('scan.tif'),
        pdf('planilla.xlsx'),
        pdf('sin-extension'),
        pdf('vacio.png', 0),
        pdf('enorme.pdf', MAX_FILE_BYTES + 1),
      ],
      0,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.files.map((f) => f.error ?? 'ok')).toEqual([
      'ok',
      'ok',
      'ok',
      'No se puede leer un archivo .xlsx: usá PNG, JPG, TIFF o PDF.',
      'No se puede leer un archivo sin extensión: usá PNG, JPG, TIFF o PDF.',
      'El archivo está vacío.',
      'El archivo pesa más de 60 MB: escanealo con menos resolución.',
    ]);
  });
});
