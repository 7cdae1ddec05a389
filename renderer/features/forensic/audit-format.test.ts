import { describe, expect, it } from 'vitest';
import { describeChange } from './audit-format.ts';

describe('describeChange', () => {
  it('lists only the fields an edit changed', () => {
    expect(
      describeChange(
        { name: 'Yerba', price: 100, active: true },
        { name: 'Yerba', price: 120, active: false },
      ),
    ).toEqual(['price: 100 → 120', 'active: true → false']);
  });

  it('lists what a creation or a deletion carried', () => {
    expect(describeChange(null, { name: 'Salón' })).toEqual(['+ name: Salón']);
    expect(describeChange({ name: 'Salón' }, null)).toEqual(['− name: Salón']);
  });

  it('shortens long values and handles scalars', () => {
    const [line] = describeChange({ notes: 'x'.repeat(200) }, { notes: 'y' });
    expect(line?.length).toBeLessThan(80);
    expect(describeChange(1, 2)).toEqual(['1 → 2']);
    expect(describeChange(undefined, null)).toEqual([]);
  });
});
