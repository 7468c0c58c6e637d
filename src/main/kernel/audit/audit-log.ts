import type Database from 'better-sqlite3';
import { AUDIT_COALESCE_WINDOW_MS, type AuditAction, type AuditEntry } from '../../../shared/contract/audit.ts';
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
  /** Whether any entry names this profile (a deleted profile's entries outlive it). */
  mentionsProfile(profileId: string): boolean;
  /**
   * A profile's entries written or coalesced after a (lastAt, id) position, oldest change first: a reader that
   * keeps the position of the last entry it handled sees every new entry and every repeat of an old one once.
   */
  changedSince(profileId: string, after: { lastAt: string; id: number } | null, limit: number): AuditEntry[];
}

export interface AuditLogOptions {
  user?: () => string;
  now?: () => Date;
  coalesceWindowMs?: number;
}

// Decisions a renderer can trigger as fast as it likes; each repeat adds nothing an auditor needs but its time.
const COALESCED_ACTIONS: ReadonlySet<AuditAction> = new Set(['guard.refused', 'guard.confirmed']);

/** Same action, profile and operation: the entries that are one story told many times. */
function coalesceKeyOf(entry: AuditRecord): string | null {
  if (!COALESCED_ACTIONS.has(entry.action)) return null;
  const operation = entry.details?.['operation'];
  return JSON.stringify([entry.action, entry.profileId ?? null, typeof operation === 'string' ? operation : null]);
}

interface AuditRow {
  id: number;
  at: string;
  user: string;
  action: string;
  profile_id: string | null;
  profile_name: string | null;
  details_json: string;
  count: number;
  last_at: string | null;
}

const toEntry = (row: AuditRow): AuditEntry => ({
  id: row.id,
  at: row.at,
  user: row.user,
  action: row.action,
  profileId: row.profile_id,
  profileName: row.profile_name,
  details: JSON.parse(row.details_json) as Record<string, unknown>,
  count: row.count,
  lastAt: row.last_at ?? row.at,
});

/** The audit log in app.db: every profile change, secret set/clear and production confirmation, with who and when. */
export function createAuditLog(db: Database.Database, options: AuditLogOptions = {}): AuditLog {
  const user = options.user ?? currentOsUser;
  const now = options.now ?? (() => new Date());
  const windowMs = options.coalesceWindowMs ?? AUDIT_COALESCE_WINDOW_MS;
  const insert = db.prepare(
    `INSERT INTO audit_log (at, last_at, user, action, profile_id, profile_name, details_json, coalesce_key)
     VALUES (@at, @at, @user, @action, @profileId, @profileName, @details, @coalesceKey) RETURNING *`,
  );
  const latestWithKey = db.prepare('SELECT id, at FROM audit_log WHERE coalesce_key = ? ORDER BY id DESC LIMIT 1');
  const repeat = db.prepare('UPDATE audit_log SET count = count + 1, last_at = ? WHERE id = ? RETURNING *');
  const anyFor = db.prepare('SELECT 1 FROM audit_log WHERE profile_id = ? LIMIT 1');
  const newest = db.prepare('SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?');
  const newestFor = db.prepare('SELECT * FROM audit_log WHERE profile_id = ? AND id < ? ORDER BY id DESC LIMIT ?');
  const oldest = db.prepare('SELECT * FROM audit_log ORDER BY id');
  const oldestFor = db.prepare('SELECT * FROM audit_log WHERE profile_id = ? ORDER BY id');
  const changedAfter = db.prepare(
    `SELECT * FROM audit_log WHERE profile_id = @profileId AND (last_at > @lastAt OR (last_at = @lastAt AND id > @id))
     ORDER BY last_at, id LIMIT @limit`,
  );

  return {
    record: db.transaction((entry: AuditRecord): AuditEntry => {
      const at = now();
      const coalesceKey = coalesceKeyOf(entry);
      // The window runs from the first occurrence, so one entry never spans more than windowMs of activity.
      const latest = coalesceKey
        ? (latestWithKey.get(coalesceKey) as { id: number; at: string } | undefined)
        : undefined;
      if (latest && at.getTime() - Date.parse(latest.at) < windowMs) {
        return toEntry(repeat.get(at.toISOString(), latest.id) as AuditRow);
      }
      const row = insert.get({
        at: at.toISOString(),
        user: user(),
        action: entry.action,
        profileId: entry.profileId ?? null,
        profileName: entry.profileName ?? null,
        details: JSON.stringify(redactDetails(entry.details ?? {})),
        coalesceKey,
      }) as AuditRow;
      return toEntry(row);
    }),
    list(query = {}) {
      const before = query.beforeId ?? Number.MAX_SAFE_INTEGER;
      const limit = query.limit ?? 200;
      const rows = query.profileId ? newestFor.all(query.profileId, before, limit) : newest.all(before, limit);
      return (rows as AuditRow[]).map(toEntry);
    },
    all(profileId) {
      return ((profileId ? oldestFor.all(profileId) : oldest.all()) as AuditRow[]).map(toEntry);
    },
    mentionsProfile: (profileId) => anyFor.get(profileId) !== undefined,
    changedSince(profileId, after, limit) {
      const position = after ?? { lastAt: '', id: 0 };
      return (changedAfter.all({ profileId, ...position, limit }) as AuditRow[]).map(toEntry);
    },
  };
}
