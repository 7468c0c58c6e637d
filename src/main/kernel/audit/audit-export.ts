import { stringify } from 'csv-stringify/sync';
import type { AuditEntry } from '../../../shared/contract/audit.ts';

// A cell starting with one of these is run as a formula by spreadsheet apps; profile names are typed by
// operators, so an exported log must not become a way to run one on a colleague's machine.
const FORMULA_START = /^[=+\-@\t\r]/;
const safeCell = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);

export function auditToCsv(entries: readonly AuditEntry[]): string {
  const rows = entries.map((entry) =>
    [
      String(entry.id),
      entry.at,
      entry.lastAt,
      String(entry.count),
      entry.user,
      entry.action,
      entry.profileId ?? '',
      entry.profileName ?? '',
      JSON.stringify(entry.details),
    ].map(safeCell),
  );
  return stringify(rows, {
    header: true,
    columns: ['id', 'at', 'lastAt', 'count', 'user', 'action', 'profileId', 'profileName', 'details'],
  });
}

export function auditToJson(entries: readonly AuditEntry[], exportedAt: string): string {
  return `${JSON.stringify({ format: 'hubble-ops-console/audit-log', version: 1, exportedAt, entries }, null, 2)}\n`;
}
