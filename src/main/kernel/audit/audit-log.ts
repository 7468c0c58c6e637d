import type Database from 'better-sqlite3';
import type { AuditAction, AuditEntry } from '../../../shared/contract/audit.ts';
import { currentOsUser } from './os-user.ts';
import { redactDetails } from './redact-details.ts';

export interface AuditRecord {
  /** One of the contract's audit actions; a new kind of action is added there first. */
  action: AuditAction;
  profileId?: string | null;
  profileName?: string | null;
  /** Names and settings only, never a secret value (credential-like keys are redacted regardless). */
  details?: Record<string, unknown>;
}

export interface AuditQuery {
  profileId?: string;
  limit?: number;
  beforeId?: number;
}

export interface AuditLog {
  record(entry: AuditRecord): AuditEntry;
  /** Newest first. */
  list(query?: AuditQuery): AuditEntry[];
  /** Oldest first, for export. */
  all(profileId?: string): AuditEntry[];
}

export interface AuditLogOptions {
  user?: () => string;
  now?: () => Date;
}

interface AuditRow {
  id: number;
  at: string;
  user: string;
  action: string;
  profile_id: string | null;
  profile_name: string | null;
  details_json: string;
}

const toEntry = (row: AuditRow): AuditEntry => ({
  id: row.id,
  at: row.at,
  user: row.user,
  action: row.action,
  profileId: row.profile_id,
  profileName: row.profile_name,
  details: JSON.parse(row.details_json) as Record<string, unknown>,
});

/** The audit log in app.db: every profile change, secret set/clear and production confirmation, with who and when. */
export function createAuditLog(db: Database.Database, options: AuditLogOptions = {}): AuditLog {
  const user = options.user ?? currentOsUser;
  const now = options.now ?? (() => new Date());
  const insert = db.prepare(
    'INSERT INTO audit_log (at, user, action, profile_id, profile_name, details_json) VALUES (?, ?, ?, ?, ?, ?) RETURNING *',
  );
  const newest = db.prepare('SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?');
  const newestFor = db.prepare('SELECT * FROM audit_log WHERE profile_id = ? AND id < ? ORDER BY id DESC LIMIT ?');
  const oldest = db.prepare('SELECT * FROM audit_log ORDER BY id');
  const oldestFor = db.prepare('SELECT * FROM audit_log WHERE profile_id = ? ORDER BY id');

  return {
    record(entry) {
      const details = JSON.stringify(redactDetails(entry.details ?? {}));
      const row = insert.get(
        now().toISOString(),
        user(),
        entry.action,
        entry.profileId ?? null,
        entry.profileName ?? null,
        details,
      ) as AuditRow;
      return toEntry(row);
    },
    list(query = {}) {
      const before = query.beforeId ?? Number.MAX_SAFE_INTEGER;
      const limit = query.limit ?? 200;
      const rows = query.profileId ? newestFor.all(query.profileId, before, limit) : newest.all(before, limit);
      return (rows as AuditRow[]).map(toEntry);
    },
    all(profileId) {
      return ((profileId ? oldestFor.all(profileId) : oldest.all()) as AuditRow[]).map(toEntry);
    },
  };
}
