import type { Handlers } from '../context.ts';
import { notFound } from '../errors.ts';
import { applyInvoice } from './apply.ts';
import { discardInvoice, extractInvoice, saveInvoice } from './drafts.ts';
import { readFile } from './files.ts';
import { listInvoices, supplierTotals } from './queries.ts';
import { getInvoiceRow, readExtraction, readInvoice } from './rows.ts';
import { listSuppliers, saveSupplier } from './suppliers.ts';

export { applyInvoice } from './apply.ts';
export { discardInvoice, extractInvoice, saveInvoice } from './drafts.ts';
export { listInvoices, supplierTotals } from './queries.ts';
export { readInvoice } from './rows.ts';
export { listSuppliers, saveSupplier } from './suppliers.ts';

export const invoiceHandlers = {
  'invoices.extract': (input, ctx) => extractInvoice(ctx, input),

  'invoices.cancel': (input, ctx) => ({ cancelled: ctx.reader.cancel(input.jobId) }),

  'invoices.get': (input, ctx) => readInvoice(ctx.db, input.id),

  'invoices.page': (input, ctx) => {
    const page = readExtraction(getInvoiceRow(ctx.db, input.id)).pages[input.page];
    if (!page) throw notFound(`La página ${input.page + 1} de la factura`);
    return {
      mime: 'image/png',
      contentBase64: readFile(ctx.dataDir, page.imageSha).toString('base64'),
    };
  },

  'invoices.save': (input, ctx) => saveInvoice(ctx, input),

  'invoices.apply': (input, ctx) => applyInvoice(ctx, input),

  'invoices.discard': (input, ctx) => discardInvoice(ctx, input.id),

  'invoices.list': (input, ctx) => listInvoices(ctx.db, input),

  'invoices.supplierTotals': (input, ctx) => supplierTotals(ctx.db, input),

  'suppliers.list': (_input, ctx) => listSuppliers(ctx.db),

  'suppliers.save': (input, ctx) => saveSupplier(ctx, input),
} satisfies Handlers;
