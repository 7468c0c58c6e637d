import type { Migration } from '../migrate.ts';

/**
 * Repeated guard decisions share one audit entry (`count`, first `at`, latest `last_at`), found through
 * `coalesce_key`, so a renderer that hammers the guard cannot flood the log or push real entries out of view.
 * `last_at` also drives retention: an entry is kept for as long as its latest occurrence is recent.
 */
export const coalesceAuditLog: Migration = {
  version: 5,
  name: 'audit_log coalescing and retention',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN count INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE audit_log ADD COLUMN last_at TEXT;
      ALTER TABLE audit_log ADD COLUMN coalesce_key TEXT;
      UPDATE audit_log SET last_at = at;
      CREATE INDEX audit_log_coalesce ON audit_log (coalesce_key, id) WHERE coalesce_key IS NOT NULL;
      CREATE INDEX audit_log_last_at ON audit_log (last_at);
    `);
  },
};
