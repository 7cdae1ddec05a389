import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore } from '../core/app.ts';
import { defaultDataDir } from '../core/paths.ts';
import { startHost } from './server.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `npm run serve`: the back office in a browser on this PC (or the shop's LAN with --lan). */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string', default: process.env.CAJA_PORT ?? '4599' },
      lan: { type: 'boolean', default: false },
      static: { type: 'string' },
    },
    allowPositionals: false,
  });
  const dataDir = path.resolve(values.data ?? defaultDataDir());
  const core = createCore({ dataDir });
  const host = await startHost({
    core,
    staticDir: values.static ?? path.join(ROOT, 'dist', 'renderer'),
    port: Number(values.port),
    lan: values.lan,
  });
  process.stdout.write(`Caja lista en ${host.url} (datos: ${dataDir})\n`);
  if (values.lan) {
    process.stdout.write('Atención: --lan expone el back office a toda la red del local.\n');
  }
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void host.close().then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`No se pudo iniciar Caja: ${(err as Error).message}\n`);
  process.exit(1);
});
