import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { cli, expect, login, ROOT, test } from './fixtures.ts';

const SHOTS = path.join(ROOT, '.tmp', 'shots');

/** A channel called with the page's session, as the screens call it. */
async function invoke<T>(page: Page, channel: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([c, i]) => {
      const res = await fetch(`/api/invoke/${String(c)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(i),
      });
      const body = (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
      if (!body.ok) throw new Error(JSON.stringify(body.error));
      return body.value;
    },
    [channel, input] as const,
  ) as Promise<T>;
}

const priceOf = async (page: Page, id: string) =>
  (await invoke<{ price: number }>(page, 'catalog.get', { id })).price;

test('an owner raises the suggested prices in one batch, undoes it and prints the labels', async ({
  page,
  app,
}) => {
  await app.offline(() => {
    expect(cli(app.dataDir, 'init', '--owner', 'Marta', '--pin', '2468').code).toBe(0);
  });
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  await login(page, app.url, 'Marta', '2468');

  // Cost $ 1.000 net today, store policy: target $ 1.720. The leche sells under replacement,
  // the yerba under target; the fideos are fine.
  const seed = (name: string, price: number) =>
    invoke<{ id: string }>(page, 'catalog.create', { name, cost: 1_000_00, price });
  const leche = await seed('Leche La Serenísima 1 L', 1_150_00);
  const yerba = await seed('Yerba Playadito 1 kg', 1_300_00);
  await seed('Fideos Matarazzo 500 g', 2_000_00);

  await page.getByTestId('nav-precios').click();
  await expect(page.getByTestId('sugg-total')).toHaveText('2 productos');
  await expect(page.getByTestId('sugg-below-banner')).toHaveText(
    '1 producto se vende por debajo del costo de reposición',
  );
  // The shipped CPI series ends long before today.
  await expect(page.getByTestId('sugg-cpi-stale')).toBeVisible();
  const rows = page.getByTestId('sugg-row');
  await expect(rows.first()).toHaveAttribute('data-product-id', leche.id);
  await expect(rows.first()).toHaveAttribute('data-below', 'true');
  await expect(rows.getByTestId('sugg-target')).toHaveText(['$ 1.720,00', '$ 1.720,00']);
  await page.screenshot({ path: path.join(SHOTS, 'pricing-suggestions.png') });

  await page.getByTestId('sugg-select-all').click();
  await expect(page.getByTestId('sugg-selected')).toHaveText('2 seleccionados');
  await page.getByTestId('sugg-update').click();
  await expect(page.getByTestId('price-tab-masiva')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('mass-pending')).toContainText('2 productos');
  await page.getByTestId('mass-preview').click();
  const preview = page.getByTestId('mass-preview-row');
  await expect(preview).toHaveCount(2);
  await expect(preview.getByTestId('mass-new-price')).toHaveText(['$ 1.720,00', '$ 1.720,00']);
  await expect(page.getByTestId('mass-totals')).toContainText('2 productos cambian');
  await expect(page.getByTestId('mass-description')).toHaveValue(/^Sugeridos \d\d\/\d\d\/\d{4}$/);
  // Tall enough for the form, the preview and the batches under it.
  await page.setViewportSize({ width: 1366, height: 1100 });
  await page.screenshot({ path: path.join(SHOTS, 'pricing-mass-update.png') });

  await page.getByTestId('mass-apply').click();
  await page.getByTestId('mass-confirm').getByTestId('price-confirm-ok').click();
  await expect(page.getByTestId('mass-applied')).toContainText('Se actualizaron 2 precios');
  expect(await priceOf(page, yerba.id)).toBe(1_720_00);
  expect(await priceOf(page, leche.id)).toBe(1_720_00);

  await page.getByTestId('mass-undo').click();
  await page.getByTestId('mass-undo-confirm').getByTestId('price-confirm-ok').click();
  await expect(page.getByTestId('mass-undone')).toHaveText('Se restauraron 2 precios.');
  expect(await priceOf(page, yerba.id)).toBe(1_300_00);
  await expect(page.getByTestId('batch-row')).toHaveCount(2);
  await expect(page.getByTestId('batch-status')).toHaveText(['Reversión', 'Deshecho']);
  await expect(page.getByTestId('batch-undo')).toHaveCount(0);
  await page.screenshot({ path: path.join(SHOTS, 'pricing-mass-undone.png') });
  await page.setViewportSize({ width: 1366, height: 820 });

  // The shelf needs the restored prices again: labels of the undo batch.
  await page.getByTestId('mass-print-labels').click();
  await expect(page.getByTestId('price-tab-etiquetas')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('labels-batch')).toContainText('Deshace «Sugeridos');
  await page.getByTestId('labels-generate').click();
  await expect(page.getByTestId('labels-count')).toHaveText('2 etiquetas');
  // Drawn on screen with the PDF's own layout: name, price, barcode.
  const sheet = page.getByTestId('labels-preview').locator('svg');
  await expect(sheet).toHaveCount(2);
  await expect(sheet.first()).toContainText('Leche La Serenísima 1 L');
  await expect(sheet.first()).toContainText('$ 1.150,00');
  expect(refused).toEqual([]);
  const download = page.waitForEvent('download');
  await page.getByTestId('labels-download').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^etiquetas-\d{4}-\d\d-\d\d-a4-3x8\.pdf$/);
  const bytes = fs.readFileSync(await file.path());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await page.screenshot({ path: path.join(SHOTS, 'pricing-labels.png') });
});
