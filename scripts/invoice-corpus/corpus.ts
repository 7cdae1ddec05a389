import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { createRng, deriveSeed, type Rng } from '../../electron/core/demo/random.ts';
import { LAYOUT_LETTERS, buildInvoice, type Context, type Plan } from './build.ts';
import { degrade, pickDegradation, type Degradation } from './degrade.ts';
import { LAYOUT_RENDERERS } from './layouts/index.ts';
import { createParties } from './parties.ts';
import { createPools } from './products.ts';
import { qrDataUrl } from './qr.ts';
import type { Renderer } from './render.ts';
import { toTruth } from './truth.ts';
import {
  LAYOUTS,
  VARIANTS,
  type Invoice,
  type Kind,
  type Letter,
  type ManifestEntry,
  type Variant,
} from './types.ts';

export type CorpusPlan = Plan & { variant: Variant };

/** Letter weights per layout (its suppliers' mix). */
const LETTER_WEIGHTS: Record<(typeof LAYOUTS)[number], number[]> = {
  'afip-clasico': [0.5, 0.25, 0.25],
  'distribuidora-moderna': [0.65, 0.35],
  compacto: [0.6, 0.4],
  mayorista: [0.75, 0.25],
  'monotributo-simple': [0.3, 0.7],
  ferreteria: [0.5, 0.3, 0.2],
  planilla: [0.5, 0.3, 0.2],
};

function weighted<T>(rng: Rng, items: readonly T[], weights: readonly number[]): T {
  let r = rng.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i++) {
    r -= weights[i] ?? 0;
    if (r < 0) return items[i] as T;
  }
  return items[items.length - 1] as T;
}

/** `n` items cycling through `values`, shuffled: every value appears about equally often. */
function balanced<T>(rng: Rng, values: readonly T[], n: number): T[] {
  return rng.shuffle(Array.from({ length: n }, (_, i) => values[i % values.length] as T));
}

export const idOf = (i: number): string => String(i + 1).padStart(4, '0');

/** What each invoice of the corpus is: layout, letter, kind, QR and file variant. */
export function planCorpus(seed: number, count: number): CorpusPlan[] {
  const rng = createRng(deriveSeed(seed, 'plan'));
  const layouts = balanced(rng, LAYOUTS, count);
  const variants = balanced(rng, VARIANTS, count);
  const nd = Math.max(1, Math.round(count * 0.1));
  const nc = Math.max(1, Math.round(count * 0.2));
  const kinds = rng.shuffle(
    Array.from({ length: count }, (_, i): Kind =>
      i < nd ? 'nota_debito' : i < nd + nc ? 'nota_credito' : 'factura',
    ),
  );
  const qrs = rng.shuffle(Array.from({ length: count }, (_, i) => i < Math.round(count / 3)));
  return layouts.map((layout, i) => ({
    id: idOf(i),
    layout,
    letter: weighted<Letter>(rng, LAYOUT_LETTERS[layout], LETTER_WEIGHTS[layout]),
    kind: kinds[i] ?? 'factura',
    withQr: qrs[i] ?? false,
    variant: variants[i] ?? 'pdf',
  }));
}

export function createContext(seed: number): Context {
  return {
    parties: createParties(createRng(deriveSeed(seed, 'parties'))),
    pools: createPools(seed),
  };
}

/** An invoice and its truth, without rendering: what the unit test checks. */
export function invoiceFor(seed: number, plan: Plan, ctx: Context): Invoice {
  return buildInvoice(createRng(deriveSeed(seed, `invoice-${plan.id}`)), plan, ctx);
}

export type RenderOptions = {
  dpi?: number;
  degradation?: Partial<Degradation>;
  /** scanned-pdf: use the clean image instead of a degraded one. */
  cleanScan?: boolean;
};

const EXT: Record<Variant, string> = {
  pdf: 'pdf',
  clean: 'png',
  degraded: 'jpg',
  'scanned-pdf': 'pdf',
};

/** Renders one invoice in one variant; returns the file's bytes and its extension. */
export async function renderVariant(
  renderer: Renderer,
  inv: Invoice,
  variant: Variant,
  seed: number,
  opts: RenderOptions = {},
): Promise<{ bytes: Buffer; ext: string }> {
  const rng = createRng(deriveSeed(seed, `render-${inv.id}`));
  const html = LAYOUT_RENDERERS[inv.layout](inv, inv.withQr ? await qrDataUrl(inv) : undefined);
  const ext = EXT[variant];
  if (variant === 'pdf') return { bytes: await renderer.pdf(html), ext };
  const dpi = opts.dpi ?? rng.pick([150, 150, 165, 180, 200]);
  const png = await renderer.png(html, dpi);
  if (variant === 'clean') {
    // A 256-colour palette keeps antialiased text intact and the file a third of the size.
    return {
      bytes: await sharp(png).png({ palette: true, colors: 256, effort: 4 }).toBuffer(),
      ext,
    };
  }
  const photo = variant === 'degraded' ? undefined : false;
  const d = { ...pickDegradation(rng, { photo }), ...opts.degradation };
  if (variant === 'degraded') return { bytes: await degrade(png, d), ext };
  const clean = opts.cleanScan ?? rng.chance(0.25);
  const image = clean
    ? await sharp(png).greyscale().jpeg({ quality: 75 }).toBuffer()
    : await degrade(png, d);
  return { bytes: await renderer.imagePdf(image, 'image/jpeg'), ext };
}

export function writeJson(file: string, value: unknown): void {
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Generates the whole corpus into `outDir`, one invoice after another with one browser. */
export async function generateCorpus(
  renderer: Renderer,
  outDir: string,
  seed: number,
  count: number,
  onProgress?: (done: number, total: number, entry: ManifestEntry) => void,
): Promise<ManifestEntry[]> {
  fs.mkdirSync(outDir, { recursive: true });
  const ctx = createContext(seed);
  const manifest: ManifestEntry[] = [];
  for (const plan of planCorpus(seed, count)) {
    const inv = invoiceFor(seed, plan, ctx);
    const { bytes, ext } = await renderVariant(renderer, inv, plan.variant, seed);
    const entry: ManifestEntry = {
      id: plan.id,
      file: `${plan.id}.${ext}`,
      truth: `${plan.id}.truth.json`,
      variant: plan.variant,
      layout: plan.layout,
      letter: plan.letter,
      kind: plan.kind,
      qr: plan.withQr,
      pages: 1,
    };
    fs.writeFileSync(path.join(outDir, entry.file), bytes);
    writeJson(path.join(outDir, entry.truth), toTruth(inv));
    manifest.push(entry);
    onProgress?.(manifest.length, count, entry);
  }
  writeJson(path.join(outDir, 'manifest.json'), manifest);
  return manifest;
}
