import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../electron/core/app.ts';
import { defaultDataDir } from '../electron/core/paths.ts';
import { startHost } from '../electron/host/server.ts';
import {
  buildElectron,
  buildRenderer,
  downloadElectron,
  installedElectron,
  rendererIsStale,
  RENDERER_OUT,
  ROOT,
} from './build.ts';

const say = (s: string): void => void process.stdout.write(s + '\n');

/** The Electron binary, downloading it once where the network allows (never in CI). */
function electronBinary(): string | null {
  const found = installedElectron();
  if (found || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1' || process.env.CI) return found;
  say('Descargando Electron (solo la primera vez)…');
  return downloadElectron() ? installedElectron() : null;
}

const CHROMIUMS = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
];

function findChromium(): string | null {
  if (process.env.CAJA_BROWSER) return process.env.CAJA_BROWSER;
  const dirs = (process.env.PATH ?? '').split(path.delimiter);
  for (const name of CHROMIUMS) {
    for (const d of dirs) {
      const p = path.join(d, name);
      if (fs.existsSync(p)) return p;
    }
  }
  return null;
}

async function serve(opts: {
  dataDir: string;
  port: number;
  lan: boolean;
  openWindow: boolean;
}): Promise<void> {
  const core = createCore({ dataDir: opts.dataDir });
  const host = await startHost({
    core,
    staticDir: RENDERER_OUT,
    port: opts.port,
    lan: opts.lan,
  }).catch(async (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EADDRINUSE') throw err;
    say(`El puerto ${opts.port} está ocupado: uso otro.`);
    return startHost({ core, staticDir: RENDERER_OUT, port: 0, lan: opts.lan });
  });
  say(`Caja lista en ${host.url}  (datos: ${opts.dataDir})`);
  if (opts.lan) say('Atención: --lan expone el back office a toda la red del local.');
  const stop = (): void => {
    void host.close().then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (!opts.openWindow) return;
  const browser = findChromium();
  const hasDisplay =
    process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!browser || !hasDisplay) {
    say(
      `Abrí ${host.url} en el navegador (no encontré Chromium${hasDisplay ? '' : ' ni una pantalla'}).`,
    );
    return;
  }
  const profile = path.join(os.tmpdir(), `caja-ventana-${process.getuid?.() ?? 'u'}`);
  const child = spawn(
    browser,
    [
      `--app=${host.url}`,
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--window-size=1366,820',
      // The app speaks Spanish: no offer to translate it, whatever the browser's own language.
      '--lang=es-AR',
      '--disable-features=Translate',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
    { stdio: 'ignore' },
  );
  // Closing the window closes the app, as the desktop window would.
  child.on('exit', stop);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string', default: process.env.CAJA_PORT ?? '4599' },
      lan: { type: 'boolean', default: false },
      serve: { type: 'boolean', default: false },
      'no-window': { type: 'boolean', default: false },
    },
  });
  const dataDir = path.resolve(values.data ?? defaultDataDir());
  if (rendererIsStale()) {
    say('Compilando la interfaz…');
    await buildRenderer();
  }
  if (!values.serve) {
    const bin = electronBinary();
    if (bin) {
      await buildElectron();
      const child = spawn(bin, [ROOT, '--data', dataDir], { stdio: 'inherit' });
      child.on('exit', (code) => process.exit(code ?? 0));
      return;
    }
    say(
      'No está el ejecutable de Electron en esta máquina: sirvo la misma aplicación en 127.0.0.1 y la abro en una ventana de Chromium.',
    );
  }
  await serve({
    dataDir,
    port: Number(values.port),
    lan: values.lan,
    openWindow: !values.serve && !values['no-window'],
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`No se pudo iniciar Caja: ${(err as Error).message}\n`);
  process.exit(1);
});
