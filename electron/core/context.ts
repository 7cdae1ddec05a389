import type { Database } from 'better-sqlite3';
import type {
  AppEvent,
  ChannelName,
  OutputOf,
  ParsedInputOf,
  Role,
} from '../../shared/contract/index.ts';
import type { Actor, AuditWriter } from './audit/log.ts';
import type { EntitySnapshots } from './audit/verify.ts';
import type { InvoiceReader } from './invoices/reader-types.ts';
import type { Logger } from './logger.ts';

export type SessionState = {
  id: string;
  userId: string | null;
  createdAt: number;
  lastSeen: number;
};

/** Who is calling: a transport session (window or browser tab) or the CLI/system. */
export type Caller = { kind: 'session'; sessionId: string } | { kind: 'system'; label: string };

export type CurrentUser = { id: string; name: string; role: Role };

/**
 * Hardware the shell may have: the desktop window prints receipts silently and kicks the drawer;
 * the web host and the CLI have none, and the screen falls back to the browser's print preview.
 */
export type Devices = {
  printReceipt(
    lines: string[],
    opts: { width: 58 | 80; printerName: string | null; barcode: string },
  ): Promise<{ printed: boolean; message: string | null }>;
  openDrawer(printerName: string | null): Promise<boolean>;
};

export const NO_DEVICES: Devices = {
  printReceipt: () => Promise.resolve({ printed: false, message: null }),
  openDrawer: () => Promise.resolve(false),
};

/** What every handler can reach: injected by the composition root, fakeable in tests. */
export type Deps = {
  db: Database;
  dataDir: string;
  version: string;
  now: () => number;
  newId: () => string;
  audit: AuditWriter;
  emit: (event: AppEvent) => void;
  log: Logger;
  /** Per-process scratch space for multi-step flows (import previews). */
  scratch: Map<string, unknown>;
  auditedEntities: EntitySnapshots[];
  devices: Devices;
  /** Reads supplier invoices in worker threads (OCR never runs on the counter's thread). */
  reader: InvoiceReader;
};

export type Ctx = Deps & {
  caller: Caller;
  session: SessionState | null;
  user: CurrentUser | null;
  actor: Actor;
  /** Runs fn in one IMMEDIATE transaction: all of it is written, or none. */
  tx<T>(fn: () => T): T;
};

export type Handler<C extends ChannelName> = (
  input: ParsedInputOf<C>,
  ctx: Ctx,
) => OutputOf<C> | Promise<OutputOf<C>>;

export type Handlers = { [C in ChannelName]?: Handler<C> };
