import { sequentialIds } from '../../../shared/domain/uuid.ts';
import { openShopStore, tickingClock, type ShopStore } from '../testing/harness.ts';

export type Store = ShopStore;

export const START = Date.UTC(2025, 2, 10, 13, 0, 0);

/** A fresh store on a real SQLite file, with a clock that moves one second per reading. */
export function openStore(): Promise<Store> {
  return openShopStore({ now: tickingClock(START), newId: sequentialIds(START) });
}
