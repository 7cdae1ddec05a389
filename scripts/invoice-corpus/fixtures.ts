import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { Plan } from './build.ts';
import {
  createContext,
  invoiceFor,
  renderVariant,
  writeJson,
  type RenderOptions,
} from './corpus.ts';
import { corruptPdf, e2eInvoice, fortyPagesHtml, shoppingListHtml } from './extras.ts';
import { LAYOUT_RENDERERS } from './layouts/index.ts';
import { qrDataUrl } from './qr.ts';
import { countPdfPages, openRenderer, type Renderer } from './render.ts';
import { toTruth } from './truth.ts';
import type { Invoice, Variant } from './types.ts';

/**
 * `node scripts/invoice-corpus/fixtures.ts`: the committed invoice fixtures of
 * electron/core/invoices/fixtures/ and e2e/data/factura-e2e.pdf, each with its truth.
 *
 * con-clave.pdf is NOT regenerated here (nothing at test time may need qpdf). It was made once:
 *   qpdf --encrypt 1234 dueño-5678 256 -- factura-a.pdf con-clave.pdf
 * (user password 1234); remake it the same way if factura-a.pdf ever changes meaningfully.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = path.join(ROOT, 'electron', 'core', 'invoices', 'fixtures');
const E2E = path.join(ROOT, 'e2e', 'data');
const SEED = 2025;

type Spec = {
  file: string;
  plan: Omit<Plan, 'id'>;
  variant: Variant;
  opts: RenderOptions;
  /** The first candidate invoice that shows what the fixture is meant to exercise. */
  want: (inv: Invoice) => boolean;
};

const discounted = (inv: Invoice): boolean => inv.lines.some((l) => l.discountBp > 0);
const rates = (inv: Invoice): number => new Set(inv.lines.map((l) => l.rate)).size;
const between = (inv: Invoice, a: number, b: number): boolean =>
  inv.lines.length >= a && inv.lines.length <= b;

const SPECS: Spec[] = [
  {
    file: 'factura-a-qr.png',
    plan: { layout: 'afip-clasico', letter: 'A', kind: 'factura', withQr: true },
    variant: 'clean',
    opts: { dpi: 150 },
    want: (inv) =>
      between(inv, 6, 12) && discounted(inv) && rates(inv) === 2 && inv.taxes.length > 0,
  },
  {
    file: 'factura-b.jpg',
    plan: { layout: 'distribuidora-moderna', letter: 'B', kind: 'factura', withQr: false },
    variant: 'degraded',
    opts: {
      dpi: 175,
      degradation: {
        photo: false,
        rotationDeg: -1.6,
        gray: true,
        quality: 55,
        noise: 5,
        blur: 0.6,
      },
    },
    want: (inv) => between(inv, 5, 10) && inv.recipient.condition === 'CF',
  },
  {
    file: 'factura-a.pdf',
    plan: { layout: 'mayorista', letter: 'A', kind: 'factura', withQr: false },
    variant: 'pdf',
    opts: {},
    want: (inv) =>
      between(inv, 8, 20) &&
      discounted(inv) &&
      inv.taxes.some((t) => t.kind === 'perception') &&
      inv.lines.some((l) => l.unit === 'lt'),
  },
  {
    file: 'escaneada.pdf',
    plan: { layout: 'monotributo-simple', letter: 'C', kind: 'factura', withQr: true },
    variant: 'scanned-pdf',
    opts: {
      dpi: 200,
      cleanScan: false,
      degradation: { photo: false, rotationDeg: 0.9, gray: true, quality: 50, noise: 5, blur: 0.5 },
    },
    want: (inv) => between(inv, 5, 10) && inv.lines.some((l) => l.unit === 'kg'),
  },
];

function find(ctx: ReturnType<typeof createContext>, spec: Spec): Invoice {
  for (let i = 0; i < 3000; i++) {
    const inv = invoiceFor(SEED, { ...spec.plan, id: `fx${i}` }, ctx);
    if (spec.want(inv)) return inv;
  }
  throw new Error(`Ningún candidato sirve para ${spec.file}`);
}

const truthName = (file: string): string => file.replace(/\.[a-z]+$/, '.truth.json');

function save(dir: string, file: string, bytes: Buffer): void {
  fs.writeFileSync(path.join(dir, file), bytes);
  console.log(
    `${path.relative(ROOT, path.join(dir, file))} (${Math.round(bytes.length / 1024)} KB)`,
  );
}

async function invoices(r: Renderer, ctx: ReturnType<typeof createContext>): Promise<Buffer> {
  let textPdf: Buffer = Buffer.alloc(0);
  for (const spec of SPECS) {
    const inv = find(ctx, spec);
    const { bytes } = await renderVariant(r, inv, spec.variant, SEED, spec.opts);
    save(FIXTURES, spec.file, bytes);
    writeJson(path.join(FIXTURES, truthName(spec.file)), toTruth(inv));
    if (spec.file === 'factura-a.pdf') textPdf = bytes;
  }
  return textPdf;
}

async function main(): Promise<void> {
  fs.mkdirSync(FIXTURES, { recursive: true });
  const ctx = createContext(SEED);
  const r = await openRenderer();
  try {
    const textPdf = await invoices(r, ctx);
    save(FIXTURES, 'corrupta.pdf', corruptPdf(textPdf));
    const forty = await r.anyPdf(fortyPagesHtml());
    if (countPdfPages(forty) !== 40) throw new Error('La lista de precios no salió de 40 páginas');
    save(FIXTURES, 'cuarenta-paginas.pdf', forty);
    const list = await r.png(shoppingListHtml(), 96);
    save(
      FIXTURES,
      'sin-factura.png',
      await sharp(list).png({ palette: true, colors: 64 }).toBuffer(),
    );
    const e2e = e2eInvoice(ctx);
    const html = LAYOUT_RENDERERS[e2e.layout](e2e, await qrDataUrl(e2e));
    save(E2E, 'factura-e2e.pdf', await r.pdf(html));
    writeJson(path.join(E2E, 'factura-e2e.truth.json'), toTruth(e2e));
  } finally {
    await r.close();
  }
  if (!fs.existsSync(path.join(FIXTURES, 'con-clave.pdf'))) {
    console.log(
      'Falta con-clave.pdf: hacelo una vez con qpdf (ver el comentario de este archivo).',
    );
  }
}

await main();
