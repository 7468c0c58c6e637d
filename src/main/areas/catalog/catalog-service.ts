import type Database from 'better-sqlite3';
import type { z } from 'zod';
import {
  catalogChangesSchema,
  type BrandDetail,
  type CatalogChangesResult,
  type CatalogSchedule,
  type CatalogSearchQuery,
  type CatalogSearchResult,
  type CatalogStatus,
  type CatalogSync,
  type LogoResult,
} from '../../../shared/contract/catalog.ts';
import { AppError } from '../../errors/app-error.ts';
import type { JobRunResult, JobScheduler } from '../../kernel/jobs/job-scheduler.ts';
import { nextRunAfter, scheduleSchema } from '../../kernel/jobs/schedule.ts';
import type { Disposable, ProfileScope } from '../../kernel/scopes/profile-scope.ts';
import { brandDetailOf } from './brand-detail.ts';
import { initialsOf } from './brand-record.ts';
import { searchBrands } from './brand-search.ts';
import {
  CATALOG_SYNC_JOB,
  effectiveSchedule,
  jobScheduleOf,
  parseStoredSchedule,
  SCHEDULE_SETTING,
  staleAfterMs,
} from './catalog-schedule.ts';
import { CatalogStore } from './catalog-store.ts';
import { runCatalogSync } from './catalog-sync.ts';
import { brandHistory, changesResult, readChanges } from './change-history.ts';
import type { LogoCache } from './logo-cache.ts';

export interface CatalogServiceDeps {
  readonly jobs: JobScheduler;
  readonly logos: LogoCache;
  now(): number;
  /** Called whenever profile settings change, to follow `catalogSyncHours`; returns the unsubscribe. */
  onProfilesChanged(listener: () => void): () => void;
}

type ChangesInput = z.output<typeof catalogChangesSchema>;

// One store (its prepared statements) per open database; it goes with the handle, so no per-profile map is kept.
const stores = new WeakMap<Database.Database, CatalogStore>();
export function storeOf(db: Database.Database): CatalogStore {
  let store = stores.get(db);
  if (!store) {
    store = new CatalogStore(db);
    stores.set(db, store);
  }
  return store;
}

/** The catalog operations on one profile scope, and the sync job every scope gets. */
export function createCatalogService(deps: CatalogServiceDeps) {
  const scheduleOf = (scope: ProfileScope) =>
    effectiveSchedule(
      scope.profile().polling.catalogSyncHours,
      parseStoredSchedule(storeOf(scope.db).setting(SCHEDULE_SETTING)),
    );

  const jobStatus = (scope: ProfileScope) =>
    deps.jobs.list(scope.profileId).find((job) => job.name === CATALOG_SYNC_JOB) ?? null;

  const status = (scope: ProfileScope): CatalogStatus => {
    const store = storeOf(scope.db);
    const counts = scope.db
      .prepare("SELECT count(*) AS brands, coalesce(sum(status = 'INACTIVE'), 0) AS inactive FROM brands")
      .get() as { brands: number; inactive: number };
    const categories = scope.db
      .prepare(
        `SELECT c.value AS category, count(*) AS count FROM brands b, json_each(b.categories) c
         GROUP BY c.value ORDER BY c.value`,
      )
      .all() as { category: string; count: number }[];
    const { schedule, source } = scheduleOf(scope);
    const success = store.lastSuccessfulSync();
    const lastSuccessAt = success?.finishedAt ?? null;
    const ageMs = lastSuccessAt === null ? null : Math.max(0, deps.now() - lastSuccessAt);
    const staleAfter = staleAfterMs(schedule);
    const job = jobStatus(scope);
    return {
      brands: counts.brands,
      inactive: counts.inactive,
      categories,
      lastSuccessAt,
      ageMs,
      stale: ageMs === null || ageMs > staleAfter,
      staleAfterMs: staleAfter,
      lastSync: store.lastFinishedSync(),
      running: job?.state === 'running',
      schedule,
      scheduleSource: source,
      nextRunAt: job?.nextRunAt ?? null,
    };
  };

  return {
    /** The sync job of one scope, on the schedule in force, following profile edits; returns its cleanup. */
    addSyncJob(scope: ProfileScope): Disposable {
      const store = storeOf(scope.db);
      store.failInterruptedSyncs(deps.now());
      let current = scheduleOf(scope).schedule;
      const jobSchedule = jobScheduleOf(current);
      const lastSuccess = store.lastSuccessfulSync();
      // The scheduler keeps no last runs across restarts: a catalog whose slot passed while the console was
      // closed (or that never synced) is owed a sync at once.
      const owed =
        lastSuccess === null ||
        (nextRunAfter(jobSchedule, lastSuccess.startedAt, deps.now()) ?? Infinity) <= deps.now();
      scope.addJob({
        name: CATALOG_SYNC_JOB,
        schedule: jobSchedule,
        runIfNeverRan: owed,
        run: async (ctx) => {
          await runCatalogSync({ store, fetchPage: (query) => scope.client().listProducts(query), now: deps.now }, ctx);
        },
      });
      return deps.onProfilesChanged(() => {
        let next;
        try {
          next = scheduleOf(scope).schedule;
        } catch {
          return; // the profile is gone; its scope is closing
        }
        if (JSON.stringify(next) === JSON.stringify(current)) return;
        current = next;
        deps.jobs.setSchedule(scope.profileId, CATALOG_SYNC_JOB, jobScheduleOf(next));
      });
    },

    status,

    search: (scope: ProfileScope, query: CatalogSearchQuery): CatalogSearchResult => searchBrands(scope.db, query),

    brand(scope: ProfileScope, brandId: string): BrandDetail {
      const brand = storeOf(scope.db).get(brandId);
      if (!brand) throw new AppError('NOT_FOUND', 'This brand is not in the catalog (it may have been removed).');
      return brandDetailOf(brand, brandHistory(scope.db, brandId));
    },

    changes(scope: ProfileScope, input: ChangesInput): CatalogChangesResult {
      const store = storeOf(scope.db);
      if (input.from !== undefined || input.to !== undefined)
        return changesResult(null, input, readChanges(scope.db, input));
      const sync = input.syncId !== undefined ? store.sync(input.syncId) : store.lastFinishedSync();
      if (input.syncId !== undefined && !sync)
        throw new AppError('NOT_FOUND', `No sync ${input.syncId} in this catalog`);
      if (!sync) return changesResult(null, input, { changes: [], total: 0 });
      const window = { syncId: sync.id, limit: input.limit };
      return changesResult(sync, window, readChanges(scope.db, window));
    },

    syncs: (scope: ProfileScope, limit: number): CatalogSync[] => storeOf(scope.db).syncs(limit),

    async syncNow(
      scope: ProfileScope,
    ): Promise<{ outcome: JobRunResult['outcome']; error: string | null; sync: CatalogSync | null }> {
      const result = await deps.jobs.runNow(scope.profileId, CATALOG_SYNC_JOB);
      return { outcome: result.outcome, error: result.error, sync: storeOf(scope.db).syncs(1)[0] ?? null };
    },

    cancelSync(scope: ProfileScope): { cancelled: boolean } {
      const running = jobStatus(scope)?.state === 'running';
      deps.jobs.cancel(scope.profileId, CATALOG_SYNC_JOB);
      return { cancelled: running };
    },

    setSchedule(scope: ProfileScope, schedule: CatalogSchedule | null): CatalogStatus {
      const next = effectiveSchedule(scope.profile().polling.catalogSyncHours, schedule).schedule;
      const checked = scheduleSchema.safeParse(jobScheduleOf(next));
      if (!checked.success) throw new AppError('VALIDATION', 'This schedule is not valid (check the time zone).');
      storeOf(scope.db).setSetting(SCHEDULE_SETTING, schedule === null ? null : JSON.stringify(schedule));
      deps.jobs.setSchedule(scope.profileId, CATALOG_SYNC_JOB, checked.data);
      return status(scope);
    },

    async logo(scope: ProfileScope, brandId: string): Promise<LogoResult> {
      const brand = storeOf(scope.db).get(brandId);
      if (!brand) throw new AppError('NOT_FOUND', 'This brand is not in the catalog (it may have been removed).');
      const dataUrl = await deps.logos.dataUrl(scope.profileId, brand.logoUrl);
      return dataUrl ? { dataUrl } : { initials: initialsOf(brand.name) };
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
