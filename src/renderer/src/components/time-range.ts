/**
 * The Grafana-like time range every chart page shares: a relative preset ("last 6 hours", moving with now) or an
 * absolute from/to (fixed), and how often the page refreshes.
 */

export const RANGE_PRESETS = [
  { id: '15m', label: 'Last 15 minutes', short: '15 m', ms: 15 * 60_000 },
  { id: '1h', label: 'Last hour', short: '1 h', ms: 3_600_000 },
  { id: '6h', label: 'Last 6 hours', short: '6 h', ms: 6 * 3_600_000 },
  { id: '24h', label: 'Last 24 hours', short: '24 h', ms: 24 * 3_600_000 },
  { id: '7d', label: 'Last 7 days', short: '7 d', ms: 7 * 86_400_000 },
  { id: '30d', label: 'Last 30 days', short: '30 d', ms: 30 * 86_400_000 },
] as const;
export type RangePresetId = (typeof RANGE_PRESETS)[number]['id'];

export type TimeRange = { kind: 'relative'; preset: RangePresetId } | { kind: 'absolute'; from: number; to: number };

export const REFRESH_CHOICES = [
  { ms: 0, label: 'Off' },
  { ms: 5_000, label: '5 s' },
  { ms: 30_000, label: '30 s' },
  { ms: 60_000, label: '1 min' },
  { ms: 300_000, label: '5 min' },
] as const;
export type RefreshMs = (typeof REFRESH_CHOICES)[number]['ms'];

/** main refuses a range above 400 days (metrics contract) */
export const MAX_RANGE_MS = 400 * 86_400_000;

export const presetById = (id: RangePresetId) => RANGE_PRESETS.find((preset) => preset.id === id)!;

/** The epoch-ms window a range covers at `now`: [from, to). */
export function resolveRange(range: TimeRange, now: number): { from: number; to: number } {
  if (range.kind === 'absolute') return { from: range.from, to: range.to };
  return { from: now - presetById(range.preset).ms, to: now };
}

export function describeRange(range: TimeRange): string {
  return range.kind === 'relative' ? presetById(range.preset).label : 'Custom range';
}

/** An absolute range the operator typed: refused when backwards, empty or longer than main accepts. */
export function checkAbsoluteRange(from: number | undefined, to: number | undefined): string | null {
  if (from === undefined || to === undefined) return 'Enter both a start and an end.';
  if (to <= from) return 'The end must be after the start.';
  if (to - from > MAX_RANGE_MS) return 'A range covers at most 400 days.';
  return null;
}

/**
 * Every bucket start from `from` to `to` (main widened the range to whole buckets), each with the point main sent
 * for it or what `empty` makes: main's series are sparse, and a chart needs a slot for every bucket.
 */
export function denseBuckets<P extends { at: number }, E>(
  from: number,
  to: number,
  bucketMs: number,
  points: readonly P[],
  empty: (at: number) => E,
): (P | E)[] {
  const byAt = new Map(points.map((point) => [point.at, point]));
  const start = Math.floor(from / bucketMs) * bucketMs;
  const slots: (P | E)[] = [];
  for (let at = start; at < to; at += bucketMs) slots.push(byAt.get(at) ?? empty(at));
  return slots;
}
