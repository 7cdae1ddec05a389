import { parentPort } from 'node:worker_threads';
import sharp from 'sharp';
import { AppError } from '../core/errors.ts';
import { extractFile } from '../core/invoices/extract.ts';
import { createOcr, ocrThreads, type Ocr } from '../core/invoices/read/ocr.ts';
import type { ReaderReply, ReaderRequest } from '../core/invoices/reader-types.ts';

/**
 * A reader worker: one file at a time, off the counter's thread. Tesseract starts on the first
 * page that needs it and stays warm for the next file. The main thread ends the worker to cancel
 * a file or to stop a page that takes too long.
 */

// A page's clean-up runs while the engines wait for it: the image library may use as many
// threads as they do (on glibc it would otherwise keep to one).
sharp.concurrency(ocrThreads());

const port = parentPort;
let ocr: Promise<Ocr> | null = null;

port?.on('message', (req: ReaderRequest) => {
  const reply = (msg: ReaderReply, transfer: ArrayBuffer[] = []): void =>
    port.postMessage(msg, transfer);
  extractFile(
    req.bytes,
    req.fileName,
    {
      ocr: () => (ocr ??= createOcr()),
      onPage: (done, total) => reply({ id: req.id, type: 'page', done, total }),
    },
    req.now,
  ).then(
    (result) => reply({ id: req.id, type: 'done', result }),
    (err: unknown) => {
      const known = err instanceof AppError;
      reply({
        id: req.id,
        type: 'error',
        code: known ? err.code : 'INTERNAL',
        message: known
          ? err.message
          : `No se pudo leer «${req.fileName}»: ${String((err as Error).message ?? err)}`,
      });
    },
  );
});
