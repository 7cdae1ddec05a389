import type { Tender } from '../../../shared/contract/index.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { AppError, invalid } from '../errors.ts';
import { TENDER_LABEL } from '../../../shared/domain/tenders.ts';

export type PaymentInput = {
  tender: Tender;
  amount: number;
  tendered?: number | undefined;
  reference?: string | undefined;
};

export type CheckedPayment = {
  tender: Tender;
  amount: number;
  tendered: number | null;
  change: number;
  reference: string | null;
};

/**
 * The payments must add up to the total exactly. Only cash gives change: what was handed over
 * goes in `tendered`, never in `amount`. Checked in the order taken, so the message names the
 * tender that went over.
 */
export function checkPayments(payments: readonly PaymentInput[], total: number): CheckedPayment[] {
  let covered = 0;
  const out: CheckedPayment[] = [];
  for (const p of payments) {
    const label = TENDER_LABEL[p.tender];
    if (!Number.isSafeInteger(p.amount) || p.amount <= 0) {
      throw invalid('Cada pago debe ser mayor que cero');
    }
    const left = total - covered;
    if (p.tender !== 'efectivo') {
      if (p.tendered !== undefined && p.tendered !== p.amount) {
        throw invalid(`Solo el efectivo da vuelto: el pago con ${label} va por el importe exacto`);
      }
      if (p.amount > left) {
        throw invalid(
          `El pago con ${label} (${formatMoney(p.amount)}) supera lo que falta cobrar (${formatMoney(Math.max(0, left))})`,
        );
      }
    }
    let tendered: number | null = null;
    if (p.tender === 'efectivo' && p.tendered !== undefined) {
      if (p.tendered < p.amount) {
        throw new AppError(
          'PAYMENT_SHORT',
          `El efectivo recibido (${formatMoney(p.tendered)}) no alcanza para ${formatMoney(p.amount)}`,
        );
      }
      tendered = p.tendered;
    }
    out.push({
      tender: p.tender,
      amount: p.amount,
      tendered,
      change: tendered === null ? 0 : tendered - p.amount,
      reference: p.reference?.trim() || null,
    });
    covered += p.amount;
  }
  if (covered < total) {
    throw new AppError(
      'PAYMENT_SHORT',
      `El pago no cubre el total de ${formatMoney(total)}: faltan ${formatMoney(total - covered)}`,
      { missing: total - covered },
    );
  }
  if (covered > total) {
    throw invalid(
      `Los pagos suman ${formatMoney(covered)} y el total es ${formatMoney(total)}: el vuelto va en «recibido», no en el importe`,
    );
  }
  return out;
}

/** One amount per tender, for the drawer's running totals and the customer's account. */
export function sumByTender(
  payments: readonly { tender: Tender; amount: number }[],
): Map<Tender, number> {
  const map = new Map<Tender, number>();
  for (const p of payments) map.set(p.tender, (map.get(p.tender) ?? 0) + p.amount);
  return map;
}
