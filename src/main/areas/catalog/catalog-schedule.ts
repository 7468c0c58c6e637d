import {
  catalogScheduleSchema,
  type CatalogSchedule,
  type EffectiveSchedule,
} from '../../../shared/contract/catalog.ts';
import type { Schedule } from '../../kernel/jobs/schedule.ts';

export const CATALOG_SYNC_JOB = 'catalog.sync';
/** Where the operator's own schedule is kept in the profile database (catalog_settings). */
export const SCHEDULE_SETTING = 'schedule';
/** Quiet hours: a daily or weekly sync runs at 02:00 in the operator's zone. */
export const DEFAULT_SYNC_TIME = '02:00';

const HOUR_MS = 3_600_000;
const DAY_HOURS = 24;
const WEEK_HOURS = 7 * DAY_HOURS;
/** Hubble asks partners to refresh the catalog at least once a week: an unscheduled catalog is stale after that. */
const OFF_STALE_MS = WEEK_HOURS * HOUR_MS;

/**
 * The profile's `polling.catalogSyncHours` as a schedule: 1 → hourly at :00, 24 → daily at 02:00, 168 → weekly
 * on Monday at 02:00, any other number → every that many hours from the last run.
 */
export function scheduleFromSyncHours(hours: number): EffectiveSchedule {
  if (hours === 1) return { kind: 'hourly', minute: 0 };
  if (hours === DAY_HOURS) return { kind: 'daily', at: DEFAULT_SYNC_TIME };
  if (hours === WEEK_HOURS) return { kind: 'weekly', day: 1, at: DEFAULT_SYNC_TIME };
  return { kind: 'interval', hours };
}

/** The operator's schedule stored in the profile database, or null (follow the profile); unreadable counts as null. */
export function parseStoredSchedule(stored: string | null): CatalogSchedule | null {
  if (stored === null) return null;
  try {
    const parsed = catalogScheduleSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function effectiveSchedule(
  syncHours: number,
  stored: CatalogSchedule | null,
): { schedule: EffectiveSchedule; source: 'catalog' | 'profile' } {
  return stored
    ? { schedule: stored, source: 'catalog' }
    : { schedule: scheduleFromSyncHours(syncHours), source: 'profile' };
}

/** The scheduler's form of it. */
export function jobScheduleOf(schedule: EffectiveSchedule): Schedule {
  return schedule.kind === 'interval' ? { kind: 'interval', everyMs: schedule.hours * HOUR_MS } : schedule;
}

/** How long the schedule lets the catalog go without a sync. */
function periodMs(schedule: EffectiveSchedule): number {
  switch (schedule.kind) {
    case 'off':
      return OFF_STALE_MS;
    case 'hourly':
      return HOUR_MS;
    case 'daily':
      return DAY_HOURS * HOUR_MS;
    case 'weekly':
      return WEEK_HOURS * HOUR_MS;
    case 'interval':
      return schedule.hours * HOUR_MS;
  }
}

/**
 * A catalog is stale once it is older than one period of its schedule plus a grace (a quarter period, at most an
 * hour) for the sync that is due to run: stale means a slot was missed, not that one is running.
 */
export function staleAfterMs(schedule: EffectiveSchedule): number {
  const period = periodMs(schedule);
  return schedule.kind === 'off' ? period : period + Math.min(period / 4, HOUR_MS);
}
