import type { Migration } from '../migrate.ts';

/**
 * Profiles. `base_url` is stored only for Custom profiles: staging and production always resolve to
 * Hubble's own URL, so a stored URL can never point a "production" profile somewhere else.
 * Names are unique regardless of case because the production guard asks the operator to type one.
 */
export const createProfiles: Migration = {
  version: 1,
  name: 'create profiles',
  up(db) {
    db.exec(`
      CREATE TABLE profiles (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        environment TEXT NOT NULL CHECK (environment IN ('simulator', 'staging', 'production', 'custom')),
        base_url TEXT,
        client_id TEXT NOT NULL,
        colour TEXT NOT NULL,
        wallet_minimum REAL,
        poll_wallet_secs INTEGER NOT NULL,
        poll_processing_secs INTEGER NOT NULL,
        catalog_sync_hours INTEGER NOT NULL,
        rate_limits_json TEXT NOT NULL DEFAULT '[]',
        webhook_enabled INTEGER NOT NULL DEFAULT 0 CHECK (webhook_enabled IN (0, 1)),
        webhook_port INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((environment = 'custom') = (base_url IS NOT NULL))
      );
      CREATE UNIQUE INDEX profiles_name_unique ON profiles (name COLLATE NOCASE);
    `);
  },
};
