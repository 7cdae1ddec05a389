import { useEffect, useRef, type RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { EventName } from '../../shared/contract/index.ts';
import { useAppEvent } from './hooks.ts';
import type { PageCache } from './page-cache.ts';

/**
 * A long list drawn a screenful at a time from a PageCache: fetches the pages the visible rows
 * need, and reloads what is on screen when one of `events` says the data moved (at most three
 * times a second, so a burst of changes is one reload).
 */
export function useVirtualPages<T>(
  cache: PageCache<T>,
  scroller: RefObject<HTMLElement | null>,
  opts: { rowHeight: number; overscan: number; ahead: number; events: readonly EventName[] },
) {
  const pendingRefresh = useRef<ReturnType<typeof setTimeout> | null>(null);
  const scheduleRefresh = () => {
    if (pendingRefresh.current) return;
    pendingRefresh.current = setTimeout(() => {
      pendingRefresh.current = null;
      cache.refresh();
    }, 300);
  };
  // Hooks in a fixed order: one listener per possible event, each a no-op when not watched.
  const watches = (name: EventName) => opts.events.includes(name);
  useAppEvent('catalog.changed', () => watches('catalog.changed') && scheduleRefresh());
  useAppEvent('stock.changed', () => watches('stock.changed') && scheduleRefresh());
  useEffect(() => () => clearTimeout(pendingRefresh.current ?? undefined), []);

  const total = cache.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => opts.rowHeight,
    overscan: opts.overscan,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows[rows.length - 1]?.index ?? 0;
  useEffect(() => {
    cache.ensure(first, Math.max(last, first + opts.ahead));
  }, [cache, first, last, opts.ahead]);
  return { virtualizer, rows, total };
}
