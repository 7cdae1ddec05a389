import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../../shared/contract/index.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { InvoiceReader, ReadOptions, ReaderReply, ReadResult } from './reader-types.ts';

export type ReaderOptions = {
  log?: Logger;
  /** Files read at once; each worker holds one Tesseract engine (~100 MB). */
  workers?: number;
  /** A page that takes longer is stopped with a clear message and its worker replaced. */
  pageTimeoutMs?: number;
  now?: () => number;
};

type Job = {
  id: string;
  bytes: Uint8Array;
  fileName: string;
  opts: ReadOptions;
  resolve(r: ReadResult): void;
  reject(e: Error): void;
};

type Slot = { worker: Worker | null; job: Job | null; timer: NodeJS.Timeout | null; page: number };

/** The worker's file: the bundled one in the packaged app, the source one otherwise. */
function workerFile(): string {
  if (process.env.CAJA_READER_WORKER) return process.env.CAJA_READER_WORKER;
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, '../../workers/invoice-reader.ts');
}

/**
 * A small pool of reader workers. Files queue for a free worker; a cancelled or stuck file ends
 * its worker (Tesseract cannot be interrupted otherwise) and the next file gets a fresh one, so
 * one bad file never leaves the pool unusable.
 */
export function createInvoiceReader(opts: ReaderOptions = {}): InvoiceReader {
  const size = Math.max(1, opts.workers ?? 1);
  const pageTimeout = opts.pageTimeoutMs ?? 60_000;
  const now = opts.now ?? Date.now;
  const queue: Job[] = [];
  const slots: Slot[] = Array.from({ length: size }, () => ({
    worker: null,
    job: null,
    timer: null,
    page: 0,
  }));
  let closed = false;

  const fail = (code: ErrorCode, message: string): AppError => new AppError(code, message);

  const finish = (slot: Slot): Job | null => {
    const job = slot.job;
    slot.job = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    return job;
  };

  const kill = (slot: Slot): void => {
    const w = slot.worker;
    slot.worker = null;
    if (w) void w.terminate();
  };

  const arm = (slot: Slot): void => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      const job = finish(slot);
      kill(slot);
      job?.reject(
        fail(
          'UNAVAILABLE',
          `La página ${slot.page + 1} de «${job.fileName}» tardó más de ${Math.round(pageTimeout / 1000)} s en leerse: ` +
            'probá con una imagen más chica o más nítida.',
        ),
      );
      pump();
    }, pageTimeout);
  };

  const spawn = (slot: Slot): Worker => {
    const worker = new Worker(workerFile());
    worker.on('message', (msg: ReaderReply) => {
      const job = slot.job;
      if (!job || msg.id !== job.id) return;
      if (msg.type === 'page') {
        slot.page = msg.done;
        job.opts.onProgress?.(msg.done, msg.total);
        arm(slot);
        return;
      }
      finish(slot);
      if (msg.type === 'done') {
        // Buffers arrive as plain Uint8Arrays across the thread boundary.
        for (const image of msg.result.images) image.png = Buffer.from(image.png);
        job.opts.onProgress?.(
          msg.result.extraction.pages.length,
          msg.result.extraction.pages.length,
        );
        job.resolve(msg.result);
      } else {
        job.reject(fail(msg.code as ErrorCode, msg.message));
      }
      pump();
    });
    worker.on('error', (err) => {
      opts.log?.error('invoice reader worker failed', { error: String(err) });
      if (slot.worker !== worker) return;
      const job = finish(slot);
      slot.worker = null;
      job?.reject(fail('INTERNAL', `No se pudo leer «${job.fileName}»: el lector se detuvo.`));
      pump();
    });
    worker.on('exit', () => {
      // Ended on purpose (cancel, time limit, close): that job is already settled.
      if (slot.worker !== worker) return;
      slot.worker = null;
      const job = finish(slot);
      job?.reject(fail('INTERNAL', `No se pudo leer «${job.fileName}»: el lector se detuvo.`));
      if (job) pump();
    });
    return worker;
  };

  function pump(): void {
    if (closed) return;
    for (const slot of slots) {
      if (slot.job || queue.length === 0) continue;
      const job = queue.shift();
      if (!job) return;
      slot.job = job;
      slot.page = 0;
      slot.worker ??= spawn(slot);
      arm(slot);
      const bytes = new Uint8Array(job.bytes);
      slot.worker.postMessage({ id: job.id, bytes, fileName: job.fileName, now: now() }, [
        bytes.buffer as ArrayBuffer,
      ]);
    }
  }

  return {
    read(bytes, fileName, readOpts) {
      if (closed) return Promise.reject(fail('UNAVAILABLE', 'El lector de facturas está cerrado'));
      return new Promise<ReadResult>((resolve, reject) => {
        queue.push({ id: readOpts.jobId, bytes, fileName, opts: readOpts, resolve, reject });
        pump();
      });
    },
    cancel(jobId) {
      const queued = queue.findIndex((j) => j.id === jobId);
      if (queued >= 0) {
        const [job] = queue.splice(queued, 1);
        job?.reject(fail('CONFLICT', `Lectura de «${job.fileName}» cancelada`));
        return true;
      }
      const slot = slots.find((s) => s.job?.id === jobId);
      if (!slot) return false;
      const job = finish(slot);
      kill(slot);
      job?.reject(fail('CONFLICT', `Lectura de «${job.fileName}» cancelada`));
      pump();
      return true;
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0))
        job.reject(fail('UNAVAILABLE', 'El lector de facturas se cerró'));
      await Promise.all(
        slots.map(async (slot) => {
          const job = finish(slot);
          job?.reject(fail('UNAVAILABLE', 'El lector de facturas se cerró'));
          const w = slot.worker;
          slot.worker = null;
          if (w) await w.terminate();
        }),
      );
    },
  };
}
