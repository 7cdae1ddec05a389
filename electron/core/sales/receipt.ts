import type { Database } from 'better-sqlite3';
import type { Receipt, Sale, SaleLine } from '../../../shared/contract/index.ts';
import { formatCuit } from '../../../shared/domain/cuit.ts';
import { formatIvaRate, formatMoney, formatQuantity } from '../../../shared/domain/money.ts';
import { prep } from '../db/statements.ts';
import type { Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import { readSettings } from '../system/settings.ts';
import { lineGross } from './amounts.ts';
import { ticketCode } from './history.ts';
import { center, COLUMNS, leftRight, rule, wrap } from './layout.ts';
import { TENDER_LABEL } from '../../../shared/domain/tenders.ts';
import { readSale } from './rows.ts';
import { readPosSettings } from './settings.ts';

const TIME_ZONE = 'America/Argentina/Buenos_Aires';
const dateTimeFormat = new Intl.DateTimeFormat('es-AR', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** "10/03/2026 10:00", the shop's wall clock whatever the PC's zone. */
export function shopDateTime(ms: number): string {
  const p: Record<string, string> = {};
  for (const part of dateTimeFormat.formatToParts(new Date(ms))) p[part.type] = part.value;
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** The point of sale in the printed number: the digits of the register's name ("Caja 2" → 2). */
function registerNumber(db: Database, sessionId: string): number {
  const register =
    prep<[string], { register: string }>(db, 'SELECT register FROM cash_sessions WHERE id = ?').get(
      sessionId,
    )?.register ?? '';
  const digits = /\d+/.exec(register)?.[0];
  const n = digits === undefined ? 1 : Number(digits);
  return n > 0 && n < 100_000 ? n : 1;
}

export function printedNumber(pos: number, number: number): string {
  return `${String(pos).padStart(4, '0')}-${String(number).padStart(8, '0')}`;
}

function safeCuit(cuit: string): string {
  try {
    return formatCuit(cuit);
  } catch {
    return cuit;
  }
}

function quantityText(l: SaleLine): string {
  if (l.unit === 'u') return `${l.qty / 1000} x ${formatMoney(l.unitPrice)}`;
  return `${formatQuantity(l.qty, l.unit)} x ${formatMoney(l.unitPrice)}/${l.unit}`;
}

function lineBlock(l: SaleLine, w: number): string[] {
  const out = wrap(l.description, w);
  const gross = lineGross(l);
  out.push(...leftRight(`  ${quantityText(l)}`, formatMoney(gross), w));
  if (l.unitPrice !== l.listPrice) {
    out.push(...wrap(`  Precio modificado (lista ${formatMoney(l.listPrice)})`, w));
  }
  if (l.discountBp > 0) {
    out.push(
      ...leftRight(`  Descuento ${formatIvaRate(l.discountBp)}`, formatMoney(l.total - gross), w),
    );
  }
  if (l.returnedQty > 0) {
    out.push(...wrap(`  Devuelto: ${formatQuantity(l.returnedQty, l.unit)}`, w));
  }
  return out;
}

function totalsBlock(sale: Sale, w: number): string[] {
  const out: string[] = [];
  if (sale.discountTotal !== 0 || sale.rounding !== 0) {
    out.push(...leftRight('Subtotal', formatMoney(sale.subtotal), w));
  }
  if (sale.discountTotal !== 0) {
    out.push(...leftRight('Descuentos', formatMoney(-sale.discountTotal), w));
  }
  if (sale.rounding !== 0) out.push(...leftRight('Redondeo', formatMoney(sale.rounding), w));
  out.push(...leftRight('TOTAL', formatMoney(sale.total), w));
  out.push(rule(w));
  for (const p of sale.payments) {
    out.push(...leftRight(TENDER_LABEL[p.tender], formatMoney(p.amount), w));
    if (p.tendered !== null) out.push(...leftRight('  Recibido', formatMoney(p.tendered), w));
    if (p.reference) out.push(...wrap(`  Ref. ${p.reference}`, w));
  }
  if (sale.change > 0) out.push(...leftRight('Su vuelto', formatMoney(sale.change), w));
  return out;
}

function ivaBlock(sale: Sale, w: number): string[] {
  const out = wrap('Régimen de Transparencia Fiscal al Consumidor (Ley 27.743)', w);
  let total = 0;
  for (const r of sale.iva) {
    total += r.iva;
    out.push(...leftRight(`IVA contenido ${formatIvaRate(r.rateBp)}`, formatMoney(r.iva), w));
  }
  out.push(...leftRight('IVA contenido total', formatMoney(total), w));
  return out;
}

/**
 * The consumer ticket, laid out for the roll: shop data, lines, totals, tenders and change, the
 * IVA contained (Ley 27.743) and the notice that it is not an invoice. Pure read.
 */
export function buildReceipt(
  db: Database,
  saleId: string,
  width: 58 | 80,
  reprint: boolean,
): Receipt {
  const sale = readSale(db, saleId);
  if (!sale) throw notFound('El ticket');
  const w = COLUMNS[width];
  const shop = readSettings(db);
  const pos = readPosSettings(db);
  const out: string[] = [];
  out.push(...center(shop.storeName, w));
  if (shop.storeCuit) out.push(...center(`CUIT ${safeCuit(shop.storeCuit)}`, w));
  if (shop.storeAddress) out.push(...center(shop.storeAddress, w));
  if (pos.receiptHeader.trim() !== '') out.push(...center(pos.receiptHeader, w));
  out.push(rule(w));
  if (reprint) out.push(...center('*** REIMPRESIÓN ***', w));
  out.push(...leftRight('Fecha', shopDateTime(sale.at), w));
  out.push(
    ...leftRight(
      'Ticket',
      `N° ${printedNumber(registerNumber(db, sale.sessionId), sale.number)}`,
      w,
    ),
  );
  if (sale.userName) out.push(...leftRight('Cajero', sale.userName, w));
  out.push(rule(w));
  for (const l of sale.lines) out.push(...lineBlock(l, w));
  out.push(rule(w));
  out.push(...totalsBlock(sale, w));
  out.push(rule(w));
  out.push(...ivaBlock(sale, w));
  if (sale.customerName) {
    out.push(rule(w));
    const onAccount = sale.payments.some((p) => p.tender === 'cuenta_corriente');
    out.push(...wrap(`Cliente: ${sale.customerName}${onAccount ? ' (cuenta corriente)' : ''}`, w));
  }
  out.push(rule(w));
  if (pos.receiptFooter.trim() !== '') out.push(...center(pos.receiptFooter, w));
  out.push(...center('Comprobante no válido como factura', w));
  if (reprint) out.push(...center('*** REIMPRESIÓN ***', w));
  return { saleId: sale.id, width, lines: out, barcode: ticketCode(sale.number) };
}

/** A receipt for the screen or the printer; a reprint is written to the audit log. */
export function receiptFor(
  ctx: Ctx,
  input: { saleId: string; width?: 58 | 80 | undefined; reprint: boolean },
): Receipt {
  const width = input.width ?? readPosSettings(ctx.db).receiptWidth;
  const receipt = buildReceipt(ctx.db, input.saleId, width, input.reprint);
  if (input.reprint) {
    ctx.tx(() =>
      ctx.audit.append(ctx.actor, {
        action: 'sale.reprint',
        // Not entity 'sale': verify compares a sale's latest entry with the sale itself.
        entity: 'sale_receipt',
        entityId: input.saleId,
        after: { barcode: receipt.barcode, width },
      }),
    );
  }
  return receipt;
}

export async function printReceipt(
  ctx: Ctx,
  input: { saleId: string; width?: 58 | 80 | undefined; reprint: boolean },
): Promise<{ printed: boolean; receipt: Receipt; message: string | null }> {
  const receipt = receiptFor(ctx, input);
  const { printerName } = readPosSettings(ctx.db);
  try {
    const r = await ctx.devices.printReceipt(receipt.lines, {
      width: receipt.width,
      printerName,
      barcode: receipt.barcode,
    });
    return { printed: r.printed, receipt, message: r.message };
  } catch (err) {
    ctx.log.warn('receipt printing failed', { error: String(err) });
    return {
      printed: false,
      receipt,
      message:
        'No se pudo imprimir el ticket: revisá la impresora y reimprimilo desde el historial',
    };
  }
}
