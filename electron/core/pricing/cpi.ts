import type { Database } from 'better-sqlite3';
import type { CpiMonth, CpiSeries, PricingSettings } from '../../../shared/contract/index.ts';
import { artMonth, monthIndex, monthKey } from '../../../shared/domain/months.ts';
import { parseCpiCsv, type MonthlyRates } from '../../../shared/domain/pricing.ts';
import type { Actor } from '../audit/log.ts';
import type { EntitySnapshots } from '../audit/verify.ts';
import type { Ctx, Deps } from '../context.ts';
import { prep } from '../db/statements.ts';
import { invalid } from '../errors.ts';
import { writeSetting } from '../system/settings.ts';
import { SHIPPED_CPI_CSV } from './cpi-shipped.ts';

/**
 * The CPI series the replacement costs are computed with: INDEC's monthly changes as shipped,
 * edited month by month or imported from CSV by the owner, plus the expected inflation for the
 * months not published yet. Every change is audited; a series with a hole is refused, because
 * the maths would silently use the expected rate for the missing month.
 */

type CpiRow = { month: string; rate_bp: number; source: CpiMonth['source']; updated_at: number };

const SETTINGS_KEY = 'pricing';
export const DEFAULT_PRICING_SETTINGS: PricingSettings = { expectedBp: 250, thresholdBp: 300 };

const cpiSnapshot = (r: CpiRow) => ({ rateBp: r.rate_bp, source: r.source });

function rows(db: Database): CpiRow[] {
  return prep<[], CpiRow>(db, 'SELECT * FROM cpi_months ORDER BY month').all();
}

export function readPricingSettings(db: Database): PricingSettings {
  const row = prep<[string], { value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(
    SETTINGS_KEY,
  );
  if (!row) return DEFAULT_PRICING_SETTINGS;
  return { ...DEFAULT_PRICING_SETTINGS, ...(JSON.parse(row.value) as Partial<PricingSettings>) };
}

/** 'YYYY-MM' → percent, as the domain's formula takes it. */
export function readRates(db: Database): MonthlyRates {
  return new Map(rows(db).map((r) => [r.month, r.rate_bp / 100]));
}

export function readSeries(db: Database, now: number): CpiSeries {
  const list = rows(db);
  const last = list.at(-1)?.month;
  return {
    ...readPricingSettings(db),
    months: list.map((r) => ({
      month: r.month,
      rateBp: r.rate_bp,
      source: r.source,
      updatedAt: r.updated_at,
    })),
    nextMonth: last ? monthKey(monthIndex(last) + 1) : artMonth(now).key,
  };
}

function upsert(deps: Pick<Deps, 'db' | 'audit'>, actor: Actor, row: CpiRow): void {
  const { db } = deps;
  const prev = prep<[string], CpiRow>(db, 'SELECT * FROM cpi_months WHERE month = ?').get(
    row.month,
  );
  if (prev && prev.rate_bp === row.rate_bp) return;
  prep(
    db,
    `INSERT INTO cpi_months (month, rate_bp, source, updated_at) VALUES (@month, @rate_bp, @source, @updated_at)
     ON CONFLICT (month) DO UPDATE SET rate_bp = excluded.rate_bp, source = excluded.source,
       updated_at = excluded.updated_at`,
  ).run(row);
  deps.audit.append(actor, {
    action: prev ? 'cpi.update' : 'cpi.add',
    entity: 'cpi_month',
    entityId: row.month,
    before: prev ? cpiSnapshot(prev) : null,
    after: cpiSnapshot(row),
  });
}

const MONTH_NAMES = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];

/** '2025-10' → 'octubre de 2025', for messages. */
export function monthName(key: string): string {
  return `${MONTH_NAMES[Number(key.slice(5, 7)) - 1] ?? key} de ${key.slice(0, 4)}`;
}

function refuseFuture(month: string, now: number): void {
  const current = artMonth(now).key;
  if (month >= current) {
    throw invalid(
      `El IPC de ${monthName(month)} todavía no se publicó (se publica a mediados del mes siguiente): para los meses sin dato se usa la inflación esperada`,
    );
  }
}

/** Refuses a set of months that would leave a hole next to the ones already loaded. */
function refuseGaps(existing: readonly string[], incoming: readonly string[]): void {
  const all = [...new Set([...existing, ...incoming])].sort();
  for (let k = 1; k < all.length; k++) {
    const prev = all[k - 1] as string;
    const next = all[k] as string;
    if (monthIndex(next) - monthIndex(prev) > 1) {
      throw invalid(
        `Faltarían los meses entre ${monthName(prev)} y ${monthName(next)}: cargá la serie sin huecos (primero ${monthName(monthKey(monthIndex(prev) + 1))})`,
      );
    }
  }
}

export function saveMonth(ctx: Ctx, month: string, rateBp: number): CpiSeries {
  const now = ctx.now();
  refuseFuture(month, now);
  ctx.tx(() => {
    refuseGaps(
      rows(ctx.db).map((r) => r.month),
      [month],
    );
    upsert(ctx, ctx.actor, { month, rate_bp: rateBp, source: 'manual', updated_at: now });
  });
  return readSeries(ctx.db, now);
}

export function importCsv(
  ctx: Ctx,
  csv: string,
  dryRun: boolean,
): CpiSeries & { imported: number; changed: number } {
  const now = ctx.now();
  const { rates, errors } = parseCpiCsv(csv);
  if (errors.length > 0) {
    const shown = errors.slice(0, 8).map((e) => e.message);
    const more = errors.length > shown.length ? ` (y ${errors.length - shown.length} más)` : '';
    throw invalid(
      `El archivo de IPC tiene errores; no se importó nada. ${shown.join('. ')}${more}`,
      {
        errors,
      },
    );
  }
  for (const month of rates.keys()) refuseFuture(month, now);
  let changed = 0;
  const write = (): void => {
    const existing = new Map(rows(ctx.db).map((r) => [r.month, r.rate_bp]));
    refuseGaps([...existing.keys()], [...rates.keys()]);
    for (const [month, pct] of rates) {
      const rateBp = Math.round(pct * 100);
      if (existing.get(month) === rateBp) continue;
      changed++;
      if (!dryRun) {
        upsert(ctx, ctx.actor, { month, rate_bp: rateBp, source: 'csv', updated_at: now });
      }
    }
  };
  if (dryRun) write();
  else ctx.tx(write);
  return { ...readSeries(ctx.db, now), imported: rates.size, changed };
}

export function saveSettings(ctx: Ctx, settings: PricingSettings): CpiSeries {
  ctx.tx(() => writeSetting(ctx, SETTINGS_KEY, settings));
  return readSeries(ctx.db, ctx.now());
}

/** 'YYYY-MM' → basis points, as shipped; the migration writes these rows. */
export function shippedSeries(): Map<string, number> {
  const { rates } = parseCpiCsv(SHIPPED_CPI_CSV);
  return new Map([...rates].map(([month, pct]) => [month, Math.round(pct * 100)]));
}

/**
 * A month still as shipped vouches for itself: it needs no audit entry as long as it equals the
 * shipped figure (any change through the app makes it 'manual' or 'csv' and writes one).
 */
export const cpiEntity: EntitySnapshots = {
  entity: 'cpi_month',
  label: 'El mes del IPC',
  snapshotAll(db) {
    const shipped = shippedSeries();
    return new Map(
      rows(db)
        .filter((r) => !(r.source === 'indec' && shipped.get(r.month) === r.rate_bp))
        .map((r) => [r.month, cpiSnapshot(r)]),
    );
  },
};
