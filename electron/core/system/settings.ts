import type { Database } from 'better-sqlite3';
import type { Settings } from '../../../shared/contract/index.ts';
import type { EntitySnapshots } from '../audit/verify.ts';
import type { Ctx } from '../context.ts';

const DEFAULTS: Settings = { storeName: 'Mi almacén', storeCuit: null, storeAddress: null };

export function readSettings(db: Database): Settings {
  const rows = db
    .prepare<[], { key: string; value: string }>('SELECT key, value FROM settings')
    .all();
  const out: Record<string, unknown> = { ...DEFAULTS };
  // Other domains keep their own keys here (the counter's `pos`): only the store's are Settings.
  for (const r of rows) if (r.key in DEFAULTS) out[r.key] = JSON.parse(r.value) as unknown;
  return out as Settings;
}

/** Writes one setting with its audit entry; call inside ctx.tx. */
export function writeSetting(ctx: Ctx, key: string, value: unknown): void {
  const prev = ctx.db
    .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
    .get(key);
  const json = JSON.stringify(value);
  if (prev?.value === json) return;
  ctx.db
    .prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    )
    .run(key, json);
  ctx.audit.append(ctx.actor, {
    action: 'settings.update',
    entity: 'setting',
    entityId: key,
    before: prev ? (JSON.parse(prev.value) as unknown) : null,
    after: value,
  });
}

export const settingEntity: EntitySnapshots = {
  entity: 'setting',
  label: 'El ajuste',
  snapshotAll(db) {
    const map = new Map<string, unknown>();
    for (const r of db
      .prepare<[], { key: string; value: string }>('SELECT key, value FROM settings')
      .iterate()) {
      map.set(r.key, JSON.parse(r.value) as unknown);
    }
    return map;
  },
};
