import type { Migration } from '../migrate.ts';
import { initial } from './0001-initial.ts';
import { counter } from './0002-counter.ts';
import { invoices } from './0003-invoices.ts';
import { pricing } from './0004-pricing.ts';

/** In order; `checkMigrationList` refuses gaps and reordering at start-up. */
export const MIGRATIONS: readonly Migration[] = [initial, counter, invoices, pricing];
