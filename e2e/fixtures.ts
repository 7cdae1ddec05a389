import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type AppHost = {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
  /**
   * Runs `steps` with the host stopped, as an owner closes Caja before a command that changes
   * data (the command line refuses those while the app holds the folder), then starts the host
   * again on the same folder; `url` is the new one.
   */
  offline(steps: () => void): Promise<void>;
};

/** Starts the real web host on a free port with the given data folder. */
export async function startApp(dataDir: string): Promise<AppHost> {
  let running = await spawnHost(dataDir);
  const host: AppHost = {
    url: running.url,
    dataDir,
    stop: () => running.stop(),
    offline: async (steps) => {
      await running.stop();
      steps();
      running = await spawnHost(dataDir);
      host.url = running.url;
    },
  };
  return host;
}

async function spawnHost(dataDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, 'electron/host/index.ts'), '--data', dataDir, '--port', '0'],
    { cwd: ROOT, env: { ...process.env, CAJA_LOG: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`el host no arrancó: ${stderr}`)), 20_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = out.match(/(http:\/\/127\.0\.0\.1:\d+)/);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`el host terminó (${code}): ${stderr}`));
    });
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function freshDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'caja-e2e-'));
}

/** The command-line tool, as an owner or support would run it. */
export function cli(
  dataDir: string,
  ...args: string[]
): { code: number; out: string; err: string } {
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'electron/cli/index.ts'), '--data', dataDir, ...args],
    {
      cwd: ROOT,
      env: { ...process.env, CAJA_LOG: 'silent' },
      encoding: 'utf8',
    },
  );
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

export const test = base.extend<{ app: AppHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures from this pattern
  app: async ({}, use) => {
    const app = await startApp(freshDataDir());
    await use(app);
    await app.stop();
  },
});

/** A keyboard-wedge scanner: the code as a burst of keys, then Enter, wherever the focus is. */
export async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

export async function login(page: Page, url: string, name: string, pin: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId(`login-user-${name}`).click();
  await page.getByTestId('pin-input').fill(pin);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('status-user')).toContainText(name);
}

export { expect };
