import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { scheduleFromSyncHours, staleAfterMs } from '../../../src/main/areas/catalog/catalog-schedule.ts';
import { TestClock } from '../../../src/main/kernel/jobs/clock.ts';
import { startSimulator, type RunningSimulator } from '../../../src/main/simulator/index.ts';
import { catalogConsole, type CatalogConsole } from './catalog-fixture.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let sim: RunningSimulator;
let app: CatalogConsole | undefined;
beforeAll(async () => {
  sim = await startSimulator({ seed: 7 });
});
afterAll(() => sim.close());
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('the catalog schedule', () => {
  it('maps the profile’s catalogSyncHours onto the scheduler, and flags a catalog older than one period plus grace', () => {
    expect(scheduleFromSyncHours(1)).toEqual({ kind: 'hourly', minute: 0 });
    expect(scheduleFromSyncHours(24)).toEqual({ kind: 'daily', at: '02:00' });
    expect(scheduleFromSyncHours(168)).toEqual({ kind: 'weekly', day: 1, at: '02:00' });
    expect(scheduleFromSyncHours(6)).toEqual({ kind: 'interval', hours: 6 });
    expect(staleAfterMs({ kind: 'hourly', minute: 0 })).toBe(HOUR + 15 * 60_000);
    expect(staleAfterMs({ kind: 'daily', at: '02:00' })).toBe(DAY + HOUR);
    expect(staleAfterMs({ kind: 'off' })).toBe(7 * DAY);
  });

  it('syncs a new profile at once, fires at its slot on the test clock, and catches up once after a sleep', async () => {
    const clock = new TestClock(Date.UTC(2025, 0, 6, 0, 0));
    app = await catalogConsole(sim, { clock });
    const syncs = async () => (await app!.call('syncs')).map((sync) => [sync.outcome, sync.startedAt]);

    const first = app.nextSyncEnd();
    await clock.advance(0);
    expect(await first).toBe('done');

    let status = await app.call('setSchedule', { schedule: { kind: 'daily', at: '02:00', timeZone: 'UTC' } });
    expect(status).toMatchObject({ scheduleSource: 'catalog', nextRunAt: Date.UTC(2025, 0, 6, 2, 0), stale: false });
    const atSlot = app.nextSyncEnd();
    await clock.advance(2 * HOUR);
    expect(await atSlot).toBe('done');
    expect(await syncs()).toEqual([
      ['done', Date.UTC(2025, 0, 6, 2, 0)],
      ['done', Date.UTC(2025, 0, 6, 0, 0)],
    ]);

    // The laptop sleeps through three 02:00 slots: the catalog shows as stale, then syncs once on waking.
    clock.jump(3 * DAY);
    status = await app.call('status');
    expect(status).toMatchObject({ stale: true, ageMs: 3 * DAY });
    const caughtUp = app.nextSyncEnd();
    await clock.advance(1);
    expect(await caughtUp).toBe('done');
    await clock.advance(HOUR);
    expect(await syncs()).toHaveLength(3);
    status = await app.call('status');
    expect(status).toMatchObject({ stale: false, nextRunAt: Date.UTC(2025, 0, 10, 2, 0) });
  });

  it('follows an edit of the profile’s catalogSyncHours unless the operator chose a schedule of their own', async () => {
    app = await catalogConsole(sim, { clock: new TestClock(Date.UTC(2025, 0, 6, 0, 0)) });
    const { kernel } = app;
    const setHours = (catalogSyncHours: number) => {
      const profile = kernel.profiles.get('simulator');
      kernel.profiles.updateSimulator({
        colour: profile.colour,
        walletMinimum: profile.walletMinimum,
        rateLimits: profile.rateLimits,
        webhookReceiver: profile.webhookReceiver,
        polling: { ...profile.polling, catalogSyncHours },
      });
    };
    const jobSchedule = () => kernel.jobs.list('simulator').find((job) => job.name === 'catalog.sync')?.schedule;

    setHours(1);
    expect(jobSchedule()).toEqual({ kind: 'hourly', minute: 0 });
    expect((await app.call('status')).schedule).toEqual({ kind: 'hourly', minute: 0 });
    setHours(6);
    expect(jobSchedule()).toEqual({ kind: 'interval', everyMs: 6 * HOUR });

    await app.call('setSchedule', { schedule: { kind: 'off' } });
    setHours(24);
    expect(jobSchedule()).toEqual({ kind: 'off' });
    expect(await app.call('status')).toMatchObject({ schedule: { kind: 'off' }, scheduleSource: 'catalog' });

    await app.call('setSchedule', { schedule: null });
    expect(jobSchedule()).toEqual({ kind: 'daily', at: '02:00' });
  });
});
