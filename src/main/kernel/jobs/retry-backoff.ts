import { nextRunAfter, type Schedule } from './schedule.ts';

export interface Backoff {
  /** The wait before retrying a calendar job after its first failure; it doubles with each further failure. */
  readonly baseMs: number;
  /** The longest wait between failing runs (an interval job's own interval, if that is longer). */
  readonly maxMs: number;
}

export const defaultBackoff: Backoff = { baseMs: 60_000, maxMs: 60 * 60_000 };

/** baseMs, 2·baseMs, 4·baseMs … after the 1st, 2nd, 3rd … consecutive failure, never more than maxMs. */
export const retryDelay = (failures: number, baseMs: number, maxMs: number): number =>
  Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(failures, 31) - 1));

/**
 * When a job whose last `failures` runs failed (the latest ran from lastStartMs to lastEndMs) runs again.
 * It depends on `nowMs` only to never answer a time in the past, so recomputing it later gives the same retry.
 * - interval jobs keep their cadence after one failure and then back off (2×, 4× … the interval, up to
 *   max(interval, maxMs)), so an outage is not hammered by a poller;
 * - calendar jobs retry sooner than their next slot (base, 2×base … up to maxMs), since waiting a day for the
 *   next catalog sync after a blip leaves the catalog stale; they never wait past their next regular slot.
 */
export function nextRunAfterFailure(
  schedule: Schedule,
  failures: number,
  lastStartMs: number,
  lastEndMs: number,
  nowMs: number,
  backoff: Backoff = defaultBackoff,
): number | null {
  if (schedule.kind === 'off') return null;
  const lastStart = Math.min(lastStartMs, nowMs);
  if (schedule.kind === 'interval') {
    const gap = retryDelay(failures, schedule.everyMs, Math.max(schedule.everyMs, backoff.maxMs));
    return Math.max(lastStart + gap, nowMs);
  }
  const regular = nextRunAfter(schedule, lastStart, nowMs) ?? Number.POSITIVE_INFINITY;
  const retry = Math.min(lastEndMs, nowMs) + retryDelay(failures, backoff.baseMs, backoff.maxMs);
  return Math.max(nowMs, Math.min(regular, retry));
}
