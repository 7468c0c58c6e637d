import type { Migration } from '../migrate.ts';

/**
 * The webhook receiver (docs/receiver.md). `webhook_events` is written before the 200 and read back by the
 * processor, so a crash between the two loses nothing. A rejected delivery (bad or missing X-Verify, too big,
 * not allowed) keeps no body: only a rejection record (`verdict` and `reason`), since an unverified body is
 * attacker-chosen bytes. Headers are stored without any secret-bearing header (authorization, cookies).
 * A verified body may hold SDK card data: it is stored as received (replay and the signature debugger need the
 * exact bytes) in this profile's own database, and every read that leaves main masks it.
 */
export const webhookEventsMigration: Migration = {
  version: 9,
  name: 'webhook-events',
  up(db) {
    db.exec(`
      CREATE TABLE webhook_events (
        id            INTEGER PRIMARY KEY,
        received_at   INTEGER NOT NULL,
        source_ip     TEXT    NOT NULL,
        verdict       TEXT    NOT NULL CHECK (verdict IN ('valid', 'invalid', 'missing', 'too-large', 'forbidden', 'rate-limited')),
        reason        TEXT,
        body          BLOB,
        body_bytes    INTEGER NOT NULL,
        headers_json  TEXT    NOT NULL CHECK (json_valid(headers_json)),
        type          TEXT,
        dedupe_key    TEXT,
        duplicate_of  INTEGER REFERENCES webhook_events (id),
        state         TEXT    NOT NULL CHECK (state IN ('rejected', 'pending', 'applied', 'recorded', 'failed', 'duplicate')),
        attempts      INTEGER NOT NULL DEFAULT 0,
        changes_json  TEXT    CHECK (changes_json IS NULL OR json_valid(changes_json)),
        error         TEXT,
        processed_at  INTEGER
      );
      CREATE INDEX webhook_events_received ON webhook_events (received_at);
      CREATE INDEX webhook_events_type ON webhook_events (type, received_at) WHERE type IS NOT NULL;
      CREATE INDEX webhook_events_pending ON webhook_events (id) WHERE state = 'pending';
      -- The first verified delivery of a key owns it; later ones point at it as duplicates.
      CREATE UNIQUE INDEX webhook_events_dedupe ON webhook_events (dedupe_key) WHERE dedupe_key IS NOT NULL AND duplicate_of IS NULL;

      CREATE TABLE receiver_settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
