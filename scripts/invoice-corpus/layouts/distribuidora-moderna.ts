import {
  addDays,
  cuitDashed,
  dateAr,
  kindTitle,
  money,
  pad,
  percent,
  rateLabel,
} from '../format.ts';
import {
  $,
  esc,
  fs,
  initials,
  itemsTable,
  letterBox,
  pageHtml,
  presentRates,
  qrImg,
  qtyWithUnit,
  sumLines,
  taxLabel,
  type Column,
} from '../html.ts';
import { conditionLabel } from '../truth.ts';
import type { Invoice } from '../types.ts';

/**
 * A distributor's own system: coloured header band with logo, letter box and document number,
 * two cards (client, document), zebra table, totals card with the total in the band colour.
 */
function css(color: string): string {
  return `
.page { font-family: 'DejaVu Sans', 'Liberation Sans', sans-serif; font-size: ${fs(9)}; --c: ${color}; }
.band { background: var(--c); color: #fff; display: flex; align-items: center; padding: 7mm 10mm 6mm; gap: 6mm; }
.logo { width: 17mm; height: 17mm; border-radius: 50%; background: #fff; color: var(--c);
  font-weight: bold; font-size: ${fs(20)}; display: flex; align-items: center; justify-content: center; flex: none; }
.co { flex: 1; min-width: 0; }
.co .n { font-size: ${fs(17)}; font-weight: bold; letter-spacing: 0.2px; }
.co .s { font-size: ${fs(8)}; opacity: 0.95; margin-top: 0.8mm; }
.letter { background: #fff; color: #111; width: 18mm; text-align: center; border-radius: 2mm; padding: 1mm 0; flex: none; }
.letter .big { font-size: ${fs(30)}; font-weight: bold; line-height: 1.05; }
.letter .code { font-size: ${fs(7.5)}; }
.doc { text-align: right; flex: none; min-width: 50mm; }
.doc .t { font-size: ${fs(16)}; font-weight: bold; }
.doc .num { font-size: ${fs(12)}; margin-top: 1mm; }
.doc .d { font-size: ${fs(9.5)}; margin-top: 1mm; }
.cards { display: flex; gap: 5mm; padding: 5mm 10mm 3mm; }
.card { flex: 1; border: 1px solid #d0d5da; border-radius: 2mm; padding: 2.5mm 3.5mm; }
.card h3 { margin: 0 0 1.5mm; font-size: ${fs(8)}; color: var(--c); text-transform: uppercase; letter-spacing: 0.6px; }
.card p { margin: 0.8mm 0; }
.card .k { color: #555; }
.wrap { padding: 0 10mm; }
table.items { font-size: ${fs(8.6)}; }
table.items th { background: var(--c); color: #fff; padding: 0.55em 0.45em; font-weight: bold; }
table.items td { padding: 0.42em 0.45em; border-bottom: 1px solid #e3e6ea; }
table.items tbody tr:nth-child(even) td { background: #f3f5f7; }
.sum { display: flex; gap: 6mm; padding: 3mm 10mm 0; align-items: flex-end; }
.note { flex: 1; font-size: ${fs(8)}; color: #444; }
.note .iva { border-left: 3px solid var(--c); padding-left: 2mm; margin-top: 2mm; }
.tot { width: 78mm; border: 1px solid #d0d5da; border-radius: 2mm; overflow: hidden; }
.tot table { width: 100%; }
.tot td { padding: 0.45em 0.8em; }
.tot tr.total td { background: var(--c); color: #fff; font-weight: bold; font-size: ${fs(12)}; }
.foot { display: flex; gap: 5mm; align-items: center; padding: 4mm 10mm 6mm; }
.foot .cae { font-size: ${fs(9.5)}; }
.foot .cae b { color: var(--c); }
.foot .legal { margin-left: auto; font-size: ${fs(7.5)}; color: #555; text-align: right; }
.line { height: 2mm; background: var(--c); }
`;
}

function columns(inv: Invoice): Column[] {
  const cols: Column[] = [
    { head: 'Artículo', width: '27mm', cell: (l) => l.code ?? '' },
    { head: 'Descripción', width: 'auto', cell: (l) => l.description },
    { head: 'Cant.', width: '18mm', align: 'r', cell: qtyWithUnit },
    { head: 'Precio unit.', width: '21mm', align: 'r', cell: (l) => money(l.priceC) },
    {
      head: 'Bonif.',
      width: '13mm',
      align: 'r',
      cell: (l) => (l.discountBp ? `${percent(l.discountBp, true)}%` : ''),
    },
  ];
  if (inv.letter === 'A') {
    cols.push({ head: 'IVA', width: '12mm', align: 'r', cell: (l) => rateLabel(l.rate) });
  }
  cols.push({ head: 'Importe', width: '23mm', align: 'r', cell: (l) => money(l.amountC) });
  return cols;
}

function totals(inv: Invoice): string {
  const pairs: [string, string][] = [];
  if (inv.letter === 'A') {
    for (const r of presentRates(inv.netByRate)) {
      pairs.push([`Neto gravado ${rateLabel(r)}`, $(inv.netByRate[r] ?? 0)]);
    }
    for (const r of presentRates(inv.ivaByRate)) {
      pairs.push([`IVA ${rateLabel(r)}`, $(inv.ivaByRate[r] ?? 0)]);
    }
  } else {
    pairs.push(['Subtotal', $(sumLines(inv))]);
  }
  for (const t of inv.taxes) pairs.push([taxLabel(t), $(t.amountC)]);
  const body = pairs
    .map(([k, v]) => `<tr><td class="nw">${esc(k)}</td><td class="nw r">${v}</td></tr>`)
    .join('');
  return `<div class="tot"><table>${body}<tr class="total"><td class="nw">TOTAL</td><td class="nw r">${$(inv.totalC)}</td></tr></table></div>`;
}

function note(inv: Invoice): string {
  const parts: string[] = [];
  if (inv.associated) parts.push(`<div><b>${esc(inv.reason ?? '')}</b></div>`);
  if (inv.letter === 'B') {
    const ivas = presentRates(inv.ivaByRate)
      .map((r) => `<div>IVA contenido ${rateLabel(r)}: ${$(inv.ivaByRate[r] ?? 0)}</div>`)
      .join('');
    parts.push(
      `<div class="iva"><b>Régimen de Transparencia Fiscal al Consumidor Ley 27.743</b>${ivas}</div>`,
    );
  }
  parts.push(
    `<div style="margin-top:2mm">Gracias por su compra. Consultas: ${esc(inv.issuer.phone)}</div>`,
  );
  return parts.join('');
}

export function distribuidoraModerna(inv: Invoice, qr?: string): string {
  const is = inv.issuer;
  const rc = inv.recipient;
  const band = `
<div class="band">
  <div class="logo">${esc(initials(is.name))}</div>
  <div class="co">
    <div class="n nw">${esc(is.name)}</div>
    <div class="s nw">${esc(is.address ?? '')} · Tel. ${esc(is.phone)}</div>
    <div class="s nw">CUIT ${cuitDashed(is.cuit)} · IIBB ${esc(is.iibb)} · Inicio de actividades ${dateAr(is.since)}</div>
    <div class="s nw">${esc(conditionLabel(inv.layout, is.condition))}</div>
  </div>
  ${letterBox(inv.letter, `Cód. ${pad(inv.afipCode, 2)}`)}
  <div class="doc">
    <div class="t nw">${kindTitle(inv.kind)}</div>
    <div class="num nw">N° ${pad(inv.pointOfSale, 4)}-${pad(inv.number, 8)}</div>
    <div class="d nw">Fecha: ${dateAr(inv.date)}</div>
  </div>
</div>`;
  const client = `
<div class="card"><h3>Cliente</h3>
  <p class="nw"><span class="k">Razón social:</span> <b>${esc(rc.name)}</b></p>
  ${rc.cuit ? `<p class="nw"><span class="k">CUIT:</span> ${cuitDashed(rc.cuit)}</p>` : ''}
  <p class="nw"><span class="k">Condición IVA:</span> ${esc(conditionLabel(inv.layout, rc.condition))}</p>
  ${rc.address ? `<p class="nw"><span class="k">Domicilio:</span> ${esc(rc.address)}</p>` : ''}
</div>`;
  const doc = `
<div class="card"><h3>Comprobante</h3>
  <p class="nw"><span class="k">Condición de venta:</span> ${esc(inv.saleCondition)}</p>
  <p class="nw"><span class="k">Vencimiento:</span> ${dateAr(addDays(inv.date, 30))}</p>
  ${inv.associated ? `<p class="nw"><span class="k">Comprobante asociado:</span> ${esc(inv.associated)}</p>` : `<p class="nw"><span class="k">Vendedor:</span> ${pad((inv.number % 37) + 1, 3)}</p>`}
</div>`;
  const body = `${band}
<div class="cards">${client}${doc}</div>
<div class="wrap">${itemsTable(inv.lines, columns(inv))}</div>
<div class="grow"></div>
<div class="sum"><div class="note">${note(inv)}</div>${totals(inv)}</div>
<div class="foot">
  ${qrImg(qr)}
  <div class="cae"><div class="nw"><b>CAE:</b> ${inv.cae}</div><div class="nw"><b>Fecha de Vto. de CAE:</b> ${dateAr(inv.caeDue)}</div></div>
  <div class="legal">Comprobante autorizado por ARCA (ex AFIP)<br>Original</div>
</div>
<div class="line"></div>`;
  return pageHtml(`${kindTitle(inv.kind)} ${inv.letter}`, css(is.color), body);
}
