import type { RateLimit } from '../../../shared/contract/profiles.ts';

/**
 * Rate-limit windows are calendar windows in IST (UTC+05:30, no daylight saving), as the simulator counts them
 * (docs/simulator.md §14.24; Hubble's docs do not say): an hour from HH:00 IST, a day from 00:00 IST, a month
 * from the 1st 00:00 IST. Each window is [start, end): an order at exactly `end` counts in the next one.
 */
export const IST_OFFSET_MS = 330 * 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface WindowBounds {
  readonly start: number;
  readonly end: number;
}

export function istWindow(at: number, window: RateLimit['window']): WindowBounds {
  const local = at + IST_OFFSET_MS;
  if (window === 'hourly') {
    const start = Math.floor(local / HOUR_MS) * HOUR_MS - IST_OFFSET_MS;
    return { start, end: start + HOUR_MS };
  }
  if (window === 'daily') {
    const start = Math.floor(local / DAY_MS) * DAY_MS - IST_OFFSET_MS;
    return { start, end: start + DAY_MS };
  }
  const date = new Date(local);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  return { start: Date.UTC(year, month, 1) - IST_OFFSET_MS, end: Date.UTC(year, month + 1, 1) - IST_OFFSET_MS };
}
