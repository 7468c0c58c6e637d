import type { Migration } from '../migrate.ts';

// Frozen as of this migration: the tables whose changes a team shares, and which writes enqueue them.
const SHARED_WRITES: readonly {
  table: string;
  kind: string;
  events: readonly ('INSERT' | 'UPDATE')[];
  rowId: string;
}[] = [
  { table: 'api_calls', kind: 'calls', events: ['INSERT'], rowId: 'NEW.id' },
  { table: 'orders', kind: 'orders', events: ['INSERT', 'UPDATE'], rowId: 'NEW.id' },
  { table: 'webhook_events', kind: 'webhook_events', events: ['INSERT', 'UPDATE'], rowId: 'NEW.id' },
  { table: 'brand_changes', kind: 'brand_changes', events: ['INSERT'], rowId: 'NEW.id' },
  { table: 'alert_events', kind: 'alert_events', events: ['INSERT'], rowId: 'NEW.id' },
];

/**
 * Team mode (docs/team.md). A shared table's change is appended to `team_outbox` by a trigger, so it is in the
 * same transaction as the change itself: no write path can forget it and a crash cannot separate the two. The
 * triggers only fire while the profile is linked (`team_link.enabled`) and only for this console's own rows: a row
 * pulled from a teammate carries `origin_console` and is never shipped back. Pulled calls and orders live beside
 * the local ones (same lookups, bundles and rollups) with the console and operator they came from; a pulled order
 * is always `resolved` with no request body, so order recovery can never resend a teammate's order.
 */
export const teamOutboxMigration: Migration = {
  version: 12,
  name: 'team-outbox',
  up(db) {
    db.exec(`
      ALTER TABLE api_calls ADD COLUMN origin_console TEXT;
      ALTER TABLE api_calls ADD COLUMN origin_operator TEXT;
      ALTER TABLE api_calls ADD COLUMN origin_id INTEGER;
      CREATE UNIQUE INDEX api_calls_origin ON api_calls (origin_console, origin_id) WHERE origin_console IS NOT NULL;
      ALTER TABLE orders ADD COLUMN origin_console TEXT;
      ALTER TABLE orders ADD COLUMN origin_operator TEXT;
      ALTER TABLE orders ADD COLUMN origin_id INTEGER;
      ALTER TABLE orders ADD COLUMN origin_version INTEGER;
      CREATE UNIQUE INDEX orders_origin ON orders (origin_console, origin_id) WHERE origin_console IS NOT NULL;

      CREATE TABLE team_link (
        id            INTEGER PRIMARY KEY CHECK (id = 1),
        enabled       INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        settings_json TEXT    CHECK (settings_json IS NULL OR json_valid(settings_json)),
        updated_at    INTEGER
      );
      INSERT INTO team_link (id, enabled) VALUES (1, 0);
      CREATE TABLE team_outbox (
        seq    INTEGER PRIMARY KEY,
        kind   TEXT    NOT NULL,
        row_id INTEGER NOT NULL
      );
      -- the last PostgreSQL seq pulled per shared kind
      CREATE TABLE team_cursors (
        kind TEXT    PRIMARY KEY,
        seq  INTEGER NOT NULL
      ) WITHOUT ROWID;
      ${SHARED_WRITES.flatMap(({ table, kind, events, rowId }) =>
        events.map(
          (event) => `
      CREATE TRIGGER team_outbox_${table}_${event.toLowerCase()} AFTER ${event} ON ${table}
      WHEN ${table === 'api_calls' || table === 'orders' ? 'NEW.origin_console IS NULL AND ' : ''}(SELECT enabled FROM team_link WHERE id = 1) = 1
      BEGIN
        INSERT INTO team_outbox (kind, row_id) VALUES ('${kind}', ${rowId});
      END;`,
        ),
      ).join('\n')}
    `);
  },
};
