import { setImmediate as nextTurn } from 'node:timers/promises';

// The diagnosis runs in main next to every IPC call and timer of the app. It is cut into short steps and
// gives the event loop a turn whenever a slice has used its time, so no input (1 MiB of hostile JSON, a
// million newlines) can hold main for more than a slice; and it stops at a fixed amount of work, so a
// hostile input cannot keep a core busy for long either.

/** A piece of work cut into steps: each `yield` is a point where the event loop may run. */
export type Steps<T> = Generator<void, T>;

/** Runs steps to their end in one go (small inputs, tests, synchronous callers). */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export interface WorkPacer {
  /** Gives the event loop a turn when the current slice has run for its time; otherwise returns at once. */
  pause(): Promise<void>;
  /** Runs steps, pausing between them. */
  run<T>(steps: Steps<T>): Promise<T>;
  /** Counts work done (bytes printed or hashed). */
  charge(units: number): void;
  /** True once the work budget is spent: nothing optional should be started after that. */
  readonly exhausted: boolean;
  readonly budget: number;
}

export function createWorkPacer(options: { sliceMs: number; budget: number }): WorkPacer {
  let sliceStart = performance.now();
  let spent = 0;
  const pause = async () => {
    if (performance.now() - sliceStart < options.sliceMs) return;
    await nextTurn();
    sliceStart = performance.now();
  };
  return {
    pause,
    async run(steps) {
      for (;;) {
        const next = steps.next();
        if (next.done) return next.value;
        await pause();
      }
    },
    charge(units) {
      spent += units;
    },
    get exhausted() {
      return spent >= options.budget;
    },
    budget: options.budget,
  };
}
