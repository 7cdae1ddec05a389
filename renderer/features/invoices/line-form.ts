import type {
  Box,
  ByRate,
  InvoiceDetail,
  InvoiceItem,
  InvoiceLetter,
  InvoiceLine,
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

/** What the cost of a line depends on, of the product chosen for it. */
export type ProductFacts = Pick<LineMatch, 'ivaRate' | 'unit' | 'cost'>;

export type LineChoice =
  | { kind: 'none' }
  | { kind: 'skip' }
  | {
      kind: 'product';
      productId: string;
      name: string;
      by: LineMatch['by'] | 'manual' | 'created';
      score: number;
      /** Null when the product was picked from a search: the screen looks it up. */
      facts: ProductFacts | null;
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
  /** Edited since the last save: the cost shown is the screen's estimate. */
  dirty: boolean;
  /**
   * The owner chose, skipped or edited this line: its choice goes to the core on every save.
   * The other lines go without one, so the core matches them again (a product created
   * meanwhile, a corrected description).
   */
  changed: boolean;
  /** The owner typed the pack units: they go with the choice instead of the core's default. */
  packChanged: boolean;
};

/** `invoices.save` / `invoices.apply` line choice; no packUnits: the core's default pack. */
export type LineChoiceInput = { index: number; productId: string | null; packUnits?: number };

const factsOf = (m: LineMatch): ProductFacts => ({
  ivaRate: m.ivaRate,
  unit: m.unit,
  cost: m.cost,
});

function choiceOf(productId: string | null, candidates: LineMatch[]): LineChoice {
  if (productId === null) return { kind: 'none' };
  const match = candidates.find((c) => c.productId === productId);
  return match
    ? {
        kind: 'product',
        productId,
        name: match.name,
        by: match.by,
        score: match.score,
        facts: factsOf(match),
      }
    : { kind: 'product', productId, name: '', by: 'manual', score: 1, facts: null };
}

/** A candidate as the line's choice. */
export function candidateChoice(m: LineMatch): LineChoice {
  return {
    kind: 'product',
    productId: m.productId,
    name: m.name,
    by: m.by,
    score: m.score,
    facts: factsOf(m),
  };
}

/**
 * Whether matching again would pick the line's product by itself: its first suggestion by
 * barcode or supplier code, or a clear words winner (the core's 0,8 score and 0,1 lead). A
 * product the core would not pick was the owner's choice in an earlier visit: keep sending it.
 */
function coreWouldPick(line: InvoiceLine): boolean {
  const [first, second] = line.candidates;
  if (first === undefined || first.productId !== line.productId) return false;
  if (first.by !== 'words') return true;
  return first.score >= 0.8 && (second === undefined || first.score - second.score >= 0.1);
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
      changed: false,
      packChanged: false,
    }));
  }
  return [...detail.lines]
    .sort((a, b) => a.index - b.index)
    .map((line) => {
      const owners = line.productId !== null && !coreWouldPick(line);
      return {
        index: line.index,
        ...itemForm(line),
        candidates: line.candidates,
        choice: choiceOf(line.productId, line.candidates),
        packUnits: String(line.packUnits),
        prefillPack: line.packUnits,
        savedUnitCost: line.unitCost,
        dirty: false,
        changed: owners,
        packChanged: owners,
      };
    });
}

/** An edit of the line's own fields: its cost is now the screen's estimate. */
export function editLine(line: LineForm, change: Partial<LineForm>): LineForm {
  return {
    ...line,
    ...change,
    dirty: true,
    changed: true,
    packChanged: line.packChanged || 'packUnits' in change,
  };
}

const soldByUnit = (choice: LineChoice): boolean =>
  choice.kind !== 'product' || choice.facts === null || choice.facts.unit === 'u';

/**
 * The owner chose a product for the line (or skipped it). A product sold by weight or volume
 * comes one per invoiced unit, unless the owner typed the pack units.
 */
export function chooseLine(line: LineForm, choice: LineChoice): LineForm {
  const packUnits = line.packChanged || soldByUnit(choice) ? line.packUnits : '1';
  return { ...line, choice, packUnits, dirty: true, changed: true };
}

/**
 * "Por bulto" off: every line is one unit; on: back to the prefill or the description's pack
 * (one for a product sold by weight or volume). The core follows the supplier's habit on its
 * own, so the pack is not the owner's.
 */
export function withPackSetting(lines: readonly LineForm[], perPack: boolean): LineForm[] {
  return lines.map((l) => {
    if (l.packChanged) return { ...l, dirty: true };
    const pack =
      perPack && soldByUnit(l.choice)
        ? l.prefillPack > 1
          ? l.prefillPack
          : parsePackUnits(l.description)
        : 1;
    return { ...l, packUnits: String(pack), dirty: true };
  });
}

/**
 * The choices to send: a skipped line always (the core keeps no "skipped"), a product when the
 * owner chose it or edited the line, with the pack units only when typed. Lines without a
 * product are left to the core, which matches them again on save.
 */
export function changedChoices(lines: readonly LineForm[]): LineChoiceInput[] {
  const out: LineChoiceInput[] = [];
  for (const line of lines) {
    if (line.choice.kind === 'none') continue;
    if (line.choice.kind === 'product' && !line.changed) continue;
    const choice: LineChoiceInput = {
      index: line.index,
      productId: line.choice.kind === 'product' ? line.choice.productId : null,
    };
    const pack = readPack(line.packUnits);
    if (line.packChanged && pack !== null) choice.packUnits = pack;
    out.push(choice);
  }
  return out;
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

/**
 * The unit cost to show: the core's figure until the line is edited, then the estimate, taken
 * net of the chosen product's IVA rate as the core does (else the line's or the invoice's).
 */
export function shownUnitCost(
  line: LineForm,
  ctx: CostContext,
  facts: ProductFacts | null = line.choice.kind === 'product' ? line.choice.facts : null,
): number | null {
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
    ivaRateBp: facts?.ivaRate ?? lineIvaRate(line.ivaRate, ctx.netByRate),
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
  for (const line of lines) {
    const key = (field: string) => `line.${line.index}.${field}`;
    if (line.description.trim() === '') errors[key('description')] = 'Completá la descripción.';
    const quantity = readQuantity(line.quantity, key('quantity'), errors);
    const unitPrice = readMoney(line.unitPrice, key('unitPrice'), errors, { required: true });
    const discountBp = readPercent(line.discount, key('discount'), errors);
    const amount = readMoney(line.amount, key('amount'), errors, { required: true });
    readInteger(line.packUnits, key('packUnits'), errors, {
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
  }
  return { items, choices: changedChoices(lines) };
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
  return next.map((fresh) => {
    const before = previous.find((p) => p.index === fresh.index);
    if (!before) return fresh;
    // What the owner changed stays theirs: it goes with every later save too.
    const line = {
      ...fresh,
      changed: fresh.changed || before.changed,
      packChanged: fresh.packChanged || before.packChanged,
    };
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
