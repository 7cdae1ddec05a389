import { describe, expect, it } from 'vitest';
import { PageCache } from './page-cache.ts';

const TOTAL = 1000;

function setup() {
  const requests: { offset: number; limit: number }[] = [];
  const resolvers: (() => void)[] = [];
  let changes = 0;
  const cache = new PageCache<number>(
    100,
    (offset, limit) => {
      requests.push({ offset, limit });
      return new Promise((resolve) => {
        resolvers.push(() => {
          const items = Array.from(
            { length: Math.min(limit, TOTAL - offset) },
            (_, i) => offset + i,
          );
          resolve({ items, total: TOTAL });
        });
      });
    },
    () => changes++,
  );
  const flush = async () => {
    for (const r of resolvers.splice(0)) r();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { cache, requests, flush, changes: () => changes };
}

describe('PageCache', () => {
  it('fetches only the first page until the total is known', async () => {
    const { cache, requests, flush } = setup();
    cache.ensure(0, 500);
    expect(requests).toEqual([{ offset: 0, limit: 100 }]);
    await flush();
    expect(cache.total).toBe(TOTAL);
    expect(cache.get(42)).toBe(42);
    expect(cache.get(142)).toBeUndefined();
  });

  it('fetches each page the visible rows touch, once, and never past the end', async () => {
    const { cache, requests, flush } = setup();
    cache.ensure(0, 10);
    await flush();
    cache.ensure(180, 320);
    cache.ensure(190, 330);
    expect(requests.map((r) => r.offset)).toEqual([0, 100, 200, 300]);
    await flush();
    cache.ensure(950, 1200);
    expect(requests.map((r) => r.offset)).toEqual([0, 100, 200, 300, 900]);
    await flush();
    expect(cache.get(999)).toBe(999);
  });

  it('drops answers that arrive after it was disposed', async () => {
    const { cache, flush, changes } = setup();
    cache.ensure(0, 10);
    cache.dispose();
    await flush();
    expect(cache.total).toBeNull();
    expect(changes()).toBe(0);
  });

  it('reloads the rows on screen after a change, keeping the old ones until then', async () => {
    const { cache, requests, flush } = setup();
    cache.ensure(0, 10);
    await flush();
    cache.ensure(150, 250);
    await flush();
    requests.length = 0;
    cache.refresh();
    expect(requests.map((r) => r.offset)).toEqual([100, 200]);
    expect(cache.get(150)).toBe(150);
    await flush();
    cache.ensure(150, 250);
    expect(requests).toHaveLength(2);
  });
});
