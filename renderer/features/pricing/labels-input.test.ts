import { describe, expect, it } from 'vitest';
import type { PriceBatch } from '../../../shared/contract/index.ts';
import { dayOf, dayStart, initialBatch, labelsInput, type LabelChoice } from './labels-input.ts';

const choice: LabelChoice = {
  source: 'lote',
  batchId: 'b1',
  since: '2026-11-20',
  productIds: ['p1', 'p2'],
  format: 'a4-3x8',
};

const batch = (id: string, count: number): PriceBatch => ({
  id,
  createdAt: 0,
  userName: null,
  mode: count > 0 ? 'sugerido' : 'deshacer',
  description: id,
  count,
  undoes: null,
  undoneBy: null,
  undoable: false,
});

describe('what to print', () => {
  it('builds the input of each source', () => {
    expect(labelsInput(choice)).toEqual({ ok: true, input: { format: 'a4-3x8', batchId: 'b1' } });
    const since = labelsInput({ ...choice, source: 'fecha' });
    expect(since.ok && since.input.changedSince).toBe(dayStart('2026-11-20'));
    expect(labelsInput({ ...choice, source: 'productos', format: 'rollo-50x30' })).toEqual({
      ok: true,
      input: { format: 'rollo-50x30', productIds: ['p1', 'p2'] },
    });
  });

  it('says what is missing', () => {
    expect(labelsInput({ ...choice, batchId: '' })).toEqual({
      ok: false,
      message: 'Elegí un lote de precios.',
    });
    expect(labelsInput({ ...choice, source: 'fecha', since: '' }).ok).toBe(false);
    expect(labelsInput({ ...choice, source: 'productos', productIds: [] }).ok).toBe(false);
  });

  it('reads a date input as that day from midnight, where the shop is', () => {
    const start = dayStart('2026-11-20');
    expect(start).not.toBeNull();
    expect(dayOf(start ?? 0)).toBe('2026-11-20');
    expect(new Date(start ?? 0).getHours()).toBe(0);
    expect(dayStart('20/11/2026')).toBeNull();
  });

  it('starts on the batch just applied, else the newest that changed a price', () => {
    const list = [batch('undo', 0), batch('b2', 3), batch('b1', 2)];
    expect(initialBatch(list, 'b1')).toBe('b1');
    expect(initialBatch(list, 'gone')).toBe('b2');
    expect(initialBatch(list, null)).toBe('b2');
    expect(initialBatch([], null)).toBe('');
  });
});
