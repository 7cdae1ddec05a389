import type {
  InvoiceData,
  InvoiceDetail,
  InvoiceItem,
  Product,
} from '../../../shared/contract/index.ts';
import { sequentialIds } from '../../../shared/domain/uuid.ts';
import type { Caller } from '../context.ts';
import { openShopStore, tickingClock, type ShopStore } from '../testing/harness.ts';
import { sha256 } from './files.ts';
import type { InvoiceReader, ReadOptions, ReadResult } from './reader-types.ts';

/** 2025-03-10 10:00 in Buenos Aires. */
export const START = Date.UTC(2025, 2, 10, 13, 0, 0);

export const SOL = { cuit: '30712345671', name: 'Distribuidora El Sol S.A.' };
export const NORTE = { cuit: '30500012346', name: 'Mayorista Norte S.R.L.' };
export const KIOSCO = { cuit: '20123456786', name: 'Juan Pérez' };

/**
 * A reader that returns a given result instead of reading the file: for the tests of what the
 * store does with a reading (drafts, matching, applying). Reading itself is tested through the
 * real reader elsewhere. Set `result` before each extract.
 */
export type FixedReader = InvoiceReader & {
  result: ReadResult;
  reads: string[];
  cancelled: string[];
  /** Progress steps reported during each read. */
  steps: number;
  closed: boolean;
};

export function fixedReader(result: ReadResult): FixedReader {
  const reader: FixedReader = {
    result,
    reads: [],
    cancelled: [],
    steps: 2,
    closed: false,
    read(_bytes: Buffer, fileName: string, opts: ReadOptions) {
      reader.reads.push(fileName);
      for (let i = 1; i <= reader.steps; i++) opts.onProgress?.(i, reader.steps);
      return Promise.resolve(structuredClone(reader.result));
    },
    cancel(jobId) {
      reader.cancelled.push(jobId);
      return false;
    },
    close() {
      reader.closed = true;
      return Promise.resolve();
    },
  };
  return reader;
}

export function item(description: string, extra: Partial<InvoiceItem> = {}): InvoiceItem {
  const quantity = extra.quantity ?? 1_000;
  const unitPrice = extra.unitPrice ?? 100_00;
  return {
    description,
    quantity,
    unit: 'u',
    unitPrice,
    discountBp: 0,
    amount: Math.round((unitPrice * quantity) / 1000),
    confidence: 0.95,
    boxes: [],
    ...extra,
  };
}

/** A Factura A from El Sol unless told otherwise; totals left to the test. */
export function invoiceData(over: Partial<InvoiceData> = {}): InvoiceData {
  const items = over.items ?? [item('Yerba Playadito 1 kg')];
  const net = items.reduce((s, i) => s + i.amount, 0);
  return {
    kind: 'factura',
    letter: 'A',
    afipCode: over.afipCode ?? (over.letter || over.kind ? undefined : 1),
    pointOfSale: 3,
    number: 12_345,
    date: '2025-03-08',
    issuer: { ...SOL },
    recipient: { name: 'Almacén Test', cuit: '20999999998' },
    currency: 'ARS',
    netByRate: { '2100': net },
    ivaByRate: { '2100': Math.round(net * 0.21) },
    perceptions: 0,
    otherTaxes: 0,
    total: net + Math.round(net * 0.21),
    ...over,
    items,
  };
}

const PAGE_PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');

/** What the reader gives for a one-page file with that data. */
export function readResult(data: InvoiceData): ReadResult {
  const png = Buffer.concat([PAGE_PNG, Buffer.from(JSON.stringify(data.number ?? 0))]);
  const sha = sha256(png);
  return {
    extraction: {
      data,
      fields: { total: { confidence: 0.9, source: 'pdf', boxes: [] } },
      pages: [{ source: 'pdf', width: 1240, height: 1754, imageSha: sha }],
      qr: null,
      checks: [],
      seconds: 0.2,
    },
    images: [{ sha, png }],
  };
}

/** The yerba most invoice tests buy: barcode 7790387000016, cost $ 1.500, price $ 2.500. */
export function addYerba(store: ShopStore): Promise<Product> {
  return store.product('Yerba Playadito 1 kg', {
    barcodes: ['7790387000016'],
    cost: 1_500_00,
    price: 2_500_00,
  });
}

export type InvoiceStore = ShopStore & {
  reader: FixedReader;
  /** Reads a file whose reading is `data` into a draft. */
  extract(data: InvoiceData, caller?: Caller, fileName?: string): Promise<InvoiceDetail>;
  stock(productId: string, locationId?: string): number;
};

let fileCounter = 0;

export async function openInvoiceStore(): Promise<InvoiceStore> {
  const reader = fixedReader(readResult(invoiceData()));
  const store = await openShopStore({
    now: tickingClock(START),
    newId: sequentialIds(START),
    reader,
  });
  return {
    ...store,
    reader,
    async extract(data, caller = store.system, fileName = 'factura.pdf') {
      reader.result = readResult(data);
      fileCounter++;
      return store.call(
        'invoices.extract',
        {
          fileName,
          contentBase64: Buffer.from(`%PDF-1.4 factura ${fileCounter}`).toString('base64'),
          jobId: `job-${fileCounter}`,
        },
        caller,
      );
    },
    stock(productId, locationId = store.salon.id) {
      const row = store.deps.db
        .prepare('SELECT qty FROM stock_levels WHERE product_id = ? AND location_id = ?')
        .get(productId, locationId) as { qty: number } | undefined;
      return row?.qty ?? 0;
    },
  };
}
