import type { Tender } from '../../../shared/contract/index.ts';
import { changeDue } from '../../../shared/domain/sale-math.ts';

/** The payment panel's arithmetic: what is left, the change, what sales.commit receives. */

export type PaymentEntry = {
  tender: Tender;
  /** Applied to the sale, centavos. */
  amount: number;
  /** Efectivo: what the customer handed over. */
  tendered: number | null;
  reference: string | null;
};

export function paidSoFar(payments: readonly PaymentEntry[]): number {
  return payments.reduce((sum, p) => sum + p.amount, 0);
}

export function leftToPay(total: number, payments: readonly PaymentEntry[]): number {
  return total - paidSoFar(payments);
}

export function changeFor(payments: readonly PaymentEntry[]): number {
  return changeDue(payments);
}

/** Cash rounding applies only when every payment, the one being typed included, is cash. */
export function allCash(payments: readonly PaymentEntry[], current: Tender | null): boolean {
  return payments.every((p) => p.tender === 'efectivo') && (current ?? 'efectivo') === 'efectivo';
}

export type EntryInput = {
  tender: Tender;
  /** Parsed amount, or null when the field was left empty (= what is left). */
  amount: number | null;
  tendered: number | null;
  reference: string;
};

/**
 * Turns what the cashier typed into a payment, or an error in Spanish. Cash over what is left is
 * read as the note handed over (type 20000 for a 17.350 ticket and get the change); other tenders
 * cannot exceed what is left, since cards and transfers settle exactly.
 */
export function makeEntry(
  input: EntryInput,
  left: number,
): { ok: true; entry: PaymentEntry } | { ok: false; error: string } {
  if (left <= 0) return { ok: false, error: 'El ticket ya está pagado' };
  let amount = input.amount ?? left;
  let tendered = input.tendered;
  if (amount <= 0) return { ok: false, error: 'El importe debe ser mayor que cero' };
  if (input.tender === 'efectivo') {
    if (amount > left) {
      tendered = Math.max(tendered ?? 0, amount);
      amount = left;
    }
    if (tendered !== null && tendered < amount) {
      return { ok: false, error: 'Lo recibido no alcanza para ese importe' };
    }
    if (tendered === amount) tendered = null;
  } else {
    tendered = null;
    if (amount > left) {
      return {
        ok: false,
        error: 'Con tarjeta, transferencia o fiado no se cobra más que lo que falta',
      };
    }
  }
  const reference = input.reference.trim();
  return {
    ok: true,
    entry: {
      tender: input.tender,
      amount,
      tendered,
      reference: reference === '' ? null : reference,
    },
  };
}

export function commitPayments(
  payments: readonly PaymentEntry[],
): { tender: Tender; amount: number; tendered?: number; reference?: string }[] {
  return payments.map((p) => ({
    tender: p.tender,
    amount: p.amount,
    ...(p.tendered !== null ? { tendered: p.tendered } : {}),
    ...(p.reference !== null ? { reference: p.reference } : {}),
  }));
}

/** Fiado over the customer's limit needs the owner. */
export function fiadoOverLimit(
  customer: { balance: number; creditLimit: number } | null,
  payments: readonly PaymentEntry[],
): boolean {
  const fiado = payments
    .filter((p) => p.tender === 'cuenta_corriente')
    .reduce((s, p) => s + p.amount, 0);
  if (fiado === 0 || customer === null) return false;
  return customer.balance + fiado > customer.creditLimit;
}
