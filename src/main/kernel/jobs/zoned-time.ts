/** The machine's time zone (IANA name, e.g. Asia/Kolkata): where the operator's "daily at 02:00" is meant. */
export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export const isTimeZone = (timeZone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
};

/** A calendar day and a time of day as a clock on the wall of a zone shows them. */
export interface WallTime {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 0 = Sunday … 6 = Saturday */
  readonly weekday: number;
}

const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (timeZone: string) => {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

export function wallTimeAt(instantMs: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const year = parts['year'] ?? 1970;
  const month = parts['month'] ?? 1;
  const day = parts['day'] ?? 1;
  return {
    year,
    month,
    day,
    hour: parts['hour'] ?? 0,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

/** How far the zone's wall clock is ahead of UTC at an instant (IST: +5:30 h), in ms. */
export function offsetAt(instantMs: number, timeZone: string): number {
  const wall = wallTimeAt(instantMs, timeZone);
  const wholeSecond = instantMs - (((instantMs % 1000) + 1000) % 1000);
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - wholeSecond;
}

/**
 * The instant a zone's wall clock shows `minuteOfDay` on a calendar day (day may overflow: Date.UTC normalises
 * it). Around a DST change: a time shown twice means the first one; a time skipped by the clock moving forward
 * is moved forward by the gap (02:30 in a 02:00→03:00 gap is 03:30), like Temporal's 'compatible'.
 */
export function instantAtWallTime(
  date: { readonly year: number; readonly month: number; readonly day: number },
  minuteOfDay: number,
  timeZone: string,
): number {
  const asIfUtc = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  const offsets = new Set([
    offsetAt(asIfUtc - DAY_MS, timeZone),
    offsetAt(asIfUtc, timeZone),
    offsetAt(asIfUtc + DAY_MS, timeZone),
  ]);
  const matches = [...offsets]
    .map((offset) => asIfUtc - offset)
    .filter((instant) => offsetAt(instant, timeZone) === asIfUtc - instant);
  if (matches.length > 0) return Math.min(...matches);
  return asIfUtc - offsetAt(asIfUtc - DAY_MS, timeZone);
}
