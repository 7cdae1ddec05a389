import type { Database } from 'better-sqlite3';
import type { ParsedInputOf, PosSettings } from '../../../shared/contract/index.ts';
import { prep } from '../db/statements.ts';
import type { Ctx } from '../context.ts';
import { invalid } from '../errors.ts';
import { createLocation } from '../stock/locations.ts';
import { writeSetting } from '../system/settings.ts';

/** The settings row that holds the counter's options (one JSON object, audited like any setting). */
export const POS_SETTINGS_KEY = 'pos';

const DAMAGED_NAME = 'Averiados';

/** What a fresh store uses: Systel-style weight labels on 20, whole-peso price labels on 21. */
export const POS_DEFAULTS: PosSettings = {
  register: 'Caja 1',
  saleLocationId: null,
  damagedLocationId: null,
  cashierDiscountLimitBp: 500,
  cashRoundingStep: 0,
  scaleLayouts: [
    { prefix: '20', pluLength: 5, valueKind: 'weight', valueDecimals: 3 },
    { prefix: '21', pluLength: 5, valueKind: 'price', valueDecimals: 0 },
  ],
  receiptWidth: 80,
  receiptHeader: '',
  receiptFooter: '¡Gracias por su compra!',
  printerName: null,
};

function storedPos(db: Database): Partial<PosSettings> {
  const row = prep<[string], { value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(
    POS_SETTINGS_KEY,
  );
  return row ? (JSON.parse(row.value) as Partial<PosSettings>) : {};
}

function salonId(db: Database): string | null {
  return (
    prep<[], { id: string }>(
      db,
      "SELECT id FROM locations WHERE name = 'Salón' COLLATE NOCASE ORDER BY active DESC, sort LIMIT 1",
    ).get()?.id ?? null
  );
}

/**
 * The counter's options with defaults filled in. A sale location left unset means the location
 * named Salón, so a store works the moment it is created without anyone opening the settings.
 */
export function readPosSettings(db: Database): PosSettings {
  const s: PosSettings = { ...POS_DEFAULTS, ...storedPos(db) };
  if (s.saleLocationId === null) s.saleLocationId = salonId(db);
  return s;
}

/** The location sales take stock from; a store with no Salón and no setting cannot sell. */
export function saleLocationOf(s: PosSettings): string {
  if (s.saleLocationId === null) {
    throw invalid('Elegí en Ajustes de caja de qué ubicación salen las ventas');
  }
  return s.saleLocationId;
}

/**
 * The damaged-goods location, created on the first damaged return and remembered in the
 * settings. Inside ctx.tx.
 */
export function damagedLocationId(ctx: Ctx): string {
  const s = readPosSettings(ctx.db);
  if (s.damagedLocationId !== null && locationExists(ctx.db, s.damagedLocationId)) {
    return s.damagedLocationId;
  }
  const existing = prep<[string], { id: string }>(
    ctx.db,
    'SELECT id FROM locations WHERE name = ? COLLATE NOCASE',
  ).get(DAMAGED_NAME);
  const id = existing?.id ?? createLocation(ctx, DAMAGED_NAME).id;
  writeSetting(ctx, POS_SETTINGS_KEY, { ...storedPos(ctx.db), damagedLocationId: id });
  return id;
}

function locationExists(db: Database, id: string): boolean {
  return prep<[string], { active: number }>(db, 'SELECT active FROM locations WHERE id = ?').get(id)
    ? true
    : false;
}

export type PosSettingsChanges = ParsedInputOf<'sales.updateSettings'>;

/** Merges the changes into what is stored; a location must exist to be chosen. */
export function updatePosSettings(ctx: Ctx, changes: PosSettingsChanges): PosSettings {
  for (const [key, id] of [
    ['saleLocationId', changes.saleLocationId],
    ['damagedLocationId', changes.damagedLocationId],
  ] as const) {
    if (id === undefined || id === null) continue;
    const row = prep<[string], { active: number }>(
      ctx.db,
      'SELECT active FROM locations WHERE id = ?',
    ).get(id);
    if (!row) throw invalid('La ubicación elegida no existe', { field: key });
    if (row.active !== 1) throw invalid('La ubicación elegida está desactivada', { field: key });
  }
  const prefixes = (changes.scaleLayouts ?? []).map((l) => l.prefix);
  if (new Set(prefixes).size !== prefixes.length) {
    throw invalid('Hay dos formatos de etiqueta de balanza con el mismo prefijo');
  }
  for (const l of changes.scaleLayouts ?? []) {
    if (l.prefix.length + l.pluLength + 6 > 13) {
      throw invalid(`El formato con prefijo ${l.prefix} no entra en un EAN-13: acortá el PLU`);
    }
    if (l.valueKind === 'price' && l.valueDecimals > 2) {
      throw invalid('Un precio en etiqueta lleva 0 (pesos enteros) a 2 decimales');
    }
  }
  ctx.tx(() => {
    const next: Partial<PosSettings> = { ...storedPos(ctx.db) };
    for (const [k, v] of Object.entries(changes)) {
      if (v !== undefined) (next as Record<string, unknown>)[k] = v;
    }
    writeSetting(ctx, POS_SETTINGS_KEY, { ...POS_DEFAULTS, ...next });
  });
  return readPosSettings(ctx.db);
}
