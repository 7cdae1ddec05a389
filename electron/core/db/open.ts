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
  // The lock goes first, so on a first run it is what creates the folder.
  ensureDataDir(dataDir);
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

/** `PRAGMA application_id` of every Caja database: «Caja» in ASCII. */
export const CAJA_APPLICATION_ID = 0x43616a61;
/** Tables an older Caja database (before the application_id stamp) always has. */
const CAJA_TABLES = ['settings', 'users', 'audit_log'];

export type DbIdentity = { userVersion: number; applicationId: number; tables: string[] };

function notOurs(why: string): DataError {
  return new DataError(
    'DATA_CORRUPT',
    `${why} No se tocó nada: restaurá una copia de seguridad o elegí otra carpeta.`,
  );
}

function readIdentity(db: Database): DbIdentity {
  // The first statement reads the header: a file that is not SQLite fails here.
  db.pragma('schema_version', { simple: true });
  return {
    userVersion: db.pragma('user_version', { simple: true }) as number,
    applicationId: db.pragma('application_id', { simple: true }) as number,
    tables: db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((r) => r.name),
  };
}

/** Refuses a database Caja did not write: another program's SQLite file, or a half-made one. */
function refuseForeign(id: DbIdentity, file: string): void {
  if (id.applicationId !== 0 && id.applicationId !== CAJA_APPLICATION_ID) {
    throw notOurs(
      `${file} es una base SQLite de otro programa (application_id ${id.applicationId}), no de Caja.`,
    );
  }
  if (id.userVersion === 0 && (id.tables.length > 0 || id.applicationId === 0)) {
    // Caja stamps the file before anything else and migrates in one transaction: a version-0
    // file of ours has no tables.
    throw notOurs(
      `${file} no tiene la versión de Caja: es de otro programa o quedó a medio crear.`,
    );
  }
  if (id.applicationId === 0 && !CAJA_TABLES.every((t) => id.tables.includes(t))) {
    throw notOurs(`${file} es una base SQLite de otro programa, no de Caja.`);
  }
}

/**
 * Looks at the existing `caja.db` through a read-only connection, so a refused file is left
 * exactly as it was: null when there is none; a DataError when it is not a Caja database.
 */
export function inspectDatabase(
  dataDir: string,
  opts: { quickCheck?: boolean; migrations?: readonly Migration[] } = {},
): DbIdentity | null {
  const file = path.join(dataDir, DB_FILE);
  if (!fs.existsSync(file)) {
    if (fs.existsSync(`${file}-wal`)) {
      throw notOurs(
        `En ${dataDir} hay un ${DB_FILE}-wal sin su ${DB_FILE}: falta la base de datos (¿se movió o se borró?).`,
      );
    }
    return null;
  }
  let db: Database | null = null;
  try {
    if (fs.statSync(file).size === 0) {
      throw notOurs(`${file} está vacío (0 bytes): no tiene datos de Caja.`);
    }
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    const id = readIdentity(db);
    refuseForeign(id, file);
    // migrate() refuses a database newer than the app before it writes anything.
    if (opts.migrations && id.userVersion > opts.migrations.length) migrate(db, opts.migrations);
    if (opts.quickCheck) {
      db.pragma('cache_size = -65536');
      const check = db.pragma('quick_check(1)', { simple: true });
      if (check !== 'ok') {
        throw Object.assign(new Error(String(check)), { code: 'SQLITE_CORRUPT' });
      }
    }
    return id;
  } catch (err) {
    throw classify(err, dataDir);
  } finally {
    db?.close();
  }
}

function applyPragmas(db: Database, readonly: boolean): void {
  db.pragma('busy_timeout = 5000');
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
  db.pragma('foreign_keys = ON');
  // 64 MB of page cache: catalog joins over 100,000 products stay in memory.
  db.pragma('cache_size = -65536');
}

/** First run: a new file, stamped before anything else; removed again if creating it fails. */
function createDatabase(file: string, migrations: readonly Migration[]): Database {
  // 'wx' fails if another process created it meanwhile: never two first runs on one file.
  fs.closeSync(fs.openSync(file, 'wx'));
  let db: Database | null = null;
  try {
    db = new BetterSqlite3(file, { fileMustExist: true });
    db.pragma(`application_id = ${CAJA_APPLICATION_ID}`);
    applyPragmas(db, false);
    migrate(db, migrations);
    return db;
  } catch (err) {
    db?.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    throw err;
  }
}

/**
 * Opens the store's SQLite file with the pragmas every write relies on, and migrates it. A new
 * file is created only where there is no `caja.db` (nor a WAL left without it); a file that is
 * empty, damaged, half-made or another program's is refused before anything is written to it.
 * Any failure is a DataError with a Spanish message.
 */
export function openDatabase(dataDir: string, opts: OpenOptions): Database {
  const readonly = opts.readonly ?? false;
  if (!readonly) ensureDataDir(dataDir);
  const file = path.join(dataDir, DB_FILE);
  let db: Database | null = null;
  try {
    const id = inspectDatabase(dataDir, { quickCheck: true, migrations: opts.migrations });
    if (id === null) {
      if (readonly) throw notOurs(`No hay ${file}.`);
      return createDatabase(file, opts.migrations);
    }
    db = new BetterSqlite3(file, { readonly, fileMustExist: true });
    applyPragmas(db, readonly);
    if (!readonly) {
      migrate(db, opts.migrations);
      // Databases from before the stamp are Caja's (checked by their tables): stamp them now.
      if (id.applicationId === 0) db.pragma(`application_id = ${CAJA_APPLICATION_ID}`);
    }
    return db;
  } catch (err) {
    db?.close();
    throw classify(err, dataDir);
  }
}
