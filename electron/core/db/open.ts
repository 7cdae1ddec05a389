import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { DataError } from './data-error.ts';
import { migrate, type Migration } from './migrate.ts';

export const DB_FILE = 'caja.db';
const LOCK_FILE = 'caja.lock';

type SqliteError = Error & { code?: string };

function classify(err: unknown, dataDir: string): DataError {
  if (err instanceof DataError) return err;
  const e = err as SqliteError;
  const code = e.code ?? '';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new DataError(
      'DATA_CORRUPT',
      `La base de datos de ${dataDir} está dañada o no es una base de Caja. No se tocó nada: restaurá una copia de seguridad o elegí otra carpeta.`,
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DataError(
      'DATA_LOCKED',
      `Otro programa está usando los datos de ${dataDir}. Cerralo y reintentá.`,
    );
  }
  return new DataError(
    'DATA_UNREADABLE',
    `No se pueden leer los datos de ${dataDir} (${code || e.message}). Revisá los permisos de la carpeta.`,
  );
}

/** Makes sure the folder exists and is a folder we can write to. */
function ensureDataDir(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const st = fs.statSync(dataDir);
    if (!st.isDirectory()) throw Object.assign(new Error('no es una carpeta'), { code: 'ENOTDIR' });
    fs.accessSync(dataDir, fs.constants.R_OK | fs.constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new DataError(
      'DATA_UNREADABLE',
      `No se puede usar la carpeta de datos ${dataDir} (${code}). Revisá que exista, que sea una carpeta y que tengas permiso.`,
    );
  }
}

type LockInfo = { pid: number; host: string; at: number };

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One running app per data folder. A stale lock (its process is gone) is taken over;
 * a live one is refused with the recovery screen.
 */
export function acquireInstanceLock(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), at: Date.now() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      return () => {
        try {
          const current = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
          if (current.pid === mine.pid) fs.unlinkSync(file);
        } catch {
          // already gone: nothing to release
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw classify(err, dataDir);
      let holder: LockInfo | null = null;
      try {
        holder = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
      } catch {
        holder = null;
      }
      const live =
        holder !== null &&
        holder.host === mine.host &&
        holder.pid !== mine.pid &&
        pidAlive(holder.pid);
      if (live) {
        throw new DataError(
          'DATA_LOCKED',
          `Caja ya está abierta con estos datos (proceso ${holder?.pid}). Cerrá la otra ventana o esperá a que termine, y reintentá.`,
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new DataError('DATA_LOCKED', `No se pudo tomar el control de ${dataDir}. Reintentá.`);
}

export type OpenOptions = {
  migrations: readonly Migration[];
  /** Read-only opens never migrate or create (used by checks). */
  readonly?: boolean;
};

/**
 * Opens (creating on first run) the store's SQLite file with the pragmas every
 * write relies on, and migrates it. Any failure is a DataError with a Spanish message.
 */
export function openDatabase(dataDir: string, opts: OpenOptions): Database {
  ensureDataDir(dataDir);
  const file = path.join(dataDir, DB_FILE);
  let db: Database | null = null;
  try {
    db = new BetterSqlite3(file, {
      readonly: opts.readonly ?? false,
      fileMustExist: opts.readonly ?? false,
    });
    db.pragma('busy_timeout = 5000');
    // The first statement reads the header: a file that is not SQLite fails here.
    db.pragma('schema_version', { simple: true });
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    // 64 MB of page cache: catalog joins over 100,000 products stay in memory.
    db.pragma('cache_size = -65536');
    const check = db.pragma('quick_check(1)', { simple: true });
    if (check !== 'ok') {
      throw Object.assign(new Error(String(check)), { code: 'SQLITE_CORRUPT' });
    }
    if (!opts.readonly) migrate(db, opts.migrations);
    return db;
  } catch (err) {
    db?.close();
    throw classify(err, dataDir);
  }
}
