import { describe, expect, it } from 'vitest';
import type { InvoiceDetail, InvoiceItem, InvoiceLine } from '../../../shared/contract/index.ts';
import {
  editLine,
  keepKnownNames,
  lineExpectedAmount,
  shownUnitCost,
  unmatchedCount,
  withPackSetting,
} from './line-form.ts';
import {
  formFromDetail,
  keyForPath,
  looseNetByRate,
  readForm,
  withKindOrLetter,
} from './review-form.ts';

const item: InvoiceItem = {
  code: '7790895000997',
  description: 'Gaseosa cola 6x1,5L',
  quantity: 2000,
  unit: 'u',
  unitPrice: 12_000_00,
  discountBp: 1000,
  amount: 21_600_00,
  confidence: 0.9,
  boxes: [{ page: 0, x: 0.1, y: 0.5, w: 0.8, h: 0.02 }],
};

const line: InvoiceLine = {
  ...item,
  index: 0,
  productId: 'p1',
  candidates: [
    {
      productId: 'p1',
      name: 'Gaseosa Cola 1,5 L',
      barcode: '7790895000997',
      by: 'barcode',
      score: 1,
      ivaRate: 2100,
      unit: 'u',
      cost: 1_500_00,
    },
    {
      productId: 'p2',
      name: 'Gaseosa Cola 2,25 L',
      barcode: null,
      by: 'words',
      score: 0.61,
      ivaRate: 2100,
      unit: 'u',
      cost: 2_100_00,
    },
  ],
  packUnits: 6,
  unitCost: 1_800_00,
};

const detail: InvoiceDetail = {
  id: 'inv-1',
  status: 'borrador',
  kind: 'factura',
  letter: 'A',
  pointOfSale: 3,
  number: 12345,
  date: '2025-03-07',
  issuerName: 'Distribuidora Sur SA',
  issuerCuit: '30712345678',
  total: 26_136_00,
  lineCount: 1,
  fileName: 'factura.pdf',
  createdAt: 0,
  appliedAt: null,
  data: {
    kind: 'factura',
    letter: 'A',
    afipCode: 1,
    pointOfSale: 3,
    number: 12345,
    date: '2025-03-07',
    issuer: {
      name: 'Distribuidora Sur SA',
      cuit: '30712345678',
      ivaCondition: 'IVA Responsable Inscripto',
    },
    recipient: { cuit: '20123456786' },
    cae: '75123456789012',
    caeDue: '2025-03-17',
    currency: 'ARS',
    netByRate: { '2100': 21_600_00 },
    ivaByRate: { '2100': 4_536_00 },
    perceptions: 0,
    otherTaxes: 0,
    total: 26_136_00,
    items: [item],
  },
  fields: {},
  pages: [],
  qr: null,
  checks: [],
  lines: [line],
  fileSha: 'x',
  locationId: null,
  supplier: null,
};

describe('the review form', () => {
  it('shows the invoice as the owner types it', () => {
    const form = formFromDetail(detail);
    expect(form.header).toMatchObject({
      pointOfSale: '3',
      number: '12345',
      issuerCuit: '30-71234567-8',
      total: '26136,00',
      perceptions: '',
      rates: [{ rate: 2100, net: '21600,00', iva: '4536,00' }],
    });
    expect(form.lines[0]).toMatchObject({
      quantity: '2',
      unitPrice: '12000,00',
      discount: '10',
      packUnits: '6',
      choice: { kind: 'product', productId: 'p1', by: 'barcode', name: 'Gaseosa Cola 1,5 L' },
    });
  });

  it('hides rates with nothing on either side', () => {
    const form = formFromDetail({
      ...detail,
      data: { ...detail.data, netByRate: { '2100': 5, '0': 0 }, ivaByRate: { '2700': 0 } },
    });
    expect(form.header.rates.map((r) => r.rate)).toEqual([2100]);
  });

  it('reads back exactly what it showed when nothing was edited', () => {
    const r = readForm(formFromDetail(detail));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data).toEqual(detail.data);
    // Nothing the owner chose: the core keeps matching the line itself.
    expect(r.lines).toEqual([]);
  });

  it('accepts typed CUITs and amounts in any usual form', () => {
    const form = formFromDetail(detail);
    form.header.issuerCuit = '30 71234567 8';
    form.header.total = '$ 26.136,50';
    form.header.perceptions = '1.000';
    const r = readForm(form);
    expect(r.ok && r.data.issuer.cuit).toBe('30712345678');
    expect(r.ok && r.data.total).toBe(26_136_50);
    expect(r.ok && r.data.perceptions).toBe(1_000_00);
  });

  it('reports every wrong field at once, keyed for the screen', () => {
    const form = formFromDetail(detail);
    form.header.issuerCuit = '30-7123';
    form.header.total = 'mucho';
    form.header.rates = [{ rate: 2100, net: '-5', iva: '' }];
    form.lines = [{ ...form.lines[0]!, quantity: '', discount: '120', packUnits: '0' }];
    const r = readForm(form);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual([
      'issuerCuit',
      'line.0.discount',
      'line.0.packUnits',
      'line.0.quantity',
      'rate.2100.net',
      'total',
    ]);
    expect(r.errors.issuerCuit).toBe('El CUIT tiene 11 números.');
  });

  it('sends a skipped line without product', () => {
    const form = formFromDetail(detail);
    form.lines = [{ ...form.lines[0]!, choice: { kind: 'skip' } }];
    const r = readForm(form);
    expect(r.ok && r.lines).toEqual([{ index: 0, productId: null }]);
    expect(unmatchedCount(form.lines)).toBe(1);
  });

  it('drops empty optional fields instead of sending blanks', () => {
    const form = formFromDetail(detail);
    form.header.cae = '';
    form.header.date = '';
    form.header.issuerIva = ' ';
    form.header.kind = '';
    const r = readForm(form);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect('cae' in r.data).toBe(false);
    expect('date' in r.data).toBe(false);
    expect('kind' in r.data).toBe(false);
    expect(r.data.issuer).toEqual({ name: 'Distribuidora Sur SA', cuit: '30712345678' });
  });

  it('keeps the AFIP code in step with kind and letter', () => {
    const header = formFromDetail(detail).header;
    expect(withKindOrLetter(header, { kind: 'nota_credito' }).afipCode).toBe('3');
    expect(withKindOrLetter(header, { letter: 'B' }).afipCode).toBe('6');
    expect(withKindOrLetter(header, { letter: '' }).afipCode).toBe('1');
  });

  it('maps a check field to the input it points at', () => {
    expect(keyForPath('issuer.cuit')).toBe('issuerCuit');
    expect(keyForPath('total')).toBe('total');
    expect(keyForPath('netByRate.2100')).toBe('rate.2100.net');
    expect(keyForPath('items')).toBeNull();
  });
});

describe('the unit cost shown per line', () => {
  const ctx = { letter: 'A' as const, supplierIncludesIva: false, netByRate: { '2100': 1 } };

  it('is the core figure until the line is edited', () => {
    const [l] = formFromDetail(detail).lines;
    expect(shownUnitCost(l!, ctx)).toBe(1_800_00);
  });

  it('follows the edits: pack units, amount, IVA included', () => {
    const [l] = formFromDetail(detail).lines;
    // $ 21.600 for 2 bultos of 12 → $ 900 each.
    expect(shownUnitCost(editLine(l!, { packUnits: '12' }), ctx)).toBe(900_00);
    // $ 24.200 with 21 % inside, 2 × 1 → $ 10.000 net each.
    const withIva = editLine(l!, { amount: '24200', packUnits: '1' });
    expect(shownUnitCost(withIva, { ...ctx, letter: 'B' })).toBe(10_000_00);
    expect(shownUnitCost(editLine(l!, { packUnits: 'x' }), ctx)).toBeNull();
  });

  it('turning "por bulto" off makes every line one unit, and on brings the pack back', () => {
    const lines = formFromDetail(detail).lines;
    const off = withPackSetting(lines, false);
    expect(off[0]?.packUnits).toBe('1');
    const on = withPackSetting([{ ...off[0]!, prefillPack: 1 }], true);
    // The prefill was 1: the description "6x1,5L" says 6.
    expect(on[0]?.packUnits).toBe('6');
  });

  it('computes what the line amount should be', () => {
    const [l] = formFromDetail(detail).lines;
    expect(lineExpectedAmount(l!)).toBe(21_600_00);
    expect(lineExpectedAmount(editLine(l!, { quantity: '' }))).toBeNull();
  });

  it('reads rates typed so far for the estimate', () => {
    expect(
      looseNetByRate([
        { rate: 2100, net: '100', iva: '' },
        { rate: 1050, net: '', iva: '' },
        { rate: 2700, net: 'x', iva: '' },
      ]),
    ).toEqual({ '2100': 100_00 });
  });
});

describe('after a save', () => {
  it('keeps the names and skips the screen already knew', () => {
    const before = formFromDetail(detail).lines;
    const chosen = [
      {
        ...before[0]!,
        choice: {
          kind: 'product' as const,
          productId: 'new',
          name: 'Nuevo',
          by: 'created' as const,
          score: 1,
          facts: null,
        },
      },
    ];
    const back = [
      {
        ...before[0]!,
        choice: {
          kind: 'product' as const,
          productId: 'new',
          name: '',
          by: 'manual' as const,
          score: 1,
          facts: null,
        },
      },
    ];
    expect(keepKnownNames(back, chosen)[0]?.choice).toMatchObject({ name: 'Nuevo', by: 'created' });
    const skipped = [{ ...before[0]!, choice: { kind: 'skip' as const } }];
    const none = [{ ...before[0]!, choice: { kind: 'none' as const } }];
    expect(keepKnownNames(none, skipped)[0]?.choice).toEqual({ kind: 'skip' });
    expect(keepKnownNames(before, none)[0]?.choice).toMatchObject({ productId: 'p1' });
  });
});
