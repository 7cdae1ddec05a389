import { afterEach, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { openShopStore, type ShopStore } from '../testing/harness.ts';
import { editable } from '../catalog/test-support.ts';

let s: ShopStore;
afterEach(() => s?.close());

const DAY = 86_400_000;

/** Every text run of every page, joined by spaces. */
async function pdfText(pdf: Buffer): Promise<string> {
  const task = getDocument({ data: new Uint8Array(pdf), disableFontFace: true, verbosity: 0 });
  try {
    const doc = await task.promise;
    const parts: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      for (const item of content.items) if ('str' in item) parts.push(item.str);
    }
    return parts.join(' ');
  } finally {
    await task.destroy();
  }
}

const count = (sql: string): number => (s.deps.db.prepare(sql).get() as { n: number }).n;

/**
 * Cost $ 1.000 net, 21 % IVA, store policy (40 % markup, 15 % floor, up to $10, 15 days), the
 * expected 2,5 % a month, priced the same instant: projected = 1000 × 1,025^0,5 = $ 1.012,42;
 * × 1,4 × 1,21 = $ 1.715,04 → rounded up to $ 1.720.
 */
async function shop() {
  s = await openShopStore();
  const yerba = await s.product('Yerba Playadito 1 kg', { cost: 1_000_00, price: 1_300_00 });
  const fideos = await s.product('Fideos Matarazzo 500 g', { cost: 1_000_00, price: 2_000_00 });
  const leche = await s.product('Leche La Serenísima 1 L', { cost: 1_000_00, price: 1_150_00 });
  return { yerba, fideos, leche };
}

describe('suggestions', () => {
  it('lists products under target, selling below replacement cost first', async () => {
    const { yerba, leche } = await shop();
    const page = await s.call('pricing.suggest', {});
    expect(page.rows.map((r) => r.name)).toEqual([leche.name, yerba.name]);
    expect(page.belowReplacement).toBe(1);
    const y = page.rows[1];
    expect(y).toMatchObject({
      cost: 1_000_00,
      price: 1_300_00,
      replacement: 1_000_00,
      projected: 1_012_42,
      target: 1_720_00,
      inflationBp: 0,
      belowReplacement: false,
    });
    // 1300 / 1,21 = 1074,38 net: 7,44 % over cost now; 1720 / 1,21 = 1421,49: 42,15 % after.
    expect(y?.marginNowBp).toBe(744);
    expect(y?.marginAfterBp).toBe(4215);
    expect(page.rows[0]).toMatchObject({ belowReplacement: true, belowCost: true });
  });

  it('follows the CPI as time passes and a cost rise at once', async () => {
    const { fideos } = await shop();
    expect((await s.call('pricing.suggest', { query: 'fideos' })).total).toBe(0);
    s.clock.advance(120 * DAY);
    const later = await s.call('pricing.suggest', { query: 'fideos', onlySuggested: false });
    // 120 days at the expected 2,5 % a month (no published month in 2026): about 10,4 %.
    expect(later.rows[0]?.inflationBp).toBeGreaterThan(1_000);
    expect(later.rows[0]?.inflationBp).toBeLessThan(1_050);
    await s.call('catalog.update', {
      id: fideos.id,
      changes: { ...editable(fideos), cost: 1_600_00 },
    });
    const risen = await s.call('pricing.suggest', { query: 'fideos' });
    expect(risen.rows[0]).toMatchObject({ cost: 1_600_00, belowReplacement: false });
  });

  it('filters by category, supplier and words; a cashier cannot see it', async () => {
    await shop();
    expect((await s.call('pricing.suggest', { query: 'serenisima' })).total).toBe(1);
    expect((await s.call('pricing.suggest', { supplierCuit: '30712345671' })).total).toBe(0);
    const cajero = await s.login('Caro', 'cajero');
    expect((await s.fail('pricing.suggest', {}, cajero)).code).toBe('FORBIDDEN');
    const encargado = await s.login('Enzo', 'encargado');
    expect((await s.call('pricing.suggest', {}, encargado)).total).toBe(2);
    expect(
      (await s.fail('pricing.preview', { selection: {}, mode: { kind: 'target' } }, encargado))
        .code,
    ).toBe('FORBIDDEN');
  });
});

describe('mass updates', () => {
  it('applies the targets in one batch with one audit entry, and undoes it', async () => {
    const { yerba, leche, fideos } = await shop();
    const preview = await s.call('pricing.preview', {
      selection: { suggestedOnly: true },
      mode: { kind: 'target' },
    });
    expect(preview.rows.map((r) => [r.name, r.oldPrice, r.newPrice])).toEqual([
      [leche.name, 1_150_00, 1_720_00],
      [yerba.name, 1_300_00, 1_720_00],
    ]);
    const entries = count('SELECT count(*) AS n FROM audit_log');
    const applied = await s.call('pricing.apply', {
      description: 'Sugeridos de marzo',
      mode: 'sugerido',
      changes: preview.rows.map((r) => ({
        productId: r.productId,
        oldPrice: r.oldPrice,
        newPrice: r.newPrice,
      })),
    });
    expect(applied.changed).toBe(2);
    expect(applied.batch.undoable).toBe(true);
    expect(count('SELECT count(*) AS n FROM audit_log')).toBe(entries + 1);
    expect(count('SELECT count(*) AS n FROM price_history WHERE batch_id IS NOT NULL')).toBe(2);
    expect((await s.call('catalog.get', { id: yerba.id })).price).toBe(1_720_00);
    expect(await s.call('audit.verify', {})).toMatchObject({ ok: true, stateMismatches: [] });

    // Repriced by hand after the batch: undo leaves it alone.
    const y = await s.call('catalog.get', { id: yerba.id });
    await s.call('catalog.update', { id: yerba.id, changes: { ...editable(y), price: 1_999_00 } });
    const undone = await s.call('pricing.undo', { batchId: applied.batch.id });
    expect(undone.restored).toBe(1);
    expect(undone.skipped.map((x) => x.name)).toEqual([yerba.name]);
    expect((await s.call('catalog.get', { id: leche.id })).price).toBe(1_150_00);
    expect((await s.call('catalog.get', { id: yerba.id })).price).toBe(1_999_00);
    expect((await s.call('catalog.get', { id: fideos.id })).price).toBe(2_000_00);
    expect(await s.call('audit.verify', {})).toMatchObject({ ok: true, stateMismatches: [] });

    const again = await s.fail('pricing.undo', { batchId: applied.batch.id });
    expect(again.message).toMatch(/ya fue deshecho/);
    const batches = await s.call('pricing.batches', {});
    expect(batches.map((b) => [b.mode, b.undoable])).toEqual([
      ['deshacer', false],
      ['sugerido', false],
    ]);
    expect(batches[1]?.undoneBy).toBe(batches[0]?.id);
  });

  it('raises by a flat percent with the rounding rule', async () => {
    const { fideos } = await shop();
    const preview = await s.call('pricing.preview', {
      selection: { query: 'fideos' },
      mode: { kind: 'percent', percentBp: 1_000, rounding: 'ends99' },
    });
    // 2000 × 1,10 = 2200 → next price ending in 99: 2299. A product without a cost is left out
    // of «every product with a cost».
    await s.product('Bolsa de regalo', { price: 500_00 });
    const withCost = await s.call('pricing.preview', {
      selection: { withCost: true },
      mode: { kind: 'percent', percentBp: 1_000, rounding: 'none' },
    });
    expect(withCost.rows.map((r) => r.name)).not.toContain('Bolsa de regalo');
    expect(withCost.rows).toHaveLength(3);
    expect(preview.rows).toEqual([
      expect.objectContaining({ productId: fideos.id, oldPrice: 2_000_00, newPrice: 2_299_00 }),
    ]);
  });

  it('refuses inactive products, stale previews and empty selections; nothing written', async () => {
    const { yerba, leche } = await shop();
    await s.call('catalog.update', {
      id: leche.id,
      changes: { ...editable(leche), active: false },
    });
    const inactive = await s.fail('pricing.preview', {
      selection: { productIds: [yerba.id, leche.id] },
      mode: { kind: 'percent', percentBp: 500, rounding: 'none' },
    });
    expect(inactive.message).toMatch(/inactivos \(Leche La Serenísima 1 L\)/);
    const stale = await s.fail('pricing.apply', {
      description: 'x',
      mode: 'manual',
      changes: [{ productId: yerba.id, oldPrice: 1_200_00, newPrice: 1_500_00 }],
    });
    expect(stale.code).toBe('CONFLICT');
    const inactiveApply = await s.fail('pricing.apply', {
      description: 'x',
      mode: 'manual',
      changes: [{ productId: leche.id, oldPrice: 1_150_00, newPrice: 1_500_00 }],
    });
    expect(inactiveApply.message).toMatch(/inactivos/);
    const none = await s.fail('pricing.preview', {
      selection: { query: 'inexistente' },
      mode: { kind: 'target' },
    });
    expect(none.message).toMatch(/no tiene productos activos/);
    expect(s.rows('price_batches')).toBe(0);
    expect((await s.call('catalog.get', { id: yerba.id })).price).toBe(1_300_00);
  });

  it('audit verify names a price edited behind the batch', async () => {
    const { yerba } = await shop();
    await s.call('pricing.apply', {
      description: 'Yerba',
      mode: 'manual',
      changes: [{ productId: yerba.id, oldPrice: 1_300_00, newPrice: 1_500_00 }],
    });
    s.deps.db.prepare('UPDATE products SET price = 1 WHERE id = ?').run(yerba.id);
    const r = await s.call('audit.verify', {});
    expect(r.ok).toBe(false);
    expect(r.stateMismatches[0]?.message).toMatch(new RegExp(yerba.id));
  });
});

describe('history and labels', () => {
  it('charts price, cost and replacement month by month', async () => {
    const { yerba } = await shop();
    s.clock.advance(70 * DAY);
    await s.call('pricing.apply', {
      description: 'Yerba',
      mode: 'manual',
      changes: [{ productId: yerba.id, oldPrice: 1_300_00, newPrice: 1_600_00 }],
    });
    const h = await s.call('pricing.history', { productId: yerba.id });
    expect(h.points.length).toBe(3); // the ends of March and April, and today (May 19)
    expect(h.points[0]).toMatchObject({ price: 1_300_00, cost: 1_000_00 });
    expect(h.points.at(-1)).toMatchObject({ price: 1_600_00, cost: 1_000_00 });
    expect(h.points.at(-1)?.replacement).toBeGreaterThan(1_050_00);
    expect(h.points.at(-1)?.priceByCpi).toBeGreaterThan(1_300_00);
    expect(h.events[0]).toMatchObject({ kind: 'precio', value: 1_600_00, previous: 1_300_00 });
  });

  it('prints the labels of a batch as a PDF', async () => {
    const { yerba, leche } = await shop();
    const applied = await s.call('pricing.apply', {
      description: 'Dos',
      mode: 'manual',
      changes: [
        { productId: yerba.id, oldPrice: 1_300_00, newPrice: 1_500_00 },
        { productId: leche.id, oldPrice: 1_150_00, newPrice: 1_400_00 },
      ],
    });
    const pdf = await s.call('pricing.labels', { format: 'a4-3x8', batchId: applied.batch.id });
    expect(pdf.count).toBe(2);
    const text = await pdfText(Buffer.from(pdf.contentBase64, 'base64'));
    expect(text).toContain('Yerba Playadito 1 kg');
    expect(text).toContain('$ 1.500');
    const none = await s.fail('pricing.labels', { format: 'a4-3x8', productIds: [] });
    expect(none.message).toMatch(/No hay etiquetas/);
  });
});
