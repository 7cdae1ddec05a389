import type { Migration } from '../migrate.ts';

/**
 * The counter: supervisor approvals, cash sessions and their movements, sales with lines and
 * payments, returns, customers with their account ledger, and per-session tender totals kept in
 * step with every sale so X/Z reports read a handful of rows. Money in centavos, quantities in
 * thousandths, times in epoch ms.
 */
export const counter: Migration = {
  version: 2,
  name: 'counter',
  up(db) {
    db.exec(`
      CREATE TABLE approvals (
        id            TEXT PRIMARY KEY,
        at            INTEGER NOT NULL,
        action        TEXT NOT NULL,
        requested_by  TEXT REFERENCES users (id),
        authorized_by TEXT NOT NULL REFERENCES users (id),
        reason        TEXT,
        details       TEXT,
        expires_at    INTEGER NOT NULL,
        used_at       INTEGER,
        used_by       TEXT
      ) STRICT;
      CREATE INDEX approvals_at ON approvals (at);

      CREATE TABLE cash_sessions (
        id            TEXT PRIMARY KEY,
        register      TEXT NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('abierta', 'cerrada')),
        opened_at     INTEGER NOT NULL,
        opened_by     TEXT REFERENCES users (id),
        opening_float INTEGER NOT NULL CHECK (opening_float >= 0),
        closed_at     INTEGER,
        closed_by     TEXT REFERENCES users (id),
        counted_cash  INTEGER,
        denominations TEXT,
        declared      TEXT,
        z_report      TEXT
      ) STRICT;
      CREATE UNIQUE INDEX cash_sessions_open ON cash_sessions (register) WHERE status = 'abierta';

      CREATE TABLE cash_movements (
        id            TEXT PRIMARY KEY,
        session_id    TEXT NOT NULL REFERENCES cash_sessions (id),
        at            INTEGER NOT NULL,
        kind          TEXT NOT NULL CHECK (kind IN ('retiro', 'deposito', 'apertura_cajon')),
        amount        INTEGER NOT NULL CHECK (amount >= 0),
        reason        TEXT NOT NULL,
        user_id       TEXT REFERENCES users (id),
        approval_id   TEXT REFERENCES approvals (id)
      ) STRICT;
      CREATE INDEX cash_movements_session ON cash_movements (session_id, at);

      -- Running totals per session and tender, updated in the sale's own transaction.
      CREATE TABLE cash_session_totals (
        session_id TEXT NOT NULL REFERENCES cash_sessions (id),
        tender     TEXT NOT NULL,
        sales      INTEGER NOT NULL DEFAULT 0,
        refunds    INTEGER NOT NULL DEFAULT 0,
        customer_payments INTEGER NOT NULL DEFAULT 0,
        count      INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (session_id, tender)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE customers (
        id           TEXT PRIMARY KEY,
        name         TEXT NOT NULL,
        document     TEXT,
        phone        TEXT,
        credit_limit INTEGER NOT NULL DEFAULT 0 CHECK (credit_limit >= 0),
        balance      INTEGER NOT NULL DEFAULT 0,
        active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at   INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX customers_name ON customers (name COLLATE NOCASE);

      CREATE TABLE sales (
        id              TEXT PRIMARY KEY,
        number          INTEGER NOT NULL UNIQUE,
        idempotency_key TEXT NOT NULL UNIQUE,
        at              INTEGER NOT NULL,
        session_id      TEXT NOT NULL REFERENCES cash_sessions (id),
        user_id         TEXT REFERENCES users (id),
        customer_id     TEXT REFERENCES customers (id),
        location_id     TEXT NOT NULL REFERENCES locations (id),
        subtotal        INTEGER NOT NULL,
        discount_total  INTEGER NOT NULL,
        rounding        INTEGER NOT NULL,
        total           INTEGER NOT NULL,
        change          INTEGER NOT NULL,
        iva             TEXT NOT NULL,
        flags           TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
      CREATE INDEX sales_at ON sales (at);
      CREATE INDEX sales_session ON sales (session_id);
      CREATE INDEX sales_user ON sales (user_id, at);

      CREATE TABLE sale_lines (
        id           TEXT PRIMARY KEY,
        sale_id      TEXT NOT NULL REFERENCES sales (id),
        line_no      INTEGER NOT NULL,
        product_id   TEXT NOT NULL REFERENCES products (id),
        code         TEXT,
        description  TEXT NOT NULL,
        unit         TEXT NOT NULL,
        qty          INTEGER NOT NULL CHECK (qty > 0),
        list_price   INTEGER NOT NULL,
        unit_price   INTEGER NOT NULL,
        discount_bp  INTEGER NOT NULL DEFAULT 0,
        total        INTEGER NOT NULL,
        unit_cost    INTEGER NOT NULL,
        iva_rate_bp  INTEGER NOT NULL,
        below_cost   INTEGER NOT NULL DEFAULT 0,
        without_stock INTEGER NOT NULL DEFAULT 0,
        approval_id  TEXT REFERENCES approvals (id),
        returned_qty INTEGER NOT NULL DEFAULT 0,
        UNIQUE (sale_id, line_no)
      ) STRICT;
      CREATE INDEX sale_lines_product ON sale_lines (product_id);

      CREATE TABLE sale_payments (
        id        TEXT PRIMARY KEY,
        sale_id   TEXT NOT NULL REFERENCES sales (id),
        tender    TEXT NOT NULL CHECK (tender IN ('efectivo', 'debito', 'credito', 'transferencia', 'cuenta_corriente')),
        amount    INTEGER NOT NULL CHECK (amount > 0),
        tendered  INTEGER,
        change    INTEGER NOT NULL DEFAULT 0,
        reference TEXT
      ) STRICT;
      CREATE INDEX sale_payments_sale ON sale_payments (sale_id);
      CREATE INDEX sale_payments_tender ON sale_payments (tender);

      CREATE TABLE returns (
        id              TEXT PRIMARY KEY,
        idempotency_key TEXT NOT NULL UNIQUE,
        sale_id         TEXT REFERENCES sales (id),
        session_id      TEXT NOT NULL REFERENCES cash_sessions (id),
        at              INTEGER NOT NULL,
        user_id         TEXT REFERENCES users (id),
        approval_id     TEXT NOT NULL REFERENCES approvals (id),
        location_id     TEXT NOT NULL REFERENCES locations (id),
        reason          TEXT NOT NULL,
        total           INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX returns_sale ON returns (sale_id);

      CREATE TABLE return_lines (
        id           TEXT PRIMARY KEY,
        return_id    TEXT NOT NULL REFERENCES returns (id),
        sale_line_id TEXT REFERENCES sale_lines (id),
        product_id   TEXT NOT NULL REFERENCES products (id),
        qty          INTEGER NOT NULL CHECK (qty > 0),
        amount       INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX return_lines_sale_line ON return_lines (sale_line_id);

      CREATE TABLE return_refunds (
        return_id TEXT NOT NULL REFERENCES returns (id),
        tender    TEXT NOT NULL,
        amount    INTEGER NOT NULL CHECK (amount > 0),
        PRIMARY KEY (return_id, tender)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE customer_ledger (
        id          TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL REFERENCES customers (id),
        at          INTEGER NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('cargo', 'pago', 'ajuste')),
        amount      INTEGER NOT NULL,
        balance_after INTEGER NOT NULL,
        sale_id     TEXT REFERENCES sales (id),
        return_id   TEXT REFERENCES returns (id),
        session_id  TEXT REFERENCES cash_sessions (id),
        tender      TEXT,
        note        TEXT,
        user_id     TEXT REFERENCES users (id),
        approval_id TEXT REFERENCES approvals (id)
      ) STRICT;
      CREATE INDEX customer_ledger_customer ON customer_ledger (customer_id, at);
    `);
  },
};
