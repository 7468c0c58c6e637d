import { AppError } from '../../errors/app-error.ts';
import type { Handlers } from '../../ipc/router.ts';
import { auditToCsv, auditToJson } from '../../kernel/audit/audit-export.ts';
import type { AuditLog } from '../../kernel/audit/audit-log.ts';
import type { AuditRetention } from '../../kernel/audit/audit-retention.ts';

export interface AuditHandlerOptions {
  /** Whether a profile with this id exists now (the profile catalog's answer). */
  profileExists(profileId: string): boolean;
  retention: AuditRetention;
  now?: () => Date;
}

export function createAuditHandlers(audit: AuditLog, options: AuditHandlerOptions): Handlers['audit'] {
  const now = options.now ?? (() => new Date());
  // The id comes from the renderer and is written into the log (audit.exported): only ids the console knows,
  // a profile of today or one the log already names (a deleted profile's trail stays exportable).
  const checkedProfileId = (profileId: string | undefined): string | undefined => {
    if (profileId === undefined || options.profileExists(profileId) || audit.mentionsProfile(profileId)) {
      return profileId;
    }
    throw new AppError('NOT_FOUND', 'No such profile; it may have been deleted in another window.', { profileId });
  };

  return {
    list: (input) => ({ entries: audit.list(input ?? {}) }),
    export: (input) => {
      const profileId = checkedProfileId(input.profileId);
      const { format } = input;
      const entries = audit.all(profileId);
      const exportedAt = now().toISOString();
      const stamp = exportedAt.slice(0, 19).replace(/[:T]/g, '-');
      audit.record({
        action: 'audit.exported',
        profileId: profileId ?? null,
        details: { format, entries: entries.length },
      });
      return format === 'csv'
        ? {
            fileName: `hubble-audit-${stamp}.csv`,
            mimeType: 'text/csv',
            text: auditToCsv(entries),
            count: entries.length,
          }
        : {
            fileName: `hubble-audit-${stamp}.json`,
            mimeType: 'application/json',
            text: auditToJson(entries, exportedAt),
            count: entries.length,
          };
    },
    retention: () => ({ days: options.retention.days() }),
    setRetention: ({ days }) => {
      const previous = options.retention.days();
      const result = options.retention.setDays(days);
      audit.record({ action: 'audit.retention', details: { days, previousDays: previous, deleted: result.deleted } });
      return result;
    },
  };
}
