import { LATENCY_BUCKETS } from '../../kernel/call-log/metrics-rollup.ts';

/**
 * A percentile (0–1) estimated from histogram counts (one per LATENCY_BUCKETS bound, then "above"): the
 * bucket holding the rank, linearly inside it, never above the largest latency seen. Null without calls.
 */
export function percentileFromHistogram(counts: readonly number[], p: number, maxMs: number): number | null {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = p * total;
  let before = 0;
  for (let index = 0; index < counts.length; index += 1) {
    const count = counts[index]!;
    if (count > 0 && before + count >= rank) {
      const lower = index === 0 ? 0 : LATENCY_BUCKETS[index - 1]!;
      const upper = index < LATENCY_BUCKETS.length ? LATENCY_BUCKETS[index]! : Math.max(maxMs, lower);
      const estimate = lower + ((upper - lower) * (rank - before)) / count;
      return Math.min(estimate, maxMs);
    }
    before += count;
  }
  return maxMs;
}
