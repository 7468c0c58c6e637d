import type { EventPayload } from '../../../shared/contract/index.ts';

/** One `jobs.progress` event: a job of a profile started, moved on or ended. */
export type JobProgress = EventPayload<'jobs.progress'>;
export type RunOutcome = Exclude<JobProgress['state'], 'running'>;

export interface ProgressReporterOptions {
  readonly job: string;
  readonly profileId: string;
  /** At most one 'running' event per this many ms (0: every report); the latest report is never lost. */
  readonly intervalMs: number;
  now(): number;
  setTimer(fn: () => void, ms: number): () => void;
  emit(progress: JobProgress): void;
}

export interface ProgressReporter {
  /** The run started: a 'running' event with nothing done yet. */
  start(): void;
  report(done: number, total: number | null, message: string | null): void;
  /** The run ended: one last event with the latest counts; reports after this are ignored. */
  finish(outcome: RunOutcome, message: string | null): void;
}

const isCount = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/**
 * Throttles one run's progress: a catalog sync may report per brand, and every event crosses IPC, so bursts are
 * folded into one event per interval, with a trailing event so the screen never stays on a stale count.
 */
export function createProgressReporter(options: ProgressReporterOptions): ProgressReporter {
  let latest = { done: 0, total: null as number | null, message: null as string | null };
  let lastEmitAt = Number.NEGATIVE_INFINITY;
  let cancelTrailing: (() => void) | null = null;
  let finished = false;

  const emit = (state: JobProgress['state'], message: string | null) =>
    options.emit({
      job: options.job,
      profileId: options.profileId,
      done: latest.done,
      total: latest.total,
      message,
      state,
    });
  const emitRunning = () => {
    lastEmitAt = options.now();
    emit('running', latest.message);
  };

  return {
    start: emitRunning,
    report(done, total, message) {
      if (!isCount(done) || (total !== null && !isCount(total)))
        throw new RangeError(`progress needs finite counts ≥ 0 (got done=${done}, total=${total})`);
      if (finished) return;
      latest = { done, total, message };
      const sinceLast = options.now() - lastEmitAt;
      if (sinceLast >= options.intervalMs) {
        cancelTrailing?.();
        cancelTrailing = null;
        emitRunning();
      } else if (cancelTrailing === null) {
        cancelTrailing = options.setTimer(() => {
          cancelTrailing = null;
          if (!finished) emitRunning();
        }, options.intervalMs - sinceLast);
      }
    },
    finish(outcome, message) {
      if (finished) return;
      finished = true;
      cancelTrailing?.();
      cancelTrailing = null;
      emit(outcome, message);
    },
  };
}
