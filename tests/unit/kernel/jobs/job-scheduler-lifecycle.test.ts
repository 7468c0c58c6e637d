import { describe, expect, it } from 'vitest';
import { events } from '../../../../src/shared/contract/index.ts';
import { HOUR, MINUTE, schedulerOnTestClock, scriptedJob } from './scripted-job.ts';

const every = (ms: number) => ({ kind: 'interval', everyMs: ms }) as const;

describe('job scheduler: cancel and dispose', () => {
  it('cancel aborts the run, which ends cancelled (not failed), and the schedule goes on', async () => {
    const { clock, scheduler, errors, progress, origin } = schedulerOnTestClock();
    const sync = scriptedJob('catalog.sync', every(HOUR), { manual: true });
    scheduler.register('prod', sync.spec);
    scheduler.setActiveProfile('prod');
    await clock.advance(0);
    const run = scheduler.runNow('prod', 'catalog.sync');
    scheduler.cancel('prod', 'catalog.sync');
    expect(sync.lastRun().ctx.signal.aborted).toBe(true);
    await expect(run).resolves.toMatchObject({ outcome: 'cancelled', error: null });
    expect(errors).toEqual([]);
    expect(progress.at(-1)).toMatchObject({ job: 'catalog.sync', profileId: 'prod', state: 'cancelled' });
    expect(scheduler.list('prod')[0]).toMatchObject({
      state: 'idle',
      consecutiveFailures: 0,
      nextRunAt: origin + HOUR,
    });
  });

  it('dispose aborts a run that ignores its signal, waits for it, and leaves no timers and no job', async () => {
    const { clock, scheduler, progress } = schedulerOnTestClock();
    const stubborn = scriptedJob('logs.follow', every(MINUTE), { manual: true, ignoresAbort: true });
    const other = scriptedJob('wallet.poll', every(MINUTE));
    const registration = scheduler.register('prod', stubborn.spec);
    scheduler.register('staging', other.spec);
    scheduler.setActiveProfile('prod');
    scheduler.pin('staging', 'wallet.poll', true);
    await clock.advance(0);
    const run = scheduler.runNow('prod', 'logs.follow');
    expect(scheduler.activeTimers('prod')).toBe(1);

    let disposed = false;
    const disposal = registration.dispose().then(() => (disposed = true));
    expect(stubborn.lastRun().ctx.signal.aborted).toBe(true);
    expect(scheduler.activeTimers('prod')).toBe(0);
    await clock.advance(10 * MINUTE);
    expect(disposed).toBe(false);
    expect(stubborn.runs).toHaveLength(1);

    stubborn.lastRun().finish();
    await disposal;
    expect(disposed).toBe(true);
    await expect(run).resolves.toMatchObject({ outcome: 'cancelled' });
    expect(progress.filter((event) => event.job === 'logs.follow').at(-1)?.state).toBe('cancelled');
    expect(scheduler.activeTimers('prod')).toBe(0);
    expect(scheduler.list('prod')).toEqual([]);
    expect(scheduler.activeTimers('staging')).toBe(1);
    await expect(scheduler.runNow('prod', 'logs.follow')).rejects.toMatchObject({ kind: 'NOT_FOUND' });
    await registration.dispose();
  });

  it('a job registered again while its old run drains starts only after the old run ended', async () => {
    const { clock, scheduler } = schedulerOnTestClock();
    const old = scriptedJob('catalog.sync', every(HOUR), { manual: true, ignoresAbort: true });
    const registration = scheduler.register('prod', old.spec);
    scheduler.setActiveProfile('prod');
    await clock.advance(0);
    void registration.dispose();

    const fresh = scriptedJob('catalog.sync', every(HOUR), { manual: true });
    scheduler.register('prod', fresh.spec);
    await clock.advance(MINUTE);
    expect(fresh.runs).toHaveLength(0);
    expect(scheduler.list('prod')[0]?.state).toBe('running');
    old.lastRun().finish();
    await clock.advance(0);
    expect(fresh.runs).toHaveLength(1);
    expect(old.inProgress + fresh.inProgress).toBe(1);
  });

  it('close disposes every job of every profile and refuses new ones', async () => {
    const { clock, scheduler } = schedulerOnTestClock();
    const a = scriptedJob('wallet.poll', every(MINUTE), { manual: true });
    const b = scriptedJob('wallet.poll', every(MINUTE), { runWhenInactive: true });
    scheduler.register('prod', a.spec);
    scheduler.register('staging', b.spec);
    scheduler.setActiveProfile('prod');
    await clock.advance(0);
    await scheduler.close();
    expect(a.lastRun().ctx.signal.aborted).toBe(true);
    expect(scheduler.activeTimers()).toBe(0);
    expect(scheduler.list()).toEqual([]);
    expect(() => scheduler.register('prod', a.spec)).toThrow(/closed/);
  });

  it('refuses a second registration of the same job for a profile', () => {
    const { scheduler } = schedulerOnTestClock();
    scheduler.register('prod', scriptedJob('wallet.poll', every(MINUTE)).spec);
    expect(() => scheduler.register('prod', scriptedJob('wallet.poll', every(MINUTE)).spec)).toThrow(/already/);
    expect(() => scheduler.register('staging', scriptedJob('wallet.poll', every(MINUTE)).spec)).not.toThrow();
  });
});

describe('job scheduler: the active profile, pins and runWhenInactive', () => {
  it('pauses the jobs of inactive profiles and resumes them with one catch-up run', async () => {
    const { clock, scheduler, origin } = schedulerOnTestClock();
    const prod = scriptedJob('wallet.poll', every(10 * MINUTE));
    const staging = scriptedJob('wallet.poll', every(10 * MINUTE));
    scheduler.register('prod', prod.spec);
    scheduler.register('staging', staging.spec);
    expect(scheduler.activeTimers()).toBe(0);
    expect(scheduler.list().map((job) => job.state)).toEqual(['paused', 'paused']);

    scheduler.setActiveProfile('prod');
    await clock.advance(HOUR);
    expect(prod.runs).toHaveLength(7);
    expect(staging.runs).toHaveLength(0);
    expect(scheduler.activeTimers('staging')).toBe(0);
    expect(scheduler.list('staging')[0]).toMatchObject({ state: 'paused', nextRunAt: null });

    scheduler.setActiveProfile('staging');
    expect(scheduler.activeTimers('prod')).toBe(0);
    await clock.advance(25 * MINUTE);
    expect(prod.runs).toHaveLength(7);
    expect(staging.startsAfter(origin)).toEqual([60, 70, 80].map((m) => m * MINUTE));

    // back to prod after 25 minutes away: its missed polls come back as one run, now
    scheduler.setActiveProfile('prod');
    await clock.advance(0);
    expect(prod.startsAfter(origin).slice(-2)).toEqual([60 * MINUTE, 85 * MINUTE]);
  });

  it('a run in progress when its profile is left finishes, and nothing starts until it is active again', async () => {
    const { clock, scheduler } = schedulerOnTestClock();
    const sync = scriptedJob('catalog.sync', every(MINUTE), { manual: true });
    scheduler.register('prod', sync.spec);
    scheduler.setActiveProfile('prod');
    await clock.advance(0);
    scheduler.request('prod', 'catalog.sync');
    scheduler.setActiveProfile('staging');
    expect(sync.lastRun().ctx.signal.aborted).toBe(false);
    sync.lastRun().finish();
    await clock.advance(HOUR);
    expect(sync.runs).toHaveLength(1);
    expect(scheduler.list('prod')[0]?.state).toBe('paused');
    scheduler.setActiveProfile('prod');
    await clock.advance(0);
    expect(sync.runs).toHaveLength(2);
  });

  it('a pinned job keeps running while its profile is inactive, until unpinned', async () => {
    const { clock, scheduler } = schedulerOnTestClock();
    const alerts = scriptedJob('alerts.evaluate', every(MINUTE));
    const wallet = scriptedJob('wallet.poll', every(MINUTE));
    scheduler.pin('prod', 'alerts.evaluate', true);
    scheduler.register('prod', alerts.spec);
    scheduler.register('prod', wallet.spec);
    scheduler.setActiveProfile('staging');
    await clock.advance(5 * MINUTE);
    expect(alerts.runs).toHaveLength(6);
    expect(wallet.runs).toHaveLength(0);
    expect(scheduler.list('prod').map((job) => [job.name, job.state, job.pinned])).toEqual([
      ['alerts.evaluate', 'idle', true],
      ['wallet.poll', 'paused', false],
    ]);
    scheduler.pin('prod', 'alerts.evaluate', false);
    expect(scheduler.activeTimers('prod')).toBe(0);
    await clock.advance(5 * MINUTE);
    expect(alerts.runs).toHaveLength(6);
  });

  it('runWhenInactive jobs run whichever profile is active', async () => {
    const { clock, scheduler } = schedulerOnTestClock();
    const receiver = scriptedJob('webhooks.housekeeping', every(MINUTE), { runWhenInactive: true });
    scheduler.register('prod', receiver.spec);
    scheduler.setActiveProfile('staging');
    await clock.advance(2 * MINUTE);
    expect(receiver.runs).toHaveLength(3);
    expect(scheduler.list('prod')[0]).toMatchObject({ state: 'idle', runWhenInactive: true });
  });

  it('runNow works for a paused job (the operator asked) without resuming its schedule', async () => {
    const { clock, scheduler } = schedulerOnTestClock();
    const sync = scriptedJob('catalog.sync', every(MINUTE));
    scheduler.register('prod', sync.spec);
    scheduler.setActiveProfile('staging');
    await expect(scheduler.runNow('prod', 'catalog.sync')).resolves.toMatchObject({ outcome: 'done' });
    await clock.advance(10 * MINUTE);
    expect(sync.runs).toHaveLength(1);
    expect(scheduler.activeTimers('prod')).toBe(0);
  });
});

describe('job scheduler: progress events', () => {
  it('reports start, progress and the end of each run, for the kernel to forward', async () => {
    const { clock, scheduler, progress } = schedulerOnTestClock();
    const sync = scriptedJob('catalog.sync', every(HOUR), { manual: true });
    scheduler.register('prod', sync.spec);
    scheduler.setActiveProfile('prod');
    await clock.advance(0);
    sync.lastRun().ctx.progress(40, 812, 'Fetching brands');
    sync.lastRun().ctx.progress(812, 812);
    sync.lastRun().finish();
    await clock.advance(0);
    expect(progress).toEqual([
      { job: 'catalog.sync', profileId: 'prod', done: 0, total: null, message: null, state: 'running' },
      { job: 'catalog.sync', profileId: 'prod', done: 40, total: 812, message: 'Fetching brands', state: 'running' },
      { job: 'catalog.sync', profileId: 'prod', done: 812, total: 812, message: null, state: 'running' },
      { job: 'catalog.sync', profileId: 'prod', done: 812, total: 812, message: null, state: 'done' },
    ]);
    for (const event of progress) expect(events['jobs.progress'].payload.parse(event)).toEqual(event);
  });

  it('throttles bursts with a timer of the profile, gone when the run ends', async () => {
    const { clock, scheduler, progress } = schedulerOnTestClock(undefined, { progressIntervalMs: 250 });
    const sync = scriptedJob('catalog.sync', { kind: 'off' }, { manual: true });
    scheduler.register('prod', sync.spec);
    scheduler.setActiveProfile('prod');
    void scheduler.runNow('prod', 'catalog.sync');
    for (let done = 1; done <= 100; done += 1) sync.lastRun().ctx.progress(done, 100);
    expect(scheduler.activeTimers('prod')).toBe(1);
    await clock.advance(250);
    sync.lastRun().finish();
    await clock.advance(0);
    expect(progress.map((event) => [event.done, event.state])).toEqual([
      [0, 'running'],
      [100, 'running'],
      [100, 'done'],
    ]);
    expect(scheduler.activeTimers('prod')).toBe(0);
  });

  it('a throwing listener is reported and the others still hear every event; unsubscribe stops delivery', async () => {
    const { clock, scheduler, progress, errors } = schedulerOnTestClock();
    const unsubscribe = scheduler.onProgress(() => {
      throw new Error('renderer gone');
    });
    scheduler.register('prod', scriptedJob('wallet.poll', every(MINUTE)).spec);
    scheduler.setActiveProfile('prod');
    await clock.advance(0);
    expect(progress.map((event) => event.state)).toEqual(['running', 'done']);
    expect(errors.map((entry) => entry.where)).toEqual(['a jobs.progress listener', 'a jobs.progress listener']);
    unsubscribe();
    await clock.advance(MINUTE);
    expect(errors).toHaveLength(2);
    expect(progress).toHaveLength(4);
  });
});
