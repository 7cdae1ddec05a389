import { describe, expect, it } from 'vitest';
import { makeScaleBarcode } from '../../../shared/domain/barcode.ts';
import {
  bpToPercent,
  exampleLabel,
  formToUpdate,
  layoutRowProblem,
  layoutToRow,
  layoutRowsValid,
  newLayoutRow,
  percentToBp,
  settingsToForm,
  testLabel,
  type LayoutRow,
} from './counter-settings.ts';

const weight: LayoutRow = { prefix: '20', pluLength: 5, valueKind: 'weight', decimals: '3' };
const price: LayoutRow = { prefix: '21', pluLength: 4, valueKind: 'price', decimals: '2' };

describe('percent ↔ basis points', () => {
  it('reads what a person types', () => {
    expect(percentToBp('5')).toBe(500);
    expect(percentToBp('5 %')).toBe(500);
    expect(percentToBp('12,5')).toBe(1250);
    expect(percentToBp('12.25')).toBe(1225);
    expect(percentToBp('0')).toBe(0);
    expect(percentToBp('100')).toBe(10_000);
  });

  it('rejects what is not a percent', () => {
    for (const bad of ['', 'cinco', '-5', '100,01', '101', '5,123', '5,']) {
      expect(percentToBp(bad)).toBeNull();
    }
  });

  it('shows basis points back as typed, and round-trips', () => {
    expect(bpToPercent(500)).toBe('5');
    expect(bpToPercent(1250)).toBe('12,5');
    expect(bpToPercent(1225)).toBe('12,25');
    expect(bpToPercent(5)).toBe('0,05');
    expect(bpToPercent(0)).toBe('0');
    for (const bp of [0, 1, 50, 99, 500, 1234, 10_000])
      expect(percentToBp(bpToPercent(bp))).toBe(bp);
  });
});

describe('layout row validation', () => {
  it('accepts the usual layouts', () => {
    expect(layoutRowProblem([weight, price], 0)).toBeNull();
    expect(layoutRowProblem([weight, price], 1)).toBeNull();
    expect(layoutRowProblem([{ ...weight, prefix: '2', pluLength: 6 }], 0)).toBeNull();
    expect(layoutRowsValid([weight, price])).toBe(true);
  });

  it('wants a scale prefix (2, 20 to 29)', () => {
    for (const prefix of ['', '30', '200', '1', 'ab', '02']) {
      expect(layoutRowProblem([{ ...weight, prefix }], 0)).toBe('prefix');
    }
  });

  it('limits decimals by what the value is', () => {
    expect(layoutRowProblem([{ ...weight, decimals: '4' }], 0)).toBe('decimals');
    expect(layoutRowProblem([{ ...weight, decimals: '' }], 0)).toBe('decimals');
    expect(layoutRowProblem([{ ...weight, decimals: '1,5' }], 0)).toBe('decimals');
    expect(layoutRowProblem([{ ...price, decimals: '3' }], 0)).toBe('decimals');
    expect(layoutRowProblem([{ ...price, decimals: '0' }], 0)).toBeNull();
  });

  it('needs the layout to fit in 13 digits', () => {
    expect(layoutRowProblem([{ ...weight, pluLength: 6 }], 0)).toBe('length');
  });

  it('flags a repeated prefix on the later row only', () => {
    const rows = [weight, { ...price, prefix: '20' }];
    expect(layoutRowProblem(rows, 0)).toBeNull();
    expect(layoutRowProblem(rows, 1)).toBe('duplicate');
    expect(layoutRowsValid(rows)).toBe(false);
  });

  it('proposes a free prefix for a new row', () => {
    expect(newLayoutRow([weight, price]).prefix).toBe('22');
    expect(layoutRowProblem([weight, price, newLayoutRow([weight, price])], 2)).toBeNull();
  });
});

describe('label test', () => {
  const cheese = makeScaleBarcode(
    { prefix: '20', pluLength: 5, valueKind: 'weight', valueDecimals: 3 },
    101,
    347,
  );

  it('reads a weight label with the matching row', () => {
    expect(testLabel(cheese, [price, weight])).toEqual({
      kind: 'weight',
      row: 1,
      plu: '00101',
      milli: 347,
    });
  });

  it('reads a price label', () => {
    const code = makeScaleBarcode(
      { prefix: '21', pluLength: 4, valueKind: 'price', valueDecimals: 2 },
      42,
      30_880,
    );
    expect(testLabel(code, [weight, price])).toEqual({
      kind: 'price',
      row: 1,
      plu: '0042',
      centavos: 30_880,
    });
  });

  it('tells empty, malformed and unmatched labels apart', () => {
    expect(testLabel('  ', [weight])).toEqual({ kind: 'empty' });
    expect(testLabel('123', [weight])).toEqual({ kind: 'invalid' });
    const badCheck = `${cheese.slice(0, 12)}${(Number(cheese[12]) + 1) % 10}`;
    expect(testLabel(badCheck, [weight])).toEqual({ kind: 'invalid' });
    expect(testLabel(cheese, [price])).toEqual({ kind: 'no-match' });
  });

  it('ignores rows that are wrong instead of failing', () => {
    expect(testLabel(cheese, [{ ...weight, decimals: '9' }])).toEqual({ kind: 'no-match' });
  });
});

describe('form ↔ settings', () => {
  const settings = {
    register: 'Caja 1',
    saleLocationId: 'loc-1',
    damagedLocationId: null,
    cashierDiscountLimitBp: 500,
    cashRoundingStep: 1000,
    scaleLayouts: [
      { prefix: '20', pluLength: 5 as const, valueKind: 'weight' as const, valueDecimals: 3 },
    ],
    receiptWidth: 80 as const,
    receiptHeader: 'Gracias',
    receiptFooter: '',
    printerName: null,
  };

  it('round-trips', () => {
    expect(formToUpdate(settingsToForm(settings))).toEqual(settings);
  });

  it('sends blanks as null and refuses bad input', () => {
    const form = settingsToForm(settings);
    expect(formToUpdate({ ...form, printerName: '  ', saleLocationId: '' })).toMatchObject({
      printerName: null,
      saleLocationId: null,
    });
    expect(formToUpdate({ ...form, discountPercent: '5,5' })?.cashierDiscountLimitBp).toBe(550);
    expect(formToUpdate({ ...form, discountPercent: 'x' })).toBeNull();
    expect(formToUpdate({ ...form, layouts: [{ ...weight, prefix: '9' }] })).toBeNull();
  });
});

describe('example label', () => {
  it('is a label the first usable layout reads, or nothing without one', () => {
    const grams = layoutToRow({
      prefix: '20',
      pluLength: 5,
      valueKind: 'weight',
      valueDecimals: 3,
    });
    const pesos = layoutToRow({ prefix: '21', pluLength: 5, valueKind: 'price', valueDecimals: 0 });
    expect(testLabel(exampleLabel([grams, pesos]), [grams, pesos])).toMatchObject({
      kind: 'weight',
      row: 0,
      milli: 347,
    });
    expect(testLabel(exampleLabel([pesos]), [pesos])).toMatchObject({
      kind: 'price',
      centavos: 308_800,
    });
    expect(exampleLabel([])).toBe('');
  });
});
