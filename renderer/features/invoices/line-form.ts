import type {
  Box,
  ByRate,
  InvoiceDetail,
  InvoiceItem,
  InvoiceLetter,
  LineMatch,
  Unit,
} from '../../../shared/contract/index.ts';
import {
  moneyText,
  percentText,
  quantityText,
  readInteger,
  readMoney,
  readPercent,
  readQuantity,
  type Errors,
} from './parse.ts';
import {
  expectedAmount,
  lineIvaRate,
  lineUnitCost,
  parsePackUnits,
  pricesIncludeIva,
} from './unit-cost.ts';

/** One invoice line on the review screen: the item as typed and the product chosen for it. */

export type LineChoice =
  | { kind: 'none' }
  | { kind: 'skip' }
  | {
      kind: 'product';
      productId: string;
      name: string;
      by: LineMatch['by'] | 'manual' | 'created';
      score: number;
    };

export type LineForm = {
  index: number;
  code: string;
  description: string;
  quantity: string;
  unit: Unit;
  unitPrice: string;
  discount: string;
  amount: string;
  ivaRate: number | undefined;
  confidence: number;
  boxes: Box[];
  candidates: LineMatch[];
  choice: LineChoice;
  packUnits: string;
  /** What the core prefilled, to come back to when "por bulto" is turned on again. */
  prefillPack: number;
  /** The core's unit cost as of the last save; shown until the line is edited. */
  savedUnitCost: number | null;
  dirty: boolean;
};

export type LineChoiceInput = { index: number; productId: string | null; packUnits: number };

function choiceOf(productId: string | null, candidates: LineMatch[]): LineChoice {
  if (productId === null) return { kind: 'none' };
  const match = candidates.find((c) => c.productId === productId);
  return match
    ? { kind: 'product', productId, name: match.name, by: match.by, score: match.score }
    : { kind: 'product', productId, name: '', by: 'manual', score: 1 };
}

function itemForm(item: InvoiceItem) {
  return {
    code: item.code ?? '',
    description: item.description,
    quantity: quantityText(item.quantity),
    unit: item.unit,
    unitPrice: moneyText(item.unitPrice),
    discount: item.discountBp ? percentText(item.discountBp) : '',
    amount: moneyText(item.amount),
    ivaRate: item.ivaRate,
    confidence: item.confidence,
    boxes: item.boxes,
  };
}

export function formFromLines(detail: InvoiceDetail): LineForm[] {
  if (detail.lines.length === 0) {
    // A draft whose lines were never matched: show the items, nothing chosen.
    return detail.data.items.map((item, index) => ({
      index,
      ...itemForm(item),
      candidates: [],
      choice: { kind: 'none' },
      packUnits: '1',
      prefillPack: 1,
      savedUnitCost: null,
      dirty: false,
    }));
  }
  return [...detail.lines]
    .sort((a, b) => a.index - b.index)
    .map((line) => ({
      index: line.index,
      ...itemForm(line),
      candidates: line.candidates,
      choice: choiceOf(line.productId, line.candidates),
      packUnits: String(line.packUnits),
      prefillPack: line.packUnits,
      savedUnitCost: line.unitCost,
      dirty: false,
    }));
}

/** An edit of the line's own fields: its cost is now the screen's estimate. */
export function editLine(line: LineForm, change: Partial<LineForm>): LineForm {
  return { ...line, ...change, dirty: true };
}

/** "Por bulto" off: every line is one unit; on: back to the prefill or the description's pack. */
export function withPackSetting(lines: readonly LineForm[], perPack: boolean): LineForm[] {
  return lines.map((l) => {
    const pack = perPack ? (l.prefillPack > 1 ? l.prefillPack : parsePackUnits(l.description)) : 1;
    return { ...l, packUnits: String(pack), dirty: true };
  });
}

export type CostContext = {
  letter: InvoiceLetter | '';
  supplierIncludesIva: boolean;
  netByRate: ByRate;
};

export function readPack(text: string): number | null {
  const s = text.trim();
  const n = /^\d{1,5}$/.test(s) ? Number(s) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : null;
}

/** The unit cost to show: the core's figure until the line is edited, then the estimate. */
export function shownUnitCost(line: LineForm, ctx: CostContext): number | null {
  if (!line.dirty && line.savedUnitCost !== null) return line.savedUnitCost;
  const scratch: Errors = {};
  const amount = readMoney(line.amount, 'a', scratch, { required: true });
  const quantity = readQuantity(line.quantity, 'q', scratch);
  const packUnits = readPack(line.packUnits);
  if (amount === undefined || quantity === undefined || packUnits === null) return null;
  return lineUnitCost({
    amount,
    quantity,
    packUnits,
    includesIva: pricesIncludeIva(ctx.letter, ctx.supplierIncludesIva),
    ivaRateBp: lineIvaRate(line.ivaRate, ctx.netByRate),
  });
}

/** Quantity × price − bonif., when all three read; null otherwise. */
export function lineExpectedAmount(line: LineForm): number | null {
  const scratch: Errors = {};
  const quantity = readQuantity(line.quantity, 'q', scratch);
  const unitPrice = readMoney(line.unitPrice, 'p', scratch, { required: true });
  const discountBp = readPercent(line.discount, 'd', scratch);
  if (quantity === undefined || unitPrice === undefined || discountBp === undefined) return null;
  return expectedAmount(quantity, unitPrice, discountBp);
}

export function readLines(
  lines: readonly LineForm[],
  errors: Errors,
): { items: InvoiceItem[]; choices: LineChoiceInput[] } {
  const items: InvoiceItem[] = [];
  const choices: LineChoiceInput[] = [];
  for (const line of lines) {
    const key = (field: string) => `line.${line.index}.${field}`;
    if (line.description.trim() === '') errors[key('description')] = 'Completá la descripción.';
    const quantity = readQuantity(line.quantity, key('quantity'), errors);
    const unitPrice = readMoney(line.unitPrice, key('unitPrice'), errors, { required: true });
    const discountBp = readPercent(line.discount, key('discount'), errors);
    const amount = readMoney(line.amount, key('amount'), errors, { required: true });
    const packUnits = readInteger(line.packUnits, key('packUnits'), errors, {
      min: 1,
      max: 10_000,
      required: true,
      message: 'Las unidades por bulto son un número entero de 1 a 10000.',
    });
    const item: InvoiceItem = {
      description: line.description.trim(),
      quantity: quantity ?? 0,
      unit: line.unit,
      unitPrice: unitPrice ?? 0,
      discountBp: discountBp ?? 0,
      amount: amount ?? 0,
      confidence: line.confidence,
      boxes: line.boxes,
    };
    if (line.code.trim()) item.code = line.code.trim();
    if (line.ivaRate !== undefined) item.ivaRate = line.ivaRate;
    items.push(item);
    choices.push({
      index: line.index,
      productId: line.choice.kind === 'product' ? line.choice.productId : null,
      packUnits: packUnits ?? 1,
    });
  }
  return { items, choices };
}

export function unmatchedCount(lines: readonly LineForm[]): number {
  return lines.filter((l) => l.choice.kind !== 'product').length;
}

/**
 * After a save the core sends the lines back; a product chosen here that is not among its
 * candidates comes without a name, and a skipped line comes back as unmatched. Keep what the
 * screen already knew.
 */
export function keepKnownNames(next: LineForm[], previous: readonly LineForm[]): LineForm[] {
  return next.map((line) => {
    const before = previous.find((p) => p.index === line.index);
    if (!before) return line;
    if (line.choice.kind === 'none' && before.choice.kind === 'skip') {
      return { ...line, choice: before.choice };
    }
    if (
      line.choice.kind === 'product' &&
      before.choice.kind === 'product' &&
      before.choice.productId === line.choice.productId &&
      (line.choice.name === '' || before.choice.by === 'created' || before.choice.by === 'manual')
    ) {
      return { ...line, choice: before.choice };
    }
    return line;
  });
}
