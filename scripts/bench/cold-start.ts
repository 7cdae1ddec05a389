import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';

export type ColdStart =
  | { ok: true; runs: number[]; hostReady: number[] }
  | { ok: false; reason: string };

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The real web host on a free port, quiet, with the given data folder. */
export function spawnHost(root: string, dataDir: string): ChildProcess {
  return spawn(
    process.execPath,
    [path.join(root, 'electron', 'host', 'index.ts'), '--data', dataDir, '--port', '0'],
    { cwd: root, env: { ...process.env, CAJA_LOG: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/** Resolves with the host's URL once it prints «Caja lista en <url>». */
export function waitForUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
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

export function stop(child: ChildProcess): Promise<void> {
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
  // The caller builds the renderer when it is stale (scripts/build.ts).
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
      const child = spawnHost(opts.root, opts.dataDir);
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
