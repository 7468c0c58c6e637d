import { z } from 'zod';
import { operation } from './define.ts';

export const auditActionSchema = z.enum([
  'profile.created',
  'profile.updated',
  'profile.duplicated',
  'profile.deleted',
  'profile.imported',
  'profile.exported',
  'profile.activated',
  'secret.set',
  'secret.cleared',
  'guard.confirmed',
  'guard.refused',
  'audit.exported',
  'calls.bundle',
  'calls.export',
  'calls.retention',
  'calls.sample-traffic',
  'webhooks.signed',
]);
export type AuditAction = z.infer<typeof auditActionSchema>;

/** One operator action. `details` holds names and settings, never a secret value. */
export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  user: z.string(),
  // A string, not the enum: entries written by a newer console must still list in an older one.
  action: z.string(),
  profileId: z.string().nullable(),
  profileName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditOperations = {
  list: operation({
    summary: 'The newest audit entries, optionally for one profile',
    input: z
      .strictObject({
        profileId: z.string().min(1).max(100).optional(),
        limit: z.number().int().min(1).max(1000).optional(),
        beforeId: z.number().int().positive().optional(),
      })
      .optional(),
    output: z.object({ entries: z.array(auditEntrySchema) }),
  }),
  export: operation({
    summary: 'The whole audit log as JSON or CSV text',
    input: z.strictObject({ format: z.enum(['json', 'csv']), profileId: z.string().min(1).max(100).optional() }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), text: z.string(), count: z.number() }),
  }),
};
