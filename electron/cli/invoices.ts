import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Extraction, InvoiceData } from '../../shared/contract/index.ts';
import { createInvoiceReader } from '../core/invoices/reader.ts';
import type { CliIo } from './commands.ts';

const pesos = (centavos: number): number => Math.round(centavos) / 100;

/** '2100' → '21', '1050' → '10.5': the rate as the JSON's readers write it. */
export function rateKey(bp: string): string {
  return String(Number(bp) / 100);
}

function byRate(map: Record<string, number>): Record<string, number> | undefined {
  const entries = Object.entries(map);
  if (entries.length === 0) return undefined;
  return Object.fromEntries(entries.map(([bp, c]) => [rateKey(bp), pesos(c)]));
}

function confidencePath(path: string): string {
  const m = /^(netByRate|ivaByRate)\.(\d+)$/.exec(path);
  return m?.[1] && m[2] ? `${m[1]}.${rateKey(m[2])}` : path;
}

/**
 * The batch JSON of one invoice: amounts in pesos, dates ISO, CUIT digits, absent fields left
 * out. The shape other programs read; the app's own store keeps centavos.
 */
export function toBatchJson(x: Extraction): Record<string, unknown> {
  const d: InvoiceData = x.data;
  const party = (p: InvoiceData['issuer'], withIva: boolean) => {
    const o: Record<string, string> = {};
    if (p.name) o.name = p.name;
    if (p.cuit) o.cuit = p.cuit;
    if (withIva && p.ivaCondition) o.ivaCondition = p.ivaCondition;
    return o;
  };
  const out: Record<string, unknown> = {};
  const set = (key: string, value: unknown): void => {
    if (value !== undefined && value !== null) out[key] = value;
  };
  set('kind', d.kind);
  set('letter', d.letter);
  set('afipCode', d.afipCode);
  set('pointOfSale', d.pointOfSale);
  set('number', d.number);
  set('date', d.date);
  out.issuer = party(d.issuer, true);
  out.recipient = party(d.recipient, false);
  set('cae', d.cae);
  set('caeDue', d.caeDue);
  out.currency = d.currency || 'ARS';
  set('netByRate', byRate(d.netByRate));
  set('ivaByRate', byRate(d.ivaByRate));
  out.perceptions = pesos(d.perceptions);
  if (d.otherTaxes > 0) out.otherTaxes = pesos(d.otherTaxes);
  set('total', d.total === undefined ? undefined : pesos(d.total));
  out.items = d.items.map((it) => {
    const item: Record<string, unknown> = {};
    if (it.code) item.code = it.code;
    item.description = it.description;
    item.quantity = it.quantity / 1000;
    item.unit = it.unit;
    item.unitPrice = pesos(it.unitPrice);
    item.discountPct = it.discountBp / 100;
    item.amount = pesos(it.amount);
    return item;
  });
  const confidence: Record<string, number> = {};
  for (const [p, f] of Object.entries(x.fields)) confidence[confidencePath(p)] = f.confidence;
  d.items.forEach((it, i) => (confidence[`items.${i}`] = it.confidence));
  out.confidence = confidence;
  return out;
}

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
