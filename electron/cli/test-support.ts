import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI_ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'index.ts');

/** The CLI in a process of its own on `dataDir`, the core's log silenced. */
export function cli(dataDir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI_ENTRY, '--data', dataDir, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CAJA_LOG: 'silent' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
