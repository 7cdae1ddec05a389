import type { PriceSelection } from '../../../shared/contract/index.ts';

/**
 * Which suggestions are ticked. The list is paged, so «Seleccionar todos» cannot list every id:
 * with `all`, `ids` are the rows unticked afterwards; without it, the rows ticked one by one.
 */
export type Checked = { all: boolean; ids: ReadonlySet<string> };

export const NOTHING_CHECKED: Checked = { all: false, ids: new Set() };
export const ALL_CHECKED: Checked = { all: true, ids: new Set() };

export function isChecked(c: Checked, id: string): boolean {
  return c.all !== c.ids.has(id);
}

export function toggleChecked(c: Checked, id: string): Checked {
  const ids = new Set(c.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { all: c.all, ids };
}

export function checkedCount(c: Checked, total: number): number {
  return c.all ? Math.max(0, total - c.ids.size) : c.ids.size;
}

/** The filters of the suggestion list, as `pricing.suggest` takes them. */
export type SuggestFilters = {
  categoryId?: string | undefined;
  supplierCuit?: string | undefined;
  query?: string | undefined;
  onlySuggested: boolean;
};

/** What the suggestion list hands to the mass update: the selection and rows to leave out. */
export type PendingSelection = {
  selection: PriceSelection;
  /** Products of the selection to untick in the preview. */
  excluded: string[];
  count: number;
};

/** Only the filters that are set: the contract's inputs are strict about extra keys. */
export function selectionOfFilters(f: SuggestFilters): PriceSelection {
  return {
    ...(f.categoryId ? { categoryId: f.categoryId } : {}),
    ...(f.supplierCuit ? { supplierCuit: f.supplierCuit } : {}),
    ...(f.query ? { query: f.query } : {}),
    ...(f.onlySuggested ? { suggestedOnly: true } : { withCost: true }),
  };
}

/**
 * The ticked suggestions as a mass-update selection, or null when nothing is ticked. «Todos» is
 * the same filters as the list (`suggestedOnly`, or every product with a cost), minus the rows
 * unticked afterwards.
 */
export function pendingSelection(
  c: Checked,
  filters: SuggestFilters,
  total: number,
): PendingSelection | null {
  const count = checkedCount(c, total);
  if (count === 0) return null;
  if (!c.all) return { selection: { productIds: [...c.ids] }, excluded: [], count };
  return { selection: selectionOfFilters(filters), excluded: [...c.ids], count };
}
