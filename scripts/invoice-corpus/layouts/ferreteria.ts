import {
  cuitDashed,
  dateAr,
  inWords,
  kindTitle,
  money,
  pad,
  percent,
  quantity,
  rateLabel,
} from '../format.ts';
import {
  $,
  esc,
  fs,
  itemsTable,
  letterBox,
  pageHtml,
  presentRates,
  qrImg,
  rows,
  sumLines,
  taxLabel,
  type Column,
} from '../html.ts';
import { conditionLabel } from '../truth.ts';
import type { Invoice, Line } from '../types.ts';

/**
 * An old pre-printed form filled by a small program: a serif face, «Señor(es)» for the client,
 * the quantity before the article, the article's code after it, the unit as a word, totals
 * under a double rule with «I.V.A. Inscripto» and «Son pesos» in words.
 */
const CSS = `
.page { padding: 9mm 11mm; font-family: 'Liberation Serif', 'Times New Roman', serif; font-size: ${fs(10)}; }
.top { display: grid; grid-template-columns: 1fr 18mm 1fr; align-items: start; border-bottom: 2px solid #222; padding-bottom: 2mm; }
.top .n { font-size: ${fs(16)}; font-weight: bold; font-variant: small-caps; }
.top p { margin: 0.4mm 0; }
.letter { border: 2px solid #222; text-align: center; margin-top: 1mm; }
.letter .big { font-size: ${fs(26)}; font-weight: bold; line-height: 1.05; }
.letter .code { font-size: ${fs(7.5)}; }
.doc { text-align: right; }
.doc .t { font-size: ${fs(15)}; font-weight: bold; letter-spacing: 0.5px; }
.cl { margin-top: 2.5mm; border: 1px solid #222; padding: 1.5mm 3mm; display: grid; grid-template-columns: 1.4fr 1fr; row-gap: 0.8mm; column-gap: 6mm; }
.cl b { font-weight: bold; }
table.items { margin-top: 3mm; font-size: ${fs(9.6)}; }
table.items th { border-bottom: 1.5px solid #222; border-top: 1.5px solid #222; padding: 0.35em 0.35em; font-style: italic; }
table.items td { padding: 0.3em 0.35em; }
.sum { display: flex; justify-content: flex-end; margin-top: 2mm; border-top: 3px double #222; padding-top: 1.5mm; }
.sum table { font-size: ${fs(10)}; }
.sum td { padding: 0.25em 0.6em; }
.sum tr.tt td { font-size: ${fs(13)}; font-weight: bold; border-top: 1px solid #222; }
.son { font-size: ${fs(9)}; font-style: italic; margin-top: 1.5mm; }
.ft { display: flex; justify-content: space-between; align-items: flex-end; margin-top: 3mm; font-size: ${fs(9.5)}; }
.ft p { margin: 0.6mm 0; }
`;

const UNIT: Record<Line['unit'], string> = { u: 'Unid.', kg: 'Kilos', lt: 'Litros' };

function columns(inv: Invoice): Column[] {
  const cols: Column[] = [
    { head: 'Cantidad', width: '17mm', align: 'r', cell: (l) => quantity(l.qtyMilli, l.unit) },
    { head: 'Unidad', width: '13mm', align: 'l', cell: (l) => UNIT[l.unit] },
    { head: 'Artículo', width: 'auto', cell: (l) => l.description },
    { head: 'Cód. Art.', width: '20mm', cell: (l) => l.code ?? '' },
    { head: 'P. Unitario', width: '21mm', align: 'r', cell: (l) => money(l.priceC) },
    { head: 'Desc. %', width: '13mm', align: 'r', cell: (l) => percent(l.discountBp) },
  ];
  if (inv.letter === 'A') {
    cols.push({ head: 'I.V.A.', width: '11mm', align: 'r', cell: (l) => rateLabel(l.rate) });
  }
  cols.push({ head: 'Importe', width: '22mm', align: 'r', cell: (l) => money(l.amountC) });
  return cols;
}

function totals(inv: Invoice): string {
  const pairs: [string, string][] = [];
  if (inv.letter === 'A') {
    for (const r of presentRates(inv.netByRate)) {
      pairs.push([`Neto Gravado ${rateLabel(r)}`, $(inv.netByRate[r] ?? 0)]);
    }
    for (const r of presentRates(inv.ivaByRate)) {
      pairs.push([`I.V.A. Inscripto ${rateLabel(r)}`, $(inv.ivaByRate[r] ?? 0)]);
    }
  } else {
    pairs.push(['Subtotal', $(sumLines(inv))]);
    if (inv.letter === 'B') {
      for (const r of presentRates(inv.ivaByRate)) {
        pairs.push([`I.V.A. contenido ${rateLabel(r)}`, $(inv.ivaByRate[r] ?? 0)]);
      }
    }
  }
  for (const t of inv.taxes) pairs.push([taxLabel(t), $(t.amountC)]);
  return `<div class="sum"><table>${rows(pairs)}<tr class="tt"><td class="nw">TOTAL</td><td class="nw r">${$(inv.totalC)}</td></tr></table></div>`;
}

export function ferreteria(inv: Invoice, qr?: string): string {
  const is = inv.issuer;
  const rc = inv.recipient;
  const body = `
<div class="top">
  <div>
    <div class="n nw">${esc(is.name)}</div>
    ${is.brand ? `<p class="nw">${esc(is.brand)}</p>` : ''}
    <p class="nw">${esc(is.address ?? '')}</p>
    <p class="nw">Teléfono: ${esc(is.phone)}</p>
    <p class="nw">${esc(conditionLabel(inv.layout, is.condition))}</p>
  </div>
  ${letterBox(inv.letter, `Código Nº ${pad(inv.afipCode, 2)}`)}
  <div class="doc">
    <div class="t nw">${kindTitle(inv.kind)}</div>
    <p class="nw">Nº ${pad(inv.pointOfSale, 4)}-${pad(inv.number, 8)}</p>
    <p class="nw">Fecha: ${dateAr(inv.date)}</p>
    <p class="nw">C.U.I.T.: ${cuitDashed(is.cuit)}</p>
    <p class="nw">Ingresos Brutos C.M.: ${esc(is.iibb)}</p>
    <p class="nw">Inicio de Actividades: ${dateAr(is.since)}</p>
  </div>
</div>
<div class="cl">
  <span class="nw"><b>Señor(es):</b> ${esc(rc.name)}</span>
  <span class="nw"><b>C.U.I.T.:</b> ${rc.cuit ? cuitDashed(rc.cuit) : '-'}</span>
  <span class="nw"><b>Domicilio:</b> ${esc(rc.address ?? '')}</span>
  <span class="nw"><b>I.V.A.:</b> ${esc(conditionLabel(inv.layout, rc.condition))}</span>
  <span class="nw"><b>Condición de Venta:</b> ${esc(inv.saleCondition)}</span>
  ${inv.associated ? `<span class="nw"><b>Comprobante asociado:</b> ${esc(inv.associated)}</span>` : ''}
</div>
${itemsTable(inv.lines, columns(inv))}
<div class="grow"></div>
${totals(inv)}
<div class="son nw">Son pesos ${inWords(Math.floor(inv.totalC / 100))} con ${pad(inv.totalC % 100, 2)}/100.</div>
<div class="ft">
  <div><p class="nw"><b>C.A.E. Nº:</b> ${inv.cae}</p><p class="nw"><b>Vencimiento C.A.E.:</b> ${dateAr(inv.caeDue)}</p></div>
  ${qrImg(qr)}
</div>`;
  return pageHtml(`${kindTitle(inv.kind)} ${inv.letter}`, CSS, body);
}
