import type { Migration } from '../migrate.ts';

/**
 * Which secrets a profile has in the OS keychain and when they were last set. There is deliberately no
 * column for the secret itself: the value lives only in the keychain.
 */
export const createProfileSecrets: Migration = {
  version: 2,
  name: 'create profile_secrets',
  up(db) {
    db.exec(`
      CREATE TABLE profile_secrets (
        profile_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('clientSecret', 'webhookSecret')),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (profile_id, kind)
      ) WITHOUT ROWID;
    `);
  },
};
