import { create } from 'zustand';
import type {
  BundleTarget,
  CallDetail,
  CallFilters,
  CallSort,
  CallSummary,
  IdentifierResolution,
  SampleTrafficReport,
  SupportBundle,
} from '../../../../shared/contract/calls.ts';
import type { Result } from '../../../../shared/contract/result.ts';
import { firstPageArrived, pageArrived, pagedReads } from '../../components/paged-pages.ts';
import { hubble } from '../../hubble.ts';

export interface CsvExport {
  csv: string;
  fileName: string;
  rows: number;
  truncated: boolean;
}

/** Rows fetched per request while scrolling; the renderer never holds more than MAX_CACHED_PAGES of them. */
export const PAGE_SIZE = 100;
export const MAX_CACHED_PAGES = 30;
/**
 * The table scrolls over at most this many rows: beyond it the scroll area (rows × 28 px) outgrows the
 * ~33.5 million px Chromium can lay out. The page says so and asks for narrower filters.
 */
export const MAX_SCROLL_ROWS = 1_150_000;

export const DEFAULT_SORT: CallSort = { by: 'at', direction: 'desc' };

interface CallsState {
  filters: CallFilters;
  sort: CallSort;
  /** bumped on every new search, so answers to an older one are dropped */
  generation: number;
  /** the newest call the current search counts (from main); its later pages ask for the same list */
  snapshot: number | null;
  total: number | null;
  /** page index → rows; replaced (not mutated) so subscribers re-render */
  pages: ReadonlyMap<number, CallSummary[]>;
  loading: ReadonlySet<number>;
  error: string | null;
  /** calls recorded since the list was last loaded */
  arrived: number;
  selectedId: number | null;
  detail: CallDetail | null;
  detailError: string | null;

  search(filters?: CallFilters, sort?: CallSort): Promise<void>;
  setSort(sort: CallSort): Promise<void>;
  ensureRows(first: number, last: number): Promise<void>;
  rowAt(index: number): CallSummary | undefined;
  select(id: number | null): Promise<void>;
  noteArrivals(rows: number): void;
  /** Jump to what a pasted identifier names (from the command palette). */
  open(match: IdentifierResolution['matches'][number], value: string): Promise<void>;
  /** Counts calls recorded for the profile `isActive` names while the page is open; returns the unsubscribe. */
  watchArrivals(isActive: (profileId: string) => boolean): () => void;
  /** A support bundle, built in main only when the agent asks for it. */
  bundle(target: BundleTarget): Promise<Result<SupportBundle>>;
  /** The current search as CSV. */
  exportCsv(): Promise<Result<CsvExport>>;
  retention(): Promise<Result<{ days: number }>>;
  /** Changes the days kept; reloads the list when older calls were deleted. */
  setRetention(days: number): Promise<Result<{ days: number; deleted: number }>>;
  /** Simulator profile only; reloads the list afterwards. */
  generateSampleTraffic(): Promise<Result<SampleTrafficReport>>;
}

export const useCalls = create<CallsState>((set, get) => {
  const fetchPage = async (page: number, generation: number) => {
    const { filters, sort, snapshot } = get();
    set((state) => ({ loading: new Set(state.loading).add(page) }));
    const result = await hubble().calls.search({
      filters,
      sort,
      offset: page * PAGE_SIZE,
      limit: PAGE_SIZE,
      includeTotal: false,
      ...(snapshot === null ? {} : { snapshot }),
    });
    if (get().generation !== generation) return;
    set((state) => pageArrived(state, page, result, MAX_CACHED_PAGES));
  };

  return {
    filters: {},
    sort: DEFAULT_SORT,
    generation: 0,
    snapshot: null,
    total: null,
    pages: new Map(),
    loading: new Set(),
    error: null,
    arrived: 0,
    selectedId: null,
    detail: null,
    detailError: null,

    async search(filters = get().filters, sort = get().sort) {
      const generation = get().generation + 1;
      set({
        filters,
        sort,
        generation,
        snapshot: null,
        pages: new Map(),
        loading: new Set([0]),
        error: null,
        arrived: 0,
      });
      const result = await hubble().calls.search({ filters, sort, offset: 0, limit: PAGE_SIZE, includeTotal: true });
      if (get().generation !== generation) return;
      set({ ...firstPageArrived(result), ...(result.ok ? { snapshot: result.value.snapshot } : {}) });
    },

    setSort(sort) {
      return get().search(get().filters, sort);
    },

    ...pagedReads(get, fetchPage, PAGE_SIZE),

    async select(id) {
      set({ selectedId: id, detail: null, detailError: null });
      if (id === null) return;
      const result = await hubble().calls.get({ id });
      if (get().selectedId !== id) return;
      if (result.ok) set({ detail: result.value });
      else set({ detailError: result.error.message });
    },

    noteArrivals(rows) {
      set((state) => ({ arrived: state.arrived + rows }));
    },

    async open(match, value) {
      const filters: CallFilters =
        match.kind === 'request-id'
          ? { requestId: value }
          : match.kind === 'order-id'
            ? { orderId: value }
            : { referenceId: value };
      await get().search(filters, DEFAULT_SORT);
      await get().select(match.callId);
    },

    watchArrivals(isActive) {
      return hubble().on('calls.recorded', (event) => {
        if (isActive(event.profileId)) get().noteArrivals(event.rows);
      });
    },

    bundle(target) {
      return hubble().calls.bundle(target);
    },

    exportCsv() {
      const { filters, sort } = get();
      return hubble().calls.exportCsv({ filters, sort });
    },

    retention() {
      return hubble().calls.retention();
    },

    async setRetention(days) {
      const result = await hubble().calls.setRetention({ days });
      if (result.ok && result.value.deleted > 0) await get().search();
      return result;
    },

    async generateSampleTraffic() {
      const result = await hubble().calls.generateSampleTraffic();
      await get().search();
      return result;
    },
  };
});
