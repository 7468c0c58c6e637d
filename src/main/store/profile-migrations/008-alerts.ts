import type { Migration } from '../migrate.ts';

/**
 * Alerts of one profile (docs/alerts.md): the operator's rules, the current state of each (ok, pending, firing,
 * resolved, with acknowledgement and snooze), the history of transitions, and settings (notification mute).
 * History rows keep the rule's name and kind so they outlive a deleted rule. No row ever holds a secret or
 * card data: messages are built from numbers and rule names only.
 */
export const alertsMigration: Migration = {
  version: 8,
  name: 'alerts',
  up(db) {
    db.exec(`
      CREATE TABLE alert_rules (
        id          INTEGER PRIMARY KEY,
        kind        TEXT    NOT NULL,
        name        TEXT    NOT NULL,
        enabled     INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        params_json TEXT    NOT NULL CHECK (json_valid(params_json)),
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL
      );

      CREATE TABLE alert_states (
        rule_id           INTEGER PRIMARY KEY REFERENCES alert_rules (id) ON DELETE CASCADE,
        state             TEXT    NOT NULL CHECK (state IN ('ok', 'pending', 'firing', 'resolved')),
        since             INTEGER NOT NULL,
        value             REAL,
        evaluated_at      INTEGER,
        notified_at       INTEGER,
        acknowledged_at   INTEGER,
        snoozed_until     INTEGER
      );

      CREATE TABLE alert_events (
        id        INTEGER PRIMARY KEY,
        rule_id   INTEGER NOT NULL,
        rule_name TEXT    NOT NULL,
        kind      TEXT    NOT NULL,
        event     TEXT    NOT NULL CHECK (event IN ('pending', 'fired', 'renotified', 'resolved', 'cleared', 'acknowledged', 'snoozed')),
        value     REAL,
        threshold REAL,
        message   TEXT    NOT NULL,
        at        INTEGER NOT NULL
      );
      CREATE INDEX alert_events_at ON alert_events (at);
      CREATE INDEX alert_events_rule ON alert_events (rule_id, at);

      CREATE TABLE alert_settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
