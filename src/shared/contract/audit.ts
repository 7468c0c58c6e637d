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
  'audit.retention',
  'calls.bundle',
  'calls.export',
  'calls.retention',
  'calls.sample-traffic',
  'webhooks.signed',
  'orders.place',
  'orders.retry',
  'orders.batch-import',
  'orders.batch-run',
  'orders.batch-pause',
  'orders.batch-resume',
  'orders.batch-cancel',
  'orders.vouchers-revealed',
  'orders.vouchers-exported',
  'orders.bundle',
  'orders.watch-settings',
  'receiver.settings',
  'receiver.replay',
  'receiver.retry',
  'log-import.run',
  'log-import.mapping',
  'log-import.follow',
  'log-import.unfollow',
  'go-live.run',
  'go-live.confirmed',
  'go-live.exported',
  'team.linked',
  'team.unlinked',
  'team.prepared',
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
  /**
   * Repeated guard decisions (same action, profile and operation within AUDIT_COALESCE_WINDOW_MS of the first)
   * share one entry: `at` is the first, `lastAt` the latest, `count` how many. Every other entry has count 1.
   */
  count: z.number().int().min(1),
  lastAt: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Ten minutes: one entry per action, profile and operation at most every ten minutes, however fast they come. */
export const AUDIT_COALESCE_WINDOW_MS = 10 * 60_000;

export const DEFAULT_AUDIT_RETENTION_DAYS = 365;
/** An audit trail shorter than a month would not survive until anyone asked about it. */
export const MIN_AUDIT_RETENTION_DAYS = 30;
export const auditRetentionSchema = z.strictObject({
  days: z.number().int().min(MIN_AUDIT_RETENTION_DAYS).max(3650),
});
export type AuditRetentionSetting = z.infer<typeof auditRetentionSchema>;

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
  retention: operation({
    summary: 'How many days of audit entries the console keeps (counted from an entry’s latest occurrence)',
    input: z.undefined(),
    output: auditRetentionSchema,
  }),
  setRetention: operation({
    summary: 'Change how many days of audit entries are kept; older entries are deleted now, and daily after',
    input: auditRetentionSchema,
    output: auditRetentionSchema.extend({ deleted: z.number().int() }),
  }),
};
