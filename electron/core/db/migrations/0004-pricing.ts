import { parseCpiCsv } from '../../../../shared/domain/pricing.ts';
import { SHIPPED_CPI_CSV } from '../../pricing/cpi-shipped.ts';
import type { Migration } from '../migrate.ts';

/**
 * The pricing desk: the monthly CPI series (basis points: 2,7 % = 270), pricing policies per
 * level (null fields inherit from the level above), and the history of shelf prices with the
 * batches (mass updates) that moved many at once. Money in centavos, times in epoch ms.
 */
export const pricing: Migration = {
  version: 4,
  name: 'pricing',
  up(db) {
    db.exec(`
      CREATE TABLE cpi_months (
        month      TEXT PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
        rate_bp    INTEGER NOT NULL CHECK (rate_bp BETWEEN -5000 AND 10000),
        source     TEXT NOT NULL CHECK (source IN ('indec', 'manual', 'csv')),
        updated_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;

      -- scope_id: '' for the store, else a category id, a supplier CUIT or a product id.
      CREATE TABLE pricing_policies (
        scope         TEXT NOT NULL CHECK (scope IN ('store', 'category', 'supplier', 'product')),
        scope_id      TEXT NOT NULL,
        markup_bp     INTEGER CHECK (markup_bp BETWEEN 0 AND 100000),
        min_margin_bp INTEGER CHECK (min_margin_bp BETWEEN 0 AND 100000),
        rounding      TEXT CHECK (rounding IN ('none', 'up10', 'up50', 'up100', 'ends9', 'ends99')),
        horizon_days  INTEGER CHECK (horizon_days BETWEEN 0 AND 366),
        updated_at    INTEGER NOT NULL,
        PRIMARY KEY (scope, scope_id)
      ) STRICT, WITHOUT ROWID;

      -- A mass update, or the undoing of one (undoes: the batch reverted; at most once).
      CREATE TABLE price_batches (
        id          TEXT PRIMARY KEY,
        created_at  INTEGER NOT NULL,
        user_id     TEXT REFERENCES users (id),
        mode        TEXT NOT NULL CHECK (mode IN ('sugerido', 'porcentaje', 'manual', 'deshacer')),
        description TEXT NOT NULL,
        count       INTEGER NOT NULL CHECK (count >= 0),
        undoes      TEXT UNIQUE REFERENCES price_batches (id)
      ) STRICT;

      -- Every change of a shelf price: from a batch, the product editor, an import.
      CREATE TABLE price_history (
        id             TEXT PRIMARY KEY,
        product_id     TEXT NOT NULL REFERENCES products (id),
        price          INTEGER NOT NULL CHECK (price >= 0),
        previous_price INTEGER NOT NULL,
        at             INTEGER NOT NULL,
        source         TEXT NOT NULL,
        batch_id       TEXT REFERENCES price_batches (id),
        user_id        TEXT REFERENCES users (id)
      ) STRICT;
      CREATE INDEX price_history_product ON price_history (product_id, at);
      CREATE INDEX price_history_batch ON price_history (batch_id) WHERE batch_id IS NOT NULL;
      CREATE INDEX price_history_at ON price_history (at);

      -- The newest entry of one kind, at once: the pricing desk knows its figures are stale
      -- when a product, policy, CPI month or setting was written after it computed them.
      CREATE INDEX audit_entity_seq ON audit_log (entity, seq);
    `);
    // The first series ships with the app (the owner edits and extends it).
    const insert = db.prepare(
      "INSERT INTO cpi_months (month, rate_bp, source, updated_at) VALUES (?, ?, 'indec', 0)",
    );
    for (const [month, pct] of parseCpiCsv(SHIPPED_CPI_CSV).rates) {
      insert.run(month, Math.round(pct * 100));
    }
  },
};
