/**
 * The scheduler's time. Jobs never read Date.now() or call setTimeout directly, so a test drives a whole day of
 * schedules, a laptop sleep and a slow run without sleeping.
 */
export interface Clock {
  /** Milliseconds since the epoch (wall-clock time: schedules are wall-clock times). */
  now(): number;
  /** Calls fn once, ms from now; returns a function that cancels it (harmless after it fired). */
  setTimer(fn: () => void, ms: number): () => void;
}

/**
 * The longest single setTimeout the system clock uses. Node's timers run on a monotonic clock that stops while
 * the machine sleeps, so one long timeout would fire hours late after a wake; waking up at least this often and
 * comparing with the wall clock bounds that lateness. It also stays under setTimeout's 2^31-1 ms ceiling.
 */
export const SYSTEM_TIMER_SLICE_MS = 30_000;

/** Date.now() and unref'd timeouts (a pending job never keeps the process alive), checked against the wall clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    const dueAt = Date.now() + Math.max(0, ms);
    let handle: NodeJS.Timeout | undefined;
    let cancelled = false;
    const wait = () => {
      const remaining = dueAt - Date.now();
      if (remaining <= 0) {
        handle = undefined;
        fn();
        return;
      }
      handle = setTimeout(wait, Math.min(remaining, SYSTEM_TIMER_SLICE_MS));
      handle.unref();
    };
    handle = setTimeout(wait, Math.min(Math.max(0, ms), SYSTEM_TIMER_SLICE_MS));
    handle.unref();
    return () => {
      if (cancelled) return;
      cancelled = true;
      if (handle !== undefined) clearTimeout(handle);
    };
  },
};

interface PendingTimer {
  readonly dueAt: number;
  readonly order: number;
  readonly fn: () => void;
}

/** Lets every promise continuation queued so far (and the ones they queue) run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A clock that moves only when told. advance() is time passing with the machine awake (due timers fire, in order);
 * jump() is the machine asleep (time moves, nothing fires until the next advance()).
 */
export class TestClock implements Clock {
  #now: number;
  #order = 0;
  readonly #timers = new Set<PendingTimer>();

  constructor(startMs = Date.UTC(2025, 0, 6, 0, 0, 0)) {
    this.#now = startMs;
  }

  now(): number {
    return this.#now;
  }

  setTimer(fn: () => void, ms: number): () => void {
    const timer: PendingTimer = { dueAt: this.#now + Math.max(0, ms), order: this.#order++, fn };
    this.#timers.add(timer);
    return () => {
      this.#timers.delete(timer);
    };
  }

  /** Timers not yet fired or cancelled. */
  get pendingTimers(): number {
    return this.#timers.size;
  }

  /** Moves time forward by ms, firing every timer that falls due on the way (also ones set while advancing). */
  async advance(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward');
    const target = this.#now + ms;
    await settle();
    for (;;) {
      const next = this.#earliestDue(target);
      if (next === undefined) break;
      this.#timers.delete(next);
      this.#now = Math.max(this.#now, next.dueAt);
      next.fn();
      await settle();
    }
    this.#now = target;
    await settle();
  }

  /** The machine slept for ms: time moves on, and timers that fell due fire only at the next advance(). */
  jump(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward');
    this.#now += ms;
  }

  #earliestDue(limit: number): PendingTimer | undefined {
    let earliest: PendingTimer | undefined;
    for (const timer of this.#timers) {
      if (timer.dueAt > limit) continue;
      if (
        earliest === undefined ||
        timer.dueAt < earliest.dueAt ||
        (timer.dueAt === earliest.dueAt && timer.order < earliest.order)
      )
        earliest = timer;
    }
    return earliest;
  }
}
