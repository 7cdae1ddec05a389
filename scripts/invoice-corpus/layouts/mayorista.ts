import {
  RATE_BP,
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
  sumLines,
  taxLabel,
  type Column,
} from '../html.ts';
import { conditionLabel } from '../truth.ts';
import type { Invoice, Line } from '../types.ts';

/**
 * A wholesaler's pre-printed form filled by the ERP: serif headings, monospaced data, "Cód." and
 * "Bonif. %" columns, totals box with "Son pesos", a remito number that is not the invoice's.
 */
const CSS = `
.page { padding: 9mm 10mm; font-family: 'Liberation Serif', 'Times New Roman', serif; font-size: ${fs(10)}; }
.mono { font-family: 'Liberation Mono', 'DejaVu Sans Mono', monospace; }
.hd { display: flex; border: 1.5px solid #000; border-radius: 3mm; position: relative; }
.hd .l, .hd .rr { flex: 1 1 0; min-width: 0; padding: 3mm 4mm; }
.hd .rr { border-left: 1.5px solid #000; padding-left: 14mm; }
.hd .n { font-size: ${fs(18)}; font-weight: bold; }
.hd .rub { font-style: italic; margin: 1mm 0 2mm; }
.hd p { margin: 0.8mm 0; }
.hd .t { font-size: ${fs(18)}; font-weight: bold; letter-spacing: 1px; }
.letter { position: absolute; left: 50%; top: -1px; transform: translateX(-50%); width: 16mm; background: #fff;
  border: 1.5px solid #000; text-align: center; padding-bottom: 0.8mm; }
.letter .big { font-size: ${fs(28)}; font-weight: bold; line-height: 1.05; font-family: 'Liberation Sans', sans-serif; }
.letter .code { font-size: ${fs(7)}; }
.cli { border: 1.5px solid #000; border-radius: 3mm; margin-top: 2mm; padding: 2mm 4mm; display: grid;
  grid-template-columns: 1.6fr 1fr; row-gap: 0.8mm; column-gap: 6mm; }
.cli .mono { font-size: ${fs(9.5)}; }
table.items { margin-top: 2mm; border: 1.5px solid #000; font-size: ${fs(9)}; }
table.items th { border-bottom: 1.5px solid #000; border-left: 1px solid #000; padding: 0.4em 0.3em; font-size: ${fs(9)}; }
table.items td { border-left: 1px solid #000; padding: 0.22em 0.35em; font-family: 'Liberation Mono', monospace; font-size: ${fs(9)}; }
.bt { display: flex; gap: 4mm; margin-top: 2mm; }
.bt .words { flex: 1; border: 1.5px solid #000; border-radius: 3mm; padding: 2mm 3mm; }
.bt .words p { margin: 0.8mm 0; }
.tb { border: 1.5px solid #000; border-radius: 3mm; padding: 1.5mm 2mm; }
.tb td { padding: 0.2em 0.4em; }
.tb td.r { font-family: 'Liberation Mono', monospace; }
.tb tr.total td { border-top: 1.5px solid #000; font-weight: bold; font-size: ${fs(12)}; padding-top: 0.4em; }
.ft { display: flex; gap: 4mm; align-items: center; margin-top: 2mm; }
.ft .cae { font-size: ${fs(10)}; }
.ft .cae p { margin: 0.8mm 0; }
.ft .dup { margin-left: auto; font-size: ${fs(8)}; text-align: right; }
`;

const UM: Record<Line['unit'], string> = { u: 'UN', kg: 'KG', lt: 'LT' };

function columns(inv: Invoice): Column[] {
  const cols: Column[] = [
    { head: 'Cód.', width: '26mm', cell: (l) => l.code ?? '' },
    { head: 'Descripción', width: 'auto', cell: (l) => l.description },
    { head: 'Cant.', width: '14mm', align: 'r', cell: (l) => quantity(l.qtyMilli, l.unit) },
    { head: 'U.M.', width: '9mm', align: 'c', cell: (l) => UM[l.unit] },
    { head: 'Precio Unit.', width: '21mm', align: 'r', cell: (l) => money(l.priceC) },
    { head: 'Bonif. %', width: '13mm', align: 'r', cell: (l) => percent(l.discountBp) },
    { head: 'Importe', width: '23mm', align: 'r', cell: (l) => money(l.amountC) },
  ];
  if (inv.letter === 'A') {
    cols.push({
      head: 'IVA %',
      width: '11mm',
      align: 'r',
      cell: (l) => percent(RATE_BP[l.rate], true),
    });
  }
  return cols;
}

function totals(inv: Invoice): string {
  const pairs: [string, string][] = [['Subtotal', money(sumLines(inv))]];
  if (inv.letter === 'A') {
    for (const r of presentRates(inv.netByRate)) {
      pairs.push([`Neto Grav. ${rateLabel(r)}`, money(inv.netByRate[r] ?? 0)]);
    }
    for (const r of presentRates(inv.ivaByRate)) {
      pairs.push([`I.V.A. ${rateLabel(r)}`, money(inv.ivaByRate[r] ?? 0)]);
    }
  }
  for (const t of inv.taxes) pairs.push([taxLabel(t, true), money(t.amountC)]);
  const body = pairs
    .map(([k, v]) => `<tr><td class="nw">${esc(k)}</td><td class="nw r">${v}</td></tr>`)
    .join('');
  return `<div class="tb"><table>${body}<tr class="total"><td class="nw">TOTAL $</td><td class="nw r">${money(inv.totalC)}</td></tr></table></div>`;
}

export function mayorista(inv: Invoice, qr?: string): string {
  const is = inv.issuer;
  const rc = inv.recipient;
  const pesosWords = inWords(Math.floor(inv.totalC / 100));
  const cents = pad(inv.totalC % 100, 2);
  const ivas =
    inv.letter === 'B'
      ? `<p><b>Régimen de Transparencia Fiscal al Consumidor (Ley 27.743)</b></p>${presentRates(
          inv.ivaByRate,
        )
          .map(
            (r) => `<p class="nw">IVA Contenido ${rateLabel(r)}: ${$(inv.ivaByRate[r] ?? 0)}</p>`,
          )
          .join('')}`
      : '';
  const body = `
<div class="hd">
  ${letterBox(inv.letter, `CÓDIGO N° ${pad(inv.afipCode, 2)}`)}
  <div class="l">
    <div class="n nw">${esc(is.name)}</div>
    <div class="rub nw">Mayorista de almacén, bebidas, limpieza y perfumería</div>
    <p class="nw">${esc(is.address ?? '')}</p>
    <p class="nw">Tel.: ${esc(is.phone)}</p>
    <p class="nw"><b>IVA: ${esc(conditionLabel(inv.layout, is.condition))}</b></p>
  </div>
  <div class="rr">
    <div class="t nw">${kindTitle(inv.kind)}</div>
    <p class="nw mono">N° ${pad(inv.pointOfSale, 4)}-${pad(inv.number, 8)}</p>
    <p class="nw">Fecha: <span class="mono">${dateAr(inv.date)}</span></p>
    <p class="nw">C.U.I.T.: <span class="mono">${cuitDashed(is.cuit)}</span></p>
    <p class="nw">Ing. Brutos C.M.: <span class="mono">${esc(is.iibb)}</span></p>
    <p class="nw">Inicio de Actividades: <span class="mono">${dateAr(is.since)}</span></p>
  </div>
</div>
<div class="cli">
  <div class="nw">Señor(es): <span class="mono">${esc(rc.name)}</span></div>
  <div class="nw">C.U.I.T.: <span class="mono">${rc.cuit ? cuitDashed(rc.cuit) : ''}</span></div>
  <div class="nw">Domicilio: <span class="mono">${esc(rc.address ?? '')}</span></div>
  <div class="nw">I.V.A.: <span class="mono">${esc(conditionLabel(inv.layout, rc.condition))}</span></div>
  <div class="nw">Cond. de Venta: <span class="mono">${esc(inv.saleCondition)}</span></div>
  <div class="nw">${inv.associated ? `Comp. asociado: <span class="mono">${esc(inv.associated)}</span>` : `Remito N°: <span class="mono">${pad(inv.pointOfSale, 4)}-${pad(inv.number + 311, 8)}</span>`}</div>
</div>
${itemsTable(inv.lines, columns(inv))}
<div class="grow"></div>
<div class="bt">
  <div class="words">
    <p class="nw">Son pesos: <i>${esc(pesosWords)} con ${cents}/100</i></p>
    <p class="nw">Cant. de renglones: ${inv.lines.length}</p>
    ${inv.reason ? `<p class="nw">Motivo: ${esc(inv.reason)}</p>` : ''}
    ${ivas}
  </div>
  ${totals(inv)}
</div>
<div class="ft">
  ${qrImg(qr)}
  <div class="cae"><p class="nw"><b>C.A.E. N°:</b> <span class="mono">${inv.cae}</span></p><p class="nw"><b>Fecha Vto. C.A.E.:</b> <span class="mono">${dateAr(inv.caeDue)}</span></p></div>
  <div class="dup">ORIGINAL - BLANCO<br>DUPLICADO - COLOR</div>
</div>`;
  return pageHtml(`${kindTitle(inv.kind)} ${inv.letter}`, CSS, body);
}
