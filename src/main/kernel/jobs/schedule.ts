import { z } from 'zod';
import { instantAtWallTime, isTimeZone, localTimeZone, wallTimeAt } from './zoned-time.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM (24-hour)');
/** An IANA zone; absent means the machine's zone at the time of computing (the operator's local time). */
const timeZoneSchema = z.string().refine(isTimeZone, 'an IANA time zone such as Asia/Kolkata').optional();

/**
 * When a job runs by itself. Calendar schedules (hourly, daily, weekly) are wall-clock times in `timeZone`,
 * so "daily at 02:00" in India is 02:00 IST (20:30 UTC the day before).
 */
export const scheduleSchema = z.discriminatedUnion('kind', [
  /** Every everyMs, counted from the start of the previous run. */
  z.strictObject({ kind: z.literal('interval'), everyMs: z.number().int().positive() }),
  /** Every hour when the wall clock shows :minute. */
  z.strictObject({ kind: z.literal('hourly'), minute: z.number().int().min(0).max(59), timeZone: timeZoneSchema }),
  z.strictObject({ kind: z.literal('daily'), at: timeOfDaySchema, timeZone: timeZoneSchema }),
  /** day: 0 = Sunday … 6 = Saturday. */
  z.strictObject({
    kind: z.literal('weekly'),
    day: z.number().int().min(0).max(6),
    at: timeOfDaySchema,
    timeZone: timeZoneSchema,
  }),
  /** Never by itself; runs only on runNow()/request(). */
  z.strictObject({ kind: z.literal('off') }),
]);
export type Schedule = z.infer<typeof scheduleSchema>;
type CalendarSchedule = Extract<Schedule, { kind: 'hourly' | 'daily' | 'weekly' }>;

const minuteOfDay = (at: string) => Number(at.slice(0, 2)) * 60 + Number(at.slice(3, 5));

/** The first instant strictly after afterMs at which a calendar schedule has a slot. */
export function nextSlotAfter(schedule: CalendarSchedule, afterMs: number): number {
  const timeZone = schedule.timeZone ?? localTimeZone();
  if (schedule.kind === 'hourly') {
    const wholeMinute = afterMs - (((afterMs % MINUTE_MS) + MINUTE_MS) % MINUTE_MS);
    const wallMinute = wallTimeAt(wholeMinute, timeZone).minute;
    const candidate = wholeMinute + ((schedule.minute - wallMinute + 60) % 60) * MINUTE_MS;
    return candidate > afterMs ? candidate : candidate + HOUR_MS;
  }
  const wall = wallTimeAt(afterMs, timeZone);
  const firstDay = schedule.kind === 'daily' ? 0 : (schedule.day - wall.weekday + 7) % 7;
  const step = schedule.kind === 'daily' ? 1 : 7;
  for (let days = firstDay; ; days += step) {
    const slot = instantAtWallTime(
      { year: wall.year, month: wall.month, day: wall.day + days },
      minuteOfDay(schedule.at),
      timeZone,
    );
    if (slot > afterMs) return slot;
  }
}

/**
 * When a job with this schedule is next due, given when its last run started (null: never) and the time now.
 * Catch-up: if one or more slots passed since the last run (the machine slept, the app was closed, the profile
 * was inactive), the job is due now, once: the answer is nowMs, never a slot in the past, so missed slots do not
 * queue up. A last run "in the future" (the wall clock was set back) counts as now. Never-run interval jobs are
 * due now; never-run calendar jobs wait for their next slot. null: the job never runs by itself.
 */
export function nextRunAfter(schedule: Schedule, lastRunMs: number | null, nowMs: number): number | null {
  if (schedule.kind === 'off') return null;
  const lastRun = lastRunMs === null ? null : Math.min(lastRunMs, nowMs);
  if (schedule.kind === 'interval') return lastRun === null ? nowMs : Math.max(lastRun + schedule.everyMs, nowMs);
  if (lastRun === null) return nextSlotAfter(schedule, nowMs - 1);
  const slot = nextSlotAfter(schedule, lastRun);
  return slot <= nowMs ? nowMs : slot;
}
