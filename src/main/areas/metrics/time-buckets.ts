import type { BucketSize } from '../../../shared/contract/metrics.ts';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
/** Above this a minute series has too many points to draw or to read quickly; hour buckets take over. */
export const MINUTE_BUCKETS_UP_TO_MS = 2 * 86_400_000;

export interface BucketPlan {
  readonly size: BucketSize;
  readonly ms: number;
  /** the rollup tables and their time column for this size */
  readonly endpoints: 'metrics_endpoint_minute' | 'metrics_endpoint_hour';
  readonly errors: 'metrics_error_minute' | 'metrics_error_hour';
  readonly orders: 'metrics_orders_minute' | 'metrics_orders_hour';
  readonly column: 'minute' | 'hour';
  /** first bucket index (inclusive) and last (exclusive): the range widened to whole buckets */
  readonly first: number;
  readonly end: number;
  /** the latency series' step, a whole number of buckets: coarser than the bucket on long ranges */
  readonly latencyStep: number;
}

export const DAY_MS = 86_400_000;
/**
 * Steps the latency series may use; the finest that keeps it within LATENCY_SERIES_POINTS points is chosen. A
 * day step reads metrics_endpoint_day (hour rows only for a partial first or last day).
 */
const LATENCY_STEPS_MS = [MINUTE_MS, 5 * MINUTE_MS, 15 * MINUTE_MS, HOUR_MS, DAY_MS] as const;
/**
 * Per endpoint: a 30-day series of hourly p95s would be 720 points × endpoints, each a 24-bucket histogram read
 * and summed on every refresh (most of a refresh's time), more than a chart shows; daily points cost 30 rows.
 */
export const LATENCY_SERIES_POINTS = 200;

function latencyStepOf(ms: number, buckets: number): number {
  const step =
    LATENCY_STEPS_MS.find(
      (candidate) => candidate >= ms && Math.ceil((buckets * ms) / candidate) <= LATENCY_SERIES_POINTS,
    ) ?? LATENCY_STEPS_MS.at(-1)!;
  return step / ms;
}

export function planBuckets(from: number, to: number, size?: BucketSize): BucketPlan {
  const chosen: BucketSize = size ?? (to - from > MINUTE_BUCKETS_UP_TO_MS ? 'hour' : 'minute');
  const ms = chosen === 'minute' ? MINUTE_MS : HOUR_MS;
  const first = Math.floor(from / ms);
  const end = Math.ceil(to / ms);
  return {
    size: chosen,
    ms,
    endpoints: chosen === 'minute' ? 'metrics_endpoint_minute' : 'metrics_endpoint_hour',
    errors: chosen === 'minute' ? 'metrics_error_minute' : 'metrics_error_hour',
    orders: chosen === 'minute' ? 'metrics_orders_minute' : 'metrics_orders_hour',
    column: chosen,
    first,
    end,
    latencyStep: latencyStepOf(ms, end - first),
  };
}
