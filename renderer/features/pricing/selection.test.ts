import { describe, expect, it } from 'vitest';
import {
  ALL_CHECKED,
  checkedCount,
  isChecked,
  NOTHING_CHECKED,
  pendingSelection,
  selectionOfFilters,
  toggleChecked,
} from './selection.ts';

describe('ticks on a paged list', () => {
  it('ticks rows one by one', () => {
    const c = toggleChecked(toggleChecked(NOTHING_CHECKED, 'a'), 'b');
    expect(isChecked(c, 'a')).toBe(true);
    expect(isChecked(c, 'z')).toBe(false);
    expect(checkedCount(c, 50)).toBe(2);
    expect(checkedCount(toggleChecked(c, 'a'), 50)).toBe(1);
  });

  it('«todos» counts every row of the list minus the ones unticked after', () => {
    const c = toggleChecked(ALL_CHECKED, 'a');
    expect(isChecked(c, 'a')).toBe(false);
    expect(isChecked(c, 'never-loaded')).toBe(true);
    expect(checkedCount(c, 120)).toBe(119);
  });
});

describe('the selection handed to the mass update', () => {
  const filters = { categoryId: 'cat-1', query: 'yerba', onlySuggested: true };

  it('sends only the filters that are set', () => {
    expect(selectionOfFilters({ onlySuggested: false, categoryId: '', query: '' })).toEqual({
      withCost: true,
    });
    expect(selectionOfFilters(filters)).toEqual({
      categoryId: 'cat-1',
      query: 'yerba',
      suggestedOnly: true,
    });
  });

  it('ticked rows go as ids; nothing ticked is no selection', () => {
    expect(pendingSelection(NOTHING_CHECKED, filters, 10)).toBeNull();
    const c = toggleChecked(toggleChecked(NOTHING_CHECKED, 'a'), 'b');
    expect(pendingSelection(c, filters, 10)).toEqual({
      selection: { productIds: ['a', 'b'] },
      excluded: [],
      count: 2,
    });
  });

  it('«todos» of the suggested list is the same filters with suggestedOnly, minus the unticked', () => {
    const c = toggleChecked(ALL_CHECKED, 'x');
    expect(pendingSelection(c, filters, 30)).toEqual({
      selection: { categoryId: 'cat-1', query: 'yerba', suggestedOnly: true },
      excluded: ['x'],
      count: 29,
    });
  });

  it('«todos» of every product with a cost is the filters with withCost, minus the unticked', () => {
    const c = toggleChecked(ALL_CHECKED, 'b');
    expect(pendingSelection(c, { onlySuggested: false }, 3)).toEqual({
      selection: { withCost: true },
      excluded: ['b'],
      count: 2,
    });
  });
});
