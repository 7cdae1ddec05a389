import { createRng } from '../../electron/core/demo/random.ts';
import { finishTotals, type Context } from './build.ts';
import { lineAmount, money, pad } from './format.ts';
import { esc, pageHtml } from './html.ts';
import type { Invoice, Line, RateKey } from './types.ts';

/** Fixtures that are not corpus invoices: the e2e invoice and the bad inputs. */

function fixedLine(
  code: string,
  description: string,
  qty: number,
  priceC: number,
  rate: RateKey,
): Line {
  return {
    code,
    description,
    qtyMilli: qty * 1000,
    unit: 'u',
    priceC,
    discountBp: 0,
    amountC: lineAmount(qty * 1000, priceC, 0),
    rate,
  };
}

/**
 * The e2e invoice: Factura A from Distribuidora Mayorista Sur S.A. with two products of
 * e2e/data/turno.csv (by barcode) and one supplier code that is not in that catalog.
 */
export function e2eInvoice(ctx: Context): Invoice {
  const profile = ctx.parties.issuers.find(
    (p) => p.issuer.name === 'Distribuidora Mayorista Sur S.A.',
  );
  const shop = ctx.parties.shops.find((s) => s.name === 'Autoservicio La Esquina S.R.L.');
  if (!profile || !shop) throw new Error('Faltan el proveedor o el comercio de la factura e2e');
  const inv: Invoice = {
    id: 'e2e',
    layout: 'afip-clasico',
    letter: 'A',
    kind: 'factura',
    afipCode: 1,
    pointOfSale: 3,
    number: 18_452,
    date: '2025-11-14',
    cae: '75462894512036',
    caeDue: '2025-11-24',
    issuer: { ...profile.issuer, pointOfSale: 3 },
    recipient: shop,
    saleCondition: 'Cuenta Corriente',
    lines: [
      fixedLine('7790150006008', 'Yerba Mate Playadito 1 kg', 12, 310_000, '21'),
      fixedLine('7792540250450', 'Azúcar Ledesma 1 kg x10', 2, 815_000, '10.5'),
      fixedLine('DMS-9001', 'Galletitas Criollitas 3x100g', 6, 145_000, '21'),
    ],
    taxes: [],
    netByRate: {},
    ivaByRate: {},
    totalC: 0,
    withQr: true,
  };
  finishTotals(inv);
  return inv;
}

/** A supplier's 40-page price list: a real text PDF, far more pages than an invoice has. */
export function fortyPagesHtml(): string {
  const rng = createRng(40);
  const goods = [
    'Yerba Mate',
    'Azúcar',
    'Fideos Secos',
    'Arroz Largo Fino',
    'Aceite de Girasol',
    'Galletitas Dulces',
    'Harina 000',
    'Puré de Tomate',
    'Lavandina',
    'Detergente',
  ];
  const pages: string[] = [];
  for (let p = 1; p <= 40; p++) {
    const rows = Array.from({ length: 28 }, (_, i) => {
      const code = pad(p * 100 + i, 5);
      const price = rng.int(50_000, 2_500_000);
      return `<tr><td>${code}</td><td>${esc(rng.pick(goods))} x${rng.pick([6, 10, 12, 24])}</td><td class="r">${money(price)}</td></tr>`;
    }).join('');
    pages.push(
      `<section><h1>Lista de precios mayorista — Distribuidora El Trébol S.R.L.</h1><p>Vigente desde el 01/03/2025. Precios netos de IVA por bulto. Página ${p} de 40</p><table><tr><th>Código</th><th>Artículo</th><th class="r">Precio</th></tr>${rows}</table></section>`,
    );
  }
  return `<!doctype html><html lang="es"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 15mm; } body { font-family: 'Liberation Sans', sans-serif; font-size: 10px; margin: 0; }
section { break-after: page; } section:last-child { break-after: auto; }
h1 { font-size: 14px; } table { width: 100%; border-collapse: collapse; }
td, th { border-bottom: 1px solid #ccc; padding: 3px; text-align: left; } .r { text-align: right; }
</style></head><body>${pages.join('')}</body></html>`;
}

/** A handwritten shopping list on lined paper with a doodle: an image with no invoice in it. */
export function shoppingListHtml(): string {
  const items = [
    'leche x2',
    'pan (1/2 kg)',
    'yerba',
    'fideos tirabuzón',
    'aceite',
    'huevos — maple',
    'lavandina',
    'papel higiénico',
    'galletitas p/ los chicos',
    'tomates 1 kg',
    'queso rallado',
    'pagar la luz!!',
  ];
  const lines = items
    .map(
      (t, i) =>
        `<div class="it" style="transform: rotate(${((i * 7) % 5) - 2}deg) translateX(${(i * 13) % 9}px)">${esc(t)}</div>`,
    )
    .join('');
  const css = `
.page { display: block; background: #fdfbf3 repeating-linear-gradient(#fdfbf3 0 35px, #9cc3e6 35px 36px); padding: 60px 60px 0 110px;
  font-family: 'Z003', 'URW Chancery L', cursive; color: #1c2b6b; }
.page::before { content: ''; position: absolute; left: 90px; top: 0; bottom: 0; width: 2px; background: #e8a0a0; }
h1 { font-size: 40px; margin: 0 0 18px; font-weight: normal; }
.it { font-size: 30px; height: 36px; line-height: 36px; }
svg { position: absolute; right: 50px; bottom: 60px; }`;
  const doodle = `<svg width="260" height="200" viewBox="0 0 260 200" fill="none" stroke="#1c2b6b" stroke-width="3">
<circle cx="200" cy="50" r="28"/><path d="M200 8v-6M200 98v-6M242 50h6M152 50h6M230 20l5-5M165 85l5-5M230 80l5 5M165 15l5 5"/>
<path d="M10 190 L80 110 L130 160 L170 120 L250 190 Z"/><path d="M40 190v-30h30v30"/></svg>`;
  return pageHtml('Lista', css, `<h1>Lista del súper</h1>${lines}${doodle}`);
}

/** The start of a real PDF followed by garbage: a download cut short. */
export function corruptPdf(pdf: Buffer): Buffer {
  const rng = createRng(13);
  const head = pdf.subarray(0, Math.floor(pdf.length * 0.3));
  const junk = Buffer.from(Array.from({ length: 1500 }, () => rng.int(0, 255)));
  return Buffer.concat([head, junk]);
}
