import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Product } from '../../../shared/contract/index.ts';
import { getCustomerRow } from './ledger.ts';
import { openCashStore, type CashStore } from './test-support.ts';

let s: CashStore;
let vino: Product;
beforeEach(async () => {
  s = await openCashStore();
  vino = await s.product('Vino Toro 1 L', 300_000);
});
afterEach(() => s.close());

describe('customers', () => {
  it('finds customers by name or document regardless of accents and case', async () => {
    const jose = await s.call('customers.create', {
      name: 'José Pérez',
      document: '20-12345678-9',
      phone: ' 11 5555-0000 ',
      creditLimit: 2_000_000,
    });
    expect(jose).toMatchObject({ phone: '11 5555-0000', balance: 0, active: true });
    await s.call('customers.create', { name: 'Ángela Ruiz', document: '' });
    await s.call('customers.create', { name: 'Zulema' });

    const names = async (text: string) =>
      (await s.call('customers.list', { text })).map((c) => c.name);
    expect(await names('')).toEqual(['Ángela Ruiz', 'José Pérez', 'Zulema']);
    expect(await names('jose PEREZ')).toEqual(['José Pérez']);
    expect(await names('angela')).toEqual(['Ángela Ruiz']);
    expect(await names('20123456789')).toEqual(['José Pérez']);
    expect(await names('12345678')).toEqual(['José Pérez']);
    expect(await s.call('customers.get', { id: jose.id })).toEqual(jose);
    expect((await s.fail('customers.get', { id: 'nadie' })).message).toBe('El cliente no existe');
  });

  it('refuses a second customer with the same document and writes nothing', async () => {
    await s.call('customers.create', { name: 'José Pérez', document: '20-12345678-9' });
    const audit = s.auditCount();
    const err = await s.fail('customers.create', { name: 'Pepe', document: '20123456789' });
    expect(err).toMatchObject({
      code: 'CONFLICT',
      message: 'Ya hay un cliente con el documento 20123456789: José Pérez',
    });
    expect(s.rows('customers')).toBe(1);
    expect(s.auditCount()).toBe(audit);
    expect((await s.fail('customers.create', { name: '   ' })).code).toBe('INVALID_INPUT');
  });

  it('updates the card, audited, and never the balance', async () => {
    const ana = await s.call('customers.create', { name: 'Ana', creditLimit: 100_000 });
    const updated = await s.call('customers.update', {
      id: ana.id,
      creditLimit: 500_000,
      phone: '4444',
    });
    expect(updated).toMatchObject({ creditLimit: 500_000, phone: '4444', balance: 0 });
    const off = await s.call('customers.update', { id: ana.id, active: false });
    expect(off.active).toBe(false);
    const entries = s.db
      .prepare(
        "SELECT action FROM audit_log WHERE entity = 'customer' AND entity_id = ? ORDER BY seq",
      )
      .all(ana.id) as { action: string }[];
    expect(entries.map((e) => e.action)).toEqual([
      'customer.create',
      'customer.update',
      'customer.update',
    ]);
    // Saving the card unchanged adds nothing to the log.
    await s.call('customers.update', { id: ana.id, active: false });
    expect(
      s.db.prepare('SELECT count(*) AS n FROM audit_log WHERE entity_id = ?').get(ana.id),
    ).toEqual({ n: 3 });
  });

  it('keeps the account: fiado charges, payments and credits, each with the balance after', async () => {
    await s.call('cash.open', { openingFloat: 100_000 });
    const ana = await s.call('customers.create', { name: 'Ana', creditLimit: 2_000_000 });
    const first = await s.sell({
      lines: [{ product: vino, qty: 2_000 }],
      payments: [{ tender: 'cuenta_corriente', amount: 600_000 }],
      customerId: ana.id,
    });
    await s.sell({
      lines: [{ product: vino, qty: 1_000 }],
      payments: [{ tender: 'cuenta_corriente', amount: 300_000 }],
      customerId: ana.id,
    });
    expect(getCustomerRow(s.db, ana.id)).toMatchObject({
      balance: 900_000,
      credit_limit: 2_000_000,
      active: 1,
    });

    const cash = await s.call('customers.payment', {
      customerId: ana.id,
      amount: 400_000,
      tender: 'efectivo',
      note: 'A cuenta',
    });
    expect(cash).toMatchObject({
      kind: 'pago',
      amount: -400_000,
      balanceAfter: 500_000,
      note: 'A cuenta',
    });
    await s.call('customers.payment', { customerId: ana.id, amount: 100_000, tender: 'debito' });
    await s.refund({
      sale: first,
      qty: 1_000,
      refunds: [{ tender: 'cuenta_corriente', amount: 300_000 }],
    });

    const ledger = await s.call('customers.ledger', { id: ana.id });
    expect(ledger.map((e) => [e.kind, e.amount, e.balanceAfter, e.saleNumber])).toEqual([
      ['ajuste', -300_000, 100_000, 1],
      ['pago', -100_000, 400_000, null],
      ['pago', -400_000, 500_000, null],
      ['cargo', 300_000, 900_000, 2],
      ['cargo', 600_000, 600_000, 1],
    ]);
    expect((await s.call('customers.get', { id: ana.id })).balance).toBe(100_000);

    const x = await s.call('cash.xReport', {});
    expect(x.cash).toMatchObject({ customerPayments: 400_000, expected: 500_000 });
    const debito = x.byTender.find((t) => t.tender === 'debito');
    expect(debito).toMatchObject({ sales: 0, expected: 100_000 });
    const fiado = x.byTender.find((t) => t.tender === 'cuenta_corriente');
    expect(fiado).toMatchObject({ sales: 900_000, refunds: 300_000, expected: 600_000 });
  });

  it('accepts paying more than is owed, leaving the customer in credit', async () => {
    await s.call('cash.open', { openingFloat: 0 });
    const ana = await s.call('customers.create', { name: 'Ana', creditLimit: 1_000_000 });
    await s.sell({
      lines: [{ product: vino, qty: 1_000 }],
      payments: [{ tender: 'cuenta_corriente', amount: 300_000 }],
      customerId: ana.id,
    });
    const paid = await s.call('customers.payment', {
      customerId: ana.id,
      amount: 500_000,
      tender: 'transferencia',
    });
    expect(paid.balanceAfter).toBe(-200_000);
    expect(await s.call('customers.list', { withBalanceOnly: true })).toHaveLength(1);
  });

  it('takes cash payments only with the drawer open, and writes nothing otherwise', async () => {
    const ana = await s.call('customers.create', { name: 'Ana' });
    const audit = s.auditCount();
    const err = await s.fail('customers.payment', {
      customerId: ana.id,
      amount: 1_000,
      tender: 'efectivo',
    });
    expect(err).toMatchObject({
      code: 'NO_CASH_SESSION',
      message: 'Abrí la caja para cobrar en efectivo',
    });
    expect(
      (await s.fail('customers.payment', { customerId: ana.id, amount: 0, tender: 'debito' }))
        .message,
    ).toContain('El pago debe ser mayor que cero');
    expect(
      (await s.fail('customers.payment', { customerId: 'nadie', amount: 10, tender: 'debito' }))
        .code,
    ).toBe('NOT_FOUND');
    expect(s.rows('customer_ledger')).toBe(0);
    expect(s.auditCount()).toBe(audit);
    // A transfer can be recorded with the drawer closed: it never touches the drawer.
    expect(
      (
        await s.call('customers.payment', {
          customerId: ana.id,
          amount: 1_000,
          tender: 'transferencia',
        })
      ).balanceAfter,
    ).toBe(-1_000);
  });

  it("corrects a balance only with the owner's approval for that customer and amount", async () => {
    const ana = await s.call('customers.create', { name: 'Ana' });
    const pedro = await s.call('customers.create', { name: 'Pedro' });
    const base = { customerId: ana.id, amount: 50_000, reason: 'Fiado anotado en la libreta' };

    expect((await s.fail('customers.adjust', { ...base, approvalId: 'ninguna' })).message).toBe(
      'Hace falta la autorización de un supervisor para ajustar una cuenta corriente',
    );
    expect(
      (await s.fail('customers.adjust', { ...base, approvalId: s.approve('drawer.open') })).code,
    ).toBe('APPROVAL_REQUIRED');
    const forPedro = s.approve('customer.adjust', { customerId: pedro.id, amount: 50_000 });
    expect((await s.fail('customers.adjust', { ...base, approvalId: forPedro })).code).toBe(
      'APPROVAL_MISMATCH',
    );
    expect(s.rows('customer_ledger')).toBe(0);

    const approval = s.approve('customer.adjust', { customerId: ana.id, amount: 50_000 });
    const entry = await s.call('customers.adjust', { ...base, approvalId: approval });
    expect(entry).toMatchObject({
      kind: 'ajuste',
      amount: 50_000,
      balanceAfter: 50_000,
      note: 'Fiado anotado en la libreta',
    });
    expect((await s.fail('customers.adjust', { ...base, approvalId: approval })).code).toBe(
      'APPROVAL_USED',
    );
    const down = await s.call('customers.adjust', {
      customerId: ana.id,
      amount: -20_000,
      reason: 'Error de carga',
      approvalId: s.approve('customer.adjust'),
    });
    expect(down.balanceAfter).toBe(30_000);
  });

  it('totals what all customers owe, not counting those in credit', async () => {
    await s.call('cash.open', { openingFloat: 0 });
    const ids: string[] = [];
    for (const name of ['Ana', 'Beto', 'Carla', 'Dora']) {
      ids.push((await s.call('customers.create', { name, creditLimit: 10_000_000 })).id);
    }
    for (const customerId of ids.slice(0, 3)) {
      await s.sell({
        lines: [{ product: vino, qty: 1_000 }],
        payments: [{ tender: 'cuenta_corriente', amount: 300_000 }],
        customerId,
      });
    }
    await s.call('customers.payment', {
      customerId: ids[2] ?? '',
      amount: 400_000,
      tender: 'efectivo',
    });
    expect(await s.call('customers.totalOwed', {})).toEqual({ total: 600_000, customers: 2 });
  });

  it('fiado over the credit limit needs the owner, not the encargado', async () => {
    await s.call('cash.open', { openingFloat: 0 });
    const ana = await s.call('customers.create', { name: 'Ana', creditLimit: 500_000 });
    const encargado = await s.call('users.create', {
      name: 'Rita',
      role: 'encargado',
      pin: '5678',
    });
    const sale = {
      lines: [{ product: vino, qty: 2_000 }],
      payments: [{ tender: 'cuenta_corriente' as const, amount: 600_000 }],
      customerId: ana.id,
    };
    await expect(s.sell(sale)).rejects.toThrow('APPROVAL_REQUIRED');
    const byEncargado = await s.fail('auth.authorize', {
      supervisorId: encargado.id,
      pin: '5678',
      action: 'fiado.over_limit',
    });
    expect(byEncargado.message).toContain('hace falta el dueño');
    expect((await s.call('customers.get', { id: ana.id })).balance).toBe(0);

    await s.sell({ ...sale, approvalIds: [s.approve('fiado.over_limit')] });
    expect((await s.call('customers.get', { id: ana.id })).balance).toBe(600_000);
  });

  it('refuses to put a fiado on a customer who was deactivated', async () => {
    await s.call('cash.open', { openingFloat: 0 });
    const ana = await s.call('customers.create', { name: 'Ana', creditLimit: 1_000_000 });
    await s.call('customers.update', { id: ana.id, active: false });
    await expect(
      s.sell({
        lines: [{ product: vino, qty: 1_000 }],
        payments: [{ tender: 'cuenta_corriente', amount: 300_000 }],
        customerId: ana.id,
      }),
    ).rejects.toThrow('«Ana» está dado de baja: no se le puede fiar');
    expect(s.rows('sales')).toBe(0);
  });
});
