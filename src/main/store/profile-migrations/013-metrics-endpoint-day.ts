import type { Migration } from '../migrate.ts';

// Frozen copy of the histogram columns as of migration 6 (a migration never changes once released).
const BOUNDS = [
  1, 2, 5, 10, 25, 50, 75, 100, 150, 200, 250, 300, 400, 500, 750, 1000, 1500, 2000, 2500, 3500, 5000, 7500, 10000,
];
const HISTOGRAM = [...BOUNDS.map((bound) => `le_${bound}`), 'gt_10000'];

/**
 * metrics_endpoint_day: calls, failures and the latency histogram per endpoint and UTC epoch day, beside the
 * minute and hour tables (docs/dashboards.md). A 30-day dashboard reads its latency panel from ~30 rows per
 * endpoint instead of 720 hourly histograms; the call-log writer upserts it in the same transaction as the others.
 * Filled from the hour rows, which hold every call rolled up so far.
 */
export const metricsEndpointDayMigration: Migration = {
  version: 13,
  name: 'metrics-endpoint-day',
  up(db) {
    db.exec(`
      CREATE TABLE metrics_endpoint_day (
        day            INTEGER NOT NULL,
        endpoint       TEXT    NOT NULL,
        calls          INTEGER NOT NULL,
        failed         INTEGER NOT NULL,
        latency_ms_sum REAL    NOT NULL,
        latency_ms_max REAL    NOT NULL,
        ${HISTOGRAM.map((column) => `${column} INTEGER NOT NULL DEFAULT 0`).join(',\n        ')},
        PRIMARY KEY (day, endpoint)
      ) WITHOUT ROWID;
      INSERT INTO metrics_endpoint_day (day, endpoint, calls, failed, latency_ms_sum, latency_ms_max, ${HISTOGRAM.join(', ')})
        SELECT hour / 24, endpoint, sum(calls), sum(failed), total(latency_ms_sum), max(latency_ms_max),
               ${HISTOGRAM.map((column) => `sum(${column})`).join(', ')}
        FROM metrics_endpoint_hour GROUP BY hour / 24, endpoint;
    `);
  },
};
