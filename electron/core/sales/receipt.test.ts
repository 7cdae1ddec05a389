import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sale } from '../../../shared/contract/index.ts';
import { wrap } from './layout.ts';
import { openSalesStore, type SalesStore } from './test-support.ts';

let s: SalesStore;
let sale: Sale;
beforeEach(async () => {
  s = await openSalesStore();
  await s.call(
    'settings.update',
    { storeCuit: '30-71234567-1', storeAddress: 'Av. Corrientes 1234, CABA' },
    s.owner,
  );
  await s.call('sales.updateSettings', { receiptHeader: 'Abierto de 8 a 22' }, s.owner);
  const yerba = await s.product('Yerba Mate Playadito Suave con Palo 1 kg paquete', {
    price: 3_500_00,
  });
  const queso = await s.product('Queso cremoso', {
    price: 8_900_00,
    unit: 'kg',
    ivaRateBp: 1050,
  });
  sale = await s.sell({
    lines: [
      { productId: yerba.id, qty: 2_000, discountBp: 500 },
      { productId: queso.id, qty: 347 },
    ],
    payments: [
      { tender: 'debito', amount: 3_000_00 },
      { tender: 'efectivo', amount: 6_738_30, tendered: 10_000_00 },
    ],
  });
});
afterEach(() => s.close());

describe('receipts', () => {
  it('lays out an 80 mm ticket with shop data, lines, tenders, change and the IVA contained', async () => {
    const r = await s.call('sales.receipt', { saleId: sale.id, width: 80 }, s.cajero);
    const text = r.lines.join('\n');
    expect(r.width).toBe(80);
    expect(r.barcode).toBe('T00000001');
    expect(r.lines.every((l) => l.length <= 48)).toBe(true);
    expect(text).toContain('Almacén Don Pepe');
    expect(text).toContain('CUIT 30-71234567-1');
    expect(text).toContain('Abierto de 8 a 22');
    expect(text).toMatch(/Ticket\s+N° 0001-00000001/);
    expect(text).toMatch(/Fecha\s+10\/03\/2026 10:00/);
    expect(text).toMatch(/Cajero\s+Juan/);
    expect(text).toContain('0,347 kg x $ 8.900,00/kg');
    expect(text).toMatch(/ {2}2 x \$ 3\.500,00\s+\$ 7\.000,00/);
    expect(text).toMatch(/Descuento 5 %\s+-\$ 350,00/);
    expect(text).toMatch(/TOTAL\s+\$ 9\.738,30/);
    expect(text).toMatch(/Débito\s+\$ 3\.000,00/);
    expect(text).toMatch(/Recibido\s+\$ 10\.000,00/);
    expect(text).toMatch(/Su vuelto\s+\$ 3\.261,70/);
    expect(r.lines.join(' ').replace(/\s+/g, ' ')).toContain(
      'Régimen de Transparencia Fiscal al Consumidor (Ley 27.743)',
    );
    expect(text).toMatch(/IVA contenido 21 %\s+\$ 1\.154,13/);
    expect(text).toMatch(/IVA contenido 10,5 %\s+\$ 293,46/);
    expect(text).toMatch(/IVA contenido total\s+\$ 1\.447,59/);
    expect(text).toContain('¡Gracias por su compra!');
    expect(text).toContain('Comprobante no válido como factura');
    expect(text).not.toContain('REIMPRESIÓN');
  });

  it('fits every line in 32 columns on a 58 mm roll', async () => {
    const r = await s.call('sales.receipt', { saleId: sale.id, width: 58 }, s.cajero);
    expect(r.lines.every((l) => l.length <= 32)).toBe(true);
    const text = r.lines.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('Yerba Mate Playadito Suave con Palo 1 kg paquete');
    expect(text).toContain('Comprobante no válido como factura');
    expect(text).toContain('IVA contenido');
    expect(text).toMatch(/Su vuelto \$ 3\.261,70/);
  });

  it('marks a reprint on paper and in the audit log, and prints where a printer exists', async () => {
    const r = await s.call('sales.receipt', { saleId: sale.id, reprint: true }, s.cajero);
    expect(r.width).toBe(80);
    expect(r.lines.filter((l) => l.includes('*** REIMPRESIÓN ***'))).toHaveLength(2);
    expect(s.rows('audit_log', "action = 'sale.reprint'")).toBe(1);
    const printed = await s.call('sales.print', { saleId: sale.id }, s.cajero);
    expect(printed).toMatchObject({ printed: false, message: null });
    expect(printed.receipt.barcode).toBe('T00000001');
    expect(await s.call('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('wraps long words and keeps indentation inside the width', () => {
    expect(wrap('  una palabralarguisimaquenoentra y otra', 12)).toEqual([
      '  una',
      '  palabralar',
      '  guisimaque',
      '  noentra y',
      '  otra',
    ]);
  });

  it('sends the laid-out lines to the shell printer with the width, printer and barcode', async () => {
    const printed: unknown[] = [];
    const withPrinter = await openSalesStore({
      devices: {
        printReceipt: (lines, opts) => {
          printed.push({ lines: lines.length, ...opts });
          return Promise.resolve({ printed: true, message: null });
        },
        openDrawer: () => Promise.resolve(true),
      },
    });
    try {
      await withPrinter.call(
        'sales.updateSettings',
        { printerName: 'POS-58', receiptWidth: 58 },
        withPrinter.owner,
      );
      const p = await withPrinter.product('Agua', { price: 900_00 });
      const sold = await withPrinter.sell({
        lines: [{ productId: p.id, qty: 1_000 }],
        payments: [{ tender: 'efectivo', amount: 900_00 }],
      });
      const r = await withPrinter.call('sales.print', { saleId: sold.id }, withPrinter.cajero);
      expect(r).toMatchObject({ printed: true, message: null, receipt: { width: 58 } });
      expect(printed).toEqual([
        { lines: r.receipt.lines.length, width: 58, printerName: 'POS-58', barcode: 'T00000001' },
      ]);
    } finally {
      withPrinter.close();
    }
  });
});
