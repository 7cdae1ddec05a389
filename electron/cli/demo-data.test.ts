import { cli } from './test-support.ts';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../core/testing/harness.ts';

describe('demo-data from the command line', () => {
  it('prints a readable Spanish summary, and the store it leaves verifies', () => {
    const dir = tempDataDir();
    const r = cli(dir, 'demo-data', '--products', '150', '--days', '3', '--seed', '5');
    expect(r.err).not.toMatch(/Error/);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/[{}]/);
    expect(r.out).toMatch(/^Datos de ejemplo cargados en [\d,]+ s:$/m);
    expect(r.out).toMatch(/Catálogo: 150 productos en \d+ categorías, \d+ proveedores\./);
    expect(r.out).toMatch(/Historial de 3 días: [\d.]+ ventas por \$ [\d.]+,\d\d/);
    expect(r.out).toMatch(/Compras: [\d.]+ facturas aplicadas/);
    expect(r.out).toMatch(/Dueño \(dueño\/a\), PIN 1234/);
    expect(r.out).toMatch(/Julia Ferreyra \(encargado\/a\), PIN 3333/);
    const audit = cli(dir, 'audit', 'verify');
    expect(audit.out).toMatch(/Cadena de auditoría íntegra/);
    expect(audit.code).toBe(0);
    expect(cli(dir, 'stock', 'check').code).toBe(0);
    // A second load would mix demo data into the store: refused, in Spanish.
    const again = cli(dir, 'demo-data', '--products', '10', '--days', '1');
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/ya tiene productos/);
  });

  it('gives the summary as JSON with --json', () => {
    const dir = tempDataDir();
    const r = cli(dir, '--json', 'demo-data', '--products', '120', '--days', '2', '--seed', '9');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as Record<string, unknown>;
    expect(s).toMatchObject({ products: 120, days: 2, ownerCreated: true });
    expect(s.sales).toBeGreaterThan(0);
    expect(s.invoices).toBeGreaterThanOrEqual(0);
    expect(s.users).toHaveLength(3);
  });
});
