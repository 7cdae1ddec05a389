import type {
  Location,
  Product,
  StockCheck,
  StockLevel,
  StockMovement,
} from '../../shared/contract/index.ts';
import { formatQuantity } from '../../shared/domain/money.ts';
import { formatArtDateTime } from '../../shared/domain/months.ts';
import { rebuildStockLevels } from '../core/stock/ledger.ts';
import { call, CliFailure, needArg, table, type Command, type CommandContext } from './kit.ts';

/** «Azúcar Ledesma 1 kg» (código 7792540250450): how the owner finds it on the shelf. */
function productText(p: Product): string {
  const code = p.barcodes[0] ?? p.sku;
  return `«${p.name}» (${code ? `código ${code}` : 'sin código'})`;
}

/** Products by id, each asked once; null for one that no longer exists. */
async function productsById(
  c: CommandContext,
  ids: string[],
): Promise<Map<string, Product | null>> {
  const map = new Map<string, Product | null>();
  for (const id of new Set(ids)) {
    const r = await c.core.invoke('catalog.get', { id }, { kind: 'system', label: c.label });
    map.set(id, r.ok ? (r.value as Product) : null);
  }
  return map;
}

export const STOCK_COMMANDS: Record<string, Command> = {
  'stock show': {
    async run(c) {
      const code = needArg(c, 'el código de barras o SKU');
      const product = await call(c, 'catalog.lookup', { code });
      if (!product) {
        throw new CliFailure(`No hay ningún producto con el código ${code}`, 1, 'NOT_FOUND');
      }
      const levels: StockLevel[] = await call(c, 'stock.levels', { productId: product.id });
      const moves: StockMovement[] = await call(c, 'stock.movements', {
        productId: product.id,
        limit: 10,
      });
      if (c.io.json) {
        c.io.data({ product, levels, movements: moves });
        return 0;
      }
      const total = levels.reduce((s, l) => s + l.qty, 0);
      c.io.out(
        `${product.name}${product.brand ? ` (${product.brand})` : ''} — total ${formatQuantity(total, product.unit)}`,
      );
      c.io.out(
        table([
          ['Ubicación', 'Stock'],
          ...levels.map((l) => [l.locationName, formatQuantity(l.qty, product.unit)]),
        ]),
      );
      if (moves.length > 0) {
        c.io.out('\nÚltimos movimientos (hora de Buenos Aires):');
        c.io.out(
          table(
            moves.map((m) => [
              formatArtDateTime(m.at),
              m.kind,
              m.locationName,
              formatQuantity(m.qty, product.unit),
              m.reason ?? '',
            ]),
          ),
        );
      }
      return 0;
    },
  },

  'stock check': {
    async run(c) {
      const r: StockCheck = await call(c, 'stock.check', {});
      if (!r.ok && c.options.fix === true) {
        const ctx = c.core.systemCtx(c.label);
        const fixed = ctx.tx(() => rebuildStockLevels(ctx));
        const after: StockCheck = await call(c, 'stock.check', {});
        if (c.io.json) c.io.data({ before: r, fixed, after });
        else
          c.io.out(
            `Se reconstruyó el stock desde el libro de movimientos (${r.mismatches.length} diferencias corregidas).`,
          );
        return after.ok ? 0 : 1;
      }
      if (c.io.json) c.io.data(r);
      else if (r.ok)
        c.io.out(`Stock correcto: ${r.checked} saldos coinciden con el libro de movimientos.`);
      else {
        c.io.out(`Hay ${r.mismatches.length} saldos que no coinciden con el libro de movimientos:`);
        const shown = r.mismatches.slice(0, 50);
        const products = await productsById(
          c,
          shown.map((m) => m.productId),
        );
        const locations: Location[] = await call(c, 'stock.locations', {});
        for (const m of shown) {
          const p = products.get(m.productId) ?? null;
          const where = locations.find((l) => l.id === m.locationId)?.name ?? m.locationId;
          const qty = (q: number): string => (p ? formatQuantity(q, p.unit) : String(q));
          c.io.out(
            `  ${p ? productText(p) : `producto ${m.productId}`} en ${where}: guardado ${qty(m.cached)}, según movimientos ${qty(m.ledger)}`,
          );
        }
        if (r.mismatches.length > shown.length) {
          c.io.out(`  … y ${r.mismatches.length - shown.length} más`);
        }
        c.io.out('Corregilo con: stock check --fix');
      }
      return r.ok ? 0 : 1;
    },
  },
};
