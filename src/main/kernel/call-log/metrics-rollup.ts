import type Database from 'better-sqlite3';
import type { CallRow } from './call-row.ts';

/**
 * Upper bounds (ms) of the latency histogram columns of metrics_minute / metrics_hour; the last column is
 * "above". Steps of at most 2.5× keep a p95 read from the histogram within one narrow bucket (linear
 * interpolation inside it); every bound of the first histogram (50 … 10000) is still a bound, so rows rolled up
 * before migration 6 keep their meaning.
 */
export const LATENCY_BUCKETS = [
  1, 2, 5, 10, 25, 50, 75, 100, 150, 200, 250, 300, 400, 500, 750, 1000, 1500, 2000, 2500, 3500, 5000, 7500, 10000,
] as const;
export const HISTOGRAM_COLUMNS: readonly string[] = [...LATENCY_BUCKETS.map((bound) => `le_${bound}`), 'gt_10000'];

/** The dimensions of one call rollup row, in primary-key order after the time column. */
export const CALL_ROLLUP_DIMENSIONS = [
  'endpoint',
  'http_status',
  'outcome',
  'error_kind',
  'error_key',
  'order_status',
] as const;

export interface MinuteBucket {
  minute: number;
  endpoint: string;
  http_status: number;
  outcome: string;
  /** the failure kind of the taxonomy ('' for a success) */
  error_kind: string;
  /** Hubble's error id when it sent one, else the failure kind ('' for a success) */
  error_key: string;
  order_status: string;
  calls: number;
  latency_ms_sum: number;
  latency_ms_max: number;
  histogram: number[];
  amount_sum: number;
}

export const minuteOf = (at: number) => Math.floor(at / 60_000);
export const hourOfMinute = (minute: number) => Math.floor(minute / 60);
/** UTC epoch days, like the hours: in IST a day runs from 05:30 to 05:30. */
export const dayOfMinute = (minute: number) => Math.floor(minute / 1440);

export const bucketIndex = (latencyMs: number) => {
  const index = LATENCY_BUCKETS.findIndex((bound) => latencyMs <= bound);
  return index === -1 ? LATENCY_BUCKETS.length : index;
};

/** Folds a batch of rows into per-minute buckets, so one flush costs one upsert per bucket, not per row. */
export function rollUp(rows: readonly CallRow[]): MinuteBucket[] {
  const buckets = new Map<string, MinuteBucket>();
  for (const row of rows) {
    const minute = minuteOf(row.at);
    const errorKind = row.error_kind ?? '';
    const errorKey = row.error_id ?? row.error_kind ?? '';
    const orderStatus = row.order_status ?? '';
    const status = row.http_status ?? 0;
    const key = `${minute}|${row.endpoint}|${status}|${row.outcome}|${errorKind}|${errorKey}|${orderStatus}`;
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = {
        minute,
        endpoint: row.endpoint,
        http_status: status,
        outcome: row.outcome,
        error_kind: errorKind,
        error_key: errorKey,
        order_status: orderStatus,
        calls: 0,
        latency_ms_sum: 0,
        latency_ms_max: 0,
        histogram: HISTOGRAM_COLUMNS.map(() => 0),
        amount_sum: 0,
      };
      buckets.set(key, bucket);
    }
    bucket.calls += 1;
    bucket.latency_ms_sum += row.latency_ms;
    bucket.latency_ms_max = Math.max(bucket.latency_ms_max, row.latency_ms);
    bucket.histogram[bucketIndex(row.latency_ms)]! += 1;
    bucket.amount_sum += row.amount ?? 0;
  }
  return [...buckets.values()];
}

const histogramNames = HISTOGRAM_COLUMNS.join(', ');
const histogramParams = HISTOGRAM_COLUMNS.map((_, index) => `@h${index}`).join(', ');
const histogramUpdates = HISTOGRAM_COLUMNS.map((column) => `${column} = ${column} + excluded.${column}`).join(', ');

const wideUpsertSql = `
  INSERT INTO metrics_minute (minute, ${CALL_ROLLUP_DIMENSIONS.join(', ')}, calls, latency_ms_sum, latency_ms_max, ${histogramNames}, amount_sum)
  VALUES (@minute, ${CALL_ROLLUP_DIMENSIONS.map((name) => `@${name}`).join(', ')}, @calls, @latency_ms_sum, @latency_ms_max, ${histogramParams}, @amount_sum)
  ON CONFLICT (minute, ${CALL_ROLLUP_DIMENSIONS.join(', ')}) DO UPDATE SET
    calls = calls + excluded.calls,
    latency_ms_sum = latency_ms_sum + excluded.latency_ms_sum,
    latency_ms_max = max(latency_ms_max, excluded.latency_ms_max),
    ${histogramUpdates},
    amount_sum = amount_sum + excluded.amount_sum
`;

const endpointUpsertSql = (table: string, time: 'minute' | 'hour' | 'day') => `
  INSERT INTO ${table} (${time}, endpoint, calls, failed, latency_ms_sum, latency_ms_max, ${histogramNames})
  VALUES (@${time}, @endpoint, @calls, @failed, @latency_ms_sum, @latency_ms_max, ${histogramParams})
  ON CONFLICT (${time}, endpoint) DO UPDATE SET
    calls = calls + excluded.calls,
    failed = failed + excluded.failed,
    latency_ms_sum = latency_ms_sum + excluded.latency_ms_sum,
    latency_ms_max = max(latency_ms_max, excluded.latency_ms_max),
    ${histogramUpdates}
`;

const errorUpsertSql = (table: string, time: 'minute' | 'hour') => `
  INSERT INTO ${table} (${time}, error_kind, error_key, calls)
  VALUES (@${time}, @error_kind, @error_key, @calls)
  ON CONFLICT (${time}, error_kind, error_key) DO UPDATE SET calls = calls + excluded.calls
`;

/**
 * Upserts one bucket into every call rollup: the wide minute table (all dimensions), and the narrow tables the
 * dashboard reads per minute and per hour: one row per endpoint (calls, failures, latency histogram) and one
 * per error (kind and key). A 30-day dashboard then reads a few thousand rows, not every combination; its
 * latency panel reads the per-day endpoint rows (a histogram per day, not per hour).
 */
export function prepareRollupUpsert(db: Database.Database): (bucket: MinuteBucket) => void {
  const wide = db.prepare(wideUpsertSql);
  const endpointMinute = db.prepare(endpointUpsertSql('metrics_endpoint_minute', 'minute'));
  const endpointHour = db.prepare(endpointUpsertSql('metrics_endpoint_hour', 'hour'));
  const endpointDay = db.prepare(endpointUpsertSql('metrics_endpoint_day', 'day'));
  const errorMinute = db.prepare(errorUpsertSql('metrics_error_minute', 'minute'));
  const errorHour = db.prepare(errorUpsertSql('metrics_error_hour', 'hour'));
  return (bucket) => {
    const histogram: Record<string, number> = {};
    bucket.histogram.forEach((count, index) => (histogram[`h${index}`] = count));
    const hour = hourOfMinute(bucket.minute);
    wide.run({
      minute: bucket.minute,
      endpoint: bucket.endpoint,
      http_status: bucket.http_status,
      outcome: bucket.outcome,
      error_kind: bucket.error_kind,
      error_key: bucket.error_key,
      order_status: bucket.order_status,
      calls: bucket.calls,
      latency_ms_sum: bucket.latency_ms_sum,
      latency_ms_max: bucket.latency_ms_max,
      amount_sum: bucket.amount_sum,
      ...histogram,
    });
    const perEndpoint = {
      endpoint: bucket.endpoint,
      calls: bucket.calls,
      failed: bucket.error_kind === '' ? 0 : bucket.calls,
      latency_ms_sum: bucket.latency_ms_sum,
      latency_ms_max: bucket.latency_ms_max,
      ...histogram,
    };
    endpointMinute.run({ minute: bucket.minute, ...perEndpoint });
    endpointHour.run({ hour, ...perEndpoint });
    endpointDay.run({ day: dayOfMinute(bucket.minute), ...perEndpoint });
    if (bucket.error_kind === '') return;
    const perError = {
      error_kind: bucket.error_kind,
      error_key: bucket.error_key,
      endpoint: bucket.endpoint,
      calls: bucket.calls,
    };
    errorMinute.run({ minute: bucket.minute, ...perError });
    errorHour.run({ hour, ...perError });
  };
}

/**
 * SQL that rolls raw api_calls (at ≥ @fromMs) into metrics_minute rows, the same buckets `rollUp` makes: the
 * maintenance rebuild and migration-free recomputation both use it, so there is one definition of a bucket.
 */
export function rawToMinuteRollupSql(): string {
  const bucketCase = `CASE ${LATENCY_BUCKETS.map((bound, index) => `WHEN latency_ms <= ${bound} THEN ${index}`).join(' ')} ELSE ${LATENCY_BUCKETS.length} END`;
  const histogramSums = HISTOGRAM_COLUMNS.map((_, index) => `sum(b = ${index})`).join(', ');
  return `
    INSERT INTO metrics_minute (minute, ${CALL_ROLLUP_DIMENSIONS.join(', ')}, calls, latency_ms_sum, latency_ms_max, ${HISTOGRAM_COLUMNS.join(', ')}, amount_sum)
    SELECT minute, endpoint, http_status, outcome, error_kind, error_key, order_status,
           count(*), total(latency_ms), max(latency_ms), ${histogramSums}, total(amount)
    FROM (
      SELECT at / 60000 AS minute, endpoint, coalesce(http_status, 0) AS http_status, outcome,
             coalesce(error_kind, '') AS error_kind, coalesce(error_id, error_kind, '') AS error_key,
             coalesce(order_status, '') AS order_status, latency_ms, amount, ${bucketCase} AS b
      FROM api_calls WHERE at >= @fromMs
    )
    GROUP BY minute, endpoint, http_status, outcome, error_kind, error_key, order_status
  `;
}

const HISTOGRAM_SUMS = HISTOGRAM_COLUMNS.map((column) => `sum(${column})`).join(', ');

/**
 * SQL that derives the narrow rollups from metrics_minute (minute ≥ @fromMinute; hour tables from the hour of
 * @fromMinute on, so @fromMinute must be a whole hour; the day table from the day of @fromMinute on, out of the
 * hour rows, which keep the earlier hours of that day): in dependency order, for the maintenance rebuild.
 */
export function derivedRollupSql(): readonly string[] {
  return [
    `INSERT INTO metrics_endpoint_minute (minute, endpoint, calls, failed, latency_ms_sum, latency_ms_max, ${histogramNames})
     SELECT minute, endpoint, sum(calls), coalesce(sum(CASE WHEN error_kind <> '' THEN calls END), 0), total(latency_ms_sum), max(latency_ms_max), ${HISTOGRAM_SUMS}
     FROM metrics_minute WHERE minute >= @fromMinute GROUP BY minute, endpoint`,
    `INSERT INTO metrics_endpoint_hour (hour, endpoint, calls, failed, latency_ms_sum, latency_ms_max, ${histogramNames})
     SELECT minute / 60, endpoint, sum(calls), sum(failed), total(latency_ms_sum), max(latency_ms_max), ${HISTOGRAM_SUMS}
     FROM metrics_endpoint_minute WHERE minute >= @fromMinute GROUP BY minute / 60, endpoint`,
    `INSERT INTO metrics_endpoint_day (day, endpoint, calls, failed, latency_ms_sum, latency_ms_max, ${histogramNames})
     SELECT hour / 24, endpoint, sum(calls), sum(failed), total(latency_ms_sum), max(latency_ms_max), ${HISTOGRAM_SUMS}
     FROM metrics_endpoint_hour WHERE hour >= (@fromMinute / 1440) * 24 GROUP BY hour / 24, endpoint`,
    `INSERT INTO metrics_error_minute (minute, error_kind, error_key, calls)
     SELECT minute, error_kind, error_key, sum(calls) FROM metrics_minute
     WHERE minute >= @fromMinute AND error_kind <> '' GROUP BY minute, error_kind, error_key`,
    `INSERT INTO metrics_error_hour (hour, error_kind, error_key, calls)
     SELECT minute / 60, error_kind, error_key, sum(calls) FROM metrics_error_minute
     WHERE minute >= @fromMinute GROUP BY minute / 60, error_kind, error_key`,
  ];
}

/** The narrow rollup tables, minute ones first: what the rebuild clears before deriving them again (and retention prunes). */
export const DERIVED_ROLLUP_TABLES = [
  ['metrics_endpoint_minute', 'minute'],
  ['metrics_error_minute', 'minute'],
  ['metrics_endpoint_hour', 'hour'],
  ['metrics_error_hour', 'hour'],
  ['metrics_endpoint_day', 'day'],
] as const;

const MINUTES_PER = { minute: 1, hour: 60, day: 1440 } as const;
/** The bucket of a rollup time column (minute, hour or day) that holds `minute`. */
export const bucketOfMinute = (column: 'minute' | 'hour' | 'day', minute: number) =>
  Math.floor(minute / MINUTES_PER[column]);
