import type { Migration } from '../migrate.ts';

/**
 * Operator actions. No foreign key to profiles: the record of a deleted profile must outlive it, which
 * is also why the profile's name is copied into each entry.
 */
export const createAuditLog: Migration = {
  version: 4,
  name: 'create audit_log',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        action TEXT NOT NULL,
        profile_id TEXT,
        profile_name TEXT,
        details_json TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX audit_log_profile ON audit_log (profile_id, id);
    `);
  },
};
