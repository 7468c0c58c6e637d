import type { Migration } from '../migrate.ts';

// Frozen copies of the bucket bounds and dimensions as of this migration (a migration never changes once released).
const BOUNDS = [
  1, 2, 5, 10, 25, 50, 75, 100, 150, 200, 250, 300, 400, 500, 750, 1000, 1500, 2000, 2500, 3500, 5000, 7500, 10000,
];
const HISTOGRAM = [...BOUNDS.map((bound) => `le_${bound}`), 'gt_10000'];
const DIMENSIONS = 'endpoint, http_status, outcome, error_kind, error_key, order_status';

const wideRollupTable = (name: string) => `
  CREATE TABLE ${name} (
    minute         INTEGER NOT NULL,
    endpoint       TEXT    NOT NULL,
    http_status    INTEGER NOT NULL,
    outcome        TEXT    NOT NULL,
    error_kind     TEXT    NOT NULL,
    error_key      TEXT    NOT NULL,
    order_status   TEXT    NOT NULL,
    calls          INTEGER NOT NULL,
    latency_ms_sum REAL    NOT NULL,
    latency_ms_max REAL    NOT NULL,
    ${HISTOGRAM.map((column) => `${column} INTEGER NOT NULL DEFAULT 0`).join(',\n    ')},
    amount_sum     REAL    NOT NULL DEFAULT 0,
    PRIMARY KEY (minute, ${DIMENSIONS})
  ) WITHOUT ROWID;
`;

const endpointTable = (name: string, time: 'minute' | 'hour') => `
  CREATE TABLE ${name} (
    ${time}        INTEGER NOT NULL,
    endpoint       TEXT    NOT NULL,
    calls          INTEGER NOT NULL,
    failed         INTEGER NOT NULL,
    latency_ms_sum REAL    NOT NULL,
    latency_ms_max REAL    NOT NULL,
    ${HISTOGRAM.map((column) => `${column} INTEGER NOT NULL DEFAULT 0`).join(',\n    ')},
    PRIMARY KEY (${time}, endpoint)
  ) WITHOUT ROWID;
`;

const errorTable = (name: string, time: 'minute' | 'hour') => `
  CREATE TABLE ${name} (
    ${time}    INTEGER NOT NULL,
    error_kind TEXT    NOT NULL,
    error_key  TEXT    NOT NULL,
    calls      INTEGER NOT NULL,
    PRIMARY KEY (${time}, error_kind, error_key)
  ) WITHOUT ROWID;
`;

// The failure kind a pre-migration row had, read back from its error key (an E-code or a kind) and its HTTP
// status the way the classifier decides (src/main/hubble/classify-response.ts).
const KIND_OF_OLD_KEY = `CASE
  WHEN error_key = '' THEN ''
  WHEN error_key NOT GLOB 'E[0-9]*' THEN error_key
  WHEN upper(error_key) = 'E400' OR http_status = 429 THEN 'rate-limit'
  WHEN http_status = 401 THEN 'auth'
  WHEN http_status = 403 THEN 'whitelisting'
  WHEN http_status = 404 THEN 'not-found'
  WHEN http_status >= 500 THEN 'server'
  ELSE 'business' END`;

const OLD_HISTOGRAM = ['le_50', 'le_100', 'le_250', 'le_500', 'le_1000', 'le_2500', 'le_5000', 'le_10000', 'gt_10000'];

/**
 * Dashboard rollups (docs/dashboards.md): metrics_minute gains the failure kind beside the error key and a finer
 * latency histogram (p95 within one narrow bucket); the dashboard reads narrow tables derived from it, per minute
 * and per hour (ranges over two days): metrics_endpoint_* (calls, failures and the latency histogram per endpoint)
 * and metrics_error_* (failed calls per kind and error key); metrics_orders_minute/hour count orders by status with their amount (paise) per minute of
 * creation; metrics_state keeps the watermarks of the incremental rollups; rate_limit_usage is the last
 * computed usage of each rate limit (the alert evaluator reads it).
 *
 * Minutes the raw call log still covers are recomputed exactly from api_calls; older rollup rows (raw calls
 * past retention) are carried over, their kind read back from the key and their latency counts kept under the
 * old bucket bounds, which are bounds of the new histogram too.
 */
export const metricsRollupsMigration: Migration = {
  version: 6,
  name: 'metrics-rollups',
  up(db) {
    db.exec(wideRollupTable('metrics_minute_new'));
    const oldest = db.prepare('SELECT min(at) AS at FROM api_calls').get() as { at: number | null };
    // The first whole minute the raw log covers: retention may have cut into the minute of the oldest call.
    const rawFromMinute = oldest.at === null ? Number.MAX_SAFE_INTEGER : Math.floor(oldest.at / 60_000) + 1;
    db.prepare(
      `INSERT INTO metrics_minute_new (minute, ${DIMENSIONS}, calls, latency_ms_sum, latency_ms_max, ${OLD_HISTOGRAM.join(', ')}, amount_sum)
       SELECT minute, endpoint, http_status, outcome, ${KIND_OF_OLD_KEY}, error_key, order_status, calls, latency_ms_sum,
              latency_ms_max, ${OLD_HISTOGRAM.join(', ')}, amount_sum
       FROM metrics_minute WHERE minute < ?`,
    ).run(rawFromMinute);
    const bucketCase = `CASE ${BOUNDS.map((bound, index) => `WHEN latency_ms <= ${bound} THEN ${index}`).join(' ')} ELSE ${BOUNDS.length} END`;
    db.prepare(
      `INSERT INTO metrics_minute_new (minute, ${DIMENSIONS}, calls, latency_ms_sum, latency_ms_max, ${HISTOGRAM.join(', ')}, amount_sum)
       SELECT minute, ${DIMENSIONS}, count(*), total(latency_ms), max(latency_ms),
              ${HISTOGRAM.map((_, index) => `sum(b = ${index})`).join(', ')}, total(amount)
       FROM (
         SELECT at / 60000 AS minute, endpoint, coalesce(http_status, 0) AS http_status, outcome,
                coalesce(error_kind, '') AS error_kind, coalesce(error_id, error_kind, '') AS error_key,
                coalesce(order_status, '') AS order_status, latency_ms, amount, ${bucketCase} AS b
         FROM api_calls WHERE at >= ?
       )
       GROUP BY minute, ${DIMENSIONS}`,
    ).run(rawFromMinute * 60_000);
    db.exec(`
      DROP TABLE metrics_minute;
      ALTER TABLE metrics_minute_new RENAME TO metrics_minute;
      ${endpointTable('metrics_endpoint_minute', 'minute')}
      ${endpointTable('metrics_endpoint_hour', 'hour')}
      ${errorTable('metrics_error_minute', 'minute')}
      ${errorTable('metrics_error_hour', 'hour')}
      INSERT INTO metrics_endpoint_minute (minute, endpoint, calls, failed, latency_ms_sum, latency_ms_max, ${HISTOGRAM.join(', ')})
        SELECT minute, endpoint, sum(calls), coalesce(sum(CASE WHEN error_kind <> '' THEN calls END), 0), total(latency_ms_sum),
               max(latency_ms_max), ${HISTOGRAM.map((column) => `sum(${column})`).join(', ')}
        FROM metrics_minute GROUP BY minute, endpoint;
      INSERT INTO metrics_endpoint_hour (hour, endpoint, calls, failed, latency_ms_sum, latency_ms_max, ${HISTOGRAM.join(', ')})
        SELECT minute / 60, endpoint, sum(calls), sum(failed), total(latency_ms_sum), max(latency_ms_max),
               ${HISTOGRAM.map((column) => `sum(${column})`).join(', ')}
        FROM metrics_endpoint_minute GROUP BY minute / 60, endpoint;
      INSERT INTO metrics_error_minute (minute, error_kind, error_key, calls)
        SELECT minute, error_kind, error_key, sum(calls) FROM metrics_minute WHERE error_kind <> ''
        GROUP BY minute, error_kind, error_key;
      INSERT INTO metrics_error_hour (hour, error_kind, error_key, calls)
        SELECT minute / 60, error_kind, error_key, sum(calls) FROM metrics_error_minute
        GROUP BY minute / 60, error_kind, error_key;

      CREATE TABLE metrics_orders_minute (
        minute       INTEGER NOT NULL,
        status       TEXT    NOT NULL,
        orders       INTEGER NOT NULL,
        amount_paise INTEGER NOT NULL,
        PRIMARY KEY (minute, status)
      ) WITHOUT ROWID;
      CREATE TABLE metrics_orders_hour (
        hour         INTEGER NOT NULL,
        status       TEXT    NOT NULL,
        orders       INTEGER NOT NULL,
        amount_paise INTEGER NOT NULL,
        PRIMARY KEY (hour, status)
      ) WITHOUT ROWID;
      INSERT INTO metrics_orders_minute (minute, status, orders, amount_paise)
        SELECT created_at / 60000, status, count(*), coalesce(sum(amount_paise), 0) FROM orders GROUP BY 1, 2;
      INSERT INTO metrics_orders_hour (hour, status, orders, amount_paise)
        SELECT minute / 60, status, sum(orders), sum(amount_paise) FROM metrics_orders_minute GROUP BY 1, 2;

      CREATE TABLE metrics_state (
        key   TEXT    PRIMARY KEY,
        value INTEGER NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO metrics_state (key, value)
        SELECT 'orders.history_id', coalesce(max(id), 0) FROM order_status_history;

      CREATE TABLE rate_limit_usage (
        limit_key    TEXT    PRIMARY KEY,
        at           INTEGER NOT NULL,
        window_start INTEGER NOT NULL,
        window_end   INTEGER NOT NULL,
        used         REAL    NOT NULL,
        uncertain    REAL    NOT NULL,
        capacity     REAL    NOT NULL,
        percent_used REAL    NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
