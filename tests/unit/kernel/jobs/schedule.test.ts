import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { nextRunAfter, scheduleSchema, type Schedule } from '../../../../src/main/kernel/jobs/schedule.ts';
import { wallTimeAt } from '../../../../src/main/kernel/jobs/zoned-time.ts';

const IST = 'Asia/Kolkata';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const utc = (iso: string) => Date.parse(iso);

describe('nextRunAfter: interval', () => {
  const every10 = { kind: 'interval', everyMs: 10 * MINUTE } as const;

  it('is due now when it never ran, then every interval from the last start', () => {
    const now = utc('2025-03-10T08:00:00Z');
    expect(nextRunAfter(every10, null, now)).toBe(now);
    expect(nextRunAfter(every10, now, now + MINUTE)).toBe(now + 10 * MINUTE);
  });

  it('after a long sleep is due now, once, not once per missed interval', () => {
    const lastRun = utc('2025-03-10T08:00:00Z');
    const wokeAt = lastRun + 7 * HOUR;
    expect(nextRunAfter(every10, lastRun, wokeAt)).toBe(wokeAt);
    // having caught up, the next run is a whole interval later: the 41 missed slots are not owed
    expect(nextRunAfter(every10, wokeAt, wokeAt + 1)).toBe(wokeAt + 10 * MINUTE);
  });

  it('treats a last run in the future (the wall clock was set back) as now', () => {
    const now = utc('2025-03-10T08:00:00Z');
    expect(nextRunAfter(every10, now + 3 * DAY, now)).toBe(now + 10 * MINUTE);
  });

  it('off never runs by itself', () => {
    expect(nextRunAfter({ kind: 'off' }, null, 0)).toBeNull();
    expect(nextRunAfter({ kind: 'off' }, 5, 10)).toBeNull();
  });
});

describe('nextRunAfter: calendar schedules in India (UTC+5:30, no DST)', () => {
  const daily0200: Schedule = { kind: 'daily', at: '02:00', timeZone: IST };

  it('daily at 02:00 IST is 20:30 UTC the evening before', () => {
    // 2025-03-10 10:00 IST
    const now = utc('2025-03-10T04:30:00Z');
    expect(new Date(nextRunAfter(daily0200, null, now)!).toISOString()).toBe('2025-03-10T20:30:00.000Z');
    // ran at 02:00 IST on the 11th → next is 02:00 IST on the 12th
    const ranAt = utc('2025-03-10T20:30:00Z');
    expect(new Date(nextRunAfter(daily0200, ranAt, ranAt + 5 * MINUTE)!).toISOString()).toBe(
      '2025-03-11T20:30:00.000Z',
    );
  });

  it('a never-run daily job waits for its slot, and a slot exactly now is due now', () => {
    const slot = utc('2025-03-10T20:30:00Z');
    expect(nextRunAfter(daily0200, null, slot)).toBe(slot);
    expect(nextRunAfter(daily0200, null, slot + 1)).toBe(slot + DAY);
  });

  it('catch-up: three missed nights run once, now, then the schedule resumes', () => {
    const ranAt = utc('2025-03-10T20:30:00Z');
    const wokeAt = ranAt + 3 * DAY + 5 * HOUR;
    expect(nextRunAfter(daily0200, ranAt, wokeAt)).toBe(wokeAt);
    expect(new Date(nextRunAfter(daily0200, wokeAt, wokeAt + MINUTE)!).toISOString()).toBe('2025-03-14T20:30:00.000Z');
  });

  it('daily at 23:45 IST crosses the UTC date the other way', () => {
    const schedule: Schedule = { kind: 'daily', at: '23:45', timeZone: IST };
    const now = utc('2025-03-10T18:00:00Z'); // 23:30 IST
    expect(new Date(nextRunAfter(schedule, null, now)!).toISOString()).toBe('2025-03-10T18:15:00.000Z');
  });

  it('weekly on Monday 09:00 IST', () => {
    const monday0900: Schedule = { kind: 'weekly', day: 1, at: '09:00', timeZone: IST };
    // Sunday 2025-03-09 23:00 IST
    const sundayNight = utc('2025-03-09T17:30:00Z');
    expect(new Date(nextRunAfter(monday0900, null, sundayNight)!).toISOString()).toBe('2025-03-10T03:30:00.000Z');
    // ran Monday 09:00 IST → the next Monday
    const ranAt = utc('2025-03-10T03:30:00Z');
    expect(new Date(nextRunAfter(monday0900, ranAt, ranAt + HOUR)!).toISOString()).toBe('2025-03-17T03:30:00.000Z');
    // Monday 05:00 IST (Sunday 23:30 UTC): the UTC weekday is Sunday, the slot is still today's 09:00 IST
    const mondayDawn = utc('2025-03-09T23:30:00Z');
    expect(new Date(nextRunAfter(monday0900, null, mondayDawn)!).toISOString()).toBe('2025-03-10T03:30:00.000Z');
  });

  it('weekly: a week missed while the laptop was shut runs once on opening', () => {
    const sunday0600: Schedule = { kind: 'weekly', day: 0, at: '06:00', timeZone: IST };
    const ranAt = utc('2025-03-09T00:30:00Z'); // Sunday 06:00 IST
    const openedAt = ranAt + 15 * DAY;
    expect(nextRunAfter(sunday0600, ranAt, openedAt)).toBe(openedAt);
  });

  it('hourly at :00 IST is at :30 UTC, and at :15 in Nepal (UTC+5:45) is at :30 UTC too', () => {
    const now = utc('2025-03-10T04:40:00Z'); // 10:10 IST
    expect(new Date(nextRunAfter({ kind: 'hourly', minute: 0, timeZone: IST }, null, now)!).toISOString()).toBe(
      '2025-03-10T05:30:00.000Z',
    );
    expect(
      new Date(nextRunAfter({ kind: 'hourly', minute: 15, timeZone: 'Asia/Kathmandu' }, null, now)!).toISOString(),
    ).toBe('2025-03-10T05:30:00.000Z');
  });
});

describe('nextRunAfter: the default zone is the machine’s', () => {
  const original = process.env['TZ'];
  afterEach(() => {
    if (original === undefined) delete process.env['TZ'];
    else process.env['TZ'] = original;
  });

  it('follows Intl’s zone when the schedule names none', () => {
    const now = utc('2025-03-10T04:30:00Z');
    process.env['TZ'] = 'Asia/Kolkata';
    expect(new Date(nextRunAfter({ kind: 'daily', at: '02:00' }, null, now)!).toISOString()).toBe(
      '2025-03-10T20:30:00.000Z',
    );
    process.env['TZ'] = 'UTC';
    expect(new Date(nextRunAfter({ kind: 'daily', at: '02:00' }, null, now)!).toISOString()).toBe(
      '2025-03-11T02:00:00.000Z',
    );
  });
});

describe('nextRunAfter: around a DST change (New York)', () => {
  const NY = 'America/New_York';

  it('a time skipped in spring runs after the jump; a time shown twice in autumn runs once, the first time', () => {
    const spring: Schedule = { kind: 'daily', at: '02:30', timeZone: NY };
    // 2025-03-09: clocks go 02:00 EST → 03:00 EDT, so 02:30 does not exist: runs at 03:30 EDT (07:30 UTC)
    expect(new Date(nextRunAfter(spring, null, utc('2025-03-09T05:00:00Z'))!).toISOString()).toBe(
      '2025-03-09T07:30:00.000Z',
    );
    const autumn: Schedule = { kind: 'daily', at: '01:30', timeZone: NY };
    // 2025-11-02: 01:30 happens at 05:30 UTC (EDT) and 06:30 UTC (EST)
    const first = nextRunAfter(autumn, null, utc('2025-11-02T04:00:00Z'))!;
    expect(new Date(first).toISOString()).toBe('2025-11-02T05:30:00.000Z');
    expect(new Date(nextRunAfter(autumn, first, first + MINUTE)!).toISOString()).toBe('2025-11-03T06:30:00.000Z');
  });
});

describe('nextRunAfter: properties', () => {
  const zones = fc.constantFrom(
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'UTC',
    'Asia/Dubai',
    'America/New_York',
    'Europe/London',
  );
  const times = fc.integer({ min: utc('2020-01-01T00:00:00Z'), max: utc('2030-01-01T00:00:00Z') });
  const atArb = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  const calendar: fc.Arbitrary<Schedule> = fc.oneof(
    fc.record({ kind: fc.constant('daily' as const), at: atArb, timeZone: zones }),
    fc.record({
      kind: fc.constant('weekly' as const),
      day: fc.integer({ min: 0, max: 6 }),
      at: atArb,
      timeZone: zones,
    }),
    fc.record({ kind: fc.constant('hourly' as const), minute: fc.integer({ min: 0, max: 59 }), timeZone: zones }),
  );

  it('is never in the past, and after a run at the answer the next one is strictly later (no backlog)', () => {
    fc.assert(
      fc.property(calendar, fc.option(times, { nil: null }), times, (schedule, lastRun, now) => {
        const next = nextRunAfter(schedule, lastRun, now)!;
        expect(next).toBeGreaterThanOrEqual(now);
        expect(nextRunAfter(schedule, next, next)!).toBeGreaterThan(next);
      }),
    );
  });

  it('a future answer is a slot: the wall clock of the zone shows the scheduled time', () => {
    const dstFree = fc.constantFrom('Asia/Kolkata', 'Asia/Kathmandu', 'UTC', 'Asia/Dubai');
    const schedules: fc.Arbitrary<Schedule> = fc.oneof(
      fc.record({ kind: fc.constant('daily' as const), at: atArb, timeZone: dstFree }),
      fc.record({
        kind: fc.constant('weekly' as const),
        day: fc.integer({ min: 0, max: 6 }),
        at: atArb,
        timeZone: dstFree,
      }),
    );
    fc.assert(
      fc.property(schedules, times, (schedule, now) => {
        if (schedule.kind !== 'daily' && schedule.kind !== 'weekly') return;
        const next = nextRunAfter(schedule, now, now)!;
        const wall = wallTimeAt(next, schedule.timeZone!);
        expect(`${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`).toBe(schedule.at);
        expect(wall.second).toBe(0);
        if (schedule.kind === 'weekly') expect(wall.weekday).toBe(schedule.day);
        expect(next - now).toBeLessThanOrEqual(schedule.kind === 'daily' ? DAY : 7 * DAY);
      }),
    );
  });
});

describe('scheduleSchema', () => {
  it('rejects malformed times, days and zones', () => {
    expect(scheduleSchema.safeParse({ kind: 'daily', at: '24:00' }).success).toBe(false);
    expect(scheduleSchema.safeParse({ kind: 'daily', at: '2:00' }).success).toBe(false);
    expect(scheduleSchema.safeParse({ kind: 'weekly', day: 7, at: '09:00' }).success).toBe(false);
    expect(scheduleSchema.safeParse({ kind: 'daily', at: '02:00', timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(scheduleSchema.safeParse({ kind: 'interval', everyMs: 0 }).success).toBe(false);
    expect(scheduleSchema.safeParse({ kind: 'daily', at: '02:00', timeZone: IST }).success).toBe(true);
  });
});
