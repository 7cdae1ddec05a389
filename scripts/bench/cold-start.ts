import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';

export type ColdStart =
  | { ok: true; runs: number[]; hostReady: number[] }
  | { ok: false; reason: string };

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The built renderer, building it once when missing; a reason when it cannot be had. */
export function ensureRenderer(root: string): string | null {
  const index = path.join(root, 'dist', 'renderer', 'index.html');
  if (fs.existsSync(index)) return null;
  const config = path.join(root, 'renderer', 'vite.config.ts');
  if (!fs.existsSync(config)) return 'no hay renderer/vite.config.ts para construir la interfaz';
  const r = spawnSync('npx', ['vite', 'build', '--config', config], { cwd: root, encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0 || !fs.existsSync(index)) {
    const tail = `${r.stderr ?? ''}${r.stdout ?? ''}`.trim().split('\n').slice(-3).join(' | ');
    return `la interfaz no se pudo construir: ${tail || `código ${String(r.status)}`}`;
  }
  return null;
}

/** Resolves with the host's URL once it prints «Caja lista en <url>». */
function waitForUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`el host no arrancó en ${timeoutMs} ms: ${err.slice(-300)}`)), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /Caja lista en (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`el host terminó (código ${String(code)}): ${err.slice(-300)}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * From spawning the web host to the login screen being usable (a user button visible), on a
 * store that already has its owner. Chromium is started before the clock: the browser's own
 * start-up is not the app's cost. Each run uses a fresh browser context, so nothing is cached.
 */
export async function measureColdStart(opts: {
  root: string;
  dataDir: string;
  runs: number;
}): Promise<ColdStart> {
  const reason = ensureRenderer(opts.root);
  if (reason) return { ok: false, reason };
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  } catch (err) {
    return { ok: false, reason: `no se pudo abrir Chromium: ${(err as Error).message.split('\n')[0]}` };
  }
  const runs: number[] = [];
  const hostReady: number[] = [];
  try {
    for (let i = 0; i < opts.runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const started = performance.now();
      const child = spawn(
        process.execPath,
        [path.join(opts.root, 'electron', 'host', 'index.ts'), '--data', opts.dataDir, '--port', '0'],
        { cwd: opts.root, env: { ...process.env, CAJA_LOG: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      try {
        const url = await waitForUrl(child, 30_000);
        hostReady.push(performance.now() - started);
        await page.goto(url);
        await page.locator('[data-testid^="login-user-"]').first().waitFor({ state: 'visible', timeout: 30_000 });
        runs.push(performance.now() - started);
      } finally {
        await context.close();
        await stop(child);
      }
    }
  } catch (err) {
    return { ok: false, reason: `falló el arranque: ${(err as Error).message.split('\n')[0]}` };
  } finally {
    await browser.close();
  }
  return { ok: true, runs, hostReady };
}
