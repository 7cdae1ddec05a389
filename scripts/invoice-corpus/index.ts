import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.ts';
import { openRenderer } from './render.ts';

/**
 * `npm run corpus -- --out <dir> [--count 48] [--seed 1]`: a corpus of Argentine supplier
 * invoices (text PDFs, clean PNGs, degraded JPEGs, scanned PDFs) with exact ground truth and a
 * manifest.json, the same for the same seed.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      count: { type: 'string', default: '48' },
      seed: { type: 'string', default: '1' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (!values.out || !Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
    console.error(
      'Uso: node scripts/invoice-corpus/index.ts --out <carpeta> [--count 48] [--seed 1]',
    );
    process.exitCode = 2;
    return;
  }
  const out = path.resolve(values.out);
  const started = Date.now();
  const renderer = await openRenderer();
  try {
    const manifest = await generateCorpus(renderer, out, seed, count, (done, total, e) => {
      if (!values.quiet)
        console.log(
          `${done}/${total} ${e.file} ${e.layout} ${e.letter} ${e.kind}${e.qr ? ' QR' : ''}`,
        );
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`Corpus: ${manifest.length} comprobantes en ${out} (${seconds} s)`);
  } finally {
    await renderer.close();
  }
}

await main();
