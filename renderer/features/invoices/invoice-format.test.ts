import { describe, expect, it } from 'vitest';
import { boxesOnPage, boxStyle, pageWidth } from './boxes.ts';
import {
  afipCodeFor,
  digitsOnly,
  formatCuit,
  formatInvoiceDate,
  formatInvoiceNumber,
  formatPercentBp,
  invoiceCode,
  isLowConfidence,
  percent,
} from './invoice-format.ts';

describe('invoice numbers as printed', () => {
  it('pads the point of sale to 4 digits and the number to 8', () => {
    expect(formatInvoiceNumber(3, 12345)).toBe('0003-00012345');
    expect(formatInvoiceNumber(1, 1)).toBe('0001-00000001');
  });

  it('keeps a 5-digit point of sale', () => {
    expect(formatInvoiceNumber(10001, 99_999_999)).toBe('10001-99999999');
  });

  it('shows the known half when the other was not read', () => {
    expect(formatInvoiceNumber(null, 12345)).toBe('00012345');
    expect(formatInvoiceNumber(3, undefined)).toBe('0003');
    expect(formatInvoiceNumber(null, null)).toBe('');
  });

  it('prefixes the letter', () => {
    expect(invoiceCode('A', 3, 12345)).toBe('A 0003-00012345');
    expect(invoiceCode(null, 3, 12345)).toBe('0003-00012345');
    expect(invoiceCode('C', null, null)).toBe('C');
  });
});

describe('CUIT, dates and codes', () => {
  it('prints a CUIT with its dashes and leaves anything else alone', () => {
    expect(formatCuit('30712345678')).toBe('30-71234567-8');
    expect(formatCuit('3071234')).toBe('3071234');
    expect(digitsOnly('30-71234567-8')).toBe('30712345678');
  });

  it('prints an invoice date day first', () => {
    expect(formatInvoiceDate('2025-03-07')).toBe('07/03/2025');
    expect(formatInvoiceDate(null)).toBe('');
    expect(formatInvoiceDate('07/03/2025')).toBe('07/03/2025');
  });

  it('gives the AFIP code of each kind and letter', () => {
    expect(afipCodeFor('factura', 'A')).toBe(1);
    expect(afipCodeFor('nota_debito', 'A')).toBe(2);
    expect(afipCodeFor('nota_credito', 'A')).toBe(3);
    expect(afipCodeFor('factura', 'B')).toBe(6);
    expect(afipCodeFor('nota_credito', 'B')).toBe(8);
    expect(afipCodeFor('factura', 'C')).toBe(11);
    expect(afipCodeFor('nota_credito', 'C')).toBe(13);
    expect(afipCodeFor('', 'A')).toBeNull();
  });

  it('prints margins in basis points as signed percents', () => {
    expect(formatPercentBp(3000)).toBe('30 %');
    expect(formatPercentBp(1250)).toBe('12,5 %');
    expect(formatPercentBp(-1205)).toBe('-12,05 %');
    expect(formatPercentBp(0)).toBe('0 %');
  });

  it('calls a reading below 80 % doubtful', () => {
    expect(isLowConfidence(0.79)).toBe(true);
    expect(isLowConfidence(0.8)).toBe(false);
    expect(percent(0.834)).toBe(83);
    expect(percent(1.2)).toBe(100);
  });
});

describe('highlight boxes over the page image', () => {
  it('turns page fractions into percentages', () => {
    expect(boxStyle({ page: 0, x: 0.1, y: 0.25, w: 0.3, h: 0.05 })).toEqual({
      left: '10%',
      top: '25%',
      width: '30%',
      height: '5%',
    });
  });

  it('cuts a box that spills over the page edge', () => {
    expect(boxStyle({ page: 0, x: 0.9, y: -0.1, w: 0.3, h: 0.2 })).toEqual({
      left: '90%',
      top: '0%',
      width: '10%',
      height: '10%',
    });
  });

  it('keeps only the boxes of the page, and drops empty ones', () => {
    const boxes = [
      { page: 0, x: 0.1, y: 0.1, w: 0.1, h: 0.1 },
      { page: 1, x: 0.2, y: 0.2, w: 0.1, h: 0.1 },
      { page: 0, x: 1.2, y: 0.1, w: 0.1, h: 0.1 },
      { page: 0, x: 0.1, y: 0.1, w: -1, h: 0.1 },
    ];
    expect(boxesOnPage(boxes, 0)).toEqual([boxes[0]]);
    expect(boxesOnPage(boxes, 1)).toEqual([boxes[1]]);
  });

  it('sizes the page to the panel or to its own pixels', () => {
    expect(pageWidth('fit', 1654)).toBe('100%');
    expect(pageWidth('full', 1654)).toBe('1654px');
    expect(pageWidth('full', 0)).toBe('100%');
  });
});
