import type { Migration } from '../migrate.ts';

/** Team mode keeps its PostgreSQL password in the keychain like every other secret: a third secret kind. */
export const teamPasswordSecretKind: Migration = {
  version: 6,
  name: 'profile_secrets: team database password',
  up(db) {
    db.exec(`
      CREATE TABLE profile_secrets_new (
        profile_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('clientSecret', 'webhookSecret', 'teamDbPassword')),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (profile_id, kind)
      ) WITHOUT ROWID;
      INSERT INTO profile_secrets_new SELECT profile_id, kind, updated_at FROM profile_secrets;
      DROP TABLE profile_secrets;
      ALTER TABLE profile_secrets_new RENAME TO profile_secrets;
    `);
  },
};
