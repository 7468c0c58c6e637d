import type { Migration } from '../migrate.ts';

/**
 * Per-minute rollups of the call log so dashboards read buckets, not raw rows. One row per minute and
 * combination of endpoint, HTTP status, outcome, error (Hubble id or failure kind) and order status, with
 * counts, latency sum/max, a fixed latency histogram and the order amount. Absent dimensions are '' or 0
 * (not NULL) so the primary key can merge them.
 */
export const metricsMinuteMigration: Migration = {
  version: 2,
  name: 'metrics-minute',
  up(db) {
    db.exec(`
      CREATE TABLE metrics_minute (
        minute         INTEGER NOT NULL,
        endpoint       TEXT    NOT NULL,
        http_status    INTEGER NOT NULL,
        outcome        TEXT    NOT NULL,
        error_key      TEXT    NOT NULL,
        order_status   TEXT    NOT NULL,
        calls          INTEGER NOT NULL,
        latency_ms_sum REAL    NOT NULL,
        latency_ms_max REAL    NOT NULL,
        le_50          INTEGER NOT NULL DEFAULT 0,
        le_100         INTEGER NOT NULL DEFAULT 0,
        le_250         INTEGER NOT NULL DEFAULT 0,
        le_500         INTEGER NOT NULL DEFAULT 0,
        le_1000        INTEGER NOT NULL DEFAULT 0,
        le_2500        INTEGER NOT NULL DEFAULT 0,
        le_5000        INTEGER NOT NULL DEFAULT 0,
        le_10000       INTEGER NOT NULL DEFAULT 0,
        gt_10000       INTEGER NOT NULL DEFAULT 0,
        amount_sum     REAL    NOT NULL DEFAULT 0,
        PRIMARY KEY (minute, endpoint, http_status, outcome, error_key, order_status)
      ) WITHOUT ROWID;
    `);
  },
};
