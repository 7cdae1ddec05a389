import type { Database } from 'better-sqlite3';
import type { AppEvent, Result, SystemStatus } from '../../shared/contract/index.ts';
import { uuidv7 } from '../../shared/domain/uuid.ts';
import { createAuditWriter, type Actor } from './audit/log.ts';
import { auditHandlers } from './audit/handlers.ts';
import type { EntitySnapshots } from './audit/verify.ts';
import { authHandlers } from './auth/handlers.ts';
import { createSessionStore } from './auth/sessions.ts';
import { getUser, userEntity } from './auth/users.ts';
import { catalogHandlers } from './catalog/handlers.ts';
import { categoryEntity, productEntity } from './catalog/snapshots.ts';
import { NO_DEVICES, type Caller, type Ctx, type Deps, type Devices } from './context.ts';
import { DataError } from './db/data-error.ts';
import { MIGRATIONS } from './db/migrations/index.ts';
import { acquireInstanceLock, openDatabase } from './db/open.ts';
import { createLogger, type Logger } from './logger.ts';
import { createRegistry } from './registry.ts';
import { invoiceHandlers } from './invoices/handlers.ts';
import { lazyReader } from './invoices/lazy-reader.ts';
import { createInvoiceReader } from './invoices/reader.ts';
import type { InvoiceReader } from './invoices/reader-types.ts';
import { costEntity, invoiceEntity, supplierCodeEntity, supplierEntity } from './invoices/rows.ts';
import { stockHandlers } from './stock/handlers.ts';
import { salesHandlers } from './sales/handlers.ts';
import { saleEntity } from './sales/snapshots.ts';
import { returnEntity } from './sales/return-rows.ts';
import { cashHandlers } from './cash/handlers.ts';
import {
  cashMovementEntity,
  cashSessionEntity,
  customerEntity,
  customerLedgerEntity,
} from './cash/snapshots.ts';
import { locationEntity } from './stock/locations.ts';
import { movementEntity } from './stock/ledger.ts';
import { settingEntity } from './system/settings.ts';
import { systemHandlers } from './system/handlers.ts';
import { batchEntity, priceBatchAmendment } from './pricing/batches.ts';
import { cpiEntity } from './pricing/cpi.ts';
import { pricingHandlers } from './pricing/handlers.ts';
import { policyEntity } from './pricing/policies.ts';

export const APP_VERSION = '0.1.0';

export type CoreOptions = {
  dataDir: string;
  version?: string;
  now?: () => number;
  newId?: () => string;
  /** One running app per data folder; the CLI opens without it (SQLite serialises writers). */
  instanceLock?: boolean;
  logger?: Logger;
  /** Receipt printer and drawer, where the shell has them. */
  devices?: Devices;
  /** Reads supplier invoices; by default the OCR reader, started on the first file. */
  reader?: InvoiceReader;
};

export type Core = {
  readonly dataDir: string;
  invoke(channel: string, input: unknown, caller: Caller): Promise<Result<unknown>>;
  createSession(): string;
  hasSession(id: string): boolean;
  dropSession(id: string): void;
  subscribe(listener: (event: AppEvent) => void): () => void;
  /** The open store for the CLI, scripts and tests; null while the data folder is unusable. */
  deps(): Deps | null;
  /** Runs fn as a system actor in one transaction (CLI commands that are not channels). */
  systemCtx(label: string): Ctx;
  close(): void;
};

const AUDITED: EntitySnapshots[] = [
  settingEntity,
  userEntity,
  locationEntity,
  categoryEntity,
  // A mass price update writes one entry for all its products.
  { ...productEntity, amendedBy: priceBatchAmendment },
  movementEntity,
  saleEntity,
  returnEntity,
  customerEntity,
  cashSessionEntity,
  cashMovementEntity,
  customerLedgerEntity,
  invoiceEntity,
  supplierEntity,
  supplierCodeEntity,
  costEntity,
  cpiEntity,
  policyEntity,
  batchEntity,
];

const HANDLERS = [
  systemHandlers,
  authHandlers,
  auditHandlers,
  catalogHandlers,
  stockHandlers,
  salesHandlers,
  cashHandlers,
  invoiceHandlers,
  pricingHandlers,
];

export function createCore(opts: CoreOptions): Core {
  const log = opts.logger ?? createLogger('core');
  const now = opts.now ?? Date.now;
  const newId = opts.newId ?? (() => uuidv7());
  const version = opts.version ?? APP_VERSION;
  const registry = createRegistry(HANDLERS, log);
  const sessions = createSessionStore(now);
  const reader = opts.reader ?? lazyReader(() => createInvoiceReader({ log }));
  const listeners = new Set<(e: AppEvent) => void>();
  const emit = (event: AppEvent): void => {
    for (const l of listeners) {
      try {
        l(event);
      } catch (err) {
        log.error('event listener failed', { error: String(err) });
      }
    }
  };

  let deps: Deps | null = null;
  let failure: DataError | null = null;
  let releaseLock: (() => void) | null = null;
  let closing = false;
  let inflight = 0;
  let lastCallAt = 0;
  let checkpointTimer: NodeJS.Timeout | null = null;

  /**
   * SQLite's automatic checkpoint runs inside whichever commit crosses the threshold: about one
   * sale in twenty paid for copying the WAL into the database. Instead the WAL is checkpointed
   * when no call is running, so the counter's commits only ever append.
   */
  const startCheckpoints = (d: Deps): void => {
    d.db.pragma('wal_autocheckpoint = 0');
    let lastCheckpointAt = performance.now();
    checkpointTimer = setInterval(() => {
      // Between calls only; when idle, or at least every few seconds so a long busy spell
      // (a burst of sales, an import) cannot grow the WAL without bound and slow every read.
      const t = performance.now();
      if (inflight > 0 || (t - lastCallAt < 250 && t - lastCheckpointAt < 3000)) return;
      lastCheckpointAt = t;
      try {
        d.db.pragma('wal_checkpoint(PASSIVE)');
      } catch (err) {
        log.warn('checkpoint failed', { error: String(err) });
      }
    }, 1000);
    checkpointTimer.unref();
  };

  const open = (): void => {
    let release: (() => void) | null = null;
    try {
      release = opts.instanceLock === false ? null : acquireInstanceLock(opts.dataDir);
      const db: Database = openDatabase(opts.dataDir, { migrations: MIGRATIONS });
      releaseLock = release;
      deps = {
        db,
        dataDir: opts.dataDir,
        version,
        now,
        newId,
        audit: createAuditWriter(db, now, newId),
        emit,
        log,
        scratch: new Map(),
        auditedEntities: AUDITED,
        devices: opts.devices ?? NO_DEVICES,
        reader,
      };
      startCheckpoints(deps);
      failure = null;
    } catch (err) {
      release?.();
      if (!(err instanceof DataError)) throw err;
      failure = err;
      log.error('data folder unusable', { code: err.code, dataDir: opts.dataDir });
    }
  };
  open();

  const makeCtx = (d: Deps, caller: Caller): Ctx => {
    const session = caller.kind === 'session' ? (sessions.get(caller.sessionId) ?? null) : null;
    let user: Ctx['user'] = null;
    if (session?.userId) {
      const row = getUser(d.db, session.userId);
      if (row && row.active === 1) user = { id: row.id, name: row.name, role: row.role };
      else session.userId = null;
    }
    const actor: Actor =
      caller.kind === 'system'
        ? { userId: null, label: caller.label }
        : { userId: user?.id ?? null, label: user?.name ?? 'anónimo' };
    return {
      ...d,
      caller,
      session,
      user,
      actor,
      tx: <T>(fn: () => T): T => d.db.transaction(fn).immediate(),
    };
  };

  const errorStatus = (f: DataError): SystemStatus => ({
    state: 'error',
    code: f.code,
    message: f.message,
    dataDir: opts.dataDir,
    version,
  });

  return {
    dataDir: opts.dataDir,
    async invoke(channel, input, caller) {
      if (closing) {
        return { ok: false, error: { code: 'UNAVAILABLE', message: 'Caja se está cerrando' } };
      }
      if (caller.kind === 'session' && !sessions.get(caller.sessionId)) {
        return {
          ok: false,
          error: { code: 'NOT_LOGGED_IN', message: 'La sesión expiró: volvé a ingresar' },
        };
      }
      // "Reintentar" on the recovery screen is just asking for the status again.
      if (!deps && channel === 'system.status') open();
      if (!deps) {
        const f = failure as DataError;
        if (channel === 'system.status') return { ok: true, value: errorStatus(f) };
        if (channel === 'auth.session') return { ok: true, value: { user: null, permissions: [] } };
        return { ok: false, error: { code: 'UNAVAILABLE', message: f.message } };
      }
      inflight++;
      try {
        return await registry.run(channel, input, makeCtx(deps, caller));
      } finally {
        inflight--;
        lastCallAt = performance.now();
      }
    },
    createSession: () => sessions.create().id,
    hasSession: (id) => sessions.get(id) !== undefined,
    dropSession: (id) => sessions.drop(id),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    deps: () => deps,
    systemCtx(label) {
      if (!deps) throw failure ?? new Error('core closed');
      return makeCtx(deps, { kind: 'system', label });
    },
    close() {
      closing = true;
      if (checkpointTimer) clearInterval(checkpointTimer);
      listeners.clear();
      reader
        .close()
        .catch((err: unknown) => log.warn('reader close failed', { error: String(err) }));
      if (deps) {
        try {
          deps.db.pragma('wal_checkpoint(TRUNCATE)');
        } catch {
          // another reader holds the WAL: the next open checkpoints it
        }
        deps.db.close();
        deps = null;
      }
      releaseLock?.();
      releaseLock = null;
    },
  };
}
