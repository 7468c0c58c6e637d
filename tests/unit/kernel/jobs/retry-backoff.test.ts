import { describe, expect, it } from 'vitest';
import { nextRunAfterFailure, retryDelay } from '../../../../src/main/kernel/jobs/retry-backoff.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const backoff = { baseMs: MINUTE, maxMs: HOUR };

describe('retryDelay', () => {
  it('doubles per consecutive failure up to the cap', () => {
    expect([1, 2, 3, 4, 7, 8, 100].map((n) => retryDelay(n, MINUTE, HOUR) / MINUTE)).toEqual([1, 2, 4, 8, 60, 60, 60]);
  });
});

describe('nextRunAfterFailure', () => {
  const start = Date.parse('2025-03-10T04:30:00Z');

  it('an interval job keeps its cadence after one failure, then spaces its retries out', () => {
    const every5 = { kind: 'interval', everyMs: 5 * MINUTE } as const;
    const at = (failures: number) =>
      (nextRunAfterFailure(every5, failures, start, start + 1000, start + 1000, backoff)! - start) / MINUTE;
    expect([1, 2, 3, 4, 5, 6].map(at)).toEqual([5, 10, 20, 40, 60, 60]);
  });

  it('an interval longer than the cap is never shortened by backoff', () => {
    const every2h = { kind: 'interval', everyMs: 2 * HOUR } as const;
    expect(nextRunAfterFailure(every2h, 3, start, start, start, backoff)).toBe(start + 2 * HOUR);
  });

  it('a daily job retries within minutes rather than tomorrow, never later than its next slot', () => {
    const daily = { kind: 'daily', at: '10:00', timeZone: 'Asia/Kolkata' } as const; // start is 10:00 IST
    const end = start + 30_000;
    expect(nextRunAfterFailure(daily, 1, start, end, end, backoff)).toBe(end + MINUTE);
    expect(nextRunAfterFailure(daily, 3, start, end, end, backoff)).toBe(end + 4 * MINUTE);
    const tightDaily = { kind: 'daily', at: '10:02', timeZone: 'Asia/Kolkata' } as const;
    expect(nextRunAfterFailure(tightDaily, 5, start, end, end, backoff)).toBe(start + 2 * MINUTE);
  });

  it('recomputing later gives the same retry time (so a profile switch does not push it back)', () => {
    const daily = { kind: 'daily', at: '10:00', timeZone: 'Asia/Kolkata' } as const;
    const end = start + 30_000;
    expect(nextRunAfterFailure(daily, 2, start, end, end + 50_000, backoff)).toBe(end + 2 * MINUTE);
    // and a retry time already passed is due now
    expect(nextRunAfterFailure(daily, 2, start, end, end + 10 * MINUTE, backoff)).toBe(end + 10 * MINUTE);
  });

  it('a manual-only job is not retried by itself', () => {
    expect(nextRunAfterFailure({ kind: 'off' }, 1, start, start, start, backoff)).toBeNull();
  });
});
