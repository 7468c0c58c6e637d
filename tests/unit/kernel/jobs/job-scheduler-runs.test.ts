import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../src/main/errors/app-error.ts';
import { DAY, HOUR, MINUTE, schedulerOnTestClock, scriptedJob } from './scripted-job.ts';

const IST = 'Asia/Kolkata';

describe('job scheduler: when jobs run', () => {
  it('runs an interval job at once and then every interval', async () => {
    const { clock, scheduler, origin } = schedulerOnTestClock();
    const poll = scriptedJob('wallet.poll', { kind: 'interval', everyMs: 10 * MINUTE });
    scheduler.register('prod', poll.spec);
    scheduler.setActiveProfile('prod');
    await clock.advance(35 * MINUTE);
    expect(poll.startsAfter(origin)).toEqual([0, 10, 20, 30].map((m) => m * MINUTE));
    expect(scheduler.list('prod')).toMatchObject([
      {
        name: 'wallet.poll',
        state: 'idle',
        nextRunAt: origin + 40 * MINUTE,
        lastRun: { at: origin + 30 * MINUTE, outcome: 'done', error: null },
      },
    ]);
  });

  it('runs a daily job at 02:00 India time each night', async () => {
    // 2025-03-10 10:00 IST
    const { clock, scheduler } = schedulerOnTestClock(Date.parse('2025-03-10T04:30:00Z'));
    const sync = scriptedJob('catalog.sync', { kind: 'daily', at: '02:00', timeZone: IST });
    scheduler.register('prod', sync.spec);
    scheduler.setActiveProfile('prod');
    await clock.advance(3 * DAY);
    expect(sync.runs.map((run) => new Date(run.startedAt).toISOString())).toEqual([
      '2025-03-10T20:30:00.000Z',
      '2025-03-11T20:30:00.000Z',
      '2025-03-12T20:30:00.000Z',
    ]);
  });

  it('runs a weekly job on Monday 09:00 India time', async () => {
    // Saturday 2025-03-08 12:00 IST
    const { clock, scheduler } = schedulerOnTestClock(Date.parse('2025-03-08T06:30:00Z'));
    const report = scriptedJob('reports.weekly', { kind: 'weekly', day: 1, at: '09:00', timeZone: IST });
    scheduler.register('prod', report.spec);
    scheduler.setActiveProfile('prod');
    await clock.advance(14 * DAY);
    expect(report.runs.map((run) => new Date(run.startedAt).toISOString())).toEqual([
      '2025-03-10T03:30:00.000Z',
      '2025-03-17T03:30:00.000Z',
    ]);
  });

  it('after a sleep, a job whose slots were missed runs once, then keeps its schedule', async () => {
    const { clock, scheduler, origin } = schedulerOnTestClock();
    const poll = scriptedJob('wallet.poll', { kind: 'interval', everyMs: 10 * MINUTE });
    const sync = scriptedJob('catalog.sync', { kind: 'daily', at: '02:00', timeZone: IST });
    scheduler.register('prod', poll.spec);
    scheduler.register('prod', sync.spec);
    scheduler.setActiveProfile('prod');
    await clock.advance(0);
    expect(poll.runs).toHaveLength(1);
    expect(sync.runs).toHaveLength(0);

    clock.jump(3 * DAY + 5 * HOUR);
    scheduler.wake();
    scheduler.wake();
    await clock.advance(0);
    const wokeAt = origin + 3 * DAY + 5 * HOUR;
    expect(poll.startsAfter(origin)).toEqual([0, wokeAt - origin]);
    expect(sync.runs.map((run) => run.startedAt)).toEqual([wokeAt]);

    await clock.advance(30 * MINUTE);
    expect(poll.startsAfter(wokeAt).slice(1)).toEqual([0, 10, 20, 30].map((m) => m * MINUTE));
    expect(sync.runs).toHaveLength(1);
    expect(scheduler.list('prod').find((job) => job.name === 'catalog.sync')?.nextRunAt).toBe(
      Date.parse('2025-03-13T20:30:00Z'),
    );
  });

  it('a never-run calendar job waits for its slot unless it asks to run when it never ran', async () => {
    const { clock, scheduler } = schedulerOnTestClock();
    const waits = scriptedJob('catalog.sync', { kind: 'daily', at: '02:00', timeZone: IST });
    const eager = scriptedJob(
      'catalog.first-sync',
      { kind: 'daily', at: '02:00', timeZone: IST },
      { runIfNeverRan: true },
    );
    scheduler.register('prod', waits.spec);
    scheduler.register('prod', eager.spec);
    scheduler.setActiveProfile('prod');
    await clock.advance(MINUTE);
    expect(waits.runs).toHaveLength(0);
    expect(eager.runs).toHaveLength(1);
    expect(scheduler.list('prod').map((job) => new Date(job.nextRunAt!).toISOString())).toEqual([
      '2025-03-10T20:30:00.000Z',
      '2025-03-10T20:30:00.000Z',
    ]);
  });
});

describe('job scheduler: single flight', () => {
  it('a slow run never overlaps itself, and the slots it overran become one follow-up', async () => {
    const { clock, scheduler, origin } = schedulerOnTestClock();
    const slow = scriptedJob('orders.processing-watch', { kind: 'interval', everyMs: MINUTE }, { manual: true });
    scheduler.register('prod', slow.spec);
    scheduler.setActiveProfile('prod');
    await clock.advance(5 * MINUTE + 30_000);
    expect(slow.runs).toHaveLength(1);
    expect(scheduler.list('prod')[0]).toMatchObject({ state: 'running', nextRunAt: null });

    slow.lastRun().finish();
    await clock.advance(0);
    expect(slow.startsAfter(origin)).toEqual([0, 5 * MINUTE + 30_000]);
    slow.lastRun().finish();
    await clock.advance(2 * MINUTE);
    slow.runs.slice(2).forEach((run) => run.finish());
    await clock.advance(0);
    expect(slow.maxInProgress).toBe(1);
    expect(slow.startsAfter(origin).slice(0, 3)).toEqual([0, 5 * MINUTE + 30_000, 6 * MINUTE + 30_000]);
  });

  it('runNow during a run returns that run; a slot passing during a manual run is one follow-up', async () => {
    const { clock, scheduler, origin } = schedulerOnTestClock();
    const poll = scriptedJob('wallet.poll', { kind: 'interval', everyMs: 10 * MINUTE }, { manual: true });
    scheduler.register('prod', poll.spec);
    scheduler.setActiveProfile('prod');
    await clock.advance(0);
    poll.lastRun().finish();
    await clock.advance(9 * MINUTE);

    const manual = scheduler.runNow('prod', 'wallet.poll');
    expect(scheduler.runNow('prod', 'wallet.poll')).toBe(manual);
    expect(poll.runs).toHaveLength(2);
    // the manual run restarts the cadence: the next slot is 10 minutes after it started
    expect(scheduler.list('prod')[0]?.nextRunAt).toBe(origin + 19 * MINUTE);
    await clock.advance(25 * MINUTE);
    expect(poll.runs).toHaveLength(2);
    poll.lastRun().finish();
    await expect(manual).resolves.toMatchObject({
      outcome: 'done',
      startedAt: origin + 9 * MINUTE,
      finishedAt: origin + 34 * MINUTE,
    });
    await clock.advance(0);
    expect(poll.startsAfter(origin)).toEqual([0, 9 * MINUTE, 34 * MINUTE]);
    expect(poll.maxInProgress).toBe(1);
  });

  it('request() during a run queues exactly one follow-up, however often it is called', async () => {
    const { clock, scheduler, origin } = schedulerOnTestClock();
    const watch = scriptedJob('orders.processing-watch', { kind: 'interval', everyMs: HOUR }, { manual: true });
    scheduler.register('prod', watch.spec);
    scheduler.setActiveProfile('prod');
    await clock.advance(0);
    for (let i = 0; i < 5; i += 1) scheduler.request('prod', 'orders.processing-watch');
    await clock.advance(MINUTE);
    watch.lastRun().finish();
    await clock.advance(0);
    watch.lastRun().finish();
    await clock.advance(10 * MINUTE);
    expect(watch.startsAfter(origin)).toEqual([0, MINUTE]);
    expect(scheduler.list('prod')[0]?.nextRunAt).toBe(origin + MINUTE + HOUR);
  });

  it('an off schedule runs only when asked', async () => {
    const { clock, scheduler } = schedulerOnTestClock();
    const logs = scriptedJob('logs.import', { kind: 'off' });
    scheduler.register('prod', logs.spec);
    scheduler.setActiveProfile('prod');
    await clock.advance(DAY);
    expect(logs.runs).toHaveLength(0);
    expect(scheduler.activeTimers()).toBe(0);
    await expect(scheduler.runNow('prod', 'logs.import')).resolves.toMatchObject({ outcome: 'done' });
    scheduler.request('prod', 'logs.import');
    await clock.advance(0);
    expect(logs.runs).toHaveLength(2);
  });

  it('setSchedule moves the next run', async () => {
    const { clock, scheduler } = schedulerOnTestClock(Date.parse('2025-03-10T04:30:00Z'));
    const sync = scriptedJob('catalog.sync', { kind: 'daily', at: '02:00', timeZone: IST });
    scheduler.register('prod', sync.spec);
    scheduler.setActiveProfile('prod');
    scheduler.setSchedule('prod', 'catalog.sync', { kind: 'daily', at: '11:00', timeZone: IST });
    expect(new Date(scheduler.list('prod')[0]!.nextRunAt!).toISOString()).toBe('2025-03-10T05:30:00.000Z');
    await clock.advance(HOUR);
    expect(sync.runs).toHaveLength(1);
    expect(() => scheduler.setSchedule('prod', 'catalog.sync', { kind: 'daily', at: '25:00' })).toThrow();
  });
});

describe('job scheduler: failures', () => {
  it('reports a failed run, shows it, and retries with backoff until it succeeds', async () => {
    let failing = true;
    const { clock, scheduler, errors, progress, origin } = schedulerOnTestClock(undefined, {
      backoff: { baseMs: MINUTE, maxMs: HOUR },
    });
    const boom = new AppError('HUBBLE', 'Hubble rejected the catalog request (E101)');
    const sync = scriptedJob(
      'catalog.sync',
      { kind: 'daily', at: '02:00', timeZone: IST },
      { runIfNeverRan: true, manual: true },
    );
    scheduler.register('prod', sync.spec);
    scheduler.setActiveProfile('prod');

    const settleRun = async () => {
      await clock.advance(0);
      if (failing) sync.lastRun().fail(boom);
      else sync.lastRun().finish();
      await clock.advance(0);
    };
    await settleRun();
    expect(errors).toEqual([{ where: 'job catalog.sync of profile prod', error: boom }]);
    expect(scheduler.list('prod')[0]).toMatchObject({
      state: 'idle',
      consecutiveFailures: 1,
      lastRun: { at: origin, outcome: 'failed', error: 'Hubble rejected the catalog request (E101)' },
      nextRunAt: origin + MINUTE,
    });
    expect(progress.at(-1)).toMatchObject({ state: 'failed', message: 'Hubble rejected the catalog request (E101)' });

    for (const wait of [1, 2, 4]) {
      await clock.advance(wait * MINUTE - 1);
      expect(sync.inProgress).toBe(0);
      await clock.advance(1);
      await settleRun();
    }
    expect(sync.startsAfter(origin)).toEqual([0, 1, 3, 7].map((m) => m * MINUTE));
    expect(scheduler.list('prod')[0]).toMatchObject({ consecutiveFailures: 4, nextRunAt: origin + 15 * MINUTE });

    failing = false;
    await clock.advance(8 * MINUTE);
    await settleRun();
    expect(scheduler.list('prod')[0]).toMatchObject({
      consecutiveFailures: 0,
      lastRun: { outcome: 'done', error: null },
      nextRunAt: Date.parse('2025-03-10T20:30:00Z'),
    });
    expect(errors).toHaveLength(4);
  });

  it('an unexpected error reaches onError whole but the operator sees a generic message', async () => {
    const { clock, scheduler, errors } = schedulerOnTestClock();
    const secretBearing = new Error('connect ECONNREFUSED token=abc123');
    const poll = scriptedJob('wallet.poll', { kind: 'interval', everyMs: 5 * MINUTE }, { throws: () => secretBearing });
    scheduler.register('prod', poll.spec);
    scheduler.setActiveProfile('prod');
    await clock.advance(0);
    expect(errors[0]?.error).toBe(secretBearing);
    expect(scheduler.list('prod')[0]?.lastRun?.error).not.toContain('abc123');
    await expect(scheduler.runNow('prod', 'wallet.poll')).resolves.toMatchObject({ outcome: 'failed' });
  });
});

describe('job scheduler: last runs across restarts', () => {
  const memoryStore = () => {
    const saved = new Map<string, number>();
    return {
      saved,
      get: (profileId: string, name: string) => saved.get(`${profileId}/${name}`) ?? null,
      set: (profileId: string, name: string, at: number) => void saved.set(`${profileId}/${name}`, at),
    };
  };

  it('catches up on a slot missed while the app was closed, once, and saves only successful runs', async () => {
    const store = memoryStore();
    // yesterday's 02:00 IST sync ran; the app opens at 10:00 IST today, past today's 02:00
    store.saved.set('prod/catalog.sync', Date.parse('2025-03-08T20:30:00Z'));
    const { clock, scheduler } = schedulerOnTestClock(Date.parse('2025-03-10T04:30:00Z'), { lastRunStore: store });
    const sync = scriptedJob('catalog.sync', { kind: 'daily', at: '02:00', timeZone: IST });
    scheduler.register('prod', sync.spec);
    expect(scheduler.list('prod')[0]?.lastRun).toEqual({
      at: Date.parse('2025-03-08T20:30:00Z'),
      outcome: 'done',
      error: null,
    });
    scheduler.setActiveProfile('prod');
    await clock.advance(HOUR);
    expect(sync.runs.map((run) => new Date(run.startedAt).toISOString())).toEqual(['2025-03-10T04:30:00.000Z']);
    expect(store.saved.get('prod/catalog.sync')).toBe(Date.parse('2025-03-10T04:30:00Z'));

    const failing = scriptedJob(
      'wallet.poll',
      { kind: 'interval', everyMs: MINUTE },
      { throws: () => new Error('down') },
    );
    scheduler.register('prod', failing.spec);
    await clock.advance(0);
    expect(failing.runs).toHaveLength(1);
    expect(store.saved.has('prod/wallet.poll')).toBe(false);
  });

  it('does not run early when the saved run is recent', async () => {
    const store = memoryStore();
    const now = Date.parse('2025-03-10T04:30:00Z');
    store.saved.set('prod/wallet.poll', now - 2 * MINUTE);
    const { clock, scheduler } = schedulerOnTestClock(now, { lastRunStore: store });
    const poll = scriptedJob('wallet.poll', { kind: 'interval', everyMs: 10 * MINUTE });
    scheduler.register('prod', poll.spec);
    scheduler.setActiveProfile('prod');
    await clock.advance(8 * MINUTE - 1);
    expect(poll.runs).toHaveLength(0);
    await clock.advance(1);
    expect(poll.runs).toHaveLength(1);
  });

  it('a broken store is reported, not fatal', async () => {
    const { clock, scheduler, errors } = schedulerOnTestClock(undefined, {
      lastRunStore: {
        get: () => {
          throw new Error('database is locked');
        },
        set: () => {
          throw new Error('disk full');
        },
      },
    });
    const poll = scriptedJob('wallet.poll', { kind: 'interval', everyMs: MINUTE });
    scheduler.register('prod', poll.spec);
    scheduler.setActiveProfile('prod');
    await clock.advance(MINUTE);
    expect(poll.runs).toHaveLength(2);
    expect(errors.map((entry) => entry.where)).toEqual([
      'reading the last run of job wallet.poll of profile prod',
      'saving the last run of job wallet.poll of profile prod',
      'saving the last run of job wallet.poll of profile prod',
    ]);
  });
});
