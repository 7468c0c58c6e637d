/**
 * The simulator's time. Tokens expire, PROCESSING orders settle and rate-limit windows roll on this clock, never
 * on Date.now() directly, so a test can advance time instead of sleeping.
 */
export interface SimulatorClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Moves time forward (never back). */
  advance(ms: number): void;
  /** Undoes every advance(). */
  reset(): void;
  /** True when time moves only through advance(); false when it also follows the wall clock. */
  readonly frozen: boolean;
}

export interface ClockOptions {
  /** Where time starts; the wall clock's now by default. */
  startMs?: number;
  /** Frozen clocks move only through advance(): what every deterministic test wants. */
  frozen?: boolean;
}

export function createSimulatorClock(options: ClockOptions = {}): SimulatorClock {
  const createdAt = Date.now();
  const start = options.startMs ?? createdAt;
  const frozen = options.frozen ?? false;
  let offset = 0;
  return {
    frozen,
    now: () => (frozen ? start : start + (Date.now() - createdAt)) + offset,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward');
      offset += ms;
    },
    reset() {
      offset = 0;
    },
  };
}
