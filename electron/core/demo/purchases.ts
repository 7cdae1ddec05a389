import type {
  AfipQr,
  Extraction,
  InvoiceData,
  InvoiceItem,
} from '../../../shared/contract/index.ts';
import { normalizeCuit } from '../../../shared/domain/cuit.ts';
import type { Ctx } from '../context.ts';
import { applyInvoice } from '../invoices/apply.ts';
import { toBatchJson } from '../invoices/batch-json.ts';
import { invoiceLabel, shopDate } from '../invoices/kinds.ts';
import { applyBatch } from '../pricing/batches.ts';
import { DAY, MINUTE, type Delivery, type History, type SimItem } from './history.ts';
import { storeDeliveredInvoice } from './invoice-draft.ts';
import type { Rng } from './random.ts';
import type { Supplier, SupplierKey } from './suppliers.ts';

/**
 * Purchases: every delivery arrives with its Factura A, which the encargada keeps as a draft and
 * applies through the invoice screen's own code, so the stock comes in as `entrada`,
 * costs move with cost_history and the supplier and its codes are remembered. Suppliers raise
 * their lists every week or two, as Argentine inflation makes them; when an invoice brings a
 * higher cost the owner raises the shelf price the same morning with a mass price update.
 */

/** A delivery with more lines than this comes with several invoices, as long ones do. */
const MAX_INVOICE_LINES = 120;
/** Suppliers that print the product's EAN on the invoice; the rest print their own code. */
const PRINTS_EAN: ReadonlySet<SupplierKey> = new Set(['bebidas', 'cerveceria', 'golosinas']);
/** Big distributors charge the IIBB percepción (2,5–3 % of the net) on their Factura A. */
const PERCEPTION_BP: Partial<Record<SupplierKey, number>> = {
  mayorista: 300,
  bebidas: 300,
  limpieza: 250,
  perfumeria: 250,
};

export type Purchasing = {
  supervisor: Ctx;
  owner: Ctx;
  store: { name: string; cuit: string };
  /** The supplier's own code for each product it sells. */
  codes: Map<SimItem, string>;
  byId: Map<string, SimItem>;
  raises: Map<SupplierKey, { every: number; next: number; pct: number }>;
};

export function startPurchasing(
  h: History,
  rng: Rng,
  staff: { supervisor: Ctx; owner: Ctx },
  store: { name: string; cuit: string },
): Purchasing {
  const codes = new Map<SimItem, string>();
  for (const [key, items] of h.bySupplier) {
    const base = 100 + rng.int(0, 800);
    items.forEach((item, i) => codes.set(item, `${key.slice(0, 3).toUpperCase()}${base + i}`));
  }
  const raises = new Map<SupplierKey, { every: number; next: number; pct: number }>();
  for (const s of h.suppliers) {
    const every = rng.int(9, 21);
    raises.set(s.key, { every, next: rng.int(1, every), pct: 0.015 + rng.next() * 0.045 });
  }
  const byId = new Map(h.items.map((i) => [i.id, i]));
  return { ...staff, store, codes, byId, raises };
}

/** The suppliers whose list goes up today: most of their products, by a little more or less. */
export function raiseLists(h: History, pur: Purchasing, day: number): void {
  for (const s of h.suppliers) {
    const r = pur.raises.get(s.key);
    if (!r || day !== r.next) continue;
    r.next += r.every;
    for (const item of h.bySupplier.get(s.key) ?? []) {
      if (!h.rng.chance(0.75)) continue;
      item.listCost = Math.max(1, Math.round(item.listCost * (1 + r.pct * h.rng.spread(0.35))));
    }
  }
}

/** Units per invoiced unit: products sold by the unit come in cases. */
const packOf = (item: SimItem): number => (item.p.unit === 'u' ? item.p.caseQty / 1_000 : 1);

function invoiceItem(pur: Purchasing, s: Supplier, item: SimItem, qty: number): InvoiceItem {
  const pack = packOf(item);
  const quantity = qty / pack;
  const unitPrice = item.listCost * pack;
  const ean = item.p.barcodes[0];
  const name = item.p.name.toUpperCase();
  return {
    code: PRINTS_EAN.has(s.key) && ean ? ean : pur.codes.get(item),
    description: (pack > 1 ? `${name} x${pack}` : name).slice(0, 80),
    quantity,
    unit: item.p.unit,
    unitPrice,
    discountBp: 0,
    amount: Math.round((quantity * unitPrice) / 1_000),
    ivaRate: item.p.ivaRateBp,
    confidence: 1,
    boxes: [],
  };
}

function invoiceData(
  pur: Purchasing,
  h: History,
  s: Supplier,
  lines: Delivery['lines'],
  at: number,
): { data: InvoiceData; qr: AfipQr } {
  const items = lines.map((l) => invoiceItem(pur, s, l.item, l.qty));
  const netByRate: Record<string, number> = {};
  for (const it of items) {
    const key = String(it.ivaRate);
    netByRate[key] = (netByRate[key] ?? 0) + it.amount;
  }
  const ivaByRate: Record<string, number> = {};
  for (const [rate, net] of Object.entries(netByRate)) {
    ivaByRate[rate] = Math.round((net * Number(rate)) / 10_000);
  }
  const net = Object.values(netByRate).reduce((a, b) => a + b, 0);
  const iva = Object.values(ivaByRate).reduce((a, b) => a + b, 0);
  const perceptions = Math.round((net * (PERCEPTION_BP[s.key] ?? 0)) / 10_000);
  const total = net + iva + perceptions;
  const date = shopDate(at);
  const number = s.nextInvoice++;
  const cae = `7${String(h.rng.int(0, 999_999_999)).padStart(9, '0')}${h.rng.int(1000, 9999)}`;
  const cuit = normalizeCuit(s.cuit);
  const data: InvoiceData = {
    kind: 'factura',
    letter: 'A',
    afipCode: 1,
    pointOfSale: s.punto,
    number,
    date,
    issuer: { name: s.name, cuit, ivaCondition: 'IVA Responsable Inscripto' },
    recipient: {
      name: pur.store.name,
      cuit: pur.store.cuit,
      ivaCondition: 'IVA Responsable Inscripto',
    },
    cae,
    caeDue: shopDate(at + 10 * DAY),
    currency: 'ARS',
    netByRate,
    ivaByRate,
    perceptions,
    otherTaxes: 0,
    total,
    items,
  };
  const qr: AfipQr = {
    ver: 1,
    fecha: date,
    cuit: Number(cuit),
    ptoVta: s.punto,
    tipoCmp: 1,
    nroCmp: number,
    importe: total / 100,
    moneda: 'PES',
    ctz: 1,
    tipoDocRec: 80,
    nroDocRec: Number(pur.store.cuit),
    tipoCodAut: 'E',
    codAut: Number(cae),
  };
  return { data, qr };
}

type Rise = { productId: string; oldCost: number; newCost: number; price: number };

/** One invoice: kept as a draft, then applied to the Depósito with every line's product. */
function receiveInvoice(
  h: History,
  pur: Purchasing,
  s: Supplier,
  lines: Delivery['lines'],
  at: number,
): { rises: Rise[]; label: string } {
  const { data, qr } = invoiceData(pur, h, s, lines, at);
  const extraction: Extraction = { data, fields: {}, pages: [], qr, checks: [], seconds: 0 };
  const bytes = Buffer.from(`${JSON.stringify(toBatchJson(extraction), null, 2)}\n`, 'utf8');
  const label = invoiceLabel(data);
  const choices = lines.map((l, index) => ({
    index,
    productId: l.item.id,
    packUnits: packOf(l.item),
  }));
  h.clock.t = Math.min(at, h.now);
  const draftId = storeDeliveredInvoice(
    pur.supervisor,
    extraction,
    { name: `${label} ${s.name}.json`, bytes },
    new Map(choices.map((c) => [c.index, c])),
  );
  h.clock.t = Math.min(at + 4 * MINUTE, h.now);
  const applied = applyInvoice(pur.supervisor, {
    id: draftId,
    locationId: h.locations.depo,
    lines: choices,
  });
  for (const l of lines) {
    l.item.depo += l.qty;
    l.item.cost = l.item.listCost;
  }
  return { rises: applied.costRises, label };
}

/** The owner reprices what came dearer, keeping each product's markup, rounded to $10. */
function reprice(
  h: History,
  pur: Purchasing,
  why: string,
  rises: readonly Rise[],
  at: number,
): void {
  const changes: { productId: string; oldPrice: number; newPrice: number }[] = [];
  for (const r of rises) {
    const item = pur.byId.get(r.productId);
    if (!item || r.oldCost <= 0) continue;
    const newPrice = Math.max(1_000, Math.round((r.price * r.newCost) / r.oldCost / 1_000) * 1_000);
    if (newPrice <= r.price) continue;
    changes.push({ productId: r.productId, oldPrice: r.price, newPrice });
    item.price = newPrice;
  }
  if (changes.length === 0) return;
  h.clock.t = Math.min(at, h.now);
  applyBatch(pur.owner, {
    description: why,
    mode: 'sugerido',
    changes,
  });
}

/** A morning's delivery: its invoices loaded and applied, then the new prices. */
export function receiveDelivery(
  h: History,
  pur: Purchasing,
  d: Delivery,
  dirty: Set<SimItem>,
): void {
  if (d.at > h.now) return;
  const rises: Rise[] = [];
  const labels: string[] = [];
  for (let from = 0; from < d.lines.length; from += MAX_INVOICE_LINES) {
    const chunk = d.lines.slice(from, from + MAX_INVOICE_LINES);
    const at = d.at + (from / MAX_INVOICE_LINES) * 5 * MINUTE;
    const got = receiveInvoice(h, pur, d.supplier, chunk, at);
    rises.push(...got.rises);
    labels.push(got.label);
    for (const l of chunk) dirty.add(l.item);
  }
  const why = `Aumento de ${d.supplier.name} (${labels.join(', ')})`.slice(0, 200);
  reprice(h, pur, why, rises, d.at + 12 * MINUTE);
}
