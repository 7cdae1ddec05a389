import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './build.ts';

/**
 * `npm test`: type-check, lint, layers, format, unit + integration (Vitest), the
 * renderer build and e2e (Playwright in Chromium against the web host). Each static
 * check counts as one test; the suites count their own. Ends with one line
 * `N passed, N failed`, which CI reads.
 */
type Tally = { name: string; passed: number; failed: number; skipped: number };

const tallies: Tally[] = [];
const tmp = path.join(ROOT, '.tmp');
fs.mkdirSync(tmp, { recursive: true });
const bin = (name: string): string => path.join(ROOT, 'node_modules', '.bin', name);

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  process.stdout.write(`\n▶ ${path.basename(cmd)} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function check(name: string, cmd: string, args: string[]): void {
  const ok = run(cmd, args) === 0;
  tallies.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });
}

function vitest(): void {
  const out = path.join(tmp, 'vitest.json');
  fs.rmSync(out, { force: true });
  const code = run(bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  if (!fs.existsSync(out)) {
    tallies.push({ name: 'unit', passed: 0, failed: 1, skipped: 0 });
    return;
  }
  const r = JSON.parse(fs.readFileSync(out, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numFailedTestSuites: number;
  };
  // A suite that fails to load has no failed tests of its own: count it as one.
  const failed =
    r.numFailedTests +
    (r.numFailedTests === 0 && code !== 0 ? Math.max(1, r.numFailedTestSuites) : 0);
  tallies.push({
    name: 'unit',
    passed: r.numPassedTests,
    failed,
    skipped: r.numPendingTests + r.numTodoTests,
  });
}

type PwSuite = { specs?: { tests: { status: string }[] }[]; suites?: PwSuite[] };

function e2e(): void {
  const out = path.join(tmp, 'e2e.json');
  fs.rmSync(out, { force: true });
  const code = run(bin('playwright'), ['test', '-c', 'e2e/playwright.config.ts'], {
    CAJA_E2E_JSON: out,
  });
  if (!fs.existsSync(out)) {
    tallies.push({ name: 'e2e', passed: 0, failed: 1, skipped: 0 });
    return;
  }
  const report = JSON.parse(fs.readFileSync(out, 'utf8')) as {
    suites: PwSuite[];
    errors?: unknown[];
  };
  const t: Tally = { name: 'e2e', passed: 0, failed: 0, skipped: 0 };
  const walk = (s: PwSuite): void => {
    for (const spec of s.specs ?? [])
      for (const test of spec.tests) {
        if (test.status === 'expected' || test.status === 'flaky') t.passed++;
        else if (test.status === 'skipped') t.skipped++;
        else t.failed++;
      }
    for (const child of s.suites ?? []) walk(child);
  };
  report.suites.forEach(walk);
  if (t.failed === 0 && code !== 0) t.failed = Math.max(1, report.errors?.length ?? 1);
  tallies.push(t);
}

const only = process.argv[2];
if (!only || only === 'static') {
  check('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
  check('lint', bin('eslint'), ['.', '--max-warnings', '0']);
  check('layers', process.execPath, ['scripts/check-layers.ts']);
  check('format', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
  check('electron-bundle', process.execPath, ['scripts/build.ts', 'electron']);
}
if (!only || only === 'unit') vitest();
if (!only || only === 'e2e') {
  check('build', process.execPath, ['scripts/build.ts', 'renderer']);
  e2e();
}

const sum = (k: 'passed' | 'failed' | 'skipped'): number => tallies.reduce((s, t) => s + t[k], 0);
process.stdout.write('\n');
for (const t of tallies) {
  process.stdout.write(
    `  ${t.failed ? '✗' : '✓'} ${t.name.padEnd(10)} ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ''}\n`,
  );
}
const skipped = sum('skipped');
process.stdout.write(
  `${sum('passed')} passed, ${sum('failed')} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
);
process.exitCode = sum('failed') > 0 ? 1 : 0;
