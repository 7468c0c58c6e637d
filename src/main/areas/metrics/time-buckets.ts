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
}

export function planBuckets(from: number, to: number, size?: BucketSize): BucketPlan {
  const chosen: BucketSize = size ?? (to - from > MINUTE_BUCKETS_UP_TO_MS ? 'hour' : 'minute');
  const ms = chosen === 'minute' ? MINUTE_MS : HOUR_MS;
  return {
    size: chosen,
    ms,
    endpoints: chosen === 'minute' ? 'metrics_endpoint_minute' : 'metrics_endpoint_hour',
    errors: chosen === 'minute' ? 'metrics_error_minute' : 'metrics_error_hour',
    orders: chosen === 'minute' ? 'metrics_orders_minute' : 'metrics_orders_hour',
    column: chosen,
    first: Math.floor(from / ms),
    end: Math.ceil(to / ms),
  };
}
