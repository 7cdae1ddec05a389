import type { Migration } from '../migrate.ts';

/**
 * The foundation: settings, users, the hash-chained audit log, the catalog with
 * its word index, stock locations, the movement ledger and its per-location cache,
 * and stock counts. Money in centavos, quantities in thousandths, times in epoch ms.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE users (
        id              TEXT PRIMARY KEY,
        name            TEXT NOT NULL COLLATE NOCASE UNIQUE,
        role            TEXT NOT NULL CHECK (role IN ('dueno', 'encargado', 'cajero')),
        pin_hash        TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until    INTEGER,
        active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at      INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        seq       INTEGER PRIMARY KEY AUTOINCREMENT,
        id        TEXT NOT NULL UNIQUE,
        at        INTEGER NOT NULL,
        user_id   TEXT,
        actor     TEXT NOT NULL,
        action    TEXT NOT NULL,
        entity    TEXT NOT NULL,
        entity_id TEXT,
        before    TEXT,
        after     TEXT,
        prev_hash TEXT NOT NULL,
        hash      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_entity ON audit_log (entity, entity_id, seq);

      CREATE TABLE categories (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        parent_id  TEXT REFERENCES categories (id),
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX categories_name ON categories (ifnull(parent_id, ''), name COLLATE NOCASE);

      -- seq pins the rowid the word index is keyed on (VACUUM may renumber an implicit rowid).
      CREATE TABLE products (
        seq           INTEGER PRIMARY KEY,
        id            TEXT NOT NULL UNIQUE,
        sku           TEXT UNIQUE,
        plu           INTEGER UNIQUE,
        name          TEXT NOT NULL,
        brand         TEXT,
        category_id   TEXT REFERENCES categories (id),
        unit          TEXT NOT NULL CHECK (unit IN ('u', 'kg', 'lt')),
        iva_rate_bp   INTEGER NOT NULL CHECK (iva_rate_bp IN (0, 250, 500, 1050, 2100, 2700)),
        cost          INTEGER NOT NULL CHECK (cost >= 0),
        cost_date     INTEGER,
        price         INTEGER NOT NULL CHECK (price >= 0),
        min_stock     INTEGER NOT NULL DEFAULT 0 CHECK (min_stock >= 0),
        max_stock     INTEGER,
        supplier_cuit TEXT,
        active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at    INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX products_category ON products (category_id);
      CREATE INDEX products_name ON products (name COLLATE NOCASE);

      CREATE TABLE product_barcodes (
        barcode    TEXT PRIMARY KEY,
        product_id TEXT NOT NULL REFERENCES products (id) ON DELETE CASCADE
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX product_barcodes_product ON product_barcodes (product_id);

      -- Word index over name, brand, category and codes; rowid = products.rowid.
      CREATE VIRTUAL TABLE products_fts USING fts5 (
        name, brand, category, codes,
        tokenize = 'unicode61 remove_diacritics 2'
      );

      CREATE TABLE locations (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL COLLATE NOCASE UNIQUE,
        active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        sort       INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      ) STRICT;

      -- The ledger: the truth about stock. Never updated or deleted.
      CREATE TABLE stock_movements (
        id          TEXT PRIMARY KEY,
        at          INTEGER NOT NULL,
        product_id  TEXT NOT NULL REFERENCES products (id),
        location_id TEXT NOT NULL REFERENCES locations (id),
        qty         INTEGER NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('entrada', 'salida', 'ajuste', 'transferencia', 'venta', 'devolucion')),
        reason      TEXT,
        user_id     TEXT REFERENCES users (id),
        reference   TEXT,
        transfer_id TEXT
      ) STRICT;
      CREATE INDEX stock_movements_product ON stock_movements (product_id, at);
      CREATE INDEX stock_movements_location ON stock_movements (location_id, at);
      CREATE INDEX stock_movements_at ON stock_movements (at);

      -- A cache of the ledger per product and location; stock.check rebuilds and compares.
      CREATE TABLE stock_levels (
        product_id  TEXT NOT NULL REFERENCES products (id),
        location_id TEXT NOT NULL REFERENCES locations (id),
        qty         INTEGER NOT NULL,
        PRIMARY KEY (product_id, location_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE stock_counts (
        id          TEXT PRIMARY KEY,
        location_id TEXT NOT NULL REFERENCES locations (id),
        status      TEXT NOT NULL CHECK (status IN ('abierto', 'cerrado', 'cancelado')),
        started_by  TEXT REFERENCES users (id),
        started_at  INTEGER NOT NULL,
        closed_at   INTEGER
      ) STRICT;
      -- One open count per location, whoever starts it.
      CREATE UNIQUE INDEX stock_counts_open ON stock_counts (location_id) WHERE status = 'abierto';

      CREATE TABLE stock_count_lines (
        count_id   TEXT NOT NULL REFERENCES stock_counts (id),
        product_id TEXT NOT NULL REFERENCES products (id),
        expected   INTEGER NOT NULL,
        counted    INTEGER NOT NULL,
        counted_at INTEGER NOT NULL,
        PRIMARY KEY (count_id, product_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
