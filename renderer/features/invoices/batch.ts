import type { InvoiceDetail, InvoiceStatus, JobProgress } from '../../../shared/contract/index.ts';
import { t } from '../../lib/strings.ts';
import { invoiceCode } from './invoice-format.ts';

/** A batch of supplier files read one after another: the states and their transitions, pure. */

export const MAX_BATCH = 50;
export const MAX_FILE_BYTES = 60 * 1024 * 1024;
export const ACCEPTED_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.tif', '.tiff', '.pdf'] as const;
export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.join(',');

export type FileState = 'waiting' | 'reading' | 'done' | 'error' | 'cancelled';

/** What a finished file shows in the list. */
export type BatchResult = {
  invoiceId: string;
  supplier: string | null;
  code: string;
  total: number | null;
  failedChecks: number;
  status: InvoiceStatus;
};

export type BatchItem = {
  jobId: string;
  fileName: string;
  state: FileState;
  /** Pages read so far and in all, from the job's progress events. */
  done: number;
  total: number;
  label: string | null;
  error: string | null;
  result: BatchResult | null;
  /** Cancel was asked while reading: the failure that follows is a cancellation. */
  cancelRequested: boolean;
};

export type BatchState = { items: BatchItem[] };

export const EMPTY_BATCH: BatchState = { items: [] };

export type Incoming = { jobId: string; fileName: string; error?: string };

export type BatchAction =
  | { type: 'add'; files: Incoming[] }
  | { type: 'start'; jobId: string }
  | { type: 'progress'; progress: JobProgress }
  | { type: 'finished'; jobId: string; result: BatchResult }
  | { type: 'failed'; jobId: string; message: string }
  | { type: 'cancel' }
  | { type: 'clearFinished' }
  | { type: 'updated'; result: BatchResult }
  | { type: 'forget'; invoiceId: string };

export function isActive(item: BatchItem): boolean {
  return item.state === 'waiting' || item.state === 'reading';
}

export function summarize(invoice: InvoiceDetail): BatchResult {
  return {
    invoiceId: invoice.id,
    supplier: invoice.issuerName ?? invoice.data.issuer.name ?? null,
    code: invoiceCode(invoice.letter, invoice.pointOfSale, invoice.number),
    total: invoice.total,
    failedChecks: invoice.checks.filter((c) => !c.ok).length,
    status: invoice.status,
  };
}

function patch(state: BatchState, jobId: string, f: (i: BatchItem) => BatchItem): BatchState {
  return { items: state.items.map((i) => (i.jobId === jobId ? f(i) : i)) };
}

export function batchReducer(state: BatchState, action: BatchAction): BatchState {
  switch (action.type) {
    case 'add':
      return {
        items: [
          ...state.items,
          ...action.files.map((f): BatchItem => ({
            jobId: f.jobId,
            fileName: f.fileName,
            state: f.error ? 'error' : 'waiting',
            done: 0,
            total: 0,
            label: null,
            error: f.error ?? null,
            result: null,
            cancelRequested: false,
          })),
        ],
      };
    case 'start':
      return patch(state, action.jobId, (i) =>
        i.state === 'waiting' ? { ...i, state: 'reading' } : i,
      );
    case 'progress': {
      const { jobId, done, total, label } = action.progress;
      return patch(state, jobId, (i) =>
        i.state === 'reading'
          ? { ...i, done: Math.max(0, done), total: Math.max(0, total), label }
          : i,
      );
    }
    case 'finished':
      // A read that ends after Cancel still left a draft: show it, it can be discarded.
      return patch(state, action.jobId, (i) => ({
        ...i,
        state: 'done',
        done: i.total,
        result: action.result,
        error: null,
      }));
    case 'failed':
      return patch(state, action.jobId, (i) =>
        i.cancelRequested
          ? { ...i, state: 'cancelled', error: null }
          : { ...i, state: 'error', error: action.message },
      );
    case 'cancel':
      return {
        items: state.items.map((i) => {
          if (i.state === 'waiting') return { ...i, state: 'cancelled' };
          if (i.state === 'reading') return { ...i, cancelRequested: true };
          return i;
        }),
      };
    case 'clearFinished':
      return { items: state.items.filter(isActive) };
    case 'updated':
      return {
        items: state.items.map((i) =>
          i.result?.invoiceId === action.result.invoiceId ? { ...i, result: action.result } : i,
        ),
      };
    case 'forget':
      return { items: state.items.filter((i) => i.result?.invoiceId !== action.invoiceId) };
  }
}

/** The next file to read, when nothing is being read. */
export function nextWaiting(state: BatchState): BatchItem | null {
  if (state.items.some((i) => i.state === 'reading')) return null;
  return state.items.find((i) => i.state === 'waiting') ?? null;
}

/** Files finished (whatever the outcome) over all files in the list, for the overall bar. */
export function overall(state: BatchState): { done: number; total: number } {
  const total = state.items.length;
  return { done: total - state.items.filter(isActive).length, total };
}

/** Share of one file read, 0..1: a file being read shows its pages; a finished one is full. */
export function fileFraction(item: BatchItem): number {
  if (item.state === 'done' || item.state === 'error' || item.state === 'cancelled') return 1;
  if (item.state === 'reading' && item.total > 0) return Math.min(1, item.done / item.total);
  return 0;
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

export type Picked = { name: string; size: number };

/**
 * Checks a selection before anything is read: more than the batch takes refuses all of it
 * (with the reason); each unsupported, empty or oversized file is refused on its own row.
 */
export function screenFiles(
  files: readonly Picked[],
  activeCount: number,
): { ok: false; message: string } | { ok: true; files: { name: string; error?: string }[] } {
  if (files.length > MAX_BATCH) {
    return { ok: false, message: t.invoices.intake.tooMany(files.length, MAX_BATCH) };
  }
  const free = Math.max(0, MAX_BATCH - activeCount);
  if (files.length > free) return { ok: false, message: t.invoices.intake.queueFull(free) };
  return {
    ok: true,
    files: files.map((f) => {
      const ext = extension(f.name);
      if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(ext)) {
        return { name: f.name, error: t.invoices.intake.badType(ext) };
      }
      if (f.size === 0) return { name: f.name, error: t.invoices.intake.empty };
      if (f.size > MAX_FILE_BYTES) return { name: f.name, error: t.invoices.intake.tooBig };
      return { name: f.name };
    }),
  };
}
