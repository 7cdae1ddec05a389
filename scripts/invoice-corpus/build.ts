import type { Rng } from '../../electron/core/demo/random.ts';
import { RATE_ORDER, addDays, afipCode, ivaContained, ivaOf, pad, roundDiv } from './format.ts';
import { CONSUMIDOR_FINAL, type IssuerProfile, type Parties } from './parties.ts';
import { makeLine, pickProducts, serviceLine, type Pools } from './products.ts';
import type { Invoice, Kind, LayoutId, Letter, Line, Party, RateKey, Tax } from './types.ts';

/** What the corpus plan decides for one invoice; everything else comes from the random stream. */
export type Plan = {
  id: string;
  layout: LayoutId;
  letter: Letter;
  kind: Kind;
  withQr: boolean;
  /** Force a number of lines (facturas only). */
  lines?: number;
  /** Force a supplier by name. */
  issuer?: string;
};

export type Context = { parties: Parties; pools: Pools };

/** Which letters each layout prints (a layout's suppliers decide which are possible). */
export const LAYOUT_LETTERS: Record<LayoutId, readonly Letter[]> = {
  'afip-clasico': ['A', 'B', 'C'],
  'distribuidora-moderna': ['A', 'B'],
  compacto: ['A', 'B'],
  mayorista: ['A', 'B'],
  'monotributo-simple': ['B', 'C'],
  ferreteria: ['A', 'B', 'C'],
  planilla: ['A', 'B', 'C'],
};

function pickIssuer(rng: Rng, ctx: Context, plan: Plan): IssuerProfile {
  const fits = ctx.parties.issuers.filter(
    (p) =>
      (plan.issuer ? p.issuer.name === plan.issuer : p.layout === plan.layout) &&
      (plan.letter === 'C') === (p.issuer.condition === 'MT'),
  );
  if (fits.length === 0) throw new Error(`Ningún proveedor emite ${plan.letter} en ${plan.layout}`);
  return rng.pick(fits);
}

function pickRecipient(rng: Rng, ctx: Context, letter: Letter): Party {
  const ri = ctx.parties.shops.filter((s) => s.condition === 'RI');
  const mt = ctx.parties.shops.filter((s) => s.condition === 'MT');
  if (letter === 'A') return rng.pick(ri);
  if (letter === 'B') return rng.chance(0.5) ? CONSUMIDOR_FINAL : rng.pick(mt);
  const r = rng.next();
  return r < 0.45 ? rng.pick(ri) : r < 0.8 ? rng.pick(mt) : CONSUMIDOR_FINAL;
}

function randomDate(rng: Rng): string {
  const start = Date.UTC(2025, 0, 2);
  const days = Math.floor((Date.UTC(2026, 11, 20) - start) / 86_400_000);
  return new Date(start + rng.int(0, days) * 86_400_000).toISOString().slice(0, 10);
}

function lineCount(rng: Rng, plan: Plan): number {
  if (plan.kind === 'nota_credito') return rng.int(3, 8);
  if (plan.kind === 'nota_debito') return rng.int(2, 4);
  if (plan.lines) return plan.lines;
  // Most deliveries are short; a third are long lists.
  return rng.chance(0.35) ? rng.int(14, 25) : rng.int(3, 13);
}

const PROVINCE: [RegExp, string][] = [
  [/CABA/, 'CABA'],
  [/Santa Fe/, 'Santa Fe'],
  [/Córdoba/, 'Córdoba'],
];

function provinceOf(address: string | undefined): string {
  for (const [re, name] of PROVINCE) if (address && re.test(address)) return name;
  return 'Buenos Aires';
}

const TAXED = /cigarr|cerveza|gaseosa|vino|fernet|whisky|aperitivo|energ|vodka|sidra/i;

function taxes(rng: Rng, inv: Invoice, profile: IssuerProfile): Tax[] {
  const out: Tax[] = [];
  const netC = inv.lines.reduce((a, l) => a + l.amountC, 0);
  const often = inv.kind === 'factura' ? 1 : 0.5;
  if (inv.letter === 'A') {
    const taxedC = inv.lines
      .filter((l) => TAXED.test(l.description))
      .reduce((a, l) => a + l.amountC, 0);
    if (profile.internos && taxedC > 0 && rng.chance(0.7 * often)) {
      const rateBp = /cigarr/i.test(inv.lines.map((l) => l.description).join(' ')) ? 2000 : 800;
      const amountC = roundDiv(taxedC * rateBp, 10_000);
      out.push({
        kind: 'internal',
        label: 'Impuestos Internos',
        short: 'Imp. Int.',
        rateBp,
        amountC,
      });
    }
    if (rng.chance(0.4 * often)) {
      const rateBp = rng.pick([150, 200, 250, 300, 350, 450]);
      const prov = provinceOf(inv.issuer.address);
      out.push({
        kind: 'perception',
        label: `Percepción IIBB ${prov}`,
        short: 'Perc. IIBB',
        rateBp,
        amountC: roundDiv(netC * rateBp, 10_000),
      });
    }
    if (rng.chance(0.18 * often)) {
      const rateBp = rng.pick([150, 300]);
      out.push({
        kind: 'perception',
        label: 'Percepción IVA RG 2408',
        short: 'Perc. IVA',
        rateBp,
        amountC: roundDiv(netC * rateBp, 10_000),
      });
    }
  } else if (inv.letter === 'B' && inv.recipient.cuit && rng.chance(0.12 * often)) {
    const rateBp = rng.pick([150, 200, 300]);
    out.push({
      kind: 'perception',
      label: `Percepción IIBB ${provinceOf(inv.issuer.address)}`,
      short: 'Perc. IIBB',
      rateBp,
      amountC: roundDiv(netC * rateBp, 10_000),
    });
  }
  return out;
}

function buildLines(rng: Rng, plan: Plan, profile: IssuerProfile, pools: Pools): Line[] {
  const n = lineCount(rng, plan);
  const products = pickProducts(rng, pools, profile, n);
  if (plan.kind === 'nota_debito') {
    // Price differences on goods already invoiced, plus freight or interest.
    const lines = products.map((p) =>
      makeLine(rng, profile, p, plan.letter, { priceFactor: 0.06, noDiscount: true }),
    );
    const extra = rng.pick([
      ['Flete y acarreo', rng.int(80, 400) * 100, '21'],
      ['Intereses por pago fuera de término', rng.int(15, 300) * 100, '21'],
      ['Servicio de cadena de frío', rng.int(50, 250) * 100, '27'],
    ] as const);
    lines.push(serviceLine(extra[0], extra[1], plan.letter === 'C' ? '0' : extra[2], plan.letter));
    return lines;
  }
  const lines = products.map((p) =>
    makeLine(rng, profile, p, plan.letter, { smallQty: plan.kind === 'nota_credito' }),
  );
  if (plan.kind === 'factura' && plan.letter === 'A' && profile.sources.includes('congelados')) {
    if (rng.chance(0.5)) lines.push(serviceLine('Servicio de cadena de frío', 18_500, '27', 'A'));
  }
  return lines;
}

function cae(rng: Rng): string {
  return `7${rng.int(1, 6)}${pad(rng.int(0, 999_999), 6)}${pad(rng.int(0, 999_999), 6)}`;
}

/** One invoice, arithmetic done in integers so that every printed figure adds up exactly. */
export function buildInvoice(rng: Rng, plan: Plan, ctx: Context): Invoice {
  const profile = pickIssuer(rng, ctx, plan);
  const date = randomDate(rng);
  const inv: Invoice = {
    id: plan.id,
    layout: plan.layout,
    letter: plan.letter,
    kind: plan.kind,
    afipCode: afipCode(plan.letter, plan.kind),
    pointOfSale: profile.issuer.pointOfSale,
    number: rng.int(150, 240_000),
    date,
    cae: cae(rng),
    caeDue: addDays(date, 10),
    issuer: profile.issuer,
    recipient: pickRecipient(rng, ctx, plan.letter),
    saleCondition: rng.pick(['Cuenta Corriente', 'Contado', 'Cuenta Corriente 30 días']),
    lines: buildLines(rng, plan, profile, ctx.pools),
    taxes: [],
    netByRate: {},
    ivaByRate: {},
    totalC: 0,
    withQr: plan.withQr,
  };
  if (plan.kind !== 'factura') {
    const ref = `Factura ${plan.letter} ${pad(inv.pointOfSale, 5)}-${pad(inv.number - rng.int(5, 140), 8)}`;
    inv.associated = ref;
    inv.reason =
      plan.kind === 'nota_credito'
        ? rng.pick(['Devolución de mercadería', 'Mercadería vencida', 'Faltante en entrega'])
        : 'Diferencia de precio';
  }
  inv.taxes = taxes(rng, inv, profile);
  finishTotals(inv);
  return inv;
}

/** Per-rate sums, IVA and the total, from the lines and taxes. */
export function finishTotals(inv: Invoice): void {
  const byRate = new Map<RateKey, number>();
  for (const l of inv.lines) byRate.set(l.rate, (byRate.get(l.rate) ?? 0) + l.amountC);
  const taxesC = inv.taxes.reduce((a, t) => a + t.amountC, 0);
  inv.netByRate = {};
  inv.ivaByRate = {};
  const linesC = inv.lines.reduce((a, l) => a + l.amountC, 0);
  if (inv.letter === 'A') {
    let ivaC = 0;
    for (const rate of RATE_ORDER) {
      const net = byRate.get(rate);
      if (net === undefined) continue;
      inv.netByRate[rate] = net;
      inv.ivaByRate[rate] = ivaOf(net, rate);
      ivaC += inv.ivaByRate[rate];
    }
    inv.totalC = linesC + ivaC + taxesC;
  } else {
    if (inv.letter === 'B') {
      for (const rate of RATE_ORDER) {
        const gross = byRate.get(rate);
        if (gross !== undefined && rate !== '0') inv.ivaByRate[rate] = ivaContained(gross, rate);
      }
    }
    inv.totalC = linesC + taxesC;
  }
}
