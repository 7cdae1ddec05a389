import type { ChannelName, InputOf, OutputOf } from '../../shared/contract/index.ts';
import type { Core } from '../core/app.ts';

/** What every command gets, and the helpers they share. */

export type CliIo = {
  json: boolean;
  out(text: string): void;
  err(text: string): void;
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

export class CliFailure extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}

export async function call<C extends ChannelName>(
  c: CommandContext,
  channel: C,
  input: InputOf<C>,
): Promise<OutputOf<C>> {
  const r = await c.core.invoke(channel, input, { kind: 'system', label: c.label });
  if (!r.ok) throw new CliFailure(r.error.message);
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
