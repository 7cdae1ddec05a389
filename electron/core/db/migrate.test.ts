import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../testing/harness.ts';
import { DataError } from './data-error.ts';
import { checkMigrationList, migrate, schemaVersion, type Migration } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { DB_FILE, openDatabase } from './open.ts';

const tables = (db: BetterSqlite3.Database): string[] =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);

describe('migrations', () => {
  it('brings a new database to the latest version with WAL, FULL sync and foreign keys', () => {
    const dir = tempDataDir();
    const db = openDatabase(dir, { migrations: MIGRATIONS });
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(tables(db)).toEqual(
      expect.arrayContaining(['products', 'stock_movements', 'audit_log', 'users']),
    );
    db.close();
  });

  it('is idempotent: reopening does not run migrations again', () => {
    const dir = tempDataDir();
    openDatabase(dir, { migrations: MIGRATIONS }).close();
    const db = openDatabase(dir, { migrations: MIGRATIONS });
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
  });

  it('refuses a list that is not strictly increasing from 1', () => {
    const m = (version: number): Migration => ({
      version,
      name: `m${version}`,
      up: () => undefined,
    });
    expect(() => checkMigrationList([m(1), m(3)])).toThrow(/fuera de orden/);
    expect(() => checkMigrationList([m(2), m(1)])).toThrow(/fuera de orden/);
    expect(() => checkMigrationList([m(1), m(2)])).not.toThrow();
  });

  it('applies all pending migrations in one transaction: a failing one leaves nothing behind', () => {
    const db = new BetterSqlite3(':memory:');
    const list: Migration[] = [
      { version: 1, name: 'a', up: (d) => d.exec('CREATE TABLE a (x INTEGER)') },
      {
        version: 2,
        name: 'b',
        up: (d) => {
          d.exec('CREATE TABLE b (x INTEGER)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, list)).toThrow('boom');
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
  });

  it('moves data forward in a later migration (migrate to N-1, insert old rows, migrate)', () => {
    const db = new BetterSqlite3(':memory:');
    const v1: Migration = {
      version: 1,
      name: 'prices',
      up: (d) => d.exec('CREATE TABLE p (pesos REAL)'),
    };
    const v2: Migration = {
      version: 2,
      name: 'centavos',
      up: (d) => {
        d.exec('ALTER TABLE p ADD COLUMN centavos INTEGER');
        d.exec('UPDATE p SET centavos = CAST(round(pesos * 100) AS INTEGER)');
      },
    };
    migrate(db, [v1]);
    db.prepare('INSERT INTO p (pesos) VALUES (?)').run(1234.56);
    migrate(db, [v1, v2]);
    expect(db.prepare('SELECT centavos FROM p').get()).toEqual({ centavos: 123456 });
    expect(schemaVersion(db)).toBe(2);
  });

  it('refuses a database from a newer app and leaves it untouched', () => {
    const dir = tempDataDir();
    openDatabase(dir, { migrations: MIGRATIONS }).close();
    const raw = new BetterSqlite3(path.join(dir, DB_FILE));
    raw.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    raw.close();
    const before = fs.readFileSync(path.join(dir, DB_FILE));
    let error: unknown;
    try {
      openDatabase(dir, { migrations: MIGRATIONS });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).code).toBe('DATA_TOO_NEW');
    expect((error as DataError).message).toMatch(/versión más nueva/);
    expect(fs.readFileSync(path.join(dir, DB_FILE)).equals(before)).toBe(true);
  });
});
