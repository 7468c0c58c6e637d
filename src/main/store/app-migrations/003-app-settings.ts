import type { Migration } from '../migrate.ts';

/** App-wide settings as key/value text: the active profile, whether the welcome was dismissed. */
export const createAppSettings: Migration = {
  version: 3,
  name: 'create app_settings',
  up(db) {
    db.exec(`
      CREATE TABLE app_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
