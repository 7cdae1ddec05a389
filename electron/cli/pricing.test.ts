import fs from 'node:fs';
import path from 'node:path';
import { cli } from './test-support.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { openShopStore } from '../core/testing/harness.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A store with two products bought on 2026-03-10, left on disk for the CLI to open. */
async function storeOnDisk(): Promise<string> {
  const s = await openShopStore();
  await s.product('Yerba Playadito 1 kg', {
    cost: 1_000_00,
    price: 1_300_00,
    barcodes: ['7790387000305'],
  });
  await s.product('Fideos 500 g', { cost: 1_000_00, price: 9_000_00 });
  s.core.close();
  dirs.push(s.dataDir);
  return s.dataDir;
}

describe('pricing from the command line', () => {
  it('suggest --json prints the suggestions with money in pesos', async () => {
    const dir = await storeOnDisk();
    const r = cli(dir, '--json', 'pricing', 'suggest');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    const row = rows[0] as Record<string, number | string>;
    expect(row).toMatchObject({
      barcode: '7790387000305',
      name: 'Yerba Playadito 1 kg',
      cost: 1000,
      costDate: '2026-03-10',
      price: 1300,
    });
    // Months of expected inflation since March: replacement above the cost, target above both.
    expect(row.replacementCost).toBeGreaterThan(1000);
    expect(row.target).toBeGreaterThan(row.replacementCost as number);
    expect(row.marginNow).toBeCloseTo(7.44, 2);
    const all = JSON.parse(cli(dir, '--json', 'pricing', 'suggest', '--all').out) as unknown[];
    expect(all).toHaveLength(2);
  });

  it('inflation import loads new months and refuses a bad file whole', async () => {
    const dir = await storeOnDisk();
    const good = path.join(dir, 'ipc.csv');
    fs.writeFileSync(good, 'month,monthly_change_pct\n2025-10,2.3\n2025-11,2.5\n');
    const r = cli(dir, 'inflation', 'import', good);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2 meses leídos, 2 cambiaron. La serie llega a 2025-11/);

    const bad = path.join(dir, 'malo.csv');
    fs.writeFileSync(
      bad,
      'month,monthly_change_pct\n2025-12,2.4\n2026-01,quinientos\n2026-03,500\n',
    );
    const refused = cli(dir, 'inflation', 'import', bad);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/no se importó nada/);
    expect(refused.err).toMatch(/quinientos/);
    const after = cli(dir, '--json', 'inflation', 'import', good, '--dry-run');
    expect(JSON.parse(after.out)).toMatchObject({ changed: 0, lastMonth: '2025-11' });
  });
});
