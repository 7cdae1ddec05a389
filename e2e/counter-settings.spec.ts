import path from 'node:path';
import { makeScaleBarcode } from '../shared/domain/barcode.ts';
import { cli, expect, login, ROOT, scan, test } from './fixtures.ts';

const CSV = path.join(ROOT, 'e2e/data/turno.csv');

test('Ajustes → Caja: cash rounding to $ 10 applies at the counter; the label tester reads a scale label', async ({
  page,
  app,
}) => {
  await app.offline(() => {
    expect(cli(app.dataDir, 'init', '--owner', 'Marta', '--pin', '2468').code).toBe(0);
    expect(cli(app.dataDir, 'products', 'import', CSV).code).toBe(0);
  });
  // 0,347 kg of Queso Cremoso (PLU 101, $ 8.900/kg) = $ 3.088,30.
  const label = makeScaleBarcode(
    { prefix: '20', pluLength: 5, valueKind: 'weight', valueDecimals: 3 },
    101,
    347,
  );

  await login(page, app.url, 'Marta', '2468');
  await page.getByTestId('nav-ajustes').click();
  await page.getByTestId('settings-tab-caja').click();
  await expect(page).toHaveURL(/#\/ajustes\/caja$/);

  // The owner checks the scale layout against a real label, then sets rounding to $ 10.
  await expect(page.getByTestId('counter-layout-row').first()).toBeVisible();
  await page.getByTestId('counter-label-test').fill(label);
  await expect(page.getByTestId('counter-label-result')).toContainText('PLU 00101');
  await expect(page.getByTestId('counter-label-result')).toContainText('0,347 kg');
  await page.getByTestId('counter-rounding').selectOption('1000');
  await page.getByTestId('counter-save').click();
  await expect(page.getByTestId('counter-message')).toContainText('Cambios guardados');

  // Open the drawer and sell the weighed cheese for cash: the total rounds to $ 3.090,00.
  await page.getByTestId('nav-caja').click();
  await page.getByTestId('nav-caja-turno').click();
  await page.getByTestId('cash-open-float').fill('10000');
  await page.getByTestId('cash-open-submit').click();
  await expect(page.getByTestId('cash-status')).toBeVisible();

  await page.getByTestId('nav-caja-vender').click();
  await expect(page.getByTestId('pos-screen')).toBeVisible();
  await scan(page, label);
  await expect(page.getByTestId('pos-line')).toHaveCount(1);
  await expect(page.getByTestId('pos-total')).toContainText('3.088,30');
  await page.keyboard.press('F2');
  await expect(page.getByTestId('pay-total')).toContainText('3.090,00');
  await page.getByTestId('pay-tendered').fill('5000');
  await page.getByTestId('pay-tendered').press('Enter');
  await page.getByTestId('pay-confirm').click();
  await expect(page.getByTestId('sale-done-change')).toContainText('1.910,00');
});
