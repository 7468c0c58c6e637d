import type { Dashboard } from '../../../../shared/contract/metrics.ts';
import { denseBuckets } from '../../components/time-range.ts';

/** The p95 trend draws the busiest endpoints only: more lines than this do not read. */
export const TREND_ENDPOINTS = 5;

/** One step of the trend: its start and each drawn endpoint's p95 (null: no call to it in that step, a gap). */
export interface TrendSlot {
  at: number;
  p95: (number | null)[];
  p50: (number | null)[];
}

/**
 * The latency series as one slot per step (main's series is sparse and per endpoint), for the busiest endpoints
 * of the range in the order given.
 */
export function latencyTrend(
  data: Pick<Dashboard, 'from' | 'to' | 'latencyBucketMs' | 'latencySeries'>,
  endpoints: readonly string[],
): TrendSlot[] {
  const column = new Map(endpoints.map((endpoint, index) => [endpoint, index]));
  const byAt = new Map<number, TrendSlot>();
  for (const point of data.latencySeries) {
    const index = column.get(point.endpoint);
    if (index === undefined) continue;
    let slot = byAt.get(point.at);
    if (!slot) {
      slot = { at: point.at, p95: endpoints.map(() => null), p50: endpoints.map(() => null) };
      byAt.set(point.at, slot);
    }
    slot.p95[index] = point.p95Ms;
    slot.p50[index] = point.p50Ms;
  }
  return denseBuckets(data.from, data.to, data.latencyBucketMs, [...byAt.values()], (at) => ({
    at,
    p95: endpoints.map(() => null),
    p50: endpoints.map(() => null),
  }));
}

/** "a day", "an hour", "5 minutes": the step named in the panel's subtitle. */
export function stepWords(ms: number): string {
  if (ms % 86_400_000 === 0) return ms === 86_400_000 ? 'day' : `${ms / 86_400_000} days`;
  if (ms % 3_600_000 === 0) return ms === 3_600_000 ? 'hour' : `${ms / 3_600_000} hours`;
  return ms === 60_000 ? 'minute' : `${ms / 60_000} minutes`;
}
