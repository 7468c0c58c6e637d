import type { Handlers } from '../../ipc/router.ts';
import { auditToCsv, auditToJson } from '../../kernel/audit/audit-export.ts';
import type { AuditLog } from '../../kernel/audit/audit-log.ts';

export function createAuditHandlers(audit: AuditLog, now: () => Date = () => new Date()): Handlers['audit'] {
  return {
    list: (input) => ({ entries: audit.list(input ?? {}) }),
    export: ({ format, profileId }) => {
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
  };
}
