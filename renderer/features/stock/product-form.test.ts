import { describe, expect, it } from 'vitest';
import type { Product } from '../../../shared/contract/index.ts';
import { EMPTY_FORM, fieldErrorsFromDetails, formToInput, productToForm } from './product-form.ts';

const product: Product = {
  id: 'p1',
  sku: 'YER-1',
  plu: null,
  name: 'Yerba Playadito 1 kg',
  brand: 'Playadito',
  categoryId: 'c1',
  categoryPath: 'Almacén › Infusiones',
  unit: 'u',
  ivaRateBp: 2100,
  cost: 310_000,
  costDate: null,
  price: 512_345,
  minStock: 6000,
  maxStock: 24_000,
  supplierCuit: '30-71234567-8',
  active: true,
  barcodes: ['7790387000000'],
  createdAt: 0,
  updatedAt: 0,
};

describe('product form', () => {
  it('shows centavos as pesos and thousandths as units, ready to edit', () => {
    const form = productToForm(product);
    expect(form.price).toBe('5123,45');
    expect(form.cost).toBe('3100,00');
    expect(form.minStock).toBe('6');
    expect(form.maxStock).toBe('24');
    expect(form.brand).toBe('Playadito');
  });

  it('sends prices typed es-AR as integer centavos and stock in thousandths', () => {
    const result = formToInput({
      ...EMPTY_FORM,
      name: ' Queso cremoso ',
      unit: 'kg',
      ivaRateBp: 1050,
      price: '12.345,67',
      cost: '8000.5',
      minStock: '2,5',
      barcodes: ['2000123', ' 2000123 ', ''],
    });
    expect(result).toEqual({
      ok: true,
      input: expect.objectContaining({
        name: 'Queso cremoso',
        unit: 'kg',
        ivaRateBp: 1050,
        price: 1_234_567,
        cost: 800_050,
        minStock: 2500,
        maxStock: null,
        brand: null,
        categoryId: null,
        barcodes: ['2000123'],
      }),
    });
  });

  it('round-trips an existing product unchanged', () => {
    const result = formToInput(productToForm(product));
    expect(result.ok && result.input).toMatchObject({
      price: product.price,
      cost: product.cost,
      minStock: product.minStock,
      maxStock: product.maxStock,
      barcodes: product.barcodes,
      sku: 'YER-1',
    });
  });

  it('marks the fields it cannot read, in Spanish', () => {
    const result = formToInput({
      ...EMPTY_FORM,
      name: '',
      price: '12,3,4',
      minStock: '1,5',
      plu: 'abc',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.errors).sort()).toEqual(['minStock', 'name', 'plu', 'price']);
      expect(result.errors.price).toMatch(/no es un importe válido/);
      expect(result.errors.minStock).toMatch(/números enteros/);
    }
  });

  it('requires a price and rejects a maximum below the minimum', () => {
    const result = formToInput({
      ...EMPTY_FORM,
      name: 'Pan',
      price: '',
      minStock: '10',
      maxStock: '5',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.price).toBeDefined();
      expect(result.errors.maxStock).toMatch(/menor que el mínimo/);
    }
  });

  it('maps zod-like issues from the server to form fields', () => {
    expect(
      fieldErrorsFromDetails([
        { path: ['changes', 'supplierCuit'], message: 'CUIT inválido' },
        { path: ['nothing'], message: 'x' },
      ]),
    ).toEqual({ supplierCuit: 'CUIT inválido' });
    expect(fieldErrorsFromDetails({ issues: [{ path: 'price', message: 'Muy caro' }] })).toEqual({
      price: 'Muy caro',
    });
    expect(fieldErrorsFromDetails(undefined)).toEqual({});
  });
});
