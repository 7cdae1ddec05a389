import { describe, expect, it } from 'vitest';
import type {
  InvoiceDetail,
  InvoiceLine,
  LineMatch,
  Unit,
} from '../../../shared/contract/index.ts';
import { costChange, costChangeText } from './cost-change.ts';
import {
  candidateChoice,
  changedChoices,
  chooseLine,
  editLine,
  formFromLines,
  keepKnownNames,
  shownUnitCost,
  withPackSetting,
} from './line-form.ts';

const match = (
  productId: string,
  by: LineMatch['by'],
  score: number,
  unit: Unit = 'u',
): LineMatch => ({
  productId,
  name: `Producto ${productId}`,
  barcode: null,
  by,
  score,
  ivaRate: 1050,
  unit,
  cost: 800_00,
});

function invoiceLine(index: number, over: Partial<InvoiceLine>): InvoiceLine {
  return {
    index,
    code: `C${index}`,
    description: 'Azúcar Ledesma 1 kg x10',
    quantity: 2000,
    unit: 'u',
    unitPrice: 8_150_00,
    discountBp: 0,
    amount: 16_300_00,
    confidence: 1,
    boxes: [],
    productId: null,
    candidates: [],
    packUnits: 10,
    unitCost: 815_00,
    ...over,
  };
}

function detailOf(lines: InvoiceLine[]): InvoiceDetail {
  return { lines, data: { items: [] } } as unknown as InvoiceDetail;
}

// 0: the core's barcode match; 1: nothing found; 2: two weak words suggestions, none chosen.
const lines = formFromLines(
  detailOf([
    invoiceLine(0, { productId: 'az', candidates: [match('az', 'barcode', 1)] }),
    invoiceLine(1, {}),
    invoiceLine(2, { candidates: [match('g1', 'words', 0.6), match('g2', 'words', 0.55)] }),
  ]),
);
const [matched, unmatched, weak] = lines as [
  (typeof lines)[0],
  (typeof lines)[0],
  (typeof lines)[0],
];

describe('the line choices sent to the core', () => {
  it('are none while the owner has changed nothing, so the core matches every line again', () => {
    expect(changedChoices(lines)).toEqual([]);
  });

  it('carry the product the owner picked, without a pack size unless one was typed', () => {
    const picked = chooseLine(weak, candidateChoice(weak.candidates[1]!));
    expect(changedChoices([matched, unmatched, picked])).toEqual([{ index: 2, productId: 'g2' }]);
    const packed = editLine(picked, { packUnits: '12' });
    expect(changedChoices([packed])).toEqual([{ index: 2, productId: 'g2', packUnits: 12 }]);
  });

  it('send a skipped line as no product, and an edited matched line with its product', () => {
    const skipped = chooseLine(matched, { kind: 'skip' });
    const edited = editLine(matched, { quantity: '3' });
    expect(changedChoices([skipped])).toEqual([{ index: 0, productId: null }]);
    expect(changedChoices([edited])).toEqual([{ index: 0, productId: 'az' }]);
  });

  it('leave an edited line without product to the core, which matches the new text', () => {
    expect(changedChoices([editLine(unmatched, { description: 'Azucar Ledesma' })])).toEqual([]);
  });

  it('keep sending what the owner chose after a save, and what they chose on an earlier visit', () => {
    const picked = chooseLine(weak, candidateChoice(weak.candidates[0]!));
    const back = formFromLines(
      detailOf([invoiceLine(2, { productId: 'g1', candidates: weak.candidates })]),
    );
    // Reopened later: g1 is no sure match the core would pick, so it was the owner's.
    expect(changedChoices(back)).toEqual([{ index: 2, productId: 'g1', packUnits: 10 }]);
    const fresh = back.map((l) => ({ ...l, changed: false, packChanged: false }));
    expect(changedChoices(keepKnownNames(fresh, [picked]))).toEqual([
      { index: 2, productId: 'g1' },
    ]);
  });

  it('leave the pack to the core when the supplier habit changes it', () => {
    expect(changedChoices(withPackSetting([matched], false))).toEqual([]);
  });
});

describe('the chosen product in the estimate', () => {
  const ctx = { letter: 'B' as const, supplierIncludesIva: false, netByRate: {} };

  it('takes IVA out at the product’s rate', () => {
    // $ 16.300 with 10,5 % inside for 20 units → $ 737,56 net each (21 % would say $ 673,55).
    const picked = chooseLine(unmatched, candidateChoice(match('az', 'words', 0.7)));
    expect(shownUnitCost(picked, ctx)).toBe(737_56);
    expect(shownUnitCost({ ...picked, choice: { kind: 'none' } }, ctx)).toBe(673_55);
  });

  it('counts a product sold by weight one per invoiced unit', () => {
    const kilos = chooseLine(unmatched, candidateChoice(match('q', 'words', 0.7, 'kg')));
    expect(kilos.packUnits).toBe('1');
    const typed = chooseLine(editLine(unmatched, { packUnits: '5' }), kilos.choice);
    expect(typed.packUnits).toBe('5');
  });
});

describe('costo actual → nuevo', () => {
  it('says how much the cost moves', () => {
    expect(costChangeText(costChange(2_850_00, 3_100_00))).toBe('sube 8,77 %');
    expect(costChangeText(costChange(1_000_00, 900_00))).toBe('baja 10 %');
    expect(costChange(1_000_00, 1_000_00)).toEqual({ kind: 'same' });
    expect(costChange(0, 1_000_00)).toEqual({ kind: 'first' });
  });
});
