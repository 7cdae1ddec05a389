import { describe, expect, it } from 'vitest';
import {
  allCash,
  changeFor,
  commitPayments,
  fiadoOverLimit,
  leftToPay,
  makeEntry,
  type PaymentEntry,
} from './payment.ts';

const cash = (amount: number, tendered: number | null = null): PaymentEntry => ({
  tender: 'efectivo',
  amount,
  tendered,
  reference: null,
});

describe('a payment typed at the panel', () => {
  it('defaults to what is left', () => {
    const r = makeEntry(
      { tender: 'debito', amount: null, tendered: null, reference: '' },
      17_350_00,
    );
    expect(r).toEqual({
      ok: true,
      entry: { tender: 'debito', amount: 17_350_00, tendered: null, reference: null },
    });
  });

  it('reads cash over what is left as the note handed over, and gives change', () => {
    const r = makeEntry(
      { tender: 'efectivo', amount: 20_000_00, tendered: null, reference: '' },
      17_350_00,
    );
    expect(r.ok && r.entry).toEqual(cash(17_350_00, 20_000_00));
    expect(changeFor([cash(17_350_00, 20_000_00)])).toBe(2_650_00);
  });

  it('accepts a partial cash payment and keeps what was handed over', () => {
    const r = makeEntry(
      { tender: 'efectivo', amount: 5_000_00, tendered: 10_000_00, reference: '' },
      17_350_00,
    );
    expect(r.ok && r.entry).toEqual(cash(5_000_00, 10_000_00));
  });

  it('refuses a note smaller than the amount', () => {
    const r = makeEntry(
      { tender: 'efectivo', amount: 5_000_00, tendered: 1_000_00, reference: '' },
      17_350_00,
    );
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/no alcanza/) });
  });

  it('refuses a card payment over what is left', () => {
    const r = makeEntry(
      { tender: 'credito', amount: 20_000_00, tendered: null, reference: 'lote 12' },
      17_350_00,
    );
    expect(r.ok).toBe(false);
  });

  it('refuses anything once the ticket is paid', () => {
    expect(makeEntry({ tender: 'efectivo', amount: 1, tendered: null, reference: '' }, 0).ok).toBe(
      false,
    );
  });
});

describe('split payments', () => {
  it('tracks what is left and the change', () => {
    const payments: PaymentEntry[] = [
      { tender: 'debito', amount: 10_000_00, tendered: null, reference: null },
      cash(7_350_00, 10_000_00),
    ];
    expect(leftToPay(17_350_00, payments)).toBe(0);
    expect(changeFor(payments)).toBe(2_650_00);
    expect(commitPayments(payments)).toEqual([
      { tender: 'debito', amount: 10_000_00 },
      { tender: 'efectivo', amount: 7_350_00, tendered: 10_000_00 },
    ]);
  });

  it('rounds to cash only when everything is paid in cash', () => {
    expect(allCash([cash(100)], 'efectivo')).toBe(true);
    expect(allCash([cash(100)], 'debito')).toBe(false);
    expect(allCash([], null)).toBe(true);
  });
});

describe('fiado', () => {
  const customer = { balance: 40_000_00, creditLimit: 50_000_00 };
  const fiado = (amount: number): PaymentEntry => ({
    tender: 'cuenta_corriente',
    amount,
    tendered: null,
    reference: null,
  });

  it('needs the owner when the balance would pass the credit limit', () => {
    expect(fiadoOverLimit(customer, [fiado(10_000_00)])).toBe(false);
    expect(fiadoOverLimit(customer, [fiado(10_000_01)])).toBe(true);
    expect(fiadoOverLimit(customer, [cash(90_000_00)])).toBe(false);
  });
});
