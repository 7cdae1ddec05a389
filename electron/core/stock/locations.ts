import type { Database } from 'better-sqlite3';
import type { Location } from '../../../shared/contract/index.ts';
import { snapshotRows, type EntitySnapshots } from '../audit/verify.ts';
import type { Ctx } from '../context.ts';
import { conflict } from '../errors.ts';

type LocationRow = { id: string; name: string; active: number; sort: number; created_at: number };

const snapshot = (r: LocationRow) => ({ name: r.name, active: r.active === 1, sort: r.sort });
const toLocation = (r: LocationRow): Location => ({
  id: r.id,
  name: r.name,
  active: r.active === 1,
});

export function listLocations(db: Database): Location[] {
  return db
    .prepare<[], LocationRow>('SELECT * FROM locations ORDER BY sort, name')
    .all()
    .map(toLocation);
}

export function getLocationRow(db: Database, id: string): LocationRow | undefined {
  return db.prepare<[string], LocationRow>('SELECT * FROM locations WHERE id = ?').get(id);
}

/** Call inside ctx.tx. */
export function createLocation(ctx: Ctx, name: string): Location {
  const dup = ctx.db.prepare('SELECT 1 FROM locations WHERE name = ? COLLATE NOCASE').get(name);
  if (dup) throw conflict(`Ya existe la ubicación «${name}»`);
  const sort = (
    ctx.db.prepare('SELECT ifnull(max(sort), 0) + 1 AS s FROM locations').get() as { s: number }
  ).s;
  const row: LocationRow = { id: ctx.newId(), name, active: 1, sort, created_at: ctx.now() };
  ctx.db
    .prepare(
      'INSERT INTO locations (id, name, active, sort, created_at) VALUES (@id, @name, @active, @sort, @created_at)',
    )
    .run(row);
  ctx.audit.append(ctx.actor, {
    action: 'location.create',
    entity: 'location',
    entityId: row.id,
    after: snapshot(row),
  });
  return toLocation(row);
}

/** Salón (the shop floor, where sales take stock from) and Depósito, on first run. */
export function createDefaultLocations(ctx: Ctx): void {
  const n = (ctx.db.prepare('SELECT count(*) AS n FROM locations').get() as { n: number }).n;
  if (n > 0) return;
  createLocation(ctx, 'Salón');
  createLocation(ctx, 'Depósito');
}

export const locationEntity: EntitySnapshots = {
  entity: 'location',
  label: 'La ubicación',
  snapshotAll: (db) => snapshotRows<LocationRow>(db, 'locations', snapshot),
};
