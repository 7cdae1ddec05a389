import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RENDERER_OUT = path.join(ROOT, 'dist', 'renderer');
const ELECTRON_OUT = path.join(ROOT, 'dist-electron');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** True when dist/renderer is missing or older than renderer/ or shared/. */
export function rendererIsStale(): boolean {
  const index = path.join(RENDERER_OUT, 'index.html');
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  return (
    Math.max(newestMtime(path.join(ROOT, 'renderer')), newestMtime(path.join(ROOT, 'shared'))) >
    built
  );
}

const ELECTRON_PKG = path.join(ROOT, 'node_modules', 'electron');

/**
 * The Electron binary if this machine has it. It is downloaded apart from npm install, and
 * requiring the `electron` package would try that download, so look at its files instead.
 */
export function installedElectron(): string | null {
  const pathFile = path.join(ELECTRON_PKG, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const bin = path.join(ELECTRON_PKG, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(bin) ? bin : null;
}

/** Runs the package's own download once; false when it cannot (no network, CI). */
export function downloadElectron(): boolean {
  const r = spawnSync(process.execPath, [path.join(ELECTRON_PKG, 'install.js')], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  return r.status === 0;
}

export async function buildRenderer(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
}

/** Native or self-locating packages the invoice reader loads from node_modules at run time. */
const READER_PACKAGES = ['sharp', '@napi-rs/canvas', 'tesseract.js', 'pdfjs-dist', 'jsqr'];

/** Bundles the Electron main process and the sandboxed preload (one CommonJS file each). */
export async function buildElectron(): Promise<void> {
  const esbuild = await import('esbuild');
  const common = {
    bundle: true,
    platform: 'node' as const,
    format: 'cjs' as const,
    target: 'node22',
    sourcemap: true,
    logLevel: 'warning' as const,
    external: ['electron'],
    // Source-relative paths (the reader's worker, the OCR data) come from CAJA_READER_WORKER and
    // CAJA_TESSDATA in the bundle, which the main process sets before anything reads them.
    define: { 'import.meta.url': '"file:///bundled"' },
  };
  await esbuild.build({
    ...common,
    entryPoints: [path.join(ROOT, 'electron', 'main', 'index.ts')],
    outfile: path.join(ELECTRON_OUT, 'main.cjs'),
    external: ['electron', 'better-sqlite3', 'electron-updater', ...READER_PACKAGES],
  });
  // Supplier invoices are read in worker threads: their own bundle, started by the core.
  await esbuild.build({
    ...common,
    entryPoints: [path.join(ROOT, 'electron', 'workers', 'invoice-reader.ts')],
    outfile: path.join(ELECTRON_OUT, 'invoice-reader.cjs'),
    external: READER_PACKAGES,
  });
  await esbuild.build({
    ...common,
    entryPoints: [path.join(ROOT, 'electron', 'preload', 'index.ts')],
    outfile: path.join(ELECTRON_OUT, 'preload.cjs'),
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const what = process.argv[2] ?? 'all';
  if (what === 'all' || what === 'renderer') await buildRenderer();
  if (what === 'all' || what === 'electron') await buildElectron();
  process.stdout.write(`Compilado: ${what}\n`);
}
