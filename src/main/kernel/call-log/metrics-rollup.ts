import type Database from 'better-sqlite3';
import type { CallRow } from './call-row.ts';

/** Upper bounds (ms) of the latency histogram columns of metrics_minute; the last column is "above". */
export const LATENCY_BUCKETS = [50, 100, 250, 500, 1000, 2500, 5000, 10000] as const;
const BUCKET_COLUMNS = [...LATENCY_BUCKETS.map((bound) => `le_${bound}`), 'gt_10000'] as const;

export interface MinuteBucket {
  minute: number;
  endpoint: string;
  http_status: number;
  outcome: string;
  error_key: string;
  order_status: string;
  calls: number;
  latency_ms_sum: number;
  latency_ms_max: number;
  histogram: number[];
  amount_sum: number;
}

export const minuteOf = (at: number) => Math.floor(at / 60_000);

const bucketIndex = (latencyMs: number) => {
  const index = LATENCY_BUCKETS.findIndex((bound) => latencyMs <= bound);
  return index === -1 ? LATENCY_BUCKETS.length : index;
};

/** Folds a batch of rows into per-minute buckets, so one flush costs one upsert per bucket, not per row. */
export function rollUp(rows: readonly CallRow[]): MinuteBucket[] {
  const buckets = new Map<string, MinuteBucket>();
  for (const row of rows) {
    const minute = minuteOf(row.at);
    const errorKey = row.error_id ?? row.error_kind ?? '';
    const orderStatus = row.order_status ?? '';
    const status = row.http_status ?? 0;
    const key = `${minute}|${row.endpoint}|${status}|${row.outcome}|${errorKey}|${orderStatus}`;
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = {
        minute,
        endpoint: row.endpoint,
        http_status: status,
        outcome: row.outcome,
        error_key: errorKey,
        order_status: orderStatus,
        calls: 0,
        latency_ms_sum: 0,
        latency_ms_max: 0,
        histogram: BUCKET_COLUMNS.map(() => 0),
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

export function prepareRollupUpsert(db: Database.Database): (bucket: MinuteBucket) => void {
  const histogramNames = BUCKET_COLUMNS.join(', ');
  const histogramParams = BUCKET_COLUMNS.map((_, index) => `@h${index}`).join(', ');
  const histogramUpdates = BUCKET_COLUMNS.map((column) => `${column} = ${column} + excluded.${column}`).join(', ');
  const statement = db.prepare(`
    INSERT INTO metrics_minute (minute, endpoint, http_status, outcome, error_key, order_status, calls, latency_ms_sum, latency_ms_max, ${histogramNames}, amount_sum)
    VALUES (@minute, @endpoint, @http_status, @outcome, @error_key, @order_status, @calls, @latency_ms_sum, @latency_ms_max, ${histogramParams}, @amount_sum)
    ON CONFLICT (minute, endpoint, http_status, outcome, error_key, order_status) DO UPDATE SET
      calls = calls + excluded.calls,
      latency_ms_sum = latency_ms_sum + excluded.latency_ms_sum,
      latency_ms_max = max(latency_ms_max, excluded.latency_ms_max),
      ${histogramUpdates},
      amount_sum = amount_sum + excluded.amount_sum
  `);
  return (bucket) => {
    const params: Record<string, number | string> = {
      minute: bucket.minute,
      endpoint: bucket.endpoint,
      http_status: bucket.http_status,
      outcome: bucket.outcome,
      error_key: bucket.error_key,
      order_status: bucket.order_status,
      calls: bucket.calls,
      latency_ms_sum: bucket.latency_ms_sum,
      latency_ms_max: bucket.latency_ms_max,
      amount_sum: bucket.amount_sum,
    };
    bucket.histogram.forEach((count, index) => (params[`h${index}`] = count));
    statement.run(params);
  };
}
