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
    ...(f.onlySuggested ? { suggestedOnly: true } : {}),
  };
}

/**
 * The ticked suggestions as a mass-update selection, or null when nothing is ticked.
 * «Todos» with «solo los que conviene actualizar» is exactly the preview's `suggestedOnly`
 * with the same filters; without it the list holds only products with a cost, which the
 * preview's filters do not know, so the list's ids (`allIds`) are sent instead.
 */
export function pendingSelection(
  c: Checked,
  filters: SuggestFilters,
  total: number,
  allIds?: readonly string[],
): PendingSelection | null {
  const count = checkedCount(c, total);
  if (count === 0) return null;
  if (!c.all) return { selection: { productIds: [...c.ids] }, excluded: [], count };
  if (filters.onlySuggested) {
    return { selection: selectionOfFilters(filters), excluded: [...c.ids], count };
  }
  if (!allIds) throw new Error('Faltan los productos de la lista');
  const productIds = allIds.filter((id) => !c.ids.has(id));
  return productIds.length === 0
    ? null
    : { selection: { productIds }, excluded: [], count: productIds.length };
}

/** True when the "all" of a selection needs the list's ids fetched first. */
export function needsAllIds(c: Checked, filters: SuggestFilters): boolean {
  return c.all && !filters.onlySuggested;
}
