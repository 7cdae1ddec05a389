import type { Database } from 'better-sqlite3';
import { DataError } from './data-error.ts';

export type Migration = {
  version: number;
  name: string;
  up(db: Database): void;
};

/** Throws at start-up when the list is not strictly increasing from 1: a programming error. */
export function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(
        `Migraciones fuera de orden: la posición ${i + 1} tiene la versión ${m.version} (${m.name})`,
      );
    }
  });
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every pending migration in one transaction and records the version in
 * `PRAGMA user_version`. A database newer than this app is refused, never touched.
 */
export function migrate(
  db: Database,
  migrations: readonly Migration[],
): { from: number; to: number } {
  checkMigrationList(migrations);
  const latest = migrations.length;
  const from = schemaVersion(db);
  if (from > latest) {
    throw new DataError(
      'DATA_TOO_NEW',
      `Los datos fueron creados por una versión más nueva de Caja (esquema ${from}; esta versión conoce hasta el ${latest}). Actualizá la aplicación: no se modificó nada.`,
    );
  }
  if (from === latest) return { from, to: from };
  db.transaction(() => {
    for (const m of migrations.slice(from)) m.up(db);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return { from, to: latest };
}
