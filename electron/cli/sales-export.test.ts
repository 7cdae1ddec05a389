import fs from 'node:fs';
import path from 'node:path';
import { cli } from './test-support.ts';
import { describe, expect, it } from 'vitest';
import { openSalesStore } from '../core/sales/test-support.ts';

describe('sales export on the command line', () => {
  it('writes the day’s sale lines as a CSV for Excel and refuses bad dates in Spanish', async () => {
    const s = await openSalesStore();
    const p = await s.product('Café molido', { price: 4_500_00, barcodes: ['7790002000028'] });
    await s.sell({
      lines: [{ productId: p.id, qty: 2_000 }],
      payments: [{ tender: 'efectivo', amount: 9_000_00, tendered: 10_000_00 }],
    });
    s.core.close();
    const file = path.join(s.dataDir, 'ventas.csv');
    try {
      const ok = cli(
        s.dataDir,
        'sales',
        'export',
        '--from',
        '2026-03-10',
        '--to',
        '2026-03-10',
        file,
      );
      expect(ok.err).toBe('');
      expect(ok.code).toBe(0);
      expect(ok.out).toMatch(/Exportadas 1 líneas de 1 ventas/);
      const bytes = fs.readFileSync(file);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8');
      expect(text).toContain(
        'fecha;hora;tipo;ticket;cajero;cliente;codigo_barras;producto;cantidad;unidad;precio_unitario;descuento;total_linea;iva;iva_contenido;costo_unitario;redondeo;pago_efectivo;pago_debito;pago_credito;pago_transferencia;pago_cuenta_corriente',
      );
      expect(text).toContain(
        '10/03/2026;10:00:00;venta;1;Juan;;7790002000028;Café molido;2;u;4500,00;0,00;9000,00;21;1561,98;0,00;0,00;9000,00;;;;',
      );

      const empty = cli(
        s.dataDir,
        '--json',
        'sales',
        'export',
        '--from',
        '2026-03-11',
        '--to',
        '2026-03-31',
        file,
      );
      expect(JSON.parse(empty.out)).toMatchObject({ lines: 0, sales: 0 });

      const bad = cli(
        s.dataDir,
        'sales',
        'export',
        '--from',
        '10/03/2026',
        '--to',
        '2026-03-10',
        file,
      );
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(/--from: «10\/03\/2026» no es una fecha válida, usá AAAA-MM-DD/);
      const reversed = cli(
        s.dataDir,
        'sales',
        'export',
        '--from',
        '2026-03-11',
        '--to',
        '2026-03-10',
        file,
      );
      expect(reversed.code).toBe(2);
      expect(reversed.err).toMatch(/La fecha --from es posterior a --to/);
      const missing = cli(s.dataDir, 'sales', 'export', file);
      expect(missing.code).toBe(2);
      expect(missing.err).toMatch(
        /Uso: sales export --from AAAA-MM-DD --to AAAA-MM-DD <archivo.csv>/,
      );
    } finally {
      s.close();
    }
  });
});
