import type { Database, Statement } from 'better-sqlite3';

// Preparing a statement costs more than running a point query on it: the scanner path and the
// 100k-row import reuse one statement per SQL text for the life of the connection.
const cache = new WeakMap<Database, Map<string, Statement>>();

export function prep<P extends unknown[] | object = unknown[], R = unknown>(
  db: Database,
  sql: string,
): Statement<P, R> {
  let byText = cache.get(db);
  if (!byText) {
    byText = new Map();
    cache.set(db, byText);
  }
  let stmt = byText.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    byText.set(sql, stmt);
  }
  return stmt as Statement<P, R>;
}
