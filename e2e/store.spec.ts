import path from 'node:path';
import type { Page } from '@playwright/test';
import { cli, expect, ROOT, test } from './fixtures.ts';

const CSV = path.join(ROOT, 'e2e/data/catalogo-excel.csv');

async function firstRun(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('setup-store').fill('Almacén Don Pepe');
  await page.getByTestId('setup-owner').fill('Marta');
  await page.getByTestId('setup-pin').fill('2468');
  await page.getByTestId('setup-pin2').fill('2468');
  await page.getByTestId('setup-submit').click();
  await expect(page.getByTestId('status-user')).toContainText('Marta');
}

test('an owner sets up the store, imports a catalog, finds, moves and counts stock, and the audit chain holds', async ({
  page,
  app,
}) => {
  await firstRun(page, app.url);

  // Import a Windows-1252 ';' file with accents and bad rows: preview first, nothing written yet.
  await page.getByTestId('nav-stock').click();
  await page.getByTestId('stock-tab-importar').click();
  await page.getByTestId('import-file').setInputFiles(CSV);
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await expect(page.getByTestId('import-encoding')).toContainText(/1252/);
  await expect(page.getByTestId('import-valid')).toContainText('6');
  await expect(page.getByTestId('import-invalid')).toContainText('4');
  const errors = page.getByTestId('import-errors');
  await expect(errors).toContainText(/negativ/i);
  await expect(errors).toContainText(/precio/i);
  await expect(errors).toContainText(/7790150006008/);
  await expect(errors).toContainText(/unidad/i);
  expect(cli(app.dataDir, '--json', 'products', 'find', 'yerba').out.trim()).toBe('[]');

  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-result')).toContainText('6');

  // Find by words, without accents, and by barcode.
  await page.getByTestId('stock-tab-productos').click();
  await page.getByTestId('product-search').fill('azucar ledesma');
  await expect(page.getByTestId('product-row')).toHaveCount(1);
  await expect(page.getByTestId('product-row').first()).toContainText('Azúcar Ledesma 1 kg');
  await page.getByTestId('product-search').fill('noquis');
  await expect(page.getByTestId('product-row').first()).toContainText('Ñoquis de Papa');
  await page.getByTestId('product-search').fill('7790150006008');
  await expect(page.getByTestId('product-row')).toHaveCount(1);
  await expect(page.getByTestId('product-row').first()).toContainText('Yerba Mate Playadito');

  // The counter's price checker answers a scan anywhere.
  await page.getByTestId('nav-caja').click();
  await page.getByTestId('nav-caja-precio').click();
  await page.getByTestId('checker-input').fill('7790580660009');
  await page.getByTestId('checker-input').press('Enter');
  await expect(page.getByTestId('checker-name')).toContainText('Leche Entera La Serenísima');
  await expect(page.getByTestId('checker-price')).toContainText('1.050');

  // Transfer 10 packs of yerba from the shop floor to the storeroom.
  await page.getByTestId('nav-stock').click();
  await page.getByTestId('product-search').fill('playadito');
  await expect(page.getByTestId('product-row')).toHaveCount(1);
  await page.getByTestId('product-row').first().dblclick();
  await expect(page.getByTestId('product-title')).toContainText('Yerba Mate Playadito');
  await expect(page.getByTestId('stock-total')).toContainText('24');
  await page.getByTestId('stock-action-transferir').click();
  await page.getByTestId('transfer-from').selectOption({ label: 'Salón' });
  await page.getByTestId('transfer-to').selectOption({ label: 'Depósito' });
  await page.getByTestId('transfer-qty').fill('10');
  await page.getByTestId('transfer-submit').click();
  await expect(page.getByTestId('stock-levels')).toContainText(/Salón\s*14/);
  await expect(page.getByTestId('stock-levels')).toContainText(/Depósito\s*10/);

  // Count the shop floor: 12 packs found where the ledger says 14.
  await page.getByTestId('nav-stock').click();
  await page.getByTestId('stock-tab-conteos').click();
  await page.getByTestId('count-location').selectOption({ label: 'Salón' });
  await page.getByTestId('count-start').click();
  await page.getByTestId('count-code').fill('7790150006008');
  await page.getByTestId('count-code').press('Enter');
  await expect(page.getByTestId('count-product')).toContainText('Yerba Mate Playadito');
  await page.getByTestId('count-qty').fill('12');
  await page.getByTestId('count-set').click();
  await expect(page.getByTestId('count-line').first()).toContainText('-2');
  await page.getByTestId('count-close').click();
  await page.getByTestId('count-confirm').click();
  await expect(page.getByTestId('count-status')).toContainText(/cerrado/i);

  const shown = cli(app.dataDir, '--json', 'stock', 'show', '7790150006008');
  expect(shown.code).toBe(0);
  const levels = (JSON.parse(shown.out) as { levels: { locationName: string; qty: number }[] })
    .levels;
  expect(levels).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ locationName: 'Salón', qty: 12_000 }),
      expect.objectContaining({ locationName: 'Depósito', qty: 10_000 }),
    ]),
  );

  // The audit screen walks the chain and finds it intact.
  await page.getByTestId('nav-control').click();
  await expect(page.getByTestId('audit-row').first()).toBeVisible();
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-result')).toContainText(/íntegra/i);
  await page.screenshot({ path: path.join(ROOT, 'test-results', 'audit.png') });
});

test('a row edited behind the app is named by audit verify, on the CLI and on screen', async ({
  page,
  app,
}) => {
  await app.offline(() => {
    expect(cli(app.dataDir, 'init', '--owner', 'Marta', '--pin', '2468').code).toBe(0);
    expect(cli(app.dataDir, 'products', 'import', CSV).code).toBe(0);
    expect(cli(app.dataDir, 'audit', 'verify').code).toBe(0);
  });

  // Someone lowers a price straight in the database file.
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(path.join(app.dataDir, 'caja.db'));
  const row = db
    .prepare(
      "SELECT p.id FROM products p JOIN product_barcodes b ON b.product_id = p.id WHERE b.barcode = '7792540250450'",
    )
    .get() as { id: string };
  db.prepare('UPDATE products SET price = 100 WHERE id = ?').run(row.id);
  db.close();

  const verify = cli(app.dataDir, 'audit', 'verify');
  expect(verify.code).toBe(1);
  expect(verify.out).toContain(row.id);
  expect(verify.out).toMatch(/modificado fuera de la aplicación/);

  await page.goto(app.url);
  await page.getByTestId('login-user-Marta').click();
  await page.getByTestId('pin-input').fill('2468');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-control').click();
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-mismatches')).toContainText(row.id);
});

test('a corrupt data folder shows the recovery screen instead of an empty store', async ({
  page,
}) => {
  const fs = await import('node:fs');
  const { freshDataDir, startApp } = await import('./fixtures.ts');
  const dir = freshDataDir();
  fs.writeFileSync(path.join(dir, 'caja.db'), Buffer.alloc(8192, 7));
  const app = await startApp(dir);
  try {
    await page.goto(app.url);
    await expect(page.getByTestId('recovery-screen')).toBeVisible();
    await expect(page.getByTestId('recovery-message')).toContainText(/dañada/);
    await expect(page.getByTestId('recovery-datadir')).toContainText(dir);
  } finally {
    await app.stop();
  }
});
