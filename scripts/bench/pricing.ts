import type { Database } from 'better-sqlite3';
import type { ChannelName, InputOf, OutputOf } from '../../shared/contract/index.ts';
import { createRng } from '../../electron/core/demo/random.ts';
import { median, percentile, round, timeEach } from './stats.ts';

type Call = <C extends ChannelName>(channel: C, input: InputOf<C>) => Promise<OutputOf<C>>;
type Record = (name: string, value: number | null, unit: string, target?: number | null, note?: string) => void;

const DAY = 86_400_000;
const MASS = 20_000;

/**
 * The pricing desk on the 100,000-product store: the suggestions recomputed from scratch (every
 * product priced by the formula), the screen's first page, and a 20,000-product mass update with
 * its undo. The imported costs are all dated today; they are aged 0–400 days first (plain SQL,
 * outside the app) so every product crosses a different stretch of the CPI series.
 */
export async function benchPricing(opts: {
  call: Call;
  db: Database;
  scratch: Map<string, unknown>;
  record: Record;
  log: (text: string) => void;
}): Promise<unknown> {
  const { call, db, scratch, record, log } = opts;
  const rng = createRng(11);
  const now = Date.now();
  const ids = db.prepare('SELECT id FROM products WHERE active = 1 AND cost > 0').pluck().all() as string[];
  const age = db.prepare('UPDATE products SET cost_date = ? WHERE id = ?');
  db.transaction(() => {
    for (const id of ids) age.run(now - Math.floor(rng.next() * 400) * DAY, id);
  })();
  // The app checkpoints the WAL whenever it is idle; the setup above is not what is measured.
  db.pragma('wal_checkpoint(TRUNCATE)');

  log('Precios: sugerencias recalculadas sobre todo el catálogo…');
  const recompute: number[] = [];
  let page: OutputOf<'pricing.suggest'> | null = null;
  for (let i = 0; i < 5; i++) {
    scratch.delete('pricing.suggestions');
    const t = performance.now();
    page = await call('pricing.suggest', { limit: 100 });
    recompute.push(performance.now() - t);
  }
  record('pricing_suggest_recompute_s', round(median(recompute) / 1000, 3), 's', 2, `${ids.length} productos con costo`);
  record('pricing_first_page_cold_ms', Math.round(median(recompute)), 'ms', 200, 'primera página con el cálculo completo');
  const warm = await timeEach(Array.from({ length: 50 }, (_, i) => i), () => call('pricing.suggest', { limit: 100 }), 5);
  record('pricing_first_page_ms', round(percentile(warm, 50), 2), 'ms', 200, 'pantalla de precios, cálculo ya hecho');

  log(`Precios: actualización masiva de ${MASS.toLocaleString('es-AR')} productos…`);
  const chosen = ids.slice(0, MASS);
  let t = performance.now();
  const preview = await call('pricing.preview', {
    selection: { productIds: chosen },
    mode: { kind: 'percent', percentBp: 850, rounding: 'policy' },
  });
  const previewSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const applied = await call('pricing.apply', {
    description: 'Aumento 8,5 % (benchmark)',
    mode: 'porcentaje',
    changes: preview.rows.map((r) => ({ productId: r.productId, oldPrice: r.oldPrice, newPrice: r.newPrice })),
  });
  const applySeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const undone = await call('pricing.undo', { batchId: applied.batch.id });
  const undoSeconds = (performance.now() - t) / 1000;
  record('pricing_mass_update_20k_s', round(applySeconds, 3), 's', 3, `${applied.changed} precios en una transacción`);
  record('pricing_mass_preview_20k_s', round(previewSeconds, 3), 's');
  record('pricing_mass_undo_20k_s', round(undoSeconds, 3), 's');
  return {
    products: ids.length,
    suggested: page?.total ?? null,
    belowReplacement: page?.belowReplacement ?? null,
    recomputeMs: recompute.map((v) => Math.round(v)),
    massUpdate: { previewRows: preview.rows.length, unchanged: preview.unchanged, changed: applied.changed, restored: undone.restored },
  };
}
