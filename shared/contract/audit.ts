import { z } from 'zod';
import { channel } from './channel.ts';
import { empty } from './schemas.ts';
import type { AuditEntry, AuditVerifyResult } from './types.ts';

export const auditChannels = {
  'audit.list': channel<{ items: AuditEntry[]; total: number }>()({
    input: z
      .object({
        limit: z.number().int().min(1).max(500).default(100),
        beforeSeq: z.number().int().positive().optional(),
        entity: z.string().max(40).optional(),
        entityId: z.string().max(64).optional(),
      })
      .strict(),
    permission: 'audit.read',
  }),
  'audit.verify': channel<AuditVerifyResult>()({ input: empty, permission: 'audit.read' }),
} as const;
