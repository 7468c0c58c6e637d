import type { Migration } from '../migrate.ts';

/**
 * Go-live checklist runs of one profile (docs/go-live.md), in that profile's own database: a run is evidence
 * about this environment (its calls, orders, webhooks), so it lives and dies with the profile's history.
 * `items_json` is the whole result as shown (statuses, evidence, fixes); it holds X-REQUEST-IDs, times and
 * values, never a secret. `go_live_confirmations` keeps the operator's word on items the console cannot check
 * (who, when, a note), so the next run keeps it; the audit log in app.db records the same act.
 */
export const goLiveRunsMigration: Migration = {
  version: 11,
  name: 'go-live-runs',
  up(db) {
    db.exec(`
      CREATE TABLE go_live_runs (
        id              INTEGER PRIMARY KEY,
        started_at      INTEGER NOT NULL,
        finished_at     INTEGER NOT NULL,
        mode            TEXT    NOT NULL CHECK (mode IN ('production', 'rehearsal')),
        profile_name    TEXT    NOT NULL,
        environment     TEXT    NOT NULL,
        base_url        TEXT    NOT NULL,
        counterpart_id  TEXT,
        counterpart_name TEXT,
        run_by          TEXT    NOT NULL,
        passed          INTEGER NOT NULL CHECK (passed >= 0),
        failed          INTEGER NOT NULL CHECK (failed >= 0),
        operator        INTEGER NOT NULL CHECK (operator >= 0),
        addresses_json  TEXT    NOT NULL CHECK (json_valid(addresses_json)),
        items_json      TEXT    NOT NULL CHECK (json_valid(items_json))
      );
      CREATE INDEX go_live_runs_started ON go_live_runs (started_at);

      CREATE TABLE go_live_confirmations (
        item_id      TEXT    PRIMARY KEY,
        confirmed_by TEXT    NOT NULL,
        confirmed_at INTEGER NOT NULL,
        note         TEXT    NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
