import type { ChannelName, InputOf, OutputOf } from '../../shared/contract/index.ts';
import type { Core } from '../core/app.ts';

/** What every command gets, and the helpers they share. */

export type CliIo = {
  json: boolean;
  out(text: string): void;
  /**
   * The run's error: text on stderr; with --json, `{"ok":false,"error":{"code","message"}}` on
   * stdout (code INVALID_INPUT when none is given).
   */
  err(text: string, code?: string): void;
  data(value: unknown): void;
};

export type CommandContext = {
  core: Core;
  args: string[];
  options: Record<string, string | boolean | undefined>;
  io: CliIo;
  label: string;
  dataDir: string;
};

export type Command = { run(c: CommandContext): Promise<number> };

const CODE_OF_EXIT: Record<number, string> = { 1: 'FAILED', 2: 'INVALID_INPUT', 3: 'UNAVAILABLE' };

export class CliFailure extends Error {
  readonly exitCode: number;
  readonly code: string;
  constructor(message: string, exitCode = 2, code = CODE_OF_EXIT[exitCode] ?? 'FAILED') {
    super(message);
    this.exitCode = exitCode;
    this.code = code;
  }
}

/** The store itself cannot answer (unusable data folder, busy database): exit 3, like at start. */
const STORE_CODES = new Set(['UNAVAILABLE', 'BUSY']);

export async function call<C extends ChannelName>(
  c: CommandContext,
  channel: C,
  input: InputOf<C>,
): Promise<OutputOf<C>> {
  const r = await c.core.invoke(channel, input, { kind: 'system', label: c.label });
  if (!r.ok) {
    throw new CliFailure(r.error.message, STORE_CODES.has(r.error.code) ? 3 : 2, r.error.code);
  }
  return r.value as OutputOf<C>;
}

export function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export const looksLikeCode = (s: string): boolean =>
  /^[0-9A-Za-z.-]{3,32}$/.test(s) && /\d/.test(s);

export function needArg(c: CommandContext, what: string): string {
  const v = c.args[0];
  if (!v) throw new CliFailure(`Falta ${what}. Probá --help.`);
  return v;
}
