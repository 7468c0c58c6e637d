// Hubble is an Indian service: calendar dates (voucher validity, discount dates) and rate-limit windows are
// taken in IST (UTC+05:30, no daylight saving), which is an assumption the docs neither confirm nor deny.
const IST_OFFSET_MS = 330 * 60_000;

export type LimitWindow = 'hourly' | 'daily' | 'monthly';

const ist = (ms: number): string => new Date(ms + IST_OFFSET_MS).toISOString();

/** YYYY-MM-DD in IST. */
export const istDate = (ms: number): string => ist(ms).slice(0, 10);

const DAY_MS = 86_400_000;
let lastValidity = { day: NaN, months: NaN, date: '' };

/** YYYY-MM-DD in IST, `months` calendar months after `ms` (remembered per day: every voucher asks). */
export function istDatePlusMonths(ms: number, months: number): string {
  const day = Math.floor((ms + IST_OFFSET_MS) / DAY_MS);
  if (day === lastValidity.day && months === lastValidity.months) return lastValidity.date;
  const date = new Date(ms + IST_OFFSET_MS);
  date.setUTCMonth(date.getUTCMonth() + months);
  lastValidity = { day, months, date: date.toISOString().slice(0, 10) };
  return lastValidity.date;
}

const WINDOW_KEY_LENGTH: Record<LimitWindow, number> = { hourly: 13, daily: 10, monthly: 7 };

/** The calendar window (IST) that `ms` falls in: `2025-01-15T10`, `2025-01-15` or `2025-01`. */
export const windowKey = (ms: number, window: LimitWindow): string => ist(ms).slice(0, WINDOW_KEY_LENGTH[window]);

/** All three window keys of `ms` at once (one date conversion). */
export function windowKeys(ms: number): Array<[LimitWindow, string]> {
  const iso = ist(ms);
  return [
    ['hourly', iso.slice(0, 13)],
    ['daily', iso.slice(0, 10)],
    ['monthly', iso.slice(0, 7)],
  ];
}

/** UTC without a zone suffix, as the SDK transaction webhooks write their `timestamp`. */
export const utcNoZone = (ms: number): string => new Date(ms).toISOString().slice(0, 19);
