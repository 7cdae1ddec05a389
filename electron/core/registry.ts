import { z } from 'zod';
import {
  contract,
  isChannelName,
  roleAllows,
  CHANNEL_NAMES,
  type ChannelName,
  type Permission,
  type Result,
} from '../../shared/contract/index.ts';
import { AppError } from './errors.ts';
import type { Ctx, Handler, Handlers } from './context.ts';
import type { Logger } from './logger.ts';

z.config(z.locales.es());
const localeError = z.locales.es().localeError;

/**
 * zod lets a schema's own message win over a per-parse map; this map marks the messages the
 * Spanish locale wrote instead, so the registry can tell "La cantidad debe ser mayor que cero"
 * (for the user) from "Demasiado pequeño: se esperaba…" (generic).
 */
const GENERIC = '\u0000';
const markGeneric = (issue: Parameters<typeof localeError>[0]): string | undefined => {
  const m = localeError(issue);
  const text = typeof m === 'string' ? m : m?.message;
  return text === undefined ? undefined : `${GENERIC}${text}`;
};

type AnyHandler = (input: unknown, ctx: Ctx) => unknown;

export type Registry = {
  run(channel: string, input: unknown, ctx: Ctx): Promise<Result<unknown>>;
};

/** Merges the domains' handler maps; a duplicate or a missing channel stops the app at start. */
export function createRegistry(sets: readonly Handlers[], log: Logger): Registry {
  const table = new Map<ChannelName, AnyHandler>();
  for (const set of sets) {
    for (const [name, handler] of Object.entries(set) as [ChannelName, Handler<ChannelName>][]) {
      if (!isChannelName(name)) throw new Error(`Canal desconocido registrado: ${name}`);
      if (table.has(name)) throw new Error(`Canal registrado dos veces: ${name}`);
      table.set(name, handler as AnyHandler);
    }
  }
  const missing = CHANNEL_NAMES.filter((n) => !table.has(n));
  if (missing.length > 0) throw new Error(`Canales sin implementar: ${missing.join(', ')}`);

  const allowed = (ctx: Ctx, permission: Permission): Result<null> => {
    if (permission === 'public') return { ok: true, value: null };
    if (ctx.caller.kind === 'system') return { ok: true, value: null };
    if (!ctx.user) {
      return {
        ok: false,
        error: { code: 'NOT_LOGGED_IN', message: 'Ingresá con tu usuario y PIN' },
      };
    }
    if (!roleAllows(ctx.user.role, permission)) {
      return {
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Tu usuario no tiene permiso para esta acción' },
      };
    }
    return { ok: true, value: null };
  };

  return {
    async run(channel, input, ctx) {
      if (!isChannelName(channel)) {
        return {
          ok: false,
          error: { code: 'UNKNOWN_CHANNEL', message: `Operación desconocida: ${channel}` },
        };
      }
      const def = contract[channel];
      const gate = allowed(ctx, def.permission);
      if (!gate.ok) return gate;
      const parsed = def.input.safeParse(input ?? {}, { error: markGeneric });
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({
          path: i.path.join('.'),
          message: i.message.replace(GENERIC, ''),
          own: !i.message.startsWith(GENERIC),
        }));
        // The path is for developers (log and details); the cashier reads the schema's sentence.
        log.info('invalid input', {
          channel,
          issues: issues.map((i) => `${i.path}: ${i.message}`),
        });
        const own = issues.find((i) => i.own);
        return {
          ok: false,
          error: {
            code: 'INVALID_INPUT',
            message: own?.message ?? `Datos inválidos — ${issues[0]?.message ?? ''}`,
            details: issues.map(({ path, message }) => ({ path, message })),
          },
        };
      }
      const handler = table.get(channel) as AnyHandler;
      const started = performance.now();
      try {
        const value = await handler(parsed.data, ctx);
        const ms = performance.now() - started;
        if (ms > 40) log.warn('slow channel', { channel, ms: Math.round(ms) });
        return { ok: true, value: value ?? null };
      } catch (err) {
        if (err instanceof AppError) return { ok: false, error: err.toShape() };
        // Another connection kept the write lock past busy_timeout: nothing broke, retry later.
        const sqlite = String((err as { code?: unknown })?.code ?? '');
        if (sqlite.startsWith('SQLITE_BUSY') || sqlite.startsWith('SQLITE_LOCKED')) {
          log.warn('database busy', { channel, code: sqlite });
          return {
            ok: false,
            error: {
              code: 'BUSY',
              message:
                'La base de datos está ocupada o bloqueada por otro programa: no se guardó nada. Esperá unos segundos y reintentá.',
            },
          };
        }
        log.error('handler failed', { channel, error: String((err as Error)?.stack ?? err) });
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            message: 'Error interno: no se guardó nada. Reintentá; si sigue, avisá a soporte.',
          },
        };
      }
    },
  };
}
