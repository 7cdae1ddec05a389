import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { cli, expect, login, ROOT, test } from './fixtures.ts';

const CSV = path.join(ROOT, 'e2e/data/turno.csv');
const PDF = path.join(ROOT, 'e2e/data/factura-e2e.pdf');
type Truth = { number: number; total: number; issuer: { cuit: string } };
const TRUTH = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'e2e/data/factura-e2e.truth.json'), 'utf8'),
) as Truth;
const YERBA = '7790150006008';

type StockShow = {
  product: { id: string; cost: number };
  levels: { qty: number }[];
};

function stockShow(dataDir: string, code: string): StockShow {
  const r = cli(dataDir, 'stock', 'show', code, '--json');
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as StockShow;
}

const totalQty = (s: StockShow): number => s.levels.reduce((sum, l) => sum + l.qty, 0);

/** The whole of a part of the screen: a viewport as tall as it, then the usual one again. */
async function shot(page: Page, testId: string, file: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1366, height: 820 };
  const part = page.getByTestId(testId);
  const height = await part.evaluate((el) => el.scrollHeight);
  await page.setViewportSize({
    width: viewport.width,
    height: Math.max(viewport.height, height + 160),
  });
  await part.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: file });
  await page.setViewportSize(viewport);
}

/** Cargar → pick the file → wait until it is read → open its review. */
async function loadInvoice(page: Page): Promise<void> {
  await page.getByTestId('inv-tab-cargar').click();
  await expect(page.getByTestId('inv-dropzone')).toBeVisible();
  // The last batch stays on screen until cleared (reading goes on while the owner reviews).
  const file = page.getByTestId('inv-file');
  if ((await file.count()) > 0) {
    await page.getByTestId('inv-batch-clear').click();
    await expect(file).toHaveCount(0);
  }
  await page.getByTestId('inv-file-input').setInputFiles(PDF);
  await expect(file).toHaveCount(1);
  await expect(file).toHaveAttribute('data-state', 'done');
  await file.getByTestId('inv-file-review').click();
  await expect(page.getByTestId('inv-review')).toHaveAttribute('data-status', 'borrador');
}

test('an owner loads a supplier invoice, creates the missing product, applies it, and the same file again is refused', async ({
  page,
  app,
}) => {
  await app.offline(() => {
    expect(cli(app.dataDir, 'init', '--owner', 'Marta', '--pin', '2468').code).toBe(0);
    expect(cli(app.dataDir, 'products', 'import', CSV).code).toBe(0);
  });
  const before = stockShow(app.dataDir, YERBA);

  await login(page, app.url, 'Marta', '2468');
  await page.getByTestId('nav-facturas').click();
  await loadInvoice(page);
  const invoiceId = new URL(page.url()).hash.split('/').pop() ?? '';

  // The header as printed, and every check passes.
  const cuit = TRUTH.issuer.cuit;
  await expect(page.getByTestId('inv-field-issuerCuit')).toHaveValue(
    `${cuit.slice(0, 2)}-${cuit.slice(2, 10)}-${cuit.slice(10)}`,
  );
  await expect(page.getByTestId('inv-field-total')).toHaveValue(
    TRUTH.total.toFixed(2).replace('.', ','),
  );
  await expect(page.getByTestId('inv-check').first()).toBeVisible();
  await expect(page.locator('[data-testid="inv-check"][data-ok="false"]')).toHaveCount(0);

  // Yerba and azúcar by barcode; the supplier's own code DMS-9001 means nothing yet.
  const line = (i: number) => page.locator(`[data-testid="inv-line"][data-index="${i}"]`);
  for (const i of [0, 1]) {
    await expect(line(i).getByTestId('inv-line-product')).not.toHaveAttribute(
      'data-product-id',
      '',
    );
    await expect(line(i).getByTestId('inv-line-match')).toHaveText('por código de barras');
  }
  await expect(line(0).getByTestId('inv-line-cost-change')).toHaveAttribute('data-change', 'up');
  await expect(line(2).getByTestId('inv-line-product')).toHaveAttribute('data-product-id', '');

  // Create the galletitas right on the line: it is chosen at once.
  await line(2).getByTestId('inv-line-create').click();
  await page.getByTestId('inv-new-name').fill('Galletitas Criollitas 3x100g');
  await page.getByTestId('inv-new-price').fill('2100');
  await page.getByTestId('inv-new-save').click();
  await expect(line(2).getByTestId('inv-line-product')).toContainText('Galletitas Criollitas');
  await expect(line(2).getByTestId('inv-line-product')).not.toHaveAttribute('data-product-id', '');
  // "3x100g" is one tripack here, not a box of three: one unit per invoiced unit.
  await line(2).getByTestId('inv-line-pack').fill('1');
  await expect(line(2).getByTestId('inv-line-cost')).toHaveText('$ 1.450,00');
  await shot(page, 'inv-review', 'test-results/invoice-review.png');

  await page.getByTestId('inv-location').selectOption({ label: 'Depósito' });
  await page.getByTestId('inv-apply').click();
  const result = page.getByTestId('inv-apply-result');
  await expect(result.getByTestId('inv-apply-movements')).toContainText('3');
  await expect(page.getByTestId('inv-review')).toHaveAttribute('data-status', 'aplicada');
  // Yerba cost $ 2.850 in the catalog, $ 3.100 net on the invoice.
  const yerbaRise = result.locator(
    `[data-testid="inv-rise"][data-product-id="${before.product.id}"]`,
  );
  await expect(yerbaRise).toContainText('2.850,00');
  await expect(yerbaRise).toContainText('3.100,00');

  const after = stockShow(app.dataDir, YERBA);
  expect(totalQty(after) - totalQty(before)).toBe(12_000);
  expect(after.product.cost).toBe(3_100_00);

  // The same file again: flagged as a duplicate, and it cannot be applied.
  await loadInvoice(page);
  await expect(
    page.locator('[data-testid="inv-check"][data-code="duplicate"][data-ok="false"]'),
  ).toBeVisible();
  await expect(page.getByTestId('inv-apply')).toBeDisabled();

  // Historial finds the applied invoice by its number.
  await page.getByTestId('inv-tab-historial').click();
  await page.getByTestId('inv-history-query').fill(String(TRUTH.number));
  const applied = page.locator(`[data-testid="inv-history-row"][data-invoice-id="${invoiceId}"]`);
  await expect(applied.getByTestId('inv-history-status-cell')).toHaveText('Aplicada');
  await shot(page, 'page-facturas', 'test-results/invoice-history.png');

  const audit = cli(app.dataDir, 'audit', 'verify', '--json');
  expect(audit.code, audit.out).toBe(0);
  expect((JSON.parse(audit.out) as { ok: boolean }).ok).toBe(true);
});
