import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { createInvoiceReader } from '../../electron/core/invoices/reader.ts';
import { tessdataDir } from '../../electron/core/invoices/read/ocr.ts';
import { toBatchJson } from '../../electron/core/invoices/batch-json.ts';
import { f1, scoreHeader, scoreItems, type Json } from '../../electron/core/invoices/score.ts';

/** One corpus entry, as the corpus generator's manifest lists it. */
type Case = { id: string; file: string; truth: string; variant: string; layout: string; pages?: number };

type Group = {
  files: number;
  pages: number;
  headerCorrect: number;
  headerTotal: number;
  matched: number;
  predicted: number;
  expected: number;
  seconds: number;
  failures: number;
};

export type InvoiceBench = {
  groups: Record<string, { headerAccuracy: number; itemF1: number; secondsPerPage: number; files: number; failures: number }>;
  speed: {
    oursSecondsPerPage: number;
    /** The native CLI with the language data its package installs (a smaller, faster model). */
    nativeSecondsPerPage: number | null;
    ratio: number | null;
    /** The native CLI with the very data the app ships, so only the engine differs. */
    nativeSameDataSecondsPerPage: number | null;
    sameDataRatio: number | null;
    pages: number;
    /** The same pages as one batch, read the way `invoices extract` reads it (a worker per core). */
    batchSecondsPerPage: number;
    batchRatio: number | null;
  };
  misses: Record<string, string[]>;
};

const round = (n: number, d = 3): number => Math.round(n * 10 ** d) / 10 ** d;

/**
 * Native Tesseract on one image, single-threaded as on the shop's PC; null if not installed.
 * `tessdata` points it at other language data than its package's.
 */
function nativeSeconds(file: string, tessdata?: string): number | null {
  const t = performance.now();
  const data = tessdata ? ['--tessdata-dir', tessdata] : [];
  const r = spawnSync('tesseract', [file, 'stdout', '-l', 'spa', '--psm', '3', ...data], {
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    encoding: 'utf8',
  });
  if (r.error || r.status !== 0) return null;
  return (performance.now() - t) / 1000;
}

/** Wall time of reading `cases` as one batch, a worker per core, as the CLI does. */
async function batchSeconds(corpusDir: string, cases: Case[]): Promise<{ seconds: number; pages: number }> {
  const reader = createInvoiceReader({ workers: Math.max(1, Math.min(cases.length, os.availableParallelism())) });
  let pages = 0;
  try {
    // Warm every worker first, as the app's first file of the day would.
    const warm = cases.slice(0, os.availableParallelism());
    await Promise.all(warm.map((c) => reader.read(fs.readFileSync(path.join(corpusDir, c.file)), c.file, { jobId: `w${c.id}` })));
    const t = performance.now();
    await Promise.all(
      cases.map(async (c) => {
        const { extraction } = await reader.read(fs.readFileSync(path.join(corpusDir, c.file)), c.file, { jobId: `b${c.id}` });
        pages += extraction.pages.length;
      }),
    );
    return { seconds: (performance.now() - t) / 1000, pages };
  } finally {
    await reader.close();
  }
}

export async function benchInvoices(corpusDir: string, log: (s: string) => void): Promise<InvoiceBench> {
  const cases = JSON.parse(fs.readFileSync(path.join(corpusDir, 'manifest.json'), 'utf8')) as Case[];
  const reader = createInvoiceReader({ workers: 1 });
  const groups: Record<string, Group> = {};
  const misses: Record<string, string[]> = {};
  let oursImageSeconds = 0;
  let nativeImageSeconds = 0;
  let sameDataSeconds = 0;
  let imagePages = 0;
  // The app's own Spanish data, unpacked where the native CLI can read it.
  const sameData = fs.mkdtempSync(path.join(os.tmpdir(), 'caja-tessdata-'));
  fs.writeFileSync(
    path.join(sameData, 'spa.traineddata'),
    zlib.gunzipSync(fs.readFileSync(path.join(tessdataDir(), 'spa.traineddata.gz'))),
  );
  let nativeOk = true;
  try {
    // Warm the worker and its OCR engine once, as the app does on the first file of the day.
    const warm = cases.find((c) => c.variant === 'clean');
    if (warm) await reader.read(fs.readFileSync(path.join(corpusDir, warm.file)), warm.file, { jobId: 'warm' });
    for (const c of cases) {
      const g = (groups[c.variant] ??= {
        files: 0, pages: 0, headerCorrect: 0, headerTotal: 0, matched: 0, predicted: 0, expected: 0, seconds: 0, failures: 0,
      });
      const file = path.join(corpusDir, c.file);
      const truth = JSON.parse(fs.readFileSync(path.join(corpusDir, c.truth), 'utf8')) as Json;
      const t = performance.now();
      let got: Json = {};
      let pages = c.pages ?? 1;
      try {
        const { extraction } = await reader.read(fs.readFileSync(file), c.file, { jobId: c.id });
        got = toBatchJson(extraction);
        pages = extraction.pages.length;
      } catch (err) {
        g.failures++;
        misses[c.id] = [`error: ${(err as Error).message}`];
      }
      const seconds = (performance.now() - t) / 1000;
      const h = scoreHeader(got, truth);
      const it = scoreItems(got, truth);
      Object.assign(g, {
        files: g.files + 1,
        pages: g.pages + pages,
        headerCorrect: g.headerCorrect + h.correct,
        headerTotal: g.headerTotal + h.total,
        matched: g.matched + it.matched,
        predicted: g.predicted + it.predicted,
        expected: g.expected + it.expected,
        seconds: g.seconds + seconds,
      });
      const wrong = [...h.misses, ...it.misses.map((m) => `línea: ${m}`)];
      if (it.predicted !== it.expected) wrong.push(`líneas: ${it.predicted} leídas de ${it.expected}`);
      if (wrong.length > 0) misses[`${c.id} (${c.variant}, ${c.layout})`] = [...(misses[c.id] ?? []), ...wrong];
      if ((c.variant === 'clean' || c.variant === 'degraded') && nativeOk) {
        const native = nativeSeconds(file);
        const same = native === null ? null : nativeSeconds(file, sameData);
        if (native === null || same === null) nativeOk = false;
        else {
          nativeImageSeconds += native;
          sameDataSeconds += same;
          oursImageSeconds += seconds;
          imagePages += pages;
        }
      }
      log(`  ${c.id} ${c.variant.padEnd(11)} ${seconds.toFixed(2)} s  cabecera ${h.correct}/${h.total}  líneas ${it.matched}/${it.expected} (${it.predicted} leídas)`);
    }
  } finally {
    await reader.close();
    fs.rmSync(sameData, { recursive: true, force: true });
  }
  const batch = await batchSeconds(
    corpusDir,
    cases.filter((c) => c.variant === 'clean' || c.variant === 'degraded'),
  );
  const out: InvoiceBench = {
    groups: {},
    speed: {
      oursSecondsPerPage: imagePages ? round(oursImageSeconds / imagePages) : 0,
      nativeSecondsPerPage: nativeOk && imagePages ? round(nativeImageSeconds / imagePages) : null,
      ratio: nativeOk && nativeImageSeconds > 0 ? round(oursImageSeconds / nativeImageSeconds, 2) : null,
      nativeSameDataSecondsPerPage: nativeOk && imagePages ? round(sameDataSeconds / imagePages) : null,
      sameDataRatio: nativeOk && sameDataSeconds > 0 ? round(oursImageSeconds / sameDataSeconds, 2) : null,
      pages: imagePages,
      batchSecondsPerPage: round(batch.seconds / Math.max(1, batch.pages)),
      batchRatio:
        nativeOk && nativeImageSeconds > 0 && batch.pages === imagePages
          ? round(batch.seconds / nativeImageSeconds, 2)
          : null,
    },
    misses,
  };
  for (const [name, g] of Object.entries(groups)) {
    out.groups[name] = {
      headerAccuracy: round(g.headerTotal ? g.headerCorrect / g.headerTotal : 0, 4),
      itemF1: round(f1(g.matched, g.predicted, g.expected), 4),
      secondsPerPage: round(g.pages ? g.seconds / g.pages : 0),
      files: g.files,
      failures: g.failures,
    };
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--corpus');
  const dir = i >= 0 ? process.argv[i + 1] : undefined;
  if (!dir) {
    process.stderr.write('Uso: node scripts/bench/invoices.ts --corpus <carpeta>\n');
    process.exit(2);
  }
  const r = await benchInvoices(path.resolve(dir), (s) => process.stderr.write(s + '\n'));
  process.stdout.write(JSON.stringify(r, null, 2) + '\n');
}
