import type { Handlers } from '../context.ts';
import { countUsers } from '../auth/users.ts';
import { schemaVersion } from '../db/migrate.ts';
import { normalizeCuit } from '../../../shared/domain/cuit.ts';
import { readSettings, writeSetting } from './settings.ts';
import { invalid } from '../errors.ts';

export const systemHandlers = {
  'system.status': (_input, ctx) => ({
    state: 'ready' as const,
    needsSetup: countUsers(ctx.db) === 0,
    storeName: readSettings(ctx.db).storeName,
    dataDir: ctx.dataDir,
    version: ctx.version,
    schemaVersion: schemaVersion(ctx.db),
  }),
  'settings.get': (_input, ctx) => readSettings(ctx.db),
  'settings.update': (input, ctx) => {
    let cuit: string | null | undefined = input.storeCuit;
    if (cuit) {
      try {
        cuit = normalizeCuit(cuit);
      } catch (err) {
        throw invalid((err as Error).message);
      }
    }
    ctx.tx(() => {
      if (input.storeName !== undefined) writeSetting(ctx, 'storeName', input.storeName);
      if (cuit !== undefined) writeSetting(ctx, 'storeCuit', cuit);
      if (input.storeAddress !== undefined) writeSetting(ctx, 'storeAddress', input.storeAddress);
    });
    return readSettings(ctx.db);
  },
} satisfies Handlers;
