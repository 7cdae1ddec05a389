import { cuitDashed, dateAr, kindTitle, money, pad, percent, rateLabel } from '../format.ts';
import {
  $,
  esc,
  fs,
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
import { conditionLabel, printsCodes } from '../truth.ts';
import type { Invoice } from '../types.ts';

/**
 * What a small business prints from a free invoicing app: fantasy name on top, few columns,
 * a big TOTAL box. Mostly Factura C from monotributistas; also B from a small inscripto.
 */
const CSS = `
.page { padding: 12mm 13mm; font-family: 'DejaVu Sans', sans-serif; font-size: ${fs(9.5)}; color: #222; }
.top { display: flex; align-items: flex-start; gap: 5mm; padding-bottom: 4mm; border-bottom: 2px solid #888; }
.who { flex: 1.5 1 0; min-width: 0; }
.who .brand { font-size: ${fs(16)}; font-weight: bold; color: #333; }
.who p { margin: 0.8mm 0; }
.letter { width: 16mm; border: 2px solid #333; text-align: center; border-radius: 1.5mm; flex: none; }
.letter .big { font-size: ${fs(28)}; font-weight: bold; line-height: 1.1; }
.letter .code { font-size: ${fs(7)}; padding-bottom: 0.6mm; }
.doc { flex: 1 1 0; min-width: 0; text-align: right; }
.doc .t { font-size: ${fs(15)}; font-weight: bold; }
.doc p { margin: 0.8mm 0; }
.cli { margin: 4mm 0 3mm; padding: 2.5mm 3mm; background: #f2f2f2; border-radius: 1.5mm; }
.cli p { margin: 0.6mm 0; }
table.items { font-size: ${fs(9.2)}; }
table.items th { border-bottom: 1.5px solid #333; padding: 0.5em 0.4em; }
table.items td { padding: 0.45em 0.4em; border-bottom: 1px solid #ddd; }
.end { display: flex; justify-content: space-between; align-items: flex-end; gap: 6mm; margin-top: 3mm; }
.end .info { font-size: ${fs(8.5)}; }
.end .info p { margin: 0.8mm 0; }
.tot { min-width: 70mm; }
.tot td { padding: 0.3em 0.5em; }
.tot .big td { font-size: ${fs(15)}; font-weight: bold; border-top: 2px solid #333; padding-top: 0.4em; }
.ft { display: flex; gap: 5mm; align-items: center; margin-top: 4mm; padding-top: 3mm; border-top: 1px solid #bbb; }
.ft p { margin: 0.8mm 0; }
`;

function columns(inv: Invoice): Column[] {
  const cols: Column[] = [];
  if (printsCodes(inv)) cols.push({ head: 'Cód.', width: '18mm', cell: (l) => l.code ?? '' });
  cols.push(
    { head: 'Cantidad', width: '22mm', align: 'r', cell: (l) => qtyWithUnit(l) },
    { head: 'Descripción', width: 'auto', cell: (l) => l.description },
    { head: 'Precio Unitario', width: '27mm', align: 'r', cell: (l) => money(l.priceC) },
  );
  if (inv.lines.some((l) => l.discountBp > 0)) {
    cols.push({
      head: 'Bonif. %',
      width: '16mm',
      align: 'r',
      cell: (l) => (l.discountBp ? percent(l.discountBp) : '-'),
    });
  }
  cols.push({ head: 'Importe', width: '28mm', align: 'r', cell: (l) => money(l.amountC) });
  return cols;
}

export function monotributoSimple(inv: Invoice, qr?: string): string {
  const is = inv.issuer;
  const rc = inv.recipient;
  const totalRows: [string, string][] = [];
  if (inv.taxes.length > 0) {
    totalRows.push(['Subtotal', $(sumLines(inv))]);
    for (const t of inv.taxes) totalRows.push([taxLabel(t), $(t.amountC)]);
  }
  const ivas =
    inv.letter === 'B'
      ? `<p><b>Régimen de Transparencia Fiscal al Consumidor (Ley 27.743)</b></p>${presentRates(
          inv.ivaByRate,
        )
          .map(
            (r) => `<p class="nw">IVA contenido ${rateLabel(r)}: ${$(inv.ivaByRate[r] ?? 0)}</p>`,
          )
          .join('')}`
      : '';
  const body = `
<div class="top">
  <div class="who">
    <div class="brand nw">${esc(is.brand ?? is.name)}</div>
    ${is.brand ? `<p class="nw">de ${esc(is.name)}</p>` : ''}
    <p class="nw">${esc(is.address ?? '')}</p>
    <p class="nw">Tel. ${esc(is.phone)}</p>
    <p class="nw"><b>${esc(conditionLabel(inv.layout, is.condition))}</b></p>
  </div>
  ${letterBox(inv.letter, `COD. ${pad(inv.afipCode, 3)}`)}
  <div class="doc">
    <div class="t nw">${kindTitle(inv.kind)}</div>
    <p class="nw">Nº ${pad(inv.pointOfSale, 4)}-${pad(inv.number, 8)}</p>
    <p class="nw">Fecha: ${dateAr(inv.date)}</p>
    <p class="nw">CUIT: ${cuitDashed(is.cuit)}</p>
    <p class="nw">IIBB: ${esc(is.iibb)}</p>
    <p class="nw">Inicio de actividades: ${dateAr(is.since)}</p>
  </div>
</div>
<div class="cli">
  <p class="nw"><b>Cliente:</b> ${esc(rc.name)}</p>
  ${rc.cuit ? `<p class="nw"><b>CUIT:</b> ${cuitDashed(rc.cuit)}</p>` : ''}
  <p class="nw"><b>Condición IVA:</b> ${esc(conditionLabel(inv.layout, rc.condition))}</p>
  ${rc.address ? `<p class="nw"><b>Domicilio:</b> ${esc(rc.address)}</p>` : ''}
  <p class="nw"><b>Forma de pago:</b> ${esc(inv.saleCondition)}</p>
  ${inv.associated ? `<p class="nw"><b>Comprobante asociado:</b> ${esc(inv.associated)} (${esc(inv.reason ?? '')})</p>` : ''}
</div>
${itemsTable(inv.lines, columns(inv))}
<div class="grow"></div>
<div class="end">
  <div class="info">${ivas}</div>
  <table class="tot">${totalRows.map(([k, v]) => `<tr><td class="nw">${esc(k)}</td><td class="nw r">${v}</td></tr>`).join('')}
  <tr class="big"><td class="nw">TOTAL</td><td class="nw r">${$(inv.totalC)}</td></tr></table>
</div>
<div class="ft">
  ${qrImg(qr)}
  <div><p class="nw"><b>CAE Nº:</b> ${inv.cae}</p><p class="nw"><b>Vencimiento CAE:</b> ${dateAr(inv.caeDue)}</p>
  <p>Comprobante electrónico autorizado</p></div>
</div>`;
  return pageHtml(`${kindTitle(inv.kind)} ${inv.letter}`, CSS, body);
}
