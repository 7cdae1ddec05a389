import type { Category, Product, ProductPage } from '../../../shared/contract/index.ts';
import type { Ctx, Handlers } from '../context.ts';
import { insertCategory, listCategories, loadCategoryTree } from './categories.ts';
import { exportCatalog } from './export.ts';
import { commitImport } from './import-commit.ts';
import { cancelImport, previewImport } from './import.ts';
import { createProduct, getProduct, lookupProduct, updateProduct } from './products.ts';
import { searchProducts } from './search.ts';

export { exportCatalog, type CatalogExport, type ExportEncoding } from './export.ts';
export { commitImport } from './import-commit.ts';
export { cancelImport, previewImport } from './import.ts';
export {
  createProduct,
  getProduct,
  lookupProduct,
  rebuildProductsFts,
  updateProduct,
} from './products.ts';
export { searchProducts } from './search.ts';

/** The CLI's "buscar": the first page of what the search box would show. */
export function findProducts(ctx: Ctx, text: string, limit = 50): ProductPage {
  return searchProducts(ctx.db, {
    text,
    limit,
    offset: 0,
    includeInactive: true,
    lowStockOnly: false,
  });
}

export function createCategory(ctx: Ctx, name: string, parentId: string | null): Category {
  const category = ctx.tx(() => insertCategory(ctx, loadCategoryTree(ctx.db), name, parentId));
  ctx.emit({ type: 'catalog.changed', payload: { productIds: [] } });
  return category;
}

const changed = (ctx: Ctx, p: Product): Product => {
  ctx.emit({ type: 'catalog.changed', payload: { productIds: [p.id] } });
  return p;
};

export const catalogHandlers = {
  'catalog.search': (input, ctx) => searchProducts(ctx.db, input),
  'catalog.lookup': (input, ctx) => lookupProduct(ctx.db, input.code),
  'catalog.get': (input, ctx) => getProduct(ctx.db, input.id),
  'catalog.create': (input, ctx) => changed(ctx, createProduct(ctx, input)),
  'catalog.update': (input, ctx) => changed(ctx, updateProduct(ctx, input.id, input.changes)),
  'catalog.categories': (_input, ctx) => listCategories(ctx.db),
  'catalog.createCategory': (input, ctx) => createCategory(ctx, input.name, input.parentId),
  'catalog.importPreview': (input, ctx) =>
    previewImport(ctx, input.fileName, Buffer.from(input.contentBase64, 'base64')),
  'catalog.importCommit': (input, ctx) => commitImport(ctx, input.importId, input.locationId),
  'catalog.importCancel': (input, ctx) => ({ cancelled: cancelImport(ctx, input.importId) }),
  'catalog.export': (input, ctx) => exportCatalog(ctx, input.encoding),
} satisfies Handlers;
