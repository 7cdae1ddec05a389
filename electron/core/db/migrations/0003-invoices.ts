import type { Migration } from '../migrate.ts';

/**
 * Supplier invoices: the files they came in (bytes on disk, content-addressed), suppliers and
 * their own product codes, invoices with their lines (draft → applied or discarded), and the
 * history of purchase costs. Money in centavos, quantities in thousandths, times in epoch ms,
 * invoice dates 'YYYY-MM-DD' as printed.
 */
export const invoices: Migration = {
  version: 3,
  name: 'invoices',
  up(db) {
    db.exec(`
      -- The bytes live in <dataDir>/files/<sha[0:2]>/<sha>; this is what the app knows of them.
      CREATE TABLE files (
        sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        name       TEXT NOT NULL,
        mime       TEXT NOT NULL,
        size       INTEGER NOT NULL CHECK (size > 0),
        created_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE suppliers (
        cuit               TEXT PRIMARY KEY CHECK (length(cuit) = 11),
        name               TEXT NOT NULL,
        prices_include_iva INTEGER NOT NULL DEFAULT 0 CHECK (prices_include_iva IN (0, 1)),
        prices_per_pack    INTEGER NOT NULL DEFAULT 1 CHECK (prices_per_pack IN (0, 1)),
        created_at         INTEGER NOT NULL,
        updated_at         INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX suppliers_name ON suppliers (name COLLATE NOCASE);

      -- The supplier's own code for a product, learnt when a line is applied.
      CREATE TABLE supplier_codes (
        supplier_cuit TEXT NOT NULL REFERENCES suppliers (cuit),
        code          TEXT NOT NULL,
        product_id    TEXT NOT NULL REFERENCES products (id),
        pack_units    INTEGER NOT NULL DEFAULT 1 CHECK (pack_units >= 1),
        updated_at    INTEGER NOT NULL,
        PRIMARY KEY (supplier_cuit, code)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX supplier_codes_product ON supplier_codes (product_id);

      CREATE TABLE invoices (
        id            TEXT PRIMARY KEY,
        status        TEXT NOT NULL CHECK (status IN ('borrador', 'aplicada', 'descartada')),
        kind          TEXT CHECK (kind IN ('factura', 'nota_credito', 'nota_debito')),
        letter        TEXT CHECK (letter IN ('A', 'B', 'C')),
        afip_code     INTEGER,
        point_of_sale INTEGER,
        number        INTEGER,
        date          TEXT,
        issuer_cuit   TEXT,
        issuer_name   TEXT,
        total         INTEGER,
        -- Folded issuer name, CUIT, number and file name: the list's word filter.
        search        TEXT NOT NULL DEFAULT '',
        file_sha      TEXT NOT NULL REFERENCES files (sha256),
        file_name     TEXT NOT NULL,
        data          TEXT NOT NULL,
        extraction    TEXT NOT NULL,
        location_id   TEXT REFERENCES locations (id),
        created_at    INTEGER NOT NULL,
        created_by    TEXT REFERENCES users (id),
        updated_at    INTEGER NOT NULL,
        applied_at    INTEGER,
        applied_by    TEXT REFERENCES users (id)
      ) STRICT;
      -- The last line of defence against loading the same invoice twice.
      CREATE UNIQUE INDEX invoices_applied_number
        ON invoices (issuer_cuit, afip_code, point_of_sale, number) WHERE status = 'aplicada';
      CREATE INDEX invoices_date ON invoices (date, created_at);
      CREATE INDEX invoices_issuer ON invoices (issuer_cuit, date);
      CREATE INDEX invoices_status ON invoices (status, created_at);

      CREATE TABLE invoice_lines (
        invoice_id  TEXT NOT NULL REFERENCES invoices (id),
        idx         INTEGER NOT NULL CHECK (idx >= 0),
        product_id  TEXT REFERENCES products (id),
        pack_units  INTEGER NOT NULL DEFAULT 1 CHECK (pack_units >= 1),
        unit_cost   INTEGER,
        code        TEXT,
        description TEXT NOT NULL,
        quantity    INTEGER NOT NULL,
        unit        TEXT NOT NULL CHECK (unit IN ('u', 'kg', 'lt')),
        unit_price  INTEGER NOT NULL,
        discount_bp INTEGER NOT NULL DEFAULT 0,
        amount      INTEGER NOT NULL,
        -- LineMatch[] as JSON: the suggestions shown for the line when it was matched.
        candidates  TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (invoice_id, idx)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX invoice_lines_product ON invoice_lines (product_id);

      -- Purchase prices over time. updated_product = 0: an older invoice loaded late, kept as
      -- history without moving the product's cost back.
      CREATE TABLE cost_history (
        id              TEXT PRIMARY KEY,
        product_id      TEXT NOT NULL REFERENCES products (id),
        cost            INTEGER NOT NULL CHECK (cost >= 0),
        previous_cost   INTEGER NOT NULL,
        at              INTEGER NOT NULL,
        cost_date       INTEGER NOT NULL,
        invoice_id      TEXT REFERENCES invoices (id),
        supplier_cuit   TEXT,
        source          TEXT NOT NULL,
        updated_product INTEGER NOT NULL DEFAULT 1 CHECK (updated_product IN (0, 1)),
        user_id         TEXT REFERENCES users (id)
      ) STRICT;
      CREATE INDEX cost_history_product ON cost_history (product_id, cost_date);
      CREATE INDEX cost_history_invoice ON cost_history (invoice_id);
    `);
  },
};
