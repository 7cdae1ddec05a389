import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TENDERS } from '../../../shared/contract/index.ts';
import { verifyAudit } from '../audit/verify.ts';
import { expectedCash, recountTenderTotals } from './reports.ts';
import { cashMovementEntity, customerLedgerEntity } from './snapshots.ts';
import { openCashStore, type CashStore } from './test-support.ts';

let s: CashStore;
beforeEach(async () => {
  s = await openCashStore();
});
afterEach(() => s.close());

/** A shift with every kind of drawer and account operation, by a logged-in cashier. */
async function busyShift(): Promise<{ customerId: string; sessionId: string }> {
  const cajero = await s.user('Lucas', 'cajero');
  const session = await s.call('cash.open', { openingFloat: 500_000 }, cajero.caller);
  const vino = await s.product('Vino Toro 1 L', 300_000);
  const ana = await s.call('customers.create', { name: 'Ana', creditLimit: 3_000_000 });
  const sale = await s.sell({
    lines: [{ product: vino, qty: 3_000 }],
    payments: [
      { tender: 'efectivo', amount: 400_000 },
      { tender: 'cuenta_corriente', amount: 500_000 },
    ],
    customerId: ana.id,
  });
  await s.refund({
    sale,
    qty: 1_000,
    refunds: [{ tender: 'cuenta_corriente', amount: 300_000 }],
  });
  await s.call(
    'customers.payment',
    { customerId: ana.id, amount: 200_000, tender: 'efectivo' },
    cajero.caller,
  );
  await s.call('customers.adjust', {
    customerId: ana.id,
    amount: 50_000,
    reason: 'Fiado anotado en la libreta',
    approvalId: s.approve('customer.adjust'),
  });
  await s.call(
    'cash.movement',
    { kind: 'retiro', amount: 600_000, reason: 'Caja fuerte' },
    cajero.caller,
  );
  await s.call(
    'cash.openDrawer',
    { approvalId: s.approve('drawer.open'), reason: 'Cambio' },
    cajero.caller,
  );
  await s.call('cash.close', { denominations: [{ denomination: 100_000, qty: 5 }] }, cajero.caller);
  return { customerId: ana.id, sessionId: session.id };
}

describe('drawer and account integrity', () => {
  it('verifies the audit log after a full shift, and names a balance edited behind the app', async () => {
    const { customerId, sessionId } = await busyShift();
    expect(await s.call('audit.verify', {})).toMatchObject({ ok: true, stateMismatches: [] });
    expect((await s.call('customers.get', { id: customerId })).balance).toBe(50_000);

    s.db.prepare('UPDATE customers SET balance = 0 WHERE id = ?').run(customerId);
    const v = await s.call('audit.verify', {});
    expect(v.ok).toBe(false);
    expect(v.stateMismatches.map((p) => p.message)).toEqual([
      expect.stringContaining(`El cliente ${customerId} fue modificado fuera de la aplicación`),
    ]);

    s.db.prepare('UPDATE customers SET balance = 50000 WHERE id = ?').run(customerId);
    expect((await s.call('audit.verify', {})).ok).toBe(true);
    // A Z touched up afterwards is caught too.
    s.db
      .prepare(
        "UPDATE cash_sessions SET z_report = json_set(z_report, '$.cash.variance', 100000) WHERE id = ?",
      )
      .run(sessionId);
    expect((await s.call('audit.verify', {})).stateMismatches.map((p) => p.message)).toEqual([
      expect.stringContaining(
        `La sesión de caja ${sessionId} fue modificado fuera de la aplicación`,
      ),
    ]);
  });

  it('logs every drawer movement and account entry as it stands, ready for verify to compare', async () => {
    await busyShift();
    const kinds = [cashMovementEntity, customerLedgerEntity];
    expect(verifyAudit(s.db, kinds)).toMatchObject({ ok: true, stateMismatches: [] });
    s.db.prepare("UPDATE cash_movements SET amount = 100000 WHERE kind = 'retiro'").run();
    expect(verifyAudit(s.db, kinds).stateMismatches.map((p) => p.message)).toEqual([
      expect.stringContaining('El movimiento de caja'),
    ]);
  });

  it('keeps the running totals equal to the payments, refunds and account payments they sum', async () => {
    const { sessionId } = await busyShift();
    const totals = s.db
      .prepare(
        'SELECT tender, sales, refunds, customer_payments, count FROM cash_session_totals WHERE session_id = ?',
      )
      .all(sessionId) as {
      tender: string;
      sales: number;
      refunds: number;
      customer_payments: number;
      count: number;
    }[];
    for (const r of recountTenderTotals(s.db, sessionId)) {
      const t = totals.find((x) => x.tender === r.tender);
      expect([
        r.tender,
        t?.sales ?? 0,
        t?.refunds ?? 0,
        t?.customer_payments ?? 0,
        t?.count ?? 0,
      ]).toEqual([r.tender, r.sales, r.refunds, r.customerPayments, r.count]);
    }
    const z = await s.call('cash.report', { sessionId });
    // 5.000 float + 4.000 cash sale + 2.000 account payment − 6.000 withdrawn; 5.000 counted.
    expect(z.cash).toMatchObject({ expected: 500_000, counted: 500_000, variance: 0 });
    expect(z.noSaleOpenings).toBe(1);
  });
});

const op = fc.oneof(
  fc.record({
    type: fc.constantFrom('retiro' as const, 'deposito' as const),
    amount: fc.integer({ min: 1, max: 300_000 }),
  }),
  fc.record({
    type: fc.constant('pago' as const),
    tender: fc.constantFrom('efectivo' as const, 'debito' as const),
    amount: fc.integer({ min: 1, max: 300_000 }),
  }),
  fc.record({
    type: fc.constant('venta' as const),
    tender: fc.constantFrom(...TENDERS.filter((t) => t !== 'cuenta_corriente')),
    amount: fc.integer({ min: 1, max: 300_000 }),
  }),
);

describe('expected cash, any sequence of movements and payments', () => {
  it('is the float plus the cash that came in minus the cash that went out, never below zero', async () => {
    const ana = await s.call('customers.create', { name: 'Ana' });
    // One centavo a unit: the quantity sets the ticket's total.
    const caramelo = await s.product('Caramelo', 1);
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 200_000 }),
        fc.array(op, { maxLength: 15 }),
        async (float, ops) => {
          const session = await s.call('cash.open', { openingFloat: float });
          let cashIn = 0;
          let cashOut = 0;
          for (const o of ops) {
            const model = float + cashIn - cashOut;
            if (o.type === 'venta') {
              await s.sell({
                lines: [{ product: caramelo, qty: o.amount * 1_000 }],
                payments: [{ tender: o.tender, amount: o.amount }],
              });
              if (o.tender === 'efectivo') cashIn += o.amount;
            } else if (o.type === 'pago') {
              await s.call('customers.payment', {
                customerId: ana.id,
                amount: o.amount,
                tender: o.tender,
              });
              if (o.tender === 'efectivo') cashIn += o.amount;
            } else {
              const r = await s.attempt('cash.movement', {
                kind: o.type,
                amount: o.amount,
                reason: 'prop',
              });
              const allowed = o.type === 'deposito' || o.amount <= model;
              expect(r.ok).toBe(allowed);
              if (!r.ok) expect(r.error.code).toBe('NOT_ENOUGH_CASH');
              if (allowed && o.type === 'retiro') cashOut += o.amount;
              if (allowed && o.type === 'deposito') cashIn += o.amount;
            }
            expect(expectedCash(s.db, session.id)).toBeGreaterThanOrEqual(0);
          }
          const x = await s.call('cash.xReport', {});
          expect(x.cash.expected).toBe(float + cashIn - cashOut);
          expect(expectedCash(s.db, session.id)).toBe(x.cash.expected);
          const z = await s.call('cash.close', { denominations: [] });
          expect(z.cash.variance).toBe(cashOut - cashIn - float);
        },
      ),
      { numRuns: 40 },
    );
  });
});
