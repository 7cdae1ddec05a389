import type { Extraction, InvoiceData } from '../../../shared/contract/index.ts';
import { centavosToPesos } from '../../../shared/domain/money.ts';

const pesos = centavosToPesos;

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
  out.recipient = party(d.recipient, true);
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
