import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStoreWithOwner, type TestStore } from './testing/harness.ts';

let store: TestStore | null = null;
afterEach(() => store?.close());

describe('a database held by another program', () => {
  it('answers BUSY in Spanish instead of an internal error, and the retry works', async () => {
    const s = (store = await openStoreWithOwner());
    // No waiting in the test: the other program's lock is seen at once.
    s.core.deps()?.db.pragma('busy_timeout = 0');
    const other = new BetterSqlite3(path.join(s.dataDir, 'caja.db'));
    const lucia = { name: 'Lucía', role: 'cajero', pin: '5678' } as const;
    try {
      other.exec('BEGIN IMMEDIATE');
      const r = await s.attempt('users.create', lucia);
      expect(r).toEqual({
        ok: false,
        error: {
          code: 'BUSY',
          message:
            'La base de datos está ocupada o bloqueada por otro programa: no se guardó nada. Esperá unos segundos y reintentá.',
        },
      });
      other.exec('ROLLBACK');
      expect(await s.attempt('users.create', lucia)).toMatchObject({ ok: true });
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
    }
  });
});
