import { RATE_ORDER, pesos } from './format.ts';
import type { Invoice, IvaCondition, LayoutId, Truth, TruthItem, TruthParty } from './types.ts';

/** How each layout prints an IVA condition: the truth holds the text exactly as printed. */
const CONDITION_LABELS: Record<LayoutId, Record<IvaCondition, string>> = {
  'afip-clasico': {
    RI: 'IVA Responsable Inscripto',
    MT: 'Responsable Monotributo',
    CF: 'Consumidor Final',
    EX: 'IVA Sujeto Exento',
  },
  'distribuidora-moderna': {
    RI: 'IVA Responsable Inscripto',
    MT: 'Responsable Monotributo',
    CF: 'Consumidor Final',
    EX: 'IVA Exento',
  },
  compacto: { RI: 'Resp. Inscripto', MT: 'Monotributo', CF: 'Cons. Final', EX: 'Exento' },
  mayorista: {
    RI: 'Responsable Inscripto',
    MT: 'Responsable Monotributo',
    CF: 'Consumidor Final',
    EX: 'Exento',
  },
  'monotributo-simple': {
    RI: 'IVA Responsable Inscripto',
    MT: 'Responsable Monotributo',
    CF: 'Consumidor Final',
    EX: 'IVA Sujeto Exento',
  },
  ferreteria: {
    RI: 'Responsable Inscripto',
    MT: 'Responsable Monotributo',
    CF: 'Consumidor Final',
    EX: 'Exento',
  },
  planilla: {
    RI: 'IVA Responsable Inscripto',
    MT: 'Monotributista',
    CF: 'Consumidor Final',
    EX: 'IVA Exento',
  },
};

export const conditionLabel = (layout: LayoutId, c: IvaCondition): string =>
  CONDITION_LABELS[layout][c];

/** The simple layout has no code column unless some line carries a code. */
export function printsCodes(inv: Invoice): boolean {
  return inv.lines.some((l) => l.code !== undefined);
}

function item(inv: Invoice, i: number): TruthItem {
  const l = inv.lines[i];
  if (!l) throw new Error(`línea ${i} inexistente`);
  const out: TruthItem = {
    description: l.description,
    quantity: l.qtyMilli / 1000,
    unit: l.unit,
    unitPrice: pesos(l.priceC),
    discountPct: l.discountBp / 100,
    amount: pesos(l.amountC),
  };
  return l.code !== undefined ? { code: l.code, ...out } : out;
}

function byRate(map: Invoice['netByRate']): Record<string, number> {
  const out: Record<string, number> = {};
  for (const rate of RATE_ORDER) {
    const c = map[rate];
    if (c !== undefined) out[rate] = pesos(c);
  }
  return out;
}

/** The ground truth for an invoice: only what its document prints. */
export function toTruth(inv: Invoice): Truth {
  const recipient: TruthParty = { name: inv.recipient.name };
  if (inv.recipient.cuit) recipient.cuit = inv.recipient.cuit;
  recipient.ivaCondition = conditionLabel(inv.layout, inv.recipient.condition);
  const truth: Truth = {
    kind: inv.kind,
    letter: inv.letter,
    afipCode: inv.afipCode,
    pointOfSale: inv.pointOfSale,
    number: inv.number,
    date: inv.date,
    issuer: {
      name: inv.issuer.name,
      cuit: inv.issuer.cuit,
      ivaCondition: conditionLabel(inv.layout, inv.issuer.condition),
    },
    recipient,
    cae: inv.cae,
    caeDue: inv.caeDue,
    currency: 'ARS',
    perceptions: 0,
    total: 0,
    items: inv.lines.map((_, i) => item(inv, i)),
  };
  if (inv.letter === 'A') truth.netByRate = byRate(inv.netByRate);
  if (inv.letter !== 'C') truth.ivaByRate = byRate(inv.ivaByRate);
  const perceptionsC = inv.taxes
    .filter((t) => t.kind === 'perception')
    .reduce((a, t) => a + t.amountC, 0);
  const otherC = inv.taxes.filter((t) => t.kind === 'internal').reduce((a, t) => a + t.amountC, 0);
  truth.perceptions = pesos(perceptionsC);
  if (otherC > 0) truth.otherTaxes = pesos(otherC);
  truth.total = pesos(inv.totalC);
  // Key order as in the documented shape.
  const { items, total, otherTaxes, perceptions, netByRate, ivaByRate, ...head } = truth;
  return {
    ...head,
    ...(netByRate ? { netByRate } : {}),
    ...(ivaByRate ? { ivaByRate } : {}),
    perceptions,
    ...(otherTaxes !== undefined ? { otherTaxes } : {}),
    total,
    items,
  };
}
