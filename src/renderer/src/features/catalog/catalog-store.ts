import { create } from 'zustand';
import type {
  BrandDetail,
  BrandRow,
  CatalogChangesResult,
  CatalogSchedule,
  CatalogStatus,
  CatalogSync,
  LogoResult,
} from '../../../../shared/contract/catalog.ts';
import type { EventPayload } from '../../../../shared/contract/events.ts';
import type { Result } from '../../../../shared/contract/result.ts';
import { useNavigation } from '../../app/navigation-store.ts';
import { hubble } from '../../hubble.ts';
import { useOrders } from '../orders/orders-store.ts';
import {
  DEFAULT_SORT,
  filterIndexed,
  foldName,
  narrows,
  NO_FILTERS,
  sameBesidesText,
  sortBrands,
  type BrandFilters,
  type BrandSort,
  type IndexedBrand,
} from './local-search.ts';

export const CATALOG_SYNC_JOB = 'catalog.sync';
/** Brands asked per request while the list loads (catalog.search's most), a few requests in flight at once. */
const LOAD_PAGE = 500;
const LOADS_IN_FLIGHT = 3;
/** Results kept per name typed (the least recently shown dropped first): a name and its prefixes, a few times over. */
const REMEMBERED_NAMES = 32;

export type CatalogView = 'brands' | 'changes';

/** Which changes the "What changed" view shows. */
export type ChangesScope =
  { kind: 'last' } | { kind: 'sync'; syncId: number } | { kind: 'range'; from: number; to: number };

export type SyncProgress = Pick<EventPayload<'jobs.progress'>, 'done' | 'total' | 'message' | 'state'>;

interface CatalogState {
  view: CatalogView;
  status: CatalogStatus | null;
  statusError: string | null;
  /** every brand of the catalog (INACTIVE included), as main last answered */
  all: readonly BrandRow[];
  /** `all` in the table's order, names folded: filtered per keystroke */
  sorted: readonly IndexedBrand[];
  /** the list is being read from main: brands so far and the total */
  loading: { loaded: number; total: number | null } | null;
  loadError: string | null;
  filters: BrandFilters;
  /** how many times the filters were cleared (the form's range boxes start again) */
  clears: number;
  sort: BrandSort;
  /** what the table shows */
  visible: readonly BrandRow[];
  selectedId: string | null;
  detail: BrandDetail | null;
  detailError: string | null;
  /** the running (or last) sync's progress as jobs.progress reports it */
  progress: SyncProgress | null;
  syncMessage: { tone: 'ok' | 'error'; text: string } | null;
  changesScope: ChangesScope;
  changes: CatalogChangesResult | null;
  changesError: string | null;
  syncs: readonly CatalogSync[];

  setView(view: CatalogView): void;
  /** Status and the whole brand list of the active profile, read again. */
  load(): Promise<void>;
  refreshStatus(): Promise<void>;
  setText(text: string): void;
  setFilters(patch: Partial<BrandFilters>): void;
  clearFilters(): void;
  setSort(sort: BrandSort): void;
  select(brandId: string | null): Promise<void>;
  /** Opens a brand from anywhere on the page (a change, the palette). */
  openBrand(brandId: string): Promise<void>;
  logo(brandId: string): Promise<LogoResult | null>;
  syncNow(): Promise<void>;
  cancelSync(): Promise<void>;
  setSchedule(schedule: CatalogSchedule | null): Promise<Result<CatalogStatus>>;
  loadChanges(scope?: ChangesScope): Promise<void>;
  /** Follows jobs.progress for the catalog sync of the profile `isActive` names; returns the unsubscribe. */
  watchSync(isActive: (profileId: string) => boolean): () => void;
  /** Opens the Orders page's new-order form for this brand. */
  orderBrand(brand: Pick<BrandRow, 'id' | 'name'>): void;
}

const outcomeText: Record<'done' | 'failed' | 'cancelled', string> = {
  done: 'Sync finished.',
  failed: 'Sync failed: the previous catalog is kept.',
  cancelled: 'Sync cancelled: the previous catalog is kept.',
};

export const useCatalog = create<CatalogState>((set, get) => {
  /** bumped on every reload, so pages of an older list are dropped */
  let generation = 0;
  /** a syncNow call is waiting for its answer: it, not the progress event, shows the outcome */
  let syncNowPending = false;

  /**
   * What filtering kept for one list and one set of the other filters, per name as folded: erasing a letter shows
   * the result that letter's typing replaced, without a scan. `filters` are the ones shown last.
   */
  let matched: {
    sorted: readonly IndexedBrand[];
    filters: BrandFilters;
    byText: Map<string, { kept: readonly IndexedBrand[]; visible: readonly BrandRow[] }>;
  } | null = null;

  const show = (sorted: readonly IndexedBrand[], filters: BrandFilters) => {
    const text = foldName(filters.text.trim());
    if (matched === null || matched.sorted !== sorted || !sameBesidesText(matched.filters, filters))
      matched = { sorted, filters, byText: new Map() };
    const { byText, filters: before } = matched;
    let result = byText.get(text);
    if (result) byText.delete(text);
    else {
      // One more letter keeps a subset of what the name shown kept: only those are scanned.
      const shown = narrows(before, filters) ? byText.get(foldName(before.text.trim())) : undefined;
      const kept = filterIndexed(shown?.kept ?? sorted, filters);
      result = { kept, visible: kept.map((brand) => brand.row) };
      if (byText.size >= REMEMBERED_NAMES) byText.delete(byText.keys().next().value!);
    }
    byText.set(text, result);
    matched = { sorted, filters, byText };
    return { sorted, filters, visible: result.visible };
  };

  /** Every brand with the given statuses (absent: all but INACTIVE), a few pages in flight at once. */
  async function readAll(mine: number, statuses: string[] | undefined, into: BrandRow[]): Promise<string | null> {
    const ask = (offset: number) =>
      hubble().catalog.search({ ...(statuses ? { statuses } : {}), offset, limit: LOAD_PAGE, sort: DEFAULT_SORT });
    const first = await ask(0);
    if (!first.ok) return first.error.message;
    if (generation !== mine) return null;
    into.push(...first.value.rows);
    set((state) => ({ loading: { loaded: into.length, total: state.loading?.total ?? null } }));
    const offsets: number[] = [];
    for (let offset = LOAD_PAGE; offset < first.value.total; offset += LOAD_PAGE) offsets.push(offset);
    while (offsets.length > 0) {
      const answers = await Promise.all(offsets.splice(0, LOADS_IN_FLIGHT).map(ask));
      if (generation !== mine) return null;
      for (const answer of answers) {
        if (!answer.ok) return answer.error.message;
        into.push(...answer.value.rows);
      }
      set((state) => ({ loading: { loaded: into.length, total: state.loading?.total ?? null } }));
    }
    return null;
  }

  async function afterSync(outcome: 'done' | 'failed' | 'cancelled', error: string | null) {
    set({
      syncMessage: {
        tone: outcome === 'done' ? 'ok' : 'error',
        text: error ? `${outcomeText[outcome]} ${error}` : outcomeText[outcome],
      },
    });
    if (outcome === 'done') await Promise.all([get().load(), get().loadChanges({ kind: 'last' })]);
    else await get().refreshStatus();
  }

  return {
    view: 'brands',
    status: null,
    statusError: null,
    all: [],
    sorted: [],
    loading: null,
    loadError: null,
    filters: NO_FILTERS,
    clears: 0,
    sort: DEFAULT_SORT,
    visible: [],
    selectedId: null,
    detail: null,
    detailError: null,
    progress: null,
    syncMessage: null,
    changesScope: { kind: 'last' },
    changes: null,
    changesError: null,
    syncs: [],

    setView(view) {
      set({ view });
      if (view === 'changes') void get().loadChanges(get().changesScope);
    },

    async refreshStatus() {
      const result = await hubble().catalog.status({});
      if (result.ok) set({ status: result.value, statusError: null });
      else set({ statusError: result.error.message });
    },

    async load() {
      const mine = ++generation;
      set({ loading: { loaded: 0, total: null }, loadError: null });
      const status = await hubble().catalog.status({});
      if (generation !== mine) return;
      if (!status.ok) {
        set({ statusError: status.error.message, loading: null });
        return;
      }
      set({ status: status.value, statusError: null, loading: { loaded: 0, total: status.value.brands } });
      const rows: BrandRow[] = [];
      // Two reads cover every status: catalog.search without statuses answers all but INACTIVE.
      const error =
        (await readAll(mine, undefined, rows)) ??
        (status.value.inactive > 0 ? await readAll(mine, ['INACTIVE'], rows) : null);
      if (generation !== mine) return;
      if (error) {
        set({ loading: null, loadError: error });
        return;
      }
      set({ all: rows, loading: null, ...show(sortBrands(rows, get().sort), get().filters) });
      const { selectedId } = get();
      if (selectedId !== null) await get().select(selectedId);
    },

    setText(text) {
      const { sorted, filters } = get();
      set(show(sorted, { ...filters, text }));
    },

    setFilters(patch) {
      const { sorted, filters } = get();
      set(show(sorted, { ...filters, ...patch }));
    },

    clearFilters() {
      set((state) => ({ clears: state.clears + 1, ...show(state.sorted, NO_FILTERS) }));
    },

    setSort(sort) {
      set({ sort, ...show(sortBrands(get().all, sort), get().filters) });
    },

    async select(brandId) {
      set({ selectedId: brandId, detailError: null, ...(get().detail?.id === brandId ? {} : { detail: null }) });
      if (brandId === null) return;
      const result = await hubble().catalog.brand({ brandId });
      if (get().selectedId !== brandId) return;
      if (result.ok) set({ detail: result.value });
      else set({ detail: null, detailError: result.error.message });
    },

    async openBrand(brandId) {
      set({ view: 'brands' });
      await get().select(brandId);
    },

    async logo(brandId) {
      const result = await hubble().catalog.logo({ brandId });
      return result.ok ? result.value : null;
    },

    async syncNow() {
      set({ progress: { done: 0, total: null, message: null, state: 'running' }, syncMessage: null });
      set((state) => (state.status ? { status: { ...state.status, running: true } } : {}));
      syncNowPending = true;
      const result = await hubble()
        .catalog.syncNow({})
        .finally(() => (syncNowPending = false));
      if (!result.ok) {
        set({ progress: null, syncMessage: { tone: 'error', text: result.error.message } });
        await get().refreshStatus();
        return;
      }
      set((state) => ({ progress: state.progress && { ...state.progress, state: result.value.outcome } }));
      await afterSync(result.value.outcome, result.value.error);
    },

    async cancelSync() {
      const result = await hubble().catalog.cancelSync({});
      if (!result.ok) set({ syncMessage: { tone: 'error', text: result.error.message } });
    },

    async setSchedule(schedule) {
      const result = await hubble().catalog.setSchedule({ schedule });
      if (result.ok) set({ status: result.value });
      return result;
    },

    async loadChanges(scope = get().changesScope) {
      set({ changesScope: scope, changesError: null });
      const input =
        scope.kind === 'sync'
          ? { syncId: scope.syncId }
          : scope.kind === 'range'
            ? { from: scope.from, to: scope.to }
            : {};
      const [changes, syncs] = await Promise.all([
        hubble().catalog.changes(input),
        hubble().catalog.syncs({ limit: 50 }),
      ]);
      if (get().changesScope !== scope) return;
      if (syncs.ok) set({ syncs: syncs.value });
      if (changes.ok) set({ changes: changes.value });
      else set({ changes: null, changesError: changes.error.message });
    },

    watchSync(isActive) {
      return hubble().on('jobs.progress', (event) => {
        if (event.job !== CATALOG_SYNC_JOB || !isActive(event.profileId)) return;
        const { done, total, message, state } = event;
        set({ progress: { done, total, message, state } });
        if (state === 'running')
          set((current) => (current.status ? { status: { ...current.status, running: true } } : {}));
        // A scheduled sync (no syncNow waiting on it) ends here: show what it brought.
        else if (!syncNowPending) void afterSync(state, null);
      });
    },

    orderBrand(brand) {
      useOrders.getState().startNewOrder({ productId: brand.id, brandName: brand.name });
      useNavigation.getState().goTo('orders');
    },
  };
});
