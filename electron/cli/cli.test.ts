import fs from 'node:fs';
import path from 'node:path';
import { CLI_ENTRY, cli } from './test-support.ts';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../core/testing/harness.ts';

const CSV = path.join(path.dirname(CLI_ENTRY), '..', '..', 'e2e', 'data', 'catalogo-excel.csv');

describe('command-line tool', () => {
  it('creates the owner once and refuses a second init in Spanish', () => {
    const dir = tempDataDir();
    const first = cli(
      dir,
      '--json',
      'init',
      '--owner',
      'Marta',
      '--pin',
      '2468',
      '--store',
      'Kiosco Mía',
    );
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ owner: { name: 'Marta', role: 'dueno' } });
    const second = cli(dir, 'init', '--owner', 'Otro', '--pin', '1111');
    expect(second.code).toBe(2);
    expect(second.err).toMatch(/ya tiene dueño/);
    expect(JSON.parse(cli(dir, '--json', 'users', 'list').out)).toHaveLength(1);
  });

  it('adds users with a role, refusing a bad role or PIN', () => {
    const dir = tempDataDir();
    cli(dir, 'init', '--owner', 'Marta', '--pin', '2468');
    expect(
      cli(dir, 'users', 'add', '--name', 'Lucía', '--role', 'cajero', '--pin', '1111').code,
    ).toBe(0);
    expect(cli(dir, 'users', 'add', '--name', 'Pepe', '--role', 'jefe', '--pin', '1111').code).toBe(
      2,
    );
    const badPin = cli(dir, 'users', 'add', '--name', 'Pepe', '--role', 'cajero', '--pin', '12');
    expect(badPin.code).toBe(2);
    expect(badPin.err).toMatch(/PIN/);
    const names = (JSON.parse(cli(dir, '--json', 'users', 'list').out) as { name: string }[]).map(
      (u) => u.name,
    );
    expect(names.sort()).toEqual(['Lucía', 'Marta']);
  });

  it('a dry run reports the bad rows, exits 1 and writes nothing; the real import writes the good ones', () => {
    const dir = tempDataDir();
    cli(dir, 'init', '--owner', 'Marta', '--pin', '2468');
    const dry = cli(dir, 'products', 'import', CSV, '--dry-run');
    expect(dry.code).toBe(1);
    expect(dry.out).toMatch(/6 válidas/);
    expect(dry.out).toMatch(/fila \d+/);
    expect(dry.out).toMatch(/no se escribió nada/);
    expect(cli(dir, 'products', 'find', 'yerba').code).toBe(1);
    const real = cli(dir, 'products', 'import', CSV, '--location', 'Depósito');
    expect(real.code).toBe(0);
    const found = cli(dir, '--json', 'products', 'find', 'azucar', 'ledesma');
    expect(JSON.parse(found.out)).toEqual([
      expect.objectContaining({ name: 'Azúcar Ledesma 1 kg' }),
    ]);
    const stock = JSON.parse(cli(dir, '--json', 'stock', 'show', '7792540250450').out) as {
      levels: { locationName: string; qty: number }[];
    };
    expect(stock.levels.find((l) => l.locationName === 'Depósito')?.qty).toBe(40_000);
    expect(cli(dir, 'stock', 'check').code).toBe(0);
    expect(cli(dir, 'audit', 'verify').out).toMatch(/íntegra/);
  });

  it('exports the catalog and the export imports back with nothing to change', () => {
    const dir = tempDataDir();
    cli(dir, 'init', '--owner', 'Marta', '--pin', '2468');
    cli(dir, 'products', 'import', CSV);
    const file = path.join(dir, 'export.csv');
    expect(cli(dir, 'products', 'export', file, '--encoding', 'windows-1252').code).toBe(0);
    expect(fs.readFileSync(file).includes(Buffer.from('Az\xfacar', 'latin1'))).toBe(true);
    const again = JSON.parse(cli(dir, '--json', 'products', 'import', file).out) as {
      result: { created: number; updated: number };
    };
    expect(again.result).toMatchObject({ created: 0, updated: 0 });
  });

  it('says clearly when the data folder is damaged, with its own exit code', () => {
    const dir = tempDataDir();
    fs.writeFileSync(path.join(dir, 'caja.db'), Buffer.alloc(4096, 1));
    const r = cli(dir, 'audit', 'verify');
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/dañada/);
  });

  it('answers unknown commands and options with usage help', () => {
    const dir = tempDataDir();
    expect(cli(dir, 'vender', 'todo').code).toBe(2);
    const bad = cli(dir, 'audit', 'verify', '--rapido');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/Opción desconocida/);
    expect(cli(dir, '--help').out).toMatch(/products import/);
  });
});
