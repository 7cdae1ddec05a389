import type { Extraction } from '../../../shared/contract/index.ts';

/** A page image kept for the review screen, content-addressed. */
export type PageImage = { sha: string; png: Buffer };

export type ReadResult = { extraction: Extraction; images: PageImage[] };

export type ReadOptions = {
  /** Names the job for `invoices.cancel` and the progress events. */
  jobId: string;
  onProgress?: (done: number, total: number) => void;
};

/**
 * Turns a supplier's file into an extraction, off the main thread. Errors are AppErrors with a
 * Spanish message (corrupt file, too big, too many pages, password, no invoice, time limit).
 */
export type InvoiceReader = {
  read(bytes: Buffer, fileName: string, opts: ReadOptions): Promise<ReadResult>;
  /** Stops a running read; its promise rejects with a 'cancelled' AppError. */
  cancel(jobId: string): boolean;
  close(): Promise<void>;
};

/** What the main thread sends a reader worker, and what comes back. */
export type ReaderRequest = { id: string; bytes: Uint8Array; fileName: string; now: number };
export type ReaderReply =
  | { id: string; type: 'page'; done: number; total: number }
  | { id: string; type: 'done'; result: ReadResult }
  | { id: string; type: 'error'; code: string; message: string };
