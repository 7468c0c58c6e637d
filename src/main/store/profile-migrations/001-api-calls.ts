import type { Migration } from '../migrate.ts';

/**
 * The call log: one row per HTTP attempt to Hubble, bodies already redacted. The lookups support agents
 * live on (X-REQUEST-ID, orderId, referenceId) and the time order of the Calls page each have an index, so
 * they stay constant-time at millions of rows; orderId/referenceId are partial indexes because most calls
 * (catalog, wallet) carry neither.
 */
export const apiCallsMigration: Migration = {
  version: 1,
  name: 'api-calls',
  up(db) {
    db.exec(`
      CREATE TABLE api_calls (
        id                INTEGER PRIMARY KEY,
        at                INTEGER NOT NULL,
        profile_id        TEXT    NOT NULL,
        environment       TEXT    NOT NULL,
        base_url          TEXT    NOT NULL,
        method            TEXT    NOT NULL,
        path              TEXT    NOT NULL,
        endpoint          TEXT    NOT NULL,
        http_status       INTEGER,
        outcome           TEXT    NOT NULL CHECK (outcome IN ('ok', 'failed', 'unknown')),
        error_kind        TEXT,
        error_id          TEXT,
        error_code        TEXT,
        latency_ms        REAL    NOT NULL,
        request_id        TEXT    NOT NULL,
        server_request_id TEXT,
        attempt           INTEGER NOT NULL DEFAULT 1,
        order_id          TEXT,
        reference_id      TEXT,
        order_status      TEXT,
        amount            REAL,
        request_body      TEXT,
        response_body     TEXT,
        failure           TEXT
      );
      CREATE INDEX api_calls_request_id ON api_calls (request_id);
      CREATE INDEX api_calls_order_id ON api_calls (order_id) WHERE order_id IS NOT NULL;
      CREATE INDEX api_calls_reference_id ON api_calls (reference_id) WHERE reference_id IS NOT NULL;
      CREATE INDEX api_calls_at ON api_calls (at);
      CREATE INDEX api_calls_status_at ON api_calls (http_status, at);
      CREATE INDEX api_calls_error_at ON api_calls (error_id, at) WHERE error_id IS NOT NULL;

      CREATE TABLE call_log_settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
