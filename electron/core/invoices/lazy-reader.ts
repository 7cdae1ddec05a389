import type { InvoiceReader } from './reader-types.ts';

/**
 * A reader started on its first file: the OCR workers cost memory and a second of start-up,
 * and most runs of the app (the counter, the CLI, tests) never read an invoice.
 */
export function lazyReader(start: () => InvoiceReader): InvoiceReader {
  let reader: InvoiceReader | null = null;
  return {
    async read(bytes, fileName, opts) {
      reader ??= start();
      return await reader.read(bytes, fileName, opts);
    },
    cancel: (jobId) => reader?.cancel(jobId) ?? false,
    async close() {
      const r = reader;
      reader = null;
      await r?.close();
    },
  };
}
