import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../lib/route.ts';
import { invoicesTab, reviewedInvoice, reviewHash, tabHash } from './invoice-routes.ts';

describe('Facturas sub-routes', () => {
  it('opens Cargar by default and for unknown tabs', () => {
    expect(invoicesTab([])).toBe('cargar');
    expect(invoicesTab(['nada'])).toBe('cargar');
    expect(invoicesTab(['historial'])).toBe('historial');
    expect(invoicesTab(['proveedores'])).toBe('proveedores');
  });

  it('round-trips a review link', () => {
    const hash = reviewHash('0193-abc');
    expect(hash).toBe('#/facturas/revisar/0193-abc');
    const route = parseRoute(hash);
    expect(route.area).toBe('facturas');
    expect(reviewedInvoice(route.path)).toBe('0193-abc');
    expect(invoicesTab(route.path)).toBe('cargar');
    expect(reviewedInvoice(['revisar'])).toBeNull();
  });

  it('links the tabs', () => {
    expect(tabHash('historial')).toBe('#/facturas/historial');
  });
});
