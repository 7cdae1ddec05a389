import { create } from 'zustand';
import { call, errorMessage, getApi } from '../../lib/api.ts';
import { bytesToBase64 } from '../../lib/base64.ts';
import { t } from '../../lib/strings.ts';
import {
  batchReducer,
  EMPTY_BATCH,
  isActive,
  nextWaiting,
  screenFiles,
  summarize,
  type BatchAction,
  type BatchResult,
  type BatchState,
  type Incoming,
} from './batch.ts';

/**
 * The batch lives outside the screens: reading goes on while the owner reviews a finished
 * invoice or visits another area, and the list is there when they come back.
 */
type BatchStore = BatchState & {
  /** Why the last selection was refused, or null. */
  notice: string | null;
  dispatch(action: BatchAction): void;
  addFiles(files: readonly File[]): void;
  cancel(): Promise<void>;
  /** After the review screen saves, applies or discards an invoice of the list. */
  invoiceChanged(result: BatchResult): void;
  invoiceDiscarded(invoiceId: string): void;
};

// File objects stay out of the store (not serialisable, and only the runner needs them).
const pending = new Map<string, File>();
let running: Promise<void> | null = null;

export const useInvoiceBatch = create<BatchStore>()((set, get) => ({
  ...EMPTY_BATCH,
  notice: null,

  dispatch(action) {
    set((s) => batchReducer(s, action));
  },

  addFiles(files) {
    if (files.length === 0) return;
    const active = get().items.filter(isActive).length;
    const screened = screenFiles(
      files.map((f) => ({ name: f.name, size: f.size })),
      active,
    );
    if (!screened.ok) {
      set({ notice: screened.message });
      return;
    }
    set({ notice: null });
    const incoming = screened.files.map((f, i): Incoming => {
      const jobId = crypto.randomUUID();
      const file = files[i];
      if (f.error === undefined && file) pending.set(jobId, file);
      return f.error === undefined
        ? { jobId, fileName: f.name }
        : { jobId, fileName: f.name, error: f.error };
    });
    get().dispatch({ type: 'add', files: incoming });
    void runBatch();
  },

  async cancel() {
    const reading = get().items.find((i) => i.state === 'reading');
    for (const item of get().items) if (item.state === 'waiting') pending.delete(item.jobId);
    get().dispatch({ type: 'cancel' });
    if (reading) await call('invoices.cancel', { jobId: reading.jobId }).catch(() => undefined);
  },

  invoiceChanged(result) {
    get().dispatch({ type: 'updated', result });
  },

  invoiceDiscarded(invoiceId) {
    get().dispatch({ type: 'forget', invoiceId });
  },
}));

async function readOne(jobId: string, file: File): Promise<void> {
  const { dispatch } = useInvoiceBatch.getState();
  dispatch({ type: 'start', jobId });
  try {
    const contentBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
    const item = useInvoiceBatch.getState().items.find((i) => i.jobId === jobId);
    // Cancelled while the bytes were loading: the core never heard of this job.
    if (item?.cancelRequested) throw new Error('cancelled');
    const invoice = await call('invoices.extract', {
      fileName: file.name,
      contentBase64,
      jobId,
    });
    dispatch({ type: 'finished', jobId, result: summarize(invoice) });
  } catch (e) {
    dispatch({ type: 'failed', jobId, message: errorMessage(e) });
  }
}

async function pump(): Promise<void> {
  const store = useInvoiceBatch;
  const unsubscribe = getApi().subscribe((event) => {
    if (event.type === 'jobs.progress') {
      store.getState().dispatch({ type: 'progress', progress: event.payload });
    }
  });
  try {
    // One file at a time: the reader is one worker, and the counter must stay quick.
    for (let next = nextWaiting(store.getState()); next; next = nextWaiting(store.getState())) {
      const file = pending.get(next.jobId);
      pending.delete(next.jobId);
      if (file) {
        await readOne(next.jobId, file);
      } else {
        store.getState().dispatch({ type: 'start', jobId: next.jobId });
        store.getState().dispatch({ type: 'failed', jobId: next.jobId, message: t.unexpected });
      }
    }
  } finally {
    unsubscribe();
  }
}

/** Starts reading the waiting files unless a run is under way; resolves when the queue is empty. */
export function runBatch(): Promise<void> {
  running ??= pump().finally(() => {
    running = null;
    if (nextWaiting(useInvoiceBatch.getState())) void runBatch();
  });
  return running;
}
