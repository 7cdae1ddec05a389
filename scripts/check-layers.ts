import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Enforces the "may import" column of the architecture: who may import what.
 * Reads every import/export-from/dynamic import in the source folders.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type Rule = {
  folder: string;
  /** Project folders (relative to the root) a file here may import from. */
  mayImport: string[];
  /** Bare specifiers allowed: exact names or prefixes ending in '/'. `node:` counts as bare. */
  packages: string[] | 'any';
  forbidPackages?: string[];
};

const NODE = 'node:';
export const RULES: Rule[] = [
  { folder: 'shared', mayImport: ['shared'], packages: ['zod'] },
  {
    folder: 'renderer',
    mayImport: ['renderer', 'shared'],
    packages: [
      'react',
      'react-dom',
      'react/',
      'react-dom/',
      'zustand',
      'zustand/',
      'recharts',
      '@tanstack/',
      'zod',
      'vite',
    ],
  },
  {
    folder: 'electron/core',
    mayImport: ['electron/core', 'shared'],
    packages: 'any',
    forbidPackages: ['electron', 'electron/', 'electron-updater', 'react', 'react-dom'],
  },
  {
    folder: 'electron/workers',
    mayImport: ['electron/workers', 'electron/core', 'shared'],
    packages: 'any',
    forbidPackages: ['electron', 'electron/', 'electron-updater'],
  },
  {
    folder: 'electron/host',
    mayImport: ['electron/host', 'electron/core', 'shared'],
    packages: 'any',
    forbidPackages: ['electron', 'electron/', 'electron-updater'],
  },
  {
    folder: 'electron/cli',
    mayImport: ['electron/cli', 'electron/core', 'shared'],
    packages: 'any',
    forbidPackages: ['electron', 'electron/', 'electron-updater'],
  },
  { folder: 'electron/preload', mayImport: ['electron/preload', 'shared'], packages: ['electron'] },
  {
    folder: 'electron/main',
    mayImport: ['electron/main', 'electron/core', 'shared'],
    packages: 'any',
  },
];

const IMPORT_RE =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[^\w.])import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

function* sourceFiles(dir: string): Generator<string> {
  if (!fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* sourceFiles(full);
    else if (/\.(ts|tsx|mts|cts|js|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts')) yield full;
  }
}

const TEST_ONLY = ['vitest', 'fast-check'];
const isTest = (file: string): boolean => /\.test\.tsx?$/.test(file);

const matches = (spec: string, list: string[]): boolean =>
  list.some((p) => (p.endsWith('/') ? spec.startsWith(p) : spec === p || spec.startsWith(p + '/')));

export function checkLayers(root = ROOT): string[] {
  const inside = (file: string, folder: string): boolean => {
    const rel = path.relative(path.join(root, folder), file);
    return !rel.startsWith('..') && !path.isAbsolute(rel);
  };
  const problems: string[] = [];
  for (const rule of RULES) {
    for (const file of sourceFiles(path.join(root, rule.folder))) {
      // A more specific rule owns nested folders (electron/core inside electron).
      const owner = RULES.filter((r) => inside(file, r.folder)).sort(
        (a, b) => b.folder.length - a.folder.length,
      )[0];
      if (owner !== rule) continue;
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(IMPORT_RE)) {
        const spec = m[1] ?? m[2] ?? m[3];
        if (!spec) continue;
        const where = `${path.relative(root, file)}: '${spec}'`;
        if (spec.startsWith('.')) {
          const target = path.resolve(path.dirname(file), spec);
          if (!rule.mayImport.some((f) => inside(target, f))) {
            problems.push(
              `${where} — ${rule.folder}/ no puede importar de ${path.relative(root, target)}`,
            );
          }
          continue;
        }
        if (rule.forbidPackages && matches(spec, rule.forbidPackages)) {
          problems.push(`${where} — ${rule.folder}/ no puede importar '${spec}'`);
          continue;
        }
        if (rule.packages === 'any' || (isTest(file) && matches(spec, TEST_ONLY))) continue;
        if (spec.startsWith(NODE) || !matches(spec, rule.packages)) {
          problems.push(
            `${where} — ${rule.folder}/ solo puede importar ${rule.packages.join(', ')}`,
          );
        }
      }
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = checkLayers();
  for (const p of problems) process.stderr.write(p + '\n');
  process.stdout.write(
    problems.length ? `Capas: ${problems.length} importaciones prohibidas\n` : 'Capas: correcto\n',
  );
  process.exitCode = problems.length ? 1 : 0;
}
