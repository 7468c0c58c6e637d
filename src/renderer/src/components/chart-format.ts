import { operatorLocale } from './format-time.ts';

/**
 * Chart labels (UX.md): percentages with one decimal, durations human-first; rupees on axes are lakh / crore short
 * forms (shortPaise in components/money.ts), the exact value is in the tooltip and the data table.
 */

/** 98.7% — one decimal, since a change of 0.1 in a success rate matters. A ratio 0–1 in. */
export function formatRate(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${(ratio * 100).toFixed(1)}%`;
}

export function formatPercent(percent: number | null | undefined, decimals = 0): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return '—';
  return `${percent.toFixed(decimals)}%`;
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)} s` : `${Math.round(ms)} ms`;
}

export function formatCount(count: number): string {
  return new Intl.NumberFormat('en-IN').format(count);
}

/** "3 h 20 min", "2 d 4 h", "45 min"; null: not draining. */
export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return '—';
  if (hours <= 0) return 'none left';
  const minutes = Math.round(hours * 60);
  if (minutes < 60) return `${Math.max(1, minutes)} min`;
  if (minutes < 48 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  const days = Math.floor(minutes / 1440);
  const h = Math.round((minutes % 1440) / 60);
  return h === 0 ? `${days} d` : `${days} d ${h} h`;
}

const tickFormatters = new Map<string, Intl.DateTimeFormat>();
function tickFormatter(long: boolean): Intl.DateTimeFormat {
  const key = `${operatorLocale() ?? ''}|${long}`;
  let formatter = tickFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(
      operatorLocale(),
      long ? { month: 'short', day: 'numeric' } : { hour: '2-digit', minute: '2-digit' },
    );
    tickFormatters.set(key, formatter);
  }
  return formatter;
}

/** An x-axis tick: the time of day within two days, the date beyond. */
export function formatTick(at: number, spanMs: number): string {
  return tickFormatter(spanMs > 2 * 86_400_000).format(new Date(at));
}

/** Evenly spaced ticks on round boundaries (minutes, hours or days) so the axis reads like a clock. */
export function timeTicks(from: number, to: number, wanted = 6): number[] {
  const span = to - from;
  const steps = [
    60_000,
    5 * 60_000,
    15 * 60_000,
    30 * 60_000,
    3_600_000,
    3 * 3_600_000,
    6 * 3_600_000,
    12 * 3_600_000,
    86_400_000,
    7 * 86_400_000,
  ];
  const step = steps.find((candidate) => span / candidate <= wanted) ?? steps.at(-1)!;
  // Round to the operator's local clock (e.g. IST is UTC+5:30, so hours fall at :30 UTC).
  const offset = new Date(from).getTimezoneOffset() * 60_000;
  const first = Math.ceil((from - offset) / step) * step + offset;
  const ticks: number[] = [];
  for (let at = first; at <= to; at += step) ticks.push(at);
  return ticks;
}
