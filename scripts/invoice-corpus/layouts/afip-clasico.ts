import {
  RATE_ORDER,
  addDays,
  dateAr,
  ivaOf,
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
  grossOf,
  itemsTable,
  letterBox,
  pageHtml,
  qrImg,
  sumLines,
  sumTaxes,
  UNIT_WORD,
  type Column,
} from '../html.ts';
import { conditionLabel } from '../truth.ts';
import type { Invoice } from '../types.ts';

/**
 * AFIP's "Comprobantes en línea" invoice: ORIGINAL strip, two header columns split by the letter
 * box at the top centre, recipient box, grey-headed table, "Otros tributos" and totals, QR + CAE.
 */
const CSS = `
.page { padding: 8mm 9mm; font-family: 'Liberation Sans', Arial, sans-serif; font-size: ${fs(10)}; }
.frame { border: 1.2px solid #000; }
.orig { text-align: center; font-weight: bold; font-size: ${fs(13)}; padding: 1.2mm; border: 1.2px solid #000; border-bottom: 0; }
.head { display: flex; position: relative; border: 1.2px solid #000; min-height: 46mm; }
.head .col { flex: 1 1 0; min-width: 0; padding: 3mm 4mm; }
.head .col + .col { border-left: 1.2px solid #000; padding-left: 14mm; }
.head .name { font-size: ${fs(17)}; font-weight: bold; margin: 2mm 0 5mm; text-align: center; }
.head p { margin: 1.2mm 0; }
.head .title { font-size: ${fs(19)}; font-weight: bold; margin: 1mm 0 4mm; }
.letter { position: absolute; left: 50%; top: 0; transform: translateX(-50%); width: 17mm; height: 16mm;
  background: #fff; border: 1.2px solid #000; border-top: 0; text-align: center; }
.letter .big { font-size: ${fs(30)}; font-weight: bold; line-height: 1.05; }
.letter .code { font-size: ${fs(8)}; font-weight: bold; }
.box { border: 1.2px solid #000; border-top: 0; padding: 2mm 3mm; }
.box p { margin: 1mm 0; }
.grid2 { display: grid; grid-template-columns: 1fr 1fr; column-gap: 6mm; }
.box.thin { padding: 1.2mm 3mm; }
table.items { margin-top: 2mm; font-size: ${fs(8.6)}; }
table.items th { background: #ccc; border: 1px solid #000; padding: 0.35em 0.25em; font-size: ${fs(8.2)}; }
table.items td { padding: 0.25em 0.25em; }
.bottom { display: flex; gap: 4mm; border: 1.2px solid #000; padding: 2mm 3mm; }
.bottom .left { flex: 1; }
.trib th { background: #ccc; font-size: ${fs(8)}; padding: 0.3em; border: 1px solid #000; }
.trib td { font-size: ${fs(8.5)}; padding: 0.2em 0.3em; }
.totals td { padding: 0.3em 0.4em; font-weight: bold; font-size: ${fs(10)}; }
.transp { border: 1px solid #000; margin-top: 2mm; padding: 1.2mm 2mm; font-size: ${fs(9)}; }
.transp .t { font-weight: bold; font-style: italic; margin-bottom: 1mm; }
.foot { display: flex; gap: 4mm; align-items: flex-start; margin-top: 2mm; }
.foot .afip { font-size: ${fs(20)}; font-weight: bold; font-style: italic; }
.foot .ok { font-weight: bold; font-style: italic; font-size: ${fs(10)}; }
.foot .disc { font-size: ${fs(7)}; font-style: italic; max-width: 80mm; }
.foot .cae { margin-left: auto; text-align: right; font-weight: bold; }
.foot .cae p { margin: 1mm 0; }
.pag { text-align: center; font-weight: bold; margin-top: 1mm; }
`;

function columns(inv: Invoice): Column[] {
  const cols: Column[] = [
    { head: 'Código', width: '23mm', cell: (l) => l.code ?? '' },
    { head: 'Producto / Servicio', width: 'auto', cell: (l) => l.description },
    { head: 'Cantidad', width: '14mm', align: 'r', cell: (l) => quantity(l.qtyMilli, l.unit, 2) },
    { head: 'U. Medida', width: '16mm', align: 'c', cell: (l) => UNIT_WORD[l.unit] },
    { head: 'Precio Unit.', width: '19mm', align: 'r', cell: (l) => money(l.priceC) },
    { head: '% Bonif', width: '11mm', align: 'r', cell: (l) => percent(l.discountBp) },
  ];
  if (inv.letter === 'A') {
    cols.push(
      { head: 'Subtotal', width: '20mm', align: 'r', cell: (l) => money(l.amountC) },
      { head: 'Alícuota IVA', width: '15mm', align: 'r', cell: (l) => rateLabel(l.rate) },
      {
        head: 'Subtotal c/IVA',
        width: '21mm',
        align: 'r',
        cell: (l) => money(l.amountC + ivaOf(l.amountC, l.rate)),
      },
    );
  } else {
    cols.push(
      {
        head: 'Imp. Bonif.',
        width: '18mm',
        align: 'r',
        cell: (l) => money(grossOf(l) - l.amountC),
      },
      { head: 'Subtotal', width: '22mm', align: 'r', cell: (l) => money(l.amountC) },
    );
  }
  return cols;
}

function totals(inv: Invoice): string {
  const pairs: [string, string][] = [];
  const other = sumTaxes(inv);
  if (inv.letter === 'A') {
    pairs.push(['Importe Neto Gravado: $', money(sumLines(inv))]);
    // AFIP prints every rate, zero or not.
    for (const r of RATE_ORDER)
      pairs.push([`IVA ${rateLabel(r)}: $`, money(inv.ivaByRate[r] ?? 0)]);
  } else {
    pairs.push(['Subtotal: $', money(sumLines(inv))]);
  }
  pairs.push(['Importe Otros Tributos: $', money(other)], ['Importe Total: $', money(inv.totalC)]);
  const body = pairs
    .map(([k, v]) => `<tr><td class="nw r">${esc(k)}</td><td class="nw r">${v}</td></tr>`)
    .join('');
  return `<table class="totals">${body}</table>`;
}

function tributes(inv: Invoice): string {
  const rows = inv.taxes
    .map(
      (t) =>
        `<tr><td class="nw">${esc(t.label)}</td><td></td><td class="nw r">${percent(t.rateBp)}</td><td class="nw r">${money(t.amountC)}</td></tr>`,
    )
    .join('');
  const sum = `<tr><td class="nw b" colspan="3">Importe Otros Tributos: $</td><td class="nw r b">${money(sumTaxes(inv))}</td></tr>`;
  return `<table class="trib" style="width:100%"><thead><tr><th class="l">Otros tributos — Descripción</th><th>Detalle</th><th class="r">Alíc. %</th><th class="r">Importe</th></tr></thead><tbody>${rows}${sum}</tbody></table>`;
}

function transparency(inv: Invoice): string {
  if (inv.letter !== 'B') return '';
  const lines = RATE_ORDER.filter((r) => inv.ivaByRate[r] !== undefined)
    .map((r) => `<div>IVA Contenido ${rateLabel(r)}: ${$(inv.ivaByRate[r] ?? 0)}</div>`)
    .join('');
  return `<div class="transp"><div class="t">Régimen de Transparencia Fiscal al Consumidor (Ley 27.743)</div>${lines}<div>Otros Impuestos Nacionales Indirectos: $ 0,00</div></div>`;
}

export function afipClasico(inv: Invoice, qr?: string): string {
  const is = inv.issuer;
  const rc = inv.recipient;
  const recipientRows = [
    `<p><b>CUIT:</b> ${rc.cuit ?? ''}</p>`,
    `<p><b>Apellido y Nombre / Razón Social:</b> ${esc(rc.name)}</p>`,
    `<p><b>Condición frente al IVA:</b> ${esc(conditionLabel(inv.layout, rc.condition))}</p>`,
    `<p><b>Domicilio:</b> ${esc(rc.address ?? '')}</p>`,
    `<p><b>Condición de venta:</b> ${esc(inv.saleCondition)}</p>`,
    inv.associated ? `<p><b>Comprobante asociado:</b> ${esc(inv.associated)}</p>` : '',
  ].join('');
  const body = `
<div class="orig">ORIGINAL</div>
<div class="head">
  ${letterBox(inv.letter, `COD. ${pad(inv.afipCode, 2)}`)}
  <div class="col">
    <div class="name">${esc(is.brand ?? is.name)}</div>
    <p><b>Razón Social:</b> ${esc(is.name)}</p>
    <p><b>Domicilio Comercial:</b> ${esc(is.address ?? '')}</p>
    <p><b>Condición frente al IVA:</b> ${esc(conditionLabel(inv.layout, is.condition))}</p>
  </div>
  <div class="col">
    <div class="title">${kindTitle(inv.kind)}</div>
    <p class="nw"><b>Punto de Venta:</b> ${pad(inv.pointOfSale, 5)} &nbsp;&nbsp; <b>Comp. Nro:</b> ${pad(inv.number, 8)}</p>
    <p><b>Fecha de Emisión:</b> ${dateAr(inv.date)}</p>
    <p><b>CUIT:</b> ${is.cuit}</p>
    <p><b>Ingresos Brutos:</b> ${esc(is.iibb)}</p>
    <p><b>Fecha de Inicio de Actividades:</b> ${dateAr(is.since)}</p>
  </div>
</div>
<div class="box thin nw"><b>Período Facturado Desde:</b> ${dateAr(inv.date)} &nbsp; <b>Hasta:</b> ${dateAr(inv.date)} &nbsp; <b>Fecha de Vto. para el pago:</b> ${dateAr(addDays(inv.date, 30))}</div>
<div class="box grid2">${recipientRows}</div>
${itemsTable(inv.lines, columns(inv))}
<div class="grow"></div>
<div class="bottom">
  <div class="left">${tributes(inv)}${transparency(inv)}</div>
  <div>${totals(inv)}</div>
</div>
<div class="foot">
  ${qrImg(qr)}
  <div><div class="afip">AFIP</div><div class="ok">Comprobante Autorizado</div>
  <div class="disc">Esta Administración Federal no se responsabiliza por los datos ingresados en el detalle de la operación</div></div>
  <div class="cae"><p>CAE N°: ${inv.cae}</p><p>Fecha de Vto. de CAE: ${dateAr(inv.caeDue)}</p></div>
</div>
<div class="pag">Pág. 1/1</div>`;
  return pageHtml(`${kindTitle(inv.kind)} ${inv.letter}`, CSS, body);
}
