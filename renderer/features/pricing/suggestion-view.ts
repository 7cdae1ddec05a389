import type { SuggestionSort } from '../../../shared/contract/index.ts';
import { formatInteger } from '../../lib/format.ts';

/** Pure pieces of the suggestion list: sorting by the headers and the cost's age. */

export type SortState = { sort: SuggestionSort; desc: boolean };

export const DEFAULT_SORT: SortState = { sort: 'urgencia', desc: true };

/** Clicking a header: the same column flips the order, another one starts with its default. */
export function nextSort(current: SortState, clicked: SuggestionSort): SortState {
  return current.sort === clicked
    ? { sort: clicked, desc: !current.desc }
    : { sort: clicked, desc: true };
}

/**
 * The order on screen, for `aria-sort`. The core reads `desc` as "biggest first", and for the
 * name that means A → Z (its default reading): so `nombre` with `desc` is ascending.
 */
export function ariaSort(
  state: SortState,
  column: SuggestionSort,
): 'ascending' | 'descending' | 'none' {
  if (state.sort !== column) return 'none';
  const ascending = column === 'nombre' ? state.desc : !state.desc;
  return ascending ? 'ascending' : 'descending';
}

/** «hoy», «ayer», «hace 45 días». */
export function costAge(days: number): string {
  if (days <= 0) return 'hoy';
  if (days === 1) return 'ayer';
  return `hace ${formatInteger(days)} días`;
}
