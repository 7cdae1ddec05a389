import { afterEach, describe, expect, it } from 'vitest';
import { openShopStore, type ShopStore } from '../testing/harness.ts';

let s: ShopStore;
afterEach(() => s?.close());

const audit = (entity: string): number =>
  (
    s.deps.db.prepare('SELECT count(*) AS n FROM audit_log WHERE entity = ?').get(entity) as {
      n: number;
    }
  ).n;

describe('the CPI series', () => {
  it('ships INDEC 2023-01…2025-09 and the audit log vouches for it untouched', async () => {
    s = await openShopStore();
    const series = await s.call('pricing.cpi', {});
    expect(series.months).toHaveLength(33);
    expect(series.months[0]).toMatchObject({ month: '2023-01', rateBp: 600, source: 'indec' });
    expect(series.months.at(-1)).toMatchObject({ month: '2025-09', rateBp: 210 });
    expect(series.nextMonth).toBe('2025-10');
    expect(series.expectedBp).toBe(250);
    expect((await s.call('audit.verify', {})).ok).toBe(true);
  });

  it('edits a month and adds the next one, audited; refuses holes and future months', async () => {
    s = await openShopStore();
    await s.call('pricing.cpiSave', { month: '2025-09', rateBp: 205 });
    const next = await s.call('pricing.cpiSave', { month: '2025-10', rateBp: 230 });
    expect(next.months.at(-1)).toMatchObject({ month: '2025-10', rateBp: 230, source: 'manual' });
    expect(next.nextMonth).toBe('2025-11');
    expect(audit('cpi_month')).toBe(2);

    const hole = await s.fail('pricing.cpiSave', { month: '2025-12', rateBp: 200 });
    expect(hole.message).toMatch(/Faltarían los meses entre octubre de 2025 y diciembre de 2025/);
    // The test clock is in March 2026: that month is not published yet.
    const future = await s.fail('pricing.cpiSave', { month: '2026-03', rateBp: 200 });
    expect(future.message).toMatch(/todavía no se publicó/);
    const absurd = await s.fail('pricing.cpiSave', { month: '2025-11', rateBp: 50_000 });
    expect(absurd.code).toBe('INVALID_INPUT');
    expect(audit('cpi_month')).toBe(2);
    expect((await s.call('audit.verify', {})).ok).toBe(true);
  });

  it('imports a CSV with new months and corrections, all or nothing', async () => {
    s = await openShopStore();
    const csv = 'month,monthly_change_pct\n2025-09,2.1\n2025-10,2.3\n2025-11,2.5\n2025-12,2.8\n';
    const dry = await s.call('pricing.cpiImport', { csv, dryRun: true });
    expect(dry).toMatchObject({ imported: 4, changed: 3 });
    expect(dry.months.at(-1)?.month).toBe('2025-09');

    const done = await s.call('pricing.cpiImport', { csv });
    expect(done.months.at(-1)).toMatchObject({ month: '2025-12', rateBp: 280, source: 'csv' });
    expect(audit('cpi_month')).toBe(3);

    for (const bad of [
      '2026-01,2.0\n2026-03,2.1\n', // a missing month
      '2026-01,dos\n', // a text in a number
      '2026-01,500\n', // 500 %
      '2026-02,2.0\n', // leaves 2026-01 out after 2025-12
    ]) {
      const e = await s.fail('pricing.cpiImport', { csv: bad });
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.message).toMatch(/mes|porcentaje|creíble|Faltarían/);
    }
    expect((await s.call('pricing.cpi', {})).months.at(-1)?.month).toBe('2025-12');
    expect(audit('cpi_month')).toBe(3);
  });

  it('reports a shipped month edited outside the app', async () => {
    s = await openShopStore();
    s.deps.db.prepare("UPDATE cpi_months SET rate_bp = 100 WHERE month = '2024-01'").run();
    const r = await s.call('audit.verify', {});
    expect(r.ok).toBe(false);
    expect(r.stateMismatches.map((m) => m.message).join(' ')).toMatch(/2024-01/);
  });
});

describe('pricing policies', () => {
  it('resolve product → supplier → category → store, field by field', async () => {
    s = await openShopStore();
    const bebidas = await s.call('catalog.createCategory', { name: 'Bebidas', parentId: null });
    const gaseosas = await s.call('catalog.createCategory', {
      name: 'Gaseosas',
      parentId: bebidas.id,
    });
    await s.call('suppliers.save', {
      cuit: '30712345671',
      name: 'Distribuidora Sur',
      pricesIncludeIva: false,
      pricesPerPack: false,
    });
    await s.call('pricing.policySave', {
      scope: 'category',
      scopeId: bebidas.id,
      markupBp: 5_000,
      minMarginBp: 2_000,
      rounding: 'ends9',
      horizonDays: null,
    });
    await s.call('pricing.policySave', {
      scope: 'supplier',
      scopeId: '30712345671',
      markupBp: null,
      minMarginBp: null,
      rounding: null,
      horizonDays: 30,
    });
    const list = await s.call('pricing.policies', {});
    expect(list.store).toEqual({
      markupBp: 4_000,
      minMarginBp: 1_500,
      rounding: 'up10',
      horizonDays: 15,
    });
    expect(list.rows.map((r) => r.label).sort()).toEqual(['Bebidas', 'Distribuidora Sur']);

    await s.product('Coca-Cola 2,25 L', {
      categoryId: gaseosas.id,
      cost: 1_000_00,
      price: 1_000_00,
      supplierCuit: '30712345671',
    });
    const page = await s.call('pricing.suggest', {});
    expect(page.rows[0]?.policy).toEqual({
      markupBp: 5_000,
      minMarginBp: 2_000,
      rounding: 'ends9',
      horizonDays: 30,
    });
    expect(audit('pricing_policy')).toBe(2);
    expect((await s.call('audit.verify', {})).ok).toBe(true);
  });

  it('refuses a markup under the minimum margin, at any level, and writes nothing', async () => {
    s = await openShopStore();
    const almacen = await s.call('catalog.createCategory', { name: 'Almacén', parentId: null });
    const e = await s.fail('pricing.policySave', {
      scope: 'category',
      scopeId: almacen.id,
      markupBp: 1_000,
      minMarginBp: null,
      rounding: null,
      horizonDays: null,
    });
    expect(e.message).toMatch(/recargo \(10 %\) quedaría por debajo del margen mínimo \(15 %\)/);
    const store = await s.fail('pricing.policySave', {
      scope: 'store',
      scopeId: '',
      markupBp: 2_000,
      minMarginBp: 3_000,
      rounding: 'up10',
      horizonDays: 15,
    });
    expect(store.message).toMatch(/margen mínimo/);
    expect(s.rows('pricing_policies')).toBe(0);
    expect(audit('pricing_policy')).toBe(0);
    const missing = await s.fail('pricing.policySave', {
      scope: 'category',
      scopeId: 'nada',
      markupBp: 5_000,
      minMarginBp: null,
      rounding: null,
      horizonDays: null,
    });
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('deletes an override, audited', async () => {
    s = await openShopStore();
    const p = await s.product('Yerba 1 kg', { cost: 2_000_00, price: 3_000_00 });
    const input = {
      scope: 'product' as const,
      scopeId: p.id,
      markupBp: 8_000,
      minMarginBp: null,
      rounding: null,
      horizonDays: null,
    };
    await s.call('pricing.policySave', input);
    const after = await s.call('pricing.policyDelete', { scope: 'product', scopeId: p.id });
    expect(after.rows).toHaveLength(0);
    expect(audit('pricing_policy')).toBe(2);
    expect(await s.call('audit.verify', {})).toMatchObject({ ok: true, stateMismatches: [] });
  });
});
