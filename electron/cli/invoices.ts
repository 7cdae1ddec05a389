import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toBatchJson } from '../core/invoices/batch-json.ts';
import { createInvoiceReader } from '../core/invoices/reader.ts';
import type { CliIo } from './commands.ts';

/** `invoices extract <files...> --out <dir>`: one JSON per file, named after it. */
export async function extractCommand(
  files: string[],
  options: Record<string, string | boolean | undefined>,
  io: CliIo,
): Promise<number> {
  const outDir = typeof options.out === 'string' ? path.resolve(options.out) : null;
  if (!outDir || files.length === 0) {
    io.err('Uso: invoices extract <archivos...> --out <carpeta>');
    return 2;
  }
  fs.mkdirSync(outDir, { recursive: true });
  const workers = Math.max(
    1,
    Math.min(files.length, Number(options.workers) || os.availableParallelism()),
  );
  const reader = createInvoiceReader({ workers });
  let failed = 0;
  const summary: { file: string; out: string; ok: boolean; message?: string; seconds?: number }[] =
    [];
  try {
    await Promise.all(
      files.map(async (file, i) => {
        const name = path.basename(file).replace(/\.[^.]+$/, '') || `archivo-${i + 1}`;
        const target = path.join(outDir, `${name}.json`);
        try {
          const bytes = fs.readFileSync(file);
          const { extraction } = await reader.read(bytes, path.basename(file), { jobId: `${i}` });
          fs.writeFileSync(target, JSON.stringify(toBatchJson(extraction), null, 2) + '\n');
          summary.push({ file, out: target, ok: true, seconds: extraction.seconds });
          if (!io.json) io.out(`✓ ${file} → ${target} (${extraction.seconds.toFixed(1)} s)`);
        } catch (err) {
          failed++;
          const message =
            (err as NodeJS.ErrnoException).code === 'ENOENT'
              ? `No existe el archivo «${file}»`
              : String((err as Error).message ?? err);
          fs.writeFileSync(target, JSON.stringify({ error: message }, null, 2) + '\n');
          summary.push({ file, out: target, ok: false, message });
          if (!io.json) io.err(`✗ ${file}: ${message}`);
        }
      }),
    );
  } finally {
    await reader.close();
  }
  if (io.json) io.data({ files: summary, failed });
  return failed > 0 ? 1 : 0;
}
