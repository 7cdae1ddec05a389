import type { JobProgress } from './types.ts';

export type SyncState = 'off' | 'ok' | 'degraded' | 'offline';

export type EventMap = {
  'stock.changed': { productIds: string[] };
  'catalog.changed': { productIds: string[] | 'all' };
  'jobs.progress': JobProgress;
  'sync.status': { state: SyncState; pending: number };
  'session.changed': { userId: string | null };
};
export type EventName = keyof EventMap;
export type AppEvent = { [K in EventName]: { type: K; payload: EventMap[K] } }[EventName];
