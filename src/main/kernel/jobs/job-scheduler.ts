import { AppError } from '../../errors/app-error.ts';
import type { Clock } from './clock.ts';
import { createProgressReporter, type JobProgress, type RunOutcome } from './job-progress.ts';
import { defaultBackoff, nextRunAfterFailure, type Backoff } from './retry-backoff.ts';
import { nextRunAfter, scheduleSchema, type Schedule } from './schedule.ts';

export type { JobProgress, RunOutcome } from './job-progress.ts';

export interface JobContext {
  readonly profileId: string;
  /** Aborted by cancel(), dispose() and close(); a run should stop soon after (it is awaited either way). */
  readonly signal: AbortSignal;
  /** Reports how far the run got (total null: unknown); throttled into `jobs.progress` events. */
  progress(done: number, total: number | null, message?: string): void;
  now(): number;
}

export interface JobSpec {
  /** Unique per profile, e.g. 'catalog.sync', 'wallet.poll'. */
  readonly name: string;
  readonly schedule: Schedule;
  /** Keeps running while another profile is active (e.g. the webhook receiver's housekeeping). */
  readonly runWhenInactive?: boolean;
  /** With no last run known (a new profile), run as soon as enabled instead of at the first calendar slot. */
  readonly runIfNeverRan?: boolean;
  /** Throw (an AppError for a message the operator may read) to fail the run; it is retried with backoff. */
  run(ctx: JobContext): Promise<void>;
}

export interface JobRunResult {
  readonly job: string;
  readonly profileId: string;
  readonly outcome: RunOutcome;
  readonly startedAt: number;
  readonly finishedAt: number;
  /** For a failed run: an AppError's message, else a generic one (the error itself goes to onError). */
  readonly error: string | null;
}

export interface LastRun {
  /** When the run started. */
  readonly at: number;
  readonly outcome: RunOutcome;
  readonly error: string | null;
}

export interface JobStatus {
  readonly name: string;
  readonly profileId: string;
  /** paused: its profile is not active and the job is neither pinned nor runWhenInactive. */
  readonly state: 'idle' | 'running' | 'paused';
  readonly schedule: Schedule;
  readonly lastRun: LastRun | null;
  /** null while paused, running with a follow-up queued, or for schedule 'off'. */
  readonly nextRunAt: number | null;
  readonly pinned: boolean;
  readonly runWhenInactive: boolean;
  readonly consecutiveFailures: number;
}

/** Where the start of each job's last successful run is kept, so catch-up works across restarts. */
export interface LastRunStore {
  get(profileId: string, name: string): number | null;
  set(profileId: string, name: string, at: number): void;
}

export interface JobSchedulerOptions {
  readonly clock: Clock;
  /** Run failures and broken listeners/stores; `where` names the job and profile. */
  onError?(where: string, error: unknown): void;
  readonly lastRunStore?: LastRunStore;
  readonly backoff?: Backoff;
  /** At most one 'running' progress event per job per this many ms; 250 by default, 0 for every report. */
  readonly progressIntervalMs?: number;
}

export interface JobScheduler {
  /** dispose() aborts a running run, awaits it (even if it ignores the signal) and clears the job's timers. */
  register(profileId: string, spec: JobSpec): { dispose(): Promise<void> };
  /** Runs now, also when paused (the operator asked); while a run is in progress, returns that run's promise. */
  runNow(profileId: string, name: string): Promise<JobRunResult>;
  /** Asks for a run soon (e.g. a webhook said something changed); during a run, queues one follow-up. */
  request(profileId: string, name: string): void;
  /** Aborts the current run (it ends 'cancelled') and drops a queued follow-up; the schedule goes on. */
  cancel(profileId: string, name: string): void;
  /** Jobs of other profiles pause (no timers) unless pinned or runWhenInactive; the active one's resume with catch-up. */
  setActiveProfile(profileId: string | null): void;
  pin(profileId: string, name: string, pinned: boolean): void;
  /** E.g. the operator changed the catalog sync time. */
  setSchedule(profileId: string, name: string, schedule: Schedule): void;
  /** The machine woke up (powerMonitor 'resume'): every job whose slot passed meanwhile runs now, once. */
  wake(): void;
  list(profileId?: string): JobStatus[];
  onProgress(listener: (progress: JobProgress) => void): () => void;
  /** Timers armed (schedules and progress throttling), of one profile or of all. */
  activeTimers(profileId?: string): number;
  /** Disposes every job; register() throws afterwards. */
  close(): Promise<void>;
}

interface Run {
  readonly controller: AbortController;
  startedAt: number;
  promise: Promise<JobRunResult>;
}

interface Job {
  readonly key: string;
  readonly profileId: string;
  readonly spec: JobSpec;
  schedule: Schedule;
  lastRun: LastRun | null;
  lastFinishedAt: number | null;
  consecutiveFailures: number;
  nextRunAt: number | null;
  cancelTimer: (() => void) | null;
  current: Run | null;
  /** A run is owed as soon as the job is idle and enabled (a slot or request came during a run or a pause). */
  followUp: boolean;
  disposed: boolean;
  disposal: Promise<void> | null;
  /** The previous registration under this key, still finishing its last run: the first run waits for it. */
  previous: Promise<void> | null;
}

const keyOf = (profileId: string, name: string) => JSON.stringify([profileId, name]);
const GENERIC_FAILURE = 'The job failed unexpectedly; the details are in the log';
const publicMessage = (error: unknown) => (error instanceof AppError ? error.message : GENERIC_FAILURE);

export function createJobScheduler(options: JobSchedulerOptions): JobScheduler {
  const { clock, lastRunStore } = options;
  const backoff = options.backoff ?? defaultBackoff;
  const progressIntervalMs = options.progressIntervalMs ?? 250;
  const jobs = new Map<string, Job>();
  const draining = new Map<string, Promise<void>>();
  const pins = new Set<string>();
  const listeners = new Set<(progress: JobProgress) => void>();
  const timers = new Set<{ readonly profileId: string }>();
  let activeProfileId: string | null = null;
  let closed = false;

  const report = (where: string, error: unknown) => {
    try {
      if (options.onError) options.onError(where, error);
      else console.error(`[jobs] ${where}`, error);
    } catch {
      // A broken error reporter must not take the scheduler down with it.
    }
  };
  const where = (job: Job) => `job ${job.spec.name} of profile ${job.profileId}`;

  const startTimer = (profileId: string, fn: () => void, ms: number) => {
    const token = { profileId };
    timers.add(token);
    const cancel = clock.setTimer(() => {
      if (timers.delete(token)) fn();
    }, ms);
    return () => {
      if (timers.delete(token)) cancel();
    };
  };

  const emitProgress = (progress: JobProgress) => {
    for (const listener of listeners) {
      try {
        listener(progress);
      } catch (error) {
        report('a jobs.progress listener', error);
      }
    }
  };

  const enabled = (job: Job) =>
    !closed &&
    !job.disposed &&
    (job.profileId === activeProfileId || job.spec.runWhenInactive === true || pins.has(job.key));

  const clearTimer = (job: Job) => {
    job.cancelTimer?.();
    job.cancelTimer = null;
    job.nextRunAt = null;
  };

  /** When the job is due next; during a run, the first slot after that run's start. */
  const plan = (job: Job): number | null => {
    const now = clock.now();
    if (job.current !== null) return nextRunAfter(job.schedule, job.current.startedAt, now);
    if (job.followUp) return now;
    const last = job.lastRun;
    if (last?.outcome === 'failed' && job.consecutiveFailures > 0)
      return nextRunAfterFailure(
        job.schedule,
        job.consecutiveFailures,
        last.at,
        job.lastFinishedAt ?? last.at,
        now,
        backoff,
      );
    if (last === null && job.spec.runIfNeverRan === true && job.schedule.kind !== 'off') return now;
    return nextRunAfter(job.schedule, last?.at ?? null, now);
  };

  /** (Re)computes the job's timer from its state; the one place timers of jobs are set. */
  const arm = (job: Job) => {
    // A slot whose time came but whose timer has not fired yet (the machine slept) is owed, whatever changes now.
    if (job.nextRunAt !== null && job.nextRunAt <= clock.now()) job.followUp = true;
    clearTimer(job);
    if (!enabled(job) || (job.current !== null && job.followUp)) return;
    const dueAt = plan(job);
    if (dueAt === null) return;
    job.nextRunAt = dueAt;
    job.cancelTimer = startTimer(job.profileId, () => onDue(job), Math.max(0, dueAt - clock.now()));
  };

  const onDue = (job: Job) => {
    job.cancelTimer = null;
    job.nextRunAt = null;
    if (!enabled(job)) return;
    if (job.current !== null) job.followUp = true;
    else start(job);
  };

  const start = (job: Job): Run => {
    const run: Run = { controller: new AbortController(), startedAt: clock.now(), promise: Promise.resolve() as never };
    job.current = run;
    job.followUp = false;
    run.promise = execute(job, run);
    // The next slot is armed while the run goes on: if it passes before the run ends it becomes one follow-up.
    arm(job);
    return run;
  };

  const execute = async (job: Job, run: Run): Promise<JobRunResult> => {
    const { signal } = run.controller;
    if (job.previous !== null) {
      await job.previous;
      job.previous = null;
      run.startedAt = clock.now();
    }
    const progress = createProgressReporter({
      job: job.spec.name,
      profileId: job.profileId,
      intervalMs: progressIntervalMs,
      now: () => clock.now(),
      setTimer: (fn, ms) => startTimer(job.profileId, fn, ms),
      emit: emitProgress,
    });
    progress.start();
    let outcome: RunOutcome;
    let failure: unknown;
    try {
      if (!signal.aborted)
        await job.spec.run({
          profileId: job.profileId,
          signal,
          now: () => clock.now(),
          progress: (done, total, message) => progress.report(done, total, message ?? null),
        });
      outcome = signal.aborted ? 'cancelled' : 'done';
    } catch (error) {
      outcome = signal.aborted ? 'cancelled' : 'failed';
      failure = error;
    }
    const finishedAt = clock.now();
    const error = outcome === 'failed' ? publicMessage(failure) : null;
    job.lastRun = { at: run.startedAt, outcome, error };
    job.lastFinishedAt = finishedAt;
    if (outcome === 'done') {
      job.consecutiveFailures = 0;
      try {
        lastRunStore?.set(job.profileId, job.spec.name, run.startedAt);
      } catch (storeError) {
        report(`saving the last run of ${where(job)}`, storeError);
      }
    } else if (outcome === 'failed') {
      job.consecutiveFailures += 1;
      report(where(job), failure);
    }
    job.current = null;
    progress.finish(outcome, outcome === 'failed' ? error : null);
    if (!job.disposed) arm(job);
    return { job: job.spec.name, profileId: job.profileId, outcome, startedAt: run.startedAt, finishedAt, error };
  };

  const dispose = (job: Job): Promise<void> => {
    if (job.disposal !== null) return job.disposal;
    job.disposed = true;
    job.followUp = false;
    clearTimer(job);
    if (jobs.get(job.key) === job) jobs.delete(job.key);
    const running = job.current;
    if (running === null) {
      job.disposal = job.previous ?? Promise.resolve();
      return job.disposal;
    }
    running.controller.abort();
    const drained = running.promise.then(
      () => undefined,
      () => undefined,
    );
    draining.set(job.key, drained);
    void drained.then(() => {
      if (draining.get(job.key) === drained) draining.delete(job.key);
    });
    job.disposal = drained;
    return drained;
  };

  const find = (profileId: string, name: string) => jobs.get(keyOf(profileId, name));

  return {
    register(profileId, spec) {
      if (closed) throw new Error('The job scheduler is closed');
      const key = keyOf(profileId, spec.name);
      if (jobs.has(key)) throw new Error(`Job ${spec.name} is already registered for profile ${profileId}`);
      const schedule = scheduleSchema.parse(spec.schedule);
      let lastSuccessAt: number | null = null;
      try {
        lastSuccessAt = lastRunStore?.get(profileId, spec.name) ?? null;
      } catch (error) {
        report(`reading the last run of job ${spec.name} of profile ${profileId}`, error);
      }
      const job: Job = {
        key,
        profileId,
        spec,
        schedule,
        lastRun: lastSuccessAt === null ? null : { at: lastSuccessAt, outcome: 'done', error: null },
        lastFinishedAt: null,
        consecutiveFailures: 0,
        nextRunAt: null,
        cancelTimer: null,
        current: null,
        followUp: false,
        disposed: false,
        disposal: null,
        previous: draining.get(key) ?? null,
      };
      jobs.set(key, job);
      arm(job);
      return { dispose: () => dispose(job) };
    },

    runNow(profileId, name) {
      const job = find(profileId, name);
      if (job === undefined) return Promise.reject(new AppError('NOT_FOUND', `No job ${name} for this profile`));
      return (job.current ?? start(job)).promise;
    },

    request(profileId, name) {
      const job = find(profileId, name);
      if (job === undefined) return;
      job.followUp = true;
      arm(job);
    },

    cancel(profileId, name) {
      const job = find(profileId, name);
      if (job === undefined) return;
      job.followUp = false;
      job.current?.controller.abort();
      arm(job);
    },

    setActiveProfile(profileId) {
      activeProfileId = profileId;
      for (const job of jobs.values()) arm(job);
    },

    pin(profileId, name, pinned) {
      const key = keyOf(profileId, name);
      if (pinned) pins.add(key);
      else pins.delete(key);
      const job = jobs.get(key);
      if (job !== undefined) arm(job);
    },

    setSchedule(profileId, name, schedule) {
      const job = find(profileId, name);
      if (job === undefined) throw new AppError('NOT_FOUND', `No job ${name} for this profile`);
      job.schedule = scheduleSchema.parse(schedule);
      arm(job);
    },

    wake() {
      for (const job of jobs.values()) arm(job);
    },

    list(profileId) {
      return [...jobs.values()]
        .filter((job) => profileId === undefined || job.profileId === profileId)
        .map((job) => ({
          name: job.spec.name,
          profileId: job.profileId,
          state: job.current !== null ? 'running' : enabled(job) ? 'idle' : 'paused',
          schedule: job.schedule,
          lastRun: job.lastRun,
          nextRunAt: job.nextRunAt,
          pinned: pins.has(job.key),
          runWhenInactive: job.spec.runWhenInactive === true,
          consecutiveFailures: job.consecutiveFailures,
        }));
    },

    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    activeTimers(profileId) {
      if (profileId === undefined) return timers.size;
      let count = 0;
      for (const timer of timers) if (timer.profileId === profileId) count += 1;
      return count;
    },

    async close() {
      closed = true;
      await Promise.all([...jobs.values()].map(dispose));
      await Promise.all(draining.values());
    },
  };
}
