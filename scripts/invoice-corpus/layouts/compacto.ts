import {
  cuitDashed,
  dateAr,
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
  sumLines,
  type Column,
} from '../html.ts';
import { conditionLabel } from '../truth.ts';
import type { Invoice, Line } from '../types.ts';

/**
 * A dense, small-type invoice from an older ERP: narrow font, one-line client box, thin rules,
 * totals as a strip of boxes along the bottom.
 */
const CSS = `
.page { padding: 7mm 8mm; font-family: 'Liberation Sans', Arial, sans-serif; font-size: ${fs(8.4)}; }
.hd { display: grid; grid-template-columns: 1fr 16mm 1fr; border: 1px solid #000; }
.hd > div { padding: 2mm 3mm; }
.hd .n { font-size: ${fs(12.5)}; font-weight: bold; }
.hd p { margin: 0.5mm 0; }
.letter { border-left: 1px solid #000; border-right: 1px solid #000; text-align: center; padding: 1mm 0 !important; }
.letter .big { font-size: ${fs(24)}; font-weight: bold; line-height: 1.1; }
.letter .code { font-size: ${fs(7.5)}; }
.doc .t { font-size: ${fs(12.5)}; font-weight: bold; }
.cl { border: 1px solid #000; border-top: 0; padding: 1.2mm 3mm; display: flex; flex-wrap: wrap; column-gap: 5mm; row-gap: 0.6mm; }
.cl span b { font-weight: bold; }
table.items { margin-top: 1.5mm; font-size: ${fs(8.3)}; }
table.items th { border-top: 1px solid #000; border-bottom: 1px solid #000; padding: 0.3em 0.3em; font-weight: bold; }
table.items td { padding: 0.24em 0.3em; border-bottom: 0.5px solid #bbb; }
.strip { display: flex; border: 1px solid #000; margin-top: 1.5mm; }
.strip > div { flex: 1; border-left: 1px solid #000; padding: 0.8mm 1.2mm; text-align: right; }
.strip > div:first-child { border-left: 0; }
.strip .k { font-size: ${fs(7.6)}; text-align: left; white-space: nowrap; }
.strip .v { font-size: ${fs(9)}; font-weight: bold; white-space: nowrap; }
.strip .tt { background: #e6e6e6; }
.strip .tt .v { font-size: ${fs(10)}; }
.iva27743 { font-size: ${fs(8)}; margin-top: 1mm; }
.ft { display: flex; align-items: flex-end; gap: 4mm; margin-top: 2mm; font-size: ${fs(8)}; }
.ft .cae { flex: 1; }
.ft .cae p { margin: 0.6mm 0; }
`;

const UM: Record<Line['unit'], string> = { u: 'UN', kg: 'KG', lt: 'LT' };

function columns(inv: Invoice): Column[] {
  const cols: Column[] = [
    { head: 'Código', width: '24mm', cell: (l) => l.code ?? '' },
    { head: 'Descripción', width: 'auto', cell: (l) => l.description },
    { head: 'Cant.', width: '13mm', align: 'r', cell: (l) => quantity(l.qtyMilli, l.unit) },
    { head: 'UM', width: '7mm', align: 'c', cell: (l) => UM[l.unit] },
    { head: 'P.Unit.', width: '18mm', align: 'r', cell: (l) => money(l.priceC) },
    { head: 'Dto.%', width: '10mm', align: 'r', cell: (l) => percent(l.discountBp) },
  ];
  if (inv.letter === 'A') {
    cols.push({ head: 'Alic.', width: '10mm', align: 'r', cell: (l) => rateLabel(l.rate) });
  }
  cols.push({ head: 'Total', width: '20mm', align: 'r', cell: (l) => money(l.amountC) });
  return cols;
}

function strip(inv: Invoice): string {
  const boxes: [string, string][] = [];
  if (inv.letter === 'A') {
    for (const r of presentRates(inv.netByRate)) {
      boxes.push([`Neto ${rateLabel(r)}`, money(inv.netByRate[r] ?? 0)]);
      boxes.push([`IVA ${rateLabel(r)}`, money(inv.ivaByRate[r] ?? 0)]);
    }
  } else {
    boxes.push(['Subtotal', money(sumLines(inv))]);
  }
  for (const t of inv.taxes) boxes.push([t.short, money(t.amountC)]);
  const cells = boxes
    .map(([k, v]) => `<div><div class="k">${esc(k)}</div><div class="v">${v}</div></div>`)
    .join('');
  return `<div class="strip">${cells}<div class="tt"><div class="k">TOTAL</div><div class="v">${$(inv.totalC)}</div></div></div>`;
}

export function compacto(inv: Invoice, qr?: string): string {
  const is = inv.issuer;
  const rc = inv.recipient;
  const client = [
    `<span class="nw"><b>Cliente:</b> ${esc(rc.name)}</span>`,
    rc.cuit ? `<span class="nw"><b>C.U.I.T.:</b> ${cuitDashed(rc.cuit)}</span>` : '',
    `<span class="nw"><b>I.V.A.:</b> ${esc(conditionLabel(inv.layout, rc.condition))}</span>`,
    `<span class="nw"><b>Cond. Vta.:</b> ${esc(inv.saleCondition)}</span>`,
    rc.address ? `<span class="nw"><b>Domicilio:</b> ${esc(rc.address)}</span>` : '',
    inv.associated ? `<span class="nw"><b>Comp. asoc.:</b> ${esc(inv.associated)}</span>` : '',
    inv.reason ? `<span class="nw"><b>Motivo:</b> ${esc(inv.reason)}</span>` : '',
  ].join('');
  const ivas =
    inv.letter === 'B'
      ? `<div class="iva27743 nw">Régimen de Transparencia Fiscal al Consumidor (Ley 27.743) — ${presentRates(
          inv.ivaByRate,
        )
          .map((r) => `IVA contenido ${rateLabel(r)}: ${$(inv.ivaByRate[r] ?? 0)}`)
          .join(' — ')}</div>`
      : '';
  const body = `
<div class="hd">
  <div>
    <div class="n nw">${esc(is.name)}</div>
    <p class="nw">${esc(is.address ?? '')} - Tel. ${esc(is.phone)}</p>
    <p class="nw">C.U.I.T. ${cuitDashed(is.cuit)} - Ing. Brutos: ${esc(is.iibb)}</p>
    <p class="nw">Inicio Act.: ${dateAr(is.since)} - I.V.A. ${esc(conditionLabel(inv.layout, is.condition))}</p>
  </div>
  ${letterBox(inv.letter, `Cód. ${pad(inv.afipCode, 3)}`)}
  <div class="doc r">
    <div class="t nw">${kindTitle(inv.kind)}</div>
    <p class="nw">Nro. ${pad(inv.pointOfSale, 5)}-${pad(inv.number, 8)}</p>
    <p class="nw">Fecha ${dateAr(inv.date)}</p>
    <p class="nw">ORIGINAL</p>
  </div>
</div>
<div class="cl">${client}</div>
${itemsTable(inv.lines, columns(inv))}
<div class="grow"></div>
${strip(inv)}
${ivas}
<div class="ft">
  <div class="cae"><p class="nw"><b>C.A.E.:</b> ${inv.cae}</p><p class="nw"><b>Fecha de Vto. de CAE:</b> ${dateAr(inv.caeDue)}</p>
  <p class="nw">Renglones: ${inv.lines.length} - Hoja 1 de 1</p></div>
  ${qrImg(qr)}
</div>`;
  return pageHtml(`${kindTitle(inv.kind)} ${inv.letter}`, CSS, body);
}
