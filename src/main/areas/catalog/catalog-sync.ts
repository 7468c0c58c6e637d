import type { CatalogSync } from '../../../shared/contract/catalog.ts';
import type { Brand } from '../../../shared/hubble/brand.ts';
import { AppError } from '../../errors/app-error.ts';
import { addedDelta, diffBrand, keepDiscountValidity, removedDelta } from './brand-diff.ts';
import { brandRecordOf, type BrandRecord } from './brand-record.ts';
import type { CatalogStore, SyncCounts } from './catalog-store.ts';
import { abortedError, fetchWholeCatalog, type PageFetcher } from './fetch-catalog.ts';

export interface SyncRunContext {
  readonly signal: AbortSignal;
  progress(done: number, total: number | null, message?: string): void;
}

export interface CatalogSyncDeps {
  readonly store: CatalogStore;
  readonly fetchPage: PageFetcher;
  now(): number;
  readonly pageLimit?: number;
}

export interface StagedCatalog {
  readonly records: ReadonlyMap<string, BrandRecord>;
  readonly pages: number;
  readonly rejected: number;
}

export const stageCatalog = (brands: ReadonlyMap<string, Brand>, pages: number, rejected: number): StagedCatalog => ({
  records: new Map([...brands].map(([id, brand]) => [id, brandRecordOf(brand)])),
  pages,
  rejected,
});

/**
 * Replaces the catalog with the staged one and records every change, in ONE transaction with the sync's own
 * row: a failure anywhere leaves the previous catalog, and no half of its history. When some list entries
 * were unreadable, nothing is removed: an unreadable brand must not pass for one Hubble stopped offering.
 */
export function applyStagedCatalog(store: CatalogStore, staged: StagedCatalog, syncId: number, at: number): SyncCounts {
  const counts: SyncCounts = {
    pages: staged.pages,
    brands: staged.records.size,
    added: 0,
    removed: 0,
    changed: 0,
    changes: 0,
    rejected: staged.rejected,
  };
  store.db.transaction(() => {
    const previous = store.all();
    // The first sync of a profile adds every brand: its count says so; ten thousand "added" rows would not help.
    const firstSync = previous.size === 0;
    for (const [id, fetched] of staged.records) {
      const before = previous.get(id);
      if (before === undefined) {
        store.upsert(fetched, at);
        counts.added += 1;
        if (firstSync) continue;
        store.recordChange(syncId, 'sync', addedDelta(fetched), at);
        counts.changes += 1;
        continue;
      }
      if (before.rawJson === fetched.rawJson) continue;
      const next = keepDiscountValidity(before, fetched);
      const deltas = diffBrand(before, next);
      store.upsert(next, at);
      if (deltas.length === 0) continue;
      counts.changed += 1;
      counts.changes += deltas.length;
      for (const delta of deltas) store.recordChange(syncId, 'sync', delta, at);
    }
    if (staged.rejected === 0) {
      for (const [id, before] of previous) {
        if (staged.records.has(id)) continue;
        store.delete(id);
        store.recordChange(syncId, 'sync', removedDelta(before), at);
        counts.removed += 1;
        counts.changes += 1;
      }
    }
    store.finishSync(syncId, 'done', at, counts, null);
  })();
  return counts;
}

const messageOf = (error: unknown) =>
  error instanceof AppError ? error.message : 'The catalog sync failed unexpectedly; the details are in the log';

/**
 * One catalog sync: every page of GET /v1/partners/products staged in memory, then the diff applied in one
 * transaction. Progress counts brands (the total is the previous catalog's size until the last page); the
 * signal is checked between pages and before the commit. A sync row records every run, failed ones too.
 */
export async function runCatalogSync(deps: CatalogSyncDeps, ctx: SyncRunContext): Promise<CatalogSync> {
  const { store } = deps;
  const syncId = store.startSync(deps.now());
  const previousSize = (store.db.prepare('SELECT count(*) AS n FROM brands').get() as { n: number }).n;
  let pages = 0;
  try {
    const fetched = await fetchWholeCatalog(deps.fetchPage, {
      signal: ctx.signal,
      limit: deps.pageLimit,
      onPage: (page, brands) => {
        pages = page;
        ctx.progress(brands, previousSize > brands ? previousSize : null, `Fetched page ${page}`);
      },
    });
    if (ctx.signal.aborted) throw abortedError();
    const staged = stageCatalog(fetched.brands, fetched.pages, fetched.rejected);
    ctx.progress(staged.records.size, staged.records.size, 'Saving the catalog');
    if (ctx.signal.aborted) throw abortedError();
    applyStagedCatalog(store, staged, syncId, deps.now());
    return store.sync(syncId)!;
  } catch (error) {
    store.finishSync(syncId, ctx.signal.aborted ? 'cancelled' : 'failed', deps.now(), { pages }, messageOf(error));
    throw error;
  }
}
