import { afterEach, describe, expect, it, vi } from 'vitest';
import { SYSTEM_TIMER_SLICE_MS, systemClock, TestClock } from '../../../../src/main/kernel/jobs/clock.ts';

describe('TestClock', () => {
  it('fires due timers in time order, at their own time, including ones set while advancing', async () => {
    const clock = new TestClock(1_000);
    const fired: Array<[string, number]> = [];
    clock.setTimer(() => fired.push(['b', clock.now()]), 200);
    clock.setTimer(() => {
      fired.push(['a', clock.now()]);
      clock.setTimer(() => fired.push(['a+50', clock.now()]), 50);
    }, 100);
    clock.setTimer(() => fired.push(['late', clock.now()]), 5_000);
    await clock.advance(300);
    expect(fired).toEqual([
      ['a', 1_100],
      ['a+50', 1_150],
      ['b', 1_200],
    ]);
    expect(clock.now()).toBe(1_300);
    expect(clock.pendingTimers).toBe(1);
  });

  it('lets promise chains started by a timer settle before the next timer fires', async () => {
    const clock = new TestClock(0);
    const seen: string[] = [];
    clock.setTimer(() => {
      void Promise.resolve()
        .then(() => Promise.resolve())
        .then(() => seen.push('chain of the first timer'));
    }, 10);
    clock.setTimer(() => seen.push('second timer'), 20);
    await clock.advance(20);
    expect(seen).toEqual(['chain of the first timer', 'second timer']);
  });

  it('jump() is a sleep: time moves but nothing fires until the next advance, which fires each timer once', async () => {
    const clock = new TestClock(0);
    let fired = 0;
    clock.setTimer(() => (fired += 1), 1_000);
    clock.jump(10_000);
    expect(clock.now()).toBe(10_000);
    expect(fired).toBe(0);
    await clock.advance(0);
    expect(fired).toBe(1);
  });

  it('cancelled timers never fire', async () => {
    const clock = new TestClock(0);
    let fired = false;
    const cancel = clock.setTimer(() => (fired = true), 10);
    cancel();
    await clock.advance(100);
    expect(fired).toBe(false);
    expect(clock.pendingTimers).toBe(0);
  });
});

describe('systemClock', () => {
  it('fires a due timer and not a cancelled one', async () => {
    const cancelledFired: boolean[] = [];
    const cancel = systemClock.setTimer(() => cancelledFired.push(true), 0);
    cancel();
    await new Promise<void>((resolve) => systemClock.setTimer(resolve, 0));
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(cancelledFired).toEqual([]);
    const before = Date.now();
    const now = systemClock.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  describe('after the machine slept', () => {
    afterEach(() => vi.useRealTimers());

    it('fires within one slice of waking, not after the whole delay counted on the (paused) monotonic clock', () => {
      vi.useFakeTimers();
      let fired = 0;
      systemClock.setTimer(() => (fired += 1), 6 * 60 * 60_000);
      // the lid closes for 8 hours: wall time moves on, the timer queue does not
      vi.setSystemTime(Date.now() + 8 * 60 * 60_000);
      vi.advanceTimersByTime(SYSTEM_TIMER_SLICE_MS);
      expect(fired).toBe(1);
      vi.advanceTimersByTime(24 * 60 * 60_000);
      expect(fired).toBe(1);
    });

    it('waits the full delay when awake, however long', () => {
      vi.useFakeTimers();
      let fired = 0;
      const cancel = systemClock.setTimer(() => (fired += 1), 3 * SYSTEM_TIMER_SLICE_MS + 5);
      vi.advanceTimersByTime(3 * SYSTEM_TIMER_SLICE_MS);
      expect(fired).toBe(0);
      vi.advanceTimersByTime(5);
      expect(fired).toBe(1);
      cancel();
    });

    it('a cancelled long timer stays cancelled across slices', () => {
      vi.useFakeTimers();
      let fired = 0;
      const cancel = systemClock.setTimer(() => (fired += 1), 5 * SYSTEM_TIMER_SLICE_MS);
      vi.advanceTimersByTime(2 * SYSTEM_TIMER_SLICE_MS);
      cancel();
      vi.advanceTimersByTime(10 * SYSTEM_TIMER_SLICE_MS);
      expect(fired).toBe(0);
      expect(vi.getTimerCount()).toBe(0);
    });
  });
});
