import { cuitDashed, kindTitle, money, pad, percent, quantity, rateLabel } from '../format.ts';
import {
  esc,
  fs,
  itemsTable,
  pageHtml,
  presentRates,
  qrImg,
  sumLines,
  type Column,
} from '../html.ts';
import { conditionLabel } from '../truth.ts';
import type { Invoice, Line } from '../types.ts';

/**
 * A spreadsheet-like invoice from a cloud billing service: the letter inside the title
 * («Factura A»), dates with dashes, the point of sale and number in one code, every amount with
 * its «$», the quantity and its unit in one cell, the IVA as an amount per line and the CAE and
 * its due date on one line.
 */
const CSS = `
.page { padding: 10mm 12mm; font-family: 'DejaVu Sans', Verdana, sans-serif; font-size: ${fs(8.8)}; color: #1d2433; }
.bar { display: flex; justify-content: space-between; align-items: flex-start; }
.bar .who .n { font-size: ${fs(15)}; font-weight: bold; color: #2a4d8f; }
.bar .who p, .bar .doc p { margin: 0.6mm 0; }
.bar .doc { text-align: right; }
.bar .doc .t { font-size: ${fs(15)}; font-weight: bold; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 2mm 8mm; margin-top: 4mm; padding: 2mm 3mm; background: #f2f4f8; }
.grid .k { color: #5b6475; }
table.items { margin-top: 4mm; }
table.items th { background: #2a4d8f; color: #fff; padding: 0.45em 0.4em; font-weight: bold; }
table.items td { padding: 0.38em 0.4em; border-bottom: 1px solid #d8dce6; }
.tot { margin-left: auto; margin-top: 3mm; width: 80mm; }
.tot div { display: flex; justify-content: space-between; padding: 0.5mm 0; }
.tot .big { font-size: ${fs(12)}; font-weight: bold; border-top: 2px solid #2a4d8f; margin-top: 1mm; padding-top: 1mm; }
.ft { display: flex; justify-content: space-between; align-items: flex-end; margin-top: 4mm; }
`;

const dash = (iso: string): string => iso.split('-').reverse().join('-');
const cash = (c: number): string => `$${money(c)}`;

const UNIT: Record<Line['unit'], string> = { u: 'u.', kg: 'kg', lt: 'lt' };

function columns(inv: Invoice): Column[] {
  const cols: Column[] = [
    { head: 'Ítem', width: 'auto', cell: (l) => l.description },
    { head: 'Cód.', width: '18mm', cell: (l) => l.code ?? '' },
    {
      head: 'Cant.',
      width: '18mm',
      align: 'r',
      cell: (l) => `${quantity(l.qtyMilli, l.unit)} ${UNIT[l.unit]}`,
    },
    { head: 'Precio', width: '22mm', align: 'r', cell: (l) => cash(l.priceC) },
    { head: 'Desc.', width: '12mm', align: 'r', cell: (l) => percent(l.discountBp) },
  ];
  if (inv.letter === 'A') {
    cols.push({ head: '% IVA', width: '13mm', align: 'r', cell: (l) => rateLabel(l.rate) });
  }
  cols.push({ head: 'Subtotal', width: '24mm', align: 'r', cell: (l) => cash(l.amountC) });
  return cols;
}

function totals(inv: Invoice): string {
  const rows: [string, string][] = [];
  if (inv.letter === 'A') {
    for (const r of presentRates(inv.netByRate)) {
      rows.push([`Base imponible ${rateLabel(r)}`, cash(inv.netByRate[r] ?? 0)]);
      rows.push([`IVA ${rateLabel(r)}`, cash(inv.ivaByRate[r] ?? 0)]);
    }
  } else {
    rows.push(['Subtotal', cash(sumLines(inv))]);
    if (inv.letter === 'B') {
      for (const r of presentRates(inv.ivaByRate)) {
        rows.push([`IVA contenido ${rateLabel(r)}`, cash(inv.ivaByRate[r] ?? 0)]);
      }
    }
  }
  for (const t of inv.taxes) rows.push([t.label, cash(t.amountC)]);
  const body = rows
    .map(([k, v]) => `<div><span class="nw">${esc(k)}</span><span class="nw">${v}</span></div>`)
    .join('');
  return `<div class="tot">${body}<div class="big"><span>Total a pagar</span><span class="nw">${cash(inv.totalC)}</span></div></div>`;
}

export function planilla(inv: Invoice, qr?: string): string {
  const is = inv.issuer;
  const rc = inv.recipient;
  const title = `${kindTitle(inv.kind).charAt(0)}${kindTitle(inv.kind).slice(1).toLowerCase()} ${inv.letter}`;
  const body = `
<div class="bar">
  <div class="who">
    <div class="n nw">${esc(is.brand ?? is.name)}</div>
    ${is.brand ? `<p class="nw">Titular: ${esc(is.name)}</p>` : ''}
    <p class="nw">${esc(is.address ?? '')} · ${esc(is.phone)}</p>
    <p class="nw">CUIT ${is.cuit} · ${esc(conditionLabel(inv.layout, is.condition))}</p>
    <p class="nw">IIBB ${esc(is.iibb)} · Inicio de actividades ${dash(is.since)}</p>
  </div>
  <div class="doc">
    <div class="t nw">${esc(title)}</div>
    <p class="nw">Código ${pad(inv.afipCode, 2)}</p>
    <p class="nw">Nº ${pad(inv.pointOfSale, 5)}-${pad(inv.number, 8)}</p>
    <p class="nw">Emisión ${dash(inv.date)}</p>
  </div>
</div>
<div class="grid">
  <div class="nw"><span class="k">Cliente</span> ${esc(rc.name)}</div>
  <div class="nw"><span class="k">CUIT</span> ${rc.cuit ? cuitDashed(rc.cuit) : '—'}</div>
  <div class="nw"><span class="k">Condición frente al IVA</span> ${esc(conditionLabel(inv.layout, rc.condition))}</div>
  <div class="nw"><span class="k">Pago</span> ${esc(inv.saleCondition)}</div>
  ${inv.associated ? `<div class="nw"><span class="k">Asociado a</span> ${esc(inv.associated)}</div>` : ''}
</div>
${itemsTable(inv.lines, columns(inv))}
${totals(inv)}
<div class="grow"></div>
<div class="ft">
  <p class="nw">CAE ${inv.cae} · Vto. ${dash(inv.caeDue)}</p>
  ${qrImg(qr)}
</div>`;
  return pageHtml(title, CSS, body);
}
