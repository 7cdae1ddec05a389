import path from 'node:path';
import type { Page } from '@playwright/test';
import { TENDERS, type Tender } from '../shared/contract/index.ts';
import { makeScaleBarcode } from '../shared/domain/barcode.ts';
import { formatMoney } from '../shared/domain/money.ts';
import { cli, expect, login, ROOT, scan, test } from './fixtures.ts';

const CSV = path.join(ROOT, 'e2e/data/turno.csv');

async function supervisor(page: Page, name: string, pin: string): Promise<void> {
  const modal = page.getByTestId('approval-modal');
  await expect(modal).toBeVisible();
  const select = modal.getByTestId('approval-supervisor');
  const value = await select.locator('option', { hasText: name }).getAttribute('value');
  await select.selectOption(value ?? '');
  await modal.getByTestId('approval-pin').fill(pin);
  await modal.getByTestId('approval-submit').click();
  await expect(modal).toBeHidden();
}

async function newTicket(page: Page): Promise<void> {
  const done = page.getByTestId('sale-done');
  if (await done.isVisible()) await page.keyboard.press('Escape');
  await expect(page.getByTestId('pos-empty')).toBeVisible();
}

test('a whole shift: open, sell by scan, scale label, split and fiado, return, withdraw, close, Z adds up', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  // What this cashier takes and gives back, by tender (centavos): the Z must say the same.
  const sold: Partial<Record<Tender, number>> = {};
  const refunded: Partial<Record<Tender, number>> = {};
  const take = (book: Partial<Record<Tender, number>>, tender: Tender, amount: number) => {
    book[tender] = (book[tender] ?? 0) + amount;
  };
  const OPENING_FLOAT = 10_000_00;
  const WITHDRAWAL = 5_000_00;
  await app.offline(() => {
    expect(
      cli(app.dataDir, 'init', '--owner', 'Marta', '--pin', '2468', '--store', 'Almacén Don Pepe')
        .code,
    ).toBe(0);
    expect(
      cli(app.dataDir, 'users', 'add', '--name', 'Lucía', '--role', 'cajero', '--pin', '1111').code,
    ).toBe(0);
    expect(
      cli(app.dataDir, 'users', 'add', '--name', 'Ramón', '--role', 'encargado', '--pin', '2222')
        .code,
    ).toBe(0);
    expect(cli(app.dataDir, 'products', 'import', CSV).code).toBe(0);
  });

  // The owner creates a fiado customer.
  await login(page, app.url, 'Marta', '2468');
  await page.getByTestId('nav-caja').click();
  await page.getByTestId('nav-caja-clientes').click();
  await page.getByTestId('customer-new-name').fill('Doña Rosa');
  await page.getByTestId('customer-new-limit').fill('20000');
  await page.getByTestId('customer-new-submit').click();
  await expect(page.getByTestId('customer-row').first()).toContainText('Doña Rosa');
  await page.getByTestId('logout').click();

  // The cashier opens the drawer with $ 10.000.
  await login(page, app.url, 'Lucía', '1111');
  await page.getByTestId('nav-caja').click();
  await page.getByTestId('nav-caja-turno').click();
  await page.getByTestId('cash-open-float').fill('10000');
  await page.getByTestId('cash-open-submit').click();
  await expect(page.getByTestId('cash-status')).toBeVisible();

  // Sale 1: yerba, 3 × azúcar with the multiplier, 350 g of cheese from a scale label; cash with change.
  await page.getByTestId('nav-caja-vender').click();
  await expect(page.getByTestId('pos-screen')).toBeVisible();
  await scan(page, '7790150006008');
  await expect(page.getByTestId('pos-line')).toHaveCount(1);
  await page.keyboard.type('3*', { delay: 80 });
  await expect(page.getByTestId('pos-multiplier')).toContainText('3');
  await scan(page, '7792540250450');
  await expect(page.getByTestId('pos-line')).toHaveCount(2);
  const label = makeScaleBarcode(
    { prefix: '20', pluLength: 5, valueKind: 'weight', valueDecimals: 3 },
    101,
    350,
  );
  await scan(page, label);
  await expect(page.getByTestId('pos-line')).toHaveCount(3);
  await expect(page.getByTestId('pos-line').nth(2)).toContainText('Queso Cremoso');
  await scan(page, '7790000000000');
  await expect(page.getByTestId('pos-not-found')).toBeVisible();
  await expect(page.getByTestId('pos-total')).toContainText('11.075,00');
  await page.keyboard.press('F2');
  await page.getByTestId('pay-tendered').fill('20000');
  await page.getByTestId('pay-tendered').press('Enter');
  await expect(page.getByTestId('pay-left')).toContainText('0,00');
  await page.getByTestId('pay-confirm').click();
  await expect(page.getByTestId('sale-done-change')).toContainText('8.925,00');
  take(sold, 'efectivo', 11_075_00);
  // The ticket's barcode, as the receipt prints it: the returns screen reads it back later.
  await page.getByTestId('sale-done-reprint').click();
  const ticketCode = page.getByTestId('receipt-barcode');
  await expect(ticketCode).toBeVisible();
  await expect(ticketCode.locator('svg rect').first()).toBeVisible();
  const firstTicketCode = (await ticketCode.locator('svg text').textContent()) ?? '';
  expect(firstTicketCode).toMatch(/^T0*1$/);
  await page.screenshot({ path: path.join(ROOT, 'test-results', 'receipt-preview.png') });
  await page.getByTestId('receipt-close').click();

  // Sale 2: two milks, $ 1.000 by debit card and the rest in cash.
  await newTicket(page);
  await page.keyboard.type('2*', { delay: 80 });
  await expect(page.getByTestId('pos-multiplier')).toContainText('2');
  await scan(page, '7790580660009');
  await expect(page.getByTestId('pos-line')).toHaveCount(1);
  await expect(page.getByTestId('pos-total')).toContainText('2.100,00');
  await page.keyboard.press('F3');
  await page.getByTestId('pay-amount').fill('1000');
  await page.getByTestId('pay-amount').press('Enter');
  await page.getByTestId('pay-tender-efectivo').click();
  await page.getByTestId('pay-amount').press('Enter');
  await expect(page.getByTestId('pay-left')).toContainText('0,00');
  await page.getByTestId('pay-confirm').click();
  await expect(page.getByTestId('sale-done')).toBeVisible();
  take(sold, 'debito', 1_000_00);
  take(sold, 'efectivo', 1_100_00);

  // Sale 3: oil on Doña Rosa's account.
  await newTicket(page);
  await scan(page, '7790070318213');
  await expect(page.getByTestId('pos-total')).toContainText('3.290,00');
  await page.keyboard.press('F6');
  await page.getByTestId('customer-pick-search').fill('rosa');
  await page.getByTestId('customer-pick-row').first().click();
  await expect(page.getByTestId('pay-customer-name')).toContainText('Doña Rosa');
  await page.getByTestId('pay-amount').press('Enter');
  await page.getByTestId('pay-confirm').click();
  await expect(page.getByTestId('sale-done')).toBeVisible();
  take(sold, 'cuenta_corriente', 3_290_00);
  // No printer on this window: the receipt waits for the cashier instead of taking the focus.
  await expect(page.getByTestId('receipt-preview')).toBeHidden();
  await page.getByTestId('sale-done-reprint').click();
  await expect(page.getByTestId('receipt-text')).toContainText('3.290,00');
  await expect(page.getByTestId('receipt-barcode')).toContainText('T00000003');
  await page.getByTestId('receipt-close').click();
  await newTicket(page);

  // A bag of sugar from ticket 1 comes back broken: the encargado authorises the refund.
  await page.getByTestId('nav-caja-devoluciones').click();
  // Scanned as the keyboard-wedge scanner sends the printed barcode: its characters and Enter.
  await page.getByTestId('return-code').focus();
  await scan(page, firstTicketCode);
  await expect(page.getByTestId('return-sale')).toBeVisible();
  await page.getByTestId('return-line-1-qty').fill('1');
  await expect(page.getByTestId('return-total')).toContainText('1.190,00');
  await page.getByTestId('return-refund-tender').selectOption('efectivo');
  await page.getByTestId('return-reason').fill('Paquete roto');
  await page.getByTestId('return-submit').click();
  await supervisor(page, 'Ramón', '2222');
  await expect(page.getByTestId('return-done')).toBeVisible();
  take(refunded, 'efectivo', 1_190_00);

  // A withdrawal to pay the bread delivery.
  await page.getByTestId('nav-caja-turno').click();
  await page.getByTestId('cash-movement-kind').selectOption('retiro');
  await page.getByTestId('cash-movement-amount').fill(String(WITHDRAWAL / 100));
  await page.getByTestId('cash-movement-reason').fill('Pago al panadero');
  await page.getByTestId('cash-movement-submit').click();
  await expect(page.getByTestId('cash-movement-row')).toHaveCount(1);

  // Close: the count comes $ 5 short (a coin is missing); the card batch matches.
  await page.getByTestId('cash-close-start').click();
  const count: [number, number][] = [
    [1_000_000, 1],
    [200_000, 2],
    [100_000, 1],
    [50_000, 1],
    [20_000, 2],
    [5_000, 1],
    [2_000, 1],
    [1_000, 1],
  ];
  for (const [denomination, qty] of count) {
    await page.getByTestId(`cash-denom-${denomination}`).fill(String(qty));
  }
  const counted = count.reduce((sum, [denomination, qty]) => sum + denomination * qty, 0);
  const expectedCash = OPENING_FLOAT + (sold.efectivo ?? 0) - (refunded.efectivo ?? 0) - WITHDRAWAL;
  expect(counted - expectedCash).toBe(-5_00);
  await expect(page.getByTestId('cash-count-total')).toContainText(formatMoney(counted));
  await page.getByTestId('cash-declared-debito').fill(String((sold.debito ?? 0) / 100));
  await page.getByTestId('cash-close-submit').click();

  const z = page.getByTestId('z-report');
  await expect(z).toBeVisible();
  await expect(page.getByTestId('z-cash-expected')).toHaveText(formatMoney(expectedCash));
  await expect(page.getByTestId('z-cash-counted')).toHaveText(formatMoney(counted));
  // Exactly "-$ 5,00": a short drawer, not "+5" nor "15".
  await expect(page.getByTestId('z-cash-variance')).toHaveText(formatMoney(counted - expectedCash));
  // Tender by tender, the Z's sales and refunds are what this shift took and gave back.
  for (const tender of TENDERS) {
    const row = page.getByTestId(`z-tender-${tender}`);
    await expect(row.getByTestId('tender-sales')).toHaveText(formatMoney(sold[tender] ?? 0));
    await expect(row.getByTestId('tender-refunds')).toHaveText(formatMoney(refunded[tender] ?? 0));
  }
  const debito = page.getByTestId('z-tender-debito');
  await expect(debito.getByTestId('tender-expected')).toHaveText(formatMoney(sold.debito ?? 0));
  await expect(debito.getByTestId('tender-variance')).toHaveText(formatMoney(0));
  await expect(
    page.getByTestId('z-tender-cuenta_corriente').getByTestId('tender-expected'),
  ).toHaveText(formatMoney(sold.cuenta_corriente ?? 0));
  await page.screenshot({ path: path.join(ROOT, 'test-results', 'z-report.png'), fullPage: true });

  // The sales themselves, as stored, say the same, tender by tender.
  const stored = await page.evaluate(async () => {
    const post = async (channel: string, input: unknown) =>
      (
        (await (
          await fetch(`/api/invoke/${channel}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(input),
          })
        ).json()) as { ok: boolean; value: unknown }
      ).value;
    const list = (await post('sales.list', { limit: 100 })) as { items: { id: string }[] };
    const byTender: Record<string, number> = {};
    for (const item of list.items) {
      const sale = (await post('sales.get', { id: item.id })) as {
        payments: { tender: string; amount: number }[];
      };
      for (const p of sale.payments) byTender[p.tender] = (byTender[p.tender] ?? 0) + p.amount;
    }
    return byTender;
  });
  expect(stored).toEqual(sold);
  const report = JSON.parse(cli(app.dataDir, 'audit', 'verify', '--json').out) as { ok: boolean };
  expect(report.ok).toBe(true);
});
