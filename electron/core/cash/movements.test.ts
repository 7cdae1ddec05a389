import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_DEVICES } from '../context.ts';
import { writeSetting } from '../system/settings.ts';
import { openCashStore, type CashStore } from './test-support.ts';

let s: CashStore;
let kicked: (string | null)[];
beforeEach(async () => {
  kicked = [];
  s = await openCashStore({
    devices: {
      ...NO_DEVICES,
      openDrawer: (printer) => {
        kicked.push(printer);
        return Promise.resolve(true);
      },
    },
  });
});
afterEach(() => s.close());

const expectedCash = async (): Promise<number> => (await s.call('cash.xReport', {})).cash.expected;

describe('cash movements', () => {
  it('moves the expected cash with withdrawals and deposits, each with its reason', async () => {
    const cajero = await s.user('Lucas', 'cajero');
    await s.call('cash.open', { openingFloat: 500_000 }, cajero.caller);
    await s.call(
      'cash.movement',
      { kind: 'deposito', amount: 200_000, reason: 'Cambio del banco' },
      cajero.caller,
    );
    expect(await expectedCash()).toBe(700_000);
    const retiro = await s.call(
      'cash.movement',
      { kind: 'retiro', amount: 650_000, reason: '  Pago a Distribuidora Sur ' },
      cajero.caller,
    );
    expect(retiro).toMatchObject({
      kind: 'retiro',
      amount: 650_000,
      reason: 'Pago a Distribuidora Sur',
      userName: 'Lucas',
      authorizedByName: null,
    });
    const x = await s.call('cash.xReport', {});
    expect(x.cash).toMatchObject({ withdrawals: 650_000, deposits: 200_000, expected: 50_000 });
    expect((await s.call('cash.movements', {})).map((m) => [m.kind, m.amount])).toEqual([
      ['deposito', 200_000],
      ['retiro', 650_000],
    ]);
    const entry = s.db
      .prepare(
        "SELECT action, after FROM audit_log WHERE entity = 'cash_movement' AND entity_id = ?",
      )
      .get(retiro.id) as { action: string; after: string };
    expect(entry.action).toBe('cash.retiro');
    expect(JSON.parse(entry.after)).toMatchObject({
      kind: 'retiro',
      amount: 650_000,
      userId: cajero.id,
    });
  });

  it('refuses a withdrawal larger than the cash in the drawer, saying how much there should be', async () => {
    await s.call('cash.open', { openingFloat: 100_000 });
    const err = await s.fail('cash.movement', {
      kind: 'retiro',
      amount: 100_001,
      reason: 'Caja fuerte',
    });
    expect(err).toMatchObject({
      code: 'NOT_ENOUGH_CASH',
      message: 'No se puede retirar $ 1.000,01: en la caja debería haber $ 1.000,00 en efectivo',
    });
    expect(s.rows('cash_movements')).toBe(0);
    await s.call('cash.movement', { kind: 'retiro', amount: 100_000, reason: 'Caja fuerte' });
    expect(await expectedCash()).toBe(0);
  });

  it('needs an open drawer, an amount above zero and a reason', async () => {
    expect(
      await s.fail('cash.movement', { kind: 'deposito', amount: 1_000, reason: 'Cambio' }),
    ).toMatchObject({
      code: 'NO_CASH_SESSION',
      message: 'Abrí la caja para registrar movimientos',
    });
    await s.call('cash.open', { openingFloat: 0 });
    const zero = await s.fail('cash.movement', { kind: 'deposito', amount: 0, reason: 'Cambio' });
    expect(zero.message).toContain('El importe debe ser mayor que cero');
    const blank = await s.fail('cash.movement', { kind: 'deposito', amount: 1_000, reason: '   ' });
    expect(blank.message).toContain('Indicá el motivo');
    expect(s.rows('cash_movements')).toBe(0);
    expect(await s.call('cash.movements', {})).toEqual([]);
  });

  it('opens the drawer without a sale only with a supervisor approval, once, and records it', async () => {
    const ctx = s.ctx();
    ctx.tx(() => writeSetting(ctx, 'pos', { register: 'Caja 1', printerName: 'EPSON TM-T20' }));
    const cajero = await s.user('Lucas', 'cajero');
    const session = await s.call('cash.open', { openingFloat: 0 }, cajero.caller);

    const none = await s.fail(
      'cash.openDrawer',
      { approvalId: 'inventada', reason: 'Cambio' },
      cajero.caller,
    );
    expect(none).toMatchObject({
      code: 'APPROVAL_REQUIRED',
      message: 'Hace falta la autorización de un supervisor para abrir el cajón sin venta',
    });
    const wrongKind = s.approve('discount');
    expect(
      (await s.fail('cash.openDrawer', { approvalId: wrongKind, reason: 'Cambio' }, cajero.caller))
        .code,
    ).toBe('APPROVAL_REQUIRED');
    expect(kicked).toEqual([]);
    expect(s.rows('cash_movements')).toBe(0);

    const approval = s.approve('drawer.open');
    const opening = await s.call(
      'cash.openDrawer',
      { approvalId: approval, reason: 'Cambio para el kiosco' },
      cajero.caller,
    );
    expect(opening).toMatchObject({
      kind: 'apertura_cajon',
      amount: 0,
      reason: 'Cambio para el kiosco',
      userName: 'Lucas',
      authorizedByName: 'Marta',
    });
    expect(kicked).toEqual(['EPSON TM-T20']);
    const used = s.db.prepare('SELECT used_by FROM approvals WHERE id = ?').get(approval) as {
      used_by: string;
    };
    expect(used.used_by).toBe(opening.id);
    expect(
      (await s.fail('cash.openDrawer', { approvalId: approval, reason: 'Otra vez' }, cajero.caller))
        .code,
    ).toBe('APPROVAL_USED');

    const z = await s.call('cash.close', { denominations: [] }, cajero.caller);
    expect(z.noSaleOpenings).toBe(1);
    expect(z.cash.expected).toBe(0);
    expect((await s.call('cash.movements', { sessionId: session.id }))[0]?.authorizedByName).toBe(
      'Marta',
    );
    const actions = s.db
      .prepare("SELECT action FROM audit_log WHERE entity = 'cash_movement'")
      .all() as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual(['cash.apertura_cajon']);
  });

  it('keeps the opening on record when the printer cannot kick the drawer', async () => {
    s.close();
    s = await openCashStore({
      devices: { ...NO_DEVICES, openDrawer: () => Promise.reject(new Error('sin papel')) },
    });
    await s.call('cash.open', { openingFloat: 0 });
    const opening = await s.call('cash.openDrawer', {
      approvalId: s.approve('drawer.open'),
      reason: 'Cambio',
    });
    expect(opening.kind).toBe('apertura_cajon');
    expect(s.rows('cash_movements')).toBe(1);
  });

  it('counts line removals authorised during the shift', async () => {
    await s.call('cash.open', { openingFloat: 0 });
    s.approve('line.remove');
    s.approve('line.remove');
    s.approve('discount');
    const z = await s.call('cash.close', { denominations: [] });
    expect(z.removedLines).toBe(2);
    s.clock.advance(60_000);
    s.approve('line.remove');
    expect((await s.call('cash.report', { sessionId: z.session.id })).removedLines).toBe(2);
  });

  it('lets a cashier work the drawer but not read past reports', async () => {
    const cajero = await s.user('Lucas', 'cajero');
    const session = await s.call('cash.open', { openingFloat: 0 }, cajero.caller);
    expect((await s.call('cash.xReport', {}, cajero.caller)).kind).toBe('X');
    expect((await s.fail('cash.report', { sessionId: session.id }, cajero.caller)).code).toBe(
      'FORBIDDEN',
    );
    expect((await s.fail('cash.sessions', {}, cajero.caller)).code).toBe('FORBIDDEN');
  });
});
