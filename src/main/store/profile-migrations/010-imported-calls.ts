import type { Migration } from '../migrate.ts';

/**
 * Calls imported from the partner backend's own log (docs/log-import.md) live in api_calls beside the console's
 * own, so search, bundles, dashboards and rate-limit meters see both. `source` tells them apart ('console' for
 * every existing and recorded row); `import_key` (X-REQUEST-ID, else a hash of the row) makes importing the same
 * file twice add nothing. Mappings are saved per profile; a followed file keeps its identity and offset so a
 * restart or a rotation resumes where it stopped.
 */
export const importedCallsMigration: Migration = {
  version: 10,
  name: 'imported-calls',
  up(db) {
    db.exec(`
      ALTER TABLE api_calls ADD COLUMN source TEXT NOT NULL DEFAULT 'console' CHECK (source IN ('console', 'import'));
      ALTER TABLE api_calls ADD COLUMN import_key TEXT;
      ALTER TABLE api_calls ADD COLUMN brand TEXT;
      CREATE UNIQUE INDEX api_calls_import_key ON api_calls (import_key) WHERE import_key IS NOT NULL;

      CREATE TABLE log_import_mappings (
        format       TEXT PRIMARY KEY CHECK (format IN ('jsonl', 'csv')),
        mapping_json TEXT NOT NULL CHECK (json_valid(mapping_json)),
        updated_at   INTEGER NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE log_follows (
        path        TEXT PRIMARY KEY,
        format      TEXT    NOT NULL CHECK (format IN ('jsonl', 'csv')),
        file_id     TEXT,
        offset      INTEGER NOT NULL DEFAULT 0,
        line        INTEGER NOT NULL DEFAULT 0,
        header_json TEXT,
        started_at  INTEGER NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
