/**
 * A token bucket per source address (Hubble's advice for webhook endpoints): `perMinute` deliveries a minute
 * with bursts of the same size. Memory stays bounded under a flood of spoofed sources: past `maxSources` the
 * oldest buckets are forgotten (a forgotten source starts full, which only ever lets a real sender through).
 */
export function createRateLimiter(options: { perMinute: number; now: () => number; maxSources?: number }) {
  const maxSources = options.maxSources ?? 10_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const ratePerMs = options.perMinute / 60_000;
  return {
    take(source: string): boolean {
      const now = options.now();
      const bucket = buckets.get(source) ?? { tokens: options.perMinute, at: now };
      bucket.tokens = Math.min(options.perMinute, bucket.tokens + (now - bucket.at) * ratePerMs);
      bucket.at = now;
      buckets.delete(source);
      buckets.set(source, bucket);
      if (buckets.size > maxSources) buckets.delete(buckets.keys().next().value!);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
  };
}
