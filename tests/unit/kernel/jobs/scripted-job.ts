import { TestClock } from '../../../../src/main/kernel/jobs/clock.ts';
import {
  createJobScheduler,
  type JobContext,
  type JobProgress,
  type JobSchedulerOptions,
  type JobSpec,
} from '../../../../src/main/kernel/jobs/job-scheduler.ts';
import type { Schedule } from '../../../../src/main/kernel/jobs/schedule.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** One run of a scripted job, which the test ends when it likes (unless the job is instant). */
export interface ScriptedRun {
  readonly startedAt: number;
  readonly ctx: JobContext;
  finish(): void;
  fail(error: unknown): void;
}

export interface ScriptedJobOptions {
  /** Each run stays in progress until the test calls finish()/fail(). */
  readonly manual?: boolean;
  /** The run does not listen to its AbortSignal (it ends only when finished). */
  readonly ignoresAbort?: boolean;
  /** Every run throws this (instant jobs only). */
  readonly throws?: () => unknown;
  readonly runWhenInactive?: boolean;
  readonly runIfNeverRan?: boolean;
}

/** A job that records each run (when, with what context) and how many ever overlapped. */
export function scriptedJob(name: string, schedule: Schedule, options: ScriptedJobOptions = {}) {
  const runs: ScriptedRun[] = [];
  let inProgress = 0;
  let maxInProgress = 0;
  const spec: JobSpec = {
    name,
    schedule,
    runWhenInactive: options.runWhenInactive,
    runIfNeverRan: options.runIfNeverRan,
    async run(ctx) {
      inProgress += 1;
      maxInProgress = Math.max(maxInProgress, inProgress);
      try {
        await new Promise<void>((resolve, reject) => {
          runs.push({ startedAt: ctx.now(), ctx, finish: resolve, fail: reject });
          if (!options.ignoresAbort) ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason));
          if (options.throws) reject(options.throws());
          else if (!options.manual) resolve();
        });
      } finally {
        inProgress -= 1;
      }
    },
  };
  return {
    spec,
    runs,
    /** When each run started, in ms after `origin`. */
    startsAfter: (origin: number) => runs.map((run) => run.startedAt - origin),
    get inProgress() {
      return inProgress;
    },
    get maxInProgress() {
      return maxInProgress;
    },
    lastRun(): ScriptedRun {
      const run = runs.at(-1);
      if (run === undefined) throw new Error(`${name} never ran`);
      return run;
    },
  };
}

/** A scheduler on a TestClock, recording its errors and progress events. */
export function schedulerOnTestClock(
  startMs = Date.parse('2025-03-10T04:30:00Z'),
  options: Partial<JobSchedulerOptions> = {},
) {
  const clock = new TestClock(startMs);
  const errors: Array<{ where: string; error: unknown }> = [];
  const progress: JobProgress[] = [];
  const scheduler = createJobScheduler({
    clock,
    progressIntervalMs: 0,
    onError: (where, error) => errors.push({ where, error }),
    ...options,
  });
  scheduler.onProgress((event) => progress.push(event));
  return { clock, scheduler, errors, progress, origin: startMs };
}
