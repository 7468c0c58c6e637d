import { describe, expect, it } from 'vitest';
import { TestClock } from '../../../../src/main/kernel/jobs/clock.ts';
import { createProgressReporter, type JobProgress } from '../../../../src/main/kernel/jobs/job-progress.ts';

const reporterOn = (clock: TestClock, intervalMs: number) => {
  const events: JobProgress[] = [];
  const reporter = createProgressReporter({
    job: 'catalog.sync',
    profileId: 'staging-1',
    intervalMs,
    now: () => clock.now(),
    setTimer: (fn, ms) => clock.setTimer(fn, ms),
    emit: (event) => events.push(event),
  });
  return { reporter, events };
};

describe('progress reporter', () => {
  it('folds a burst into one event per interval and emits the latest count after the burst', async () => {
    const clock = new TestClock();
    const { reporter, events } = reporterOn(clock, 250);
    reporter.start();
    for (let done = 1; done <= 500; done += 1) reporter.report(done, 500, `brand ${done}`);
    expect(events.map((event) => event.done)).toEqual([0]);
    await clock.advance(250);
    expect(events.map((event) => [event.done, event.total, event.message, event.state])).toEqual([
      [0, null, null, 'running'],
      [500, 500, 'brand 500', 'running'],
    ]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('ends with the final state and the latest counts, cancelling the trailing timer; later reports are ignored', async () => {
    const clock = new TestClock();
    const { reporter, events } = reporterOn(clock, 250);
    reporter.start();
    reporter.report(3, 10, 'three');
    expect(clock.pendingTimers).toBe(1);
    reporter.finish('failed', 'Hubble said no');
    expect(clock.pendingTimers).toBe(0);
    reporter.report(4, 10, 'too late');
    await clock.advance(1000);
    expect(events.at(-1)).toEqual({
      job: 'catalog.sync',
      profileId: 'staging-1',
      done: 3,
      total: 10,
      message: 'Hubble said no',
      state: 'failed',
    });
    expect(events).toHaveLength(2);
  });

  it('with interval 0 every report is an event', () => {
    const clock = new TestClock();
    const { reporter, events } = reporterOn(clock, 0);
    reporter.start();
    reporter.report(1, null, null);
    reporter.report(2, null, null);
    expect(events.map((event) => event.done)).toEqual([0, 1, 2]);
  });

  it('rejects counts the contract would refuse, at the call that made them', () => {
    const clock = new TestClock();
    const { reporter } = reporterOn(clock, 0);
    expect(() => reporter.report(-1, 10, null)).toThrow(RangeError);
    expect(() => reporter.report(Number.NaN, null, null)).toThrow(RangeError);
    expect(() => reporter.report(1, -5, null)).toThrow(RangeError);
  });
});
