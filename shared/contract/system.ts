import { z } from 'zod';
import { channel } from './channel.ts';
import { nameSchema, pinSchema, idSchema, empty, cuitSchema } from './schemas.ts';
import type { Session, Settings, SystemStatus, UserSummary } from './types.ts';
import { ROLES } from './channel.ts';

export const systemChannels = {
  'system.status': channel<SystemStatus>()({ input: empty, permission: 'public' }),
  'settings.get': channel<Settings>()({ input: empty, permission: 'session' }),
  'settings.update': channel<Settings>()({
    input: z
      .object({
        storeName: nameSchema.optional(),
        storeCuit: cuitSchema.nullable().optional(),
        storeAddress: z.string().trim().max(200).nullable().optional(),
      })
      .strict(),
    permission: 'settings.write',
  }),

  'auth.setupOwner': channel<Session>()({
    input: z.object({ storeName: nameSchema, ownerName: nameSchema, pin: pinSchema }).strict(),
    permission: 'public',
  }),
  'auth.users': channel<UserSummary[]>()({ input: empty, permission: 'public' }),
  'auth.login': channel<Session>()({
    input: z.object({ userId: idSchema, pin: z.string().max(16) }).strict(),
    permission: 'public',
  }),
  'auth.logout': channel<Session>()({ input: empty, permission: 'public' }),
  'auth.session': channel<Session>()({ input: empty, permission: 'public' }),

  'users.list': channel<UserSummary[]>()({ input: empty, permission: 'users.manage' }),
  'users.create': channel<UserSummary>()({
    input: z.object({ name: nameSchema, role: z.enum(ROLES), pin: pinSchema }).strict(),
    permission: 'users.manage',
  }),
  'users.update': channel<UserSummary>()({
    input: z
      .object({
        id: idSchema,
        name: nameSchema.optional(),
        role: z.enum(ROLES).optional(),
        active: z.boolean().optional(),
      })
      .strict(),
    permission: 'users.manage',
  }),
  'users.setPin': channel<UserSummary>()({
    input: z.object({ id: idSchema, pin: pinSchema }).strict(),
    permission: 'users.manage',
  }),
} as const;
