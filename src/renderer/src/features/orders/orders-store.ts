import { create } from 'zustand';
import type {
  CustomerDetails,
  OrderBundle,
  OrderDetail,
  OrderFilters,
  OrderKey,
  OrderLookup,
  OrderRequest,
  OrderSummary,
  OrderValidation,
  SplitProposal,
  WatchSettings,
} from '../../../../shared/contract/orders.ts';
import type { BrandDetail } from '../../../../shared/contract/catalog.ts';
import type { OperationOutput } from '../../../../shared/contract/index.ts';
import type { Result } from '../../../../shared/contract/result.ts';
import { useNavigation } from '../../app/navigation-store.ts';
import { runGuarded } from '../../components/production-confirmation-store.ts';
import { firstPageArrived, pageArrived, pagedReads } from '../../components/paged-pages.ts';
import { hubble } from '../../hubble.ts';
import { useCalls } from '../calls/calls-store.ts';
import { useProfiles } from '../profiles/profiles-store.ts';
import { formatPaise } from '../../components/money.ts';

/** Rows fetched per request while scrolling; the renderer only holds the pages near the viewport. */
export const PAGE_SIZE = 100;
export const MAX_CACHED_PAGES = 20;

/** What the catalog page (or anything else) may hand the new-order form. */
export interface NewOrderPrefill {
  productId?: string;
  brandName?: string;
}

export type OrdersPanel =
  { kind: 'none' } | { kind: 'new'; prefill: NewOrderPrefill; opened: number } | { kind: 'order'; key: OrderKey };

export type LookupNotice = { value: string; found: OrderLookup['found'] } | null;

/** The page shows single orders or batches. */
export type OrdersView = 'orders' | 'batches';

interface OrdersState {
  view: OrdersView;
  setView(view: OrdersView): void;
  filters: OrderFilters;
  generation: number;
  total: number | null;
  pages: ReadonlyMap<number, OrderSummary[]>;
  loading: ReadonlySet<number>;
  error: string | null;
  panel: OrdersPanel;
  detail: OrderDetail | null;
  detailError: string | null;
  /** a live check with Hubble is running for the open order */
  checking: boolean;
  lookupNotice: LookupNotice;

  search(filters?: OrderFilters): Promise<void>;
  ensureRows(first: number, last: number): Promise<void>;
  rowAt(index: number): OrderSummary | undefined;
  openOrder(key: OrderKey): Promise<void>;
  closePanel(): void;
  /** Reads the open order again from this console's store (what the watcher, recovery or a webhook wrote). */
  reloadDetail(): Promise<void>;
  /** Asks Hubble now (by orderId, or by referenceId for an open intent) and stores what it says. */
  checkWithHubble(): Promise<void>;
  /** An orderId or referenceId pasted by the operator: locally, else live in Hubble (stored as "looked up"). */
  lookup(value: string): Promise<Result<OrderLookup>>;
  startNewOrder(prefill?: NewOrderPrefill): void;
  /** The brand as the catalog holds it (name, type, denominations, restrictions in words); null when it has none. */
  brandDetails(productId: string): Promise<BrandDetail | null>;
  validate(request: OrderRequest): Promise<Result<OrderValidation>>;
  proposeSplit(productId: string, amountPaise: number): Promise<Result<SplitProposal>>;
  /** `what` names the brand and amount for the production confirmation. */
  place(request: OrderRequest, what: string): Promise<Result<OrderDetail>>;
  retry(order: OrderDetail, customerDetails: CustomerDetails | undefined): Promise<Result<OrderDetail>>;
  /** Opens the Calls page filtered to one X-REQUEST-ID, with that call selected. */
  showCall(requestId: string): Promise<void>;
  /** Opens the Calls page with every call about this order. */
  showCallsOf(order: Pick<OrderSummary, 'orderId' | 'referenceId'>): Promise<void>;
  /** A redacted support bundle, built in main only when the agent asks for it. */
  bundle(key: OrderKey): Promise<Result<OrderBundle>>;
  /**
   * The order's cards, fetched from Hubble on this explicit request (main audits it). Handed to the caller only:
   * never kept in this store, so they vanish with the component that shows them.
   */
  revealVouchers(key: OrderKey): Promise<Result<RevealedVouchers>>;
  watchSettings(): Promise<Result<WatchSettings>>;
  /** Changes the stuck threshold; the list is read again, since its flags depend on it. */
  setWatchSettings(settings: WatchSettings): Promise<Result<WatchSettings>>;
}

export type RevealedVouchers = OperationOutput<'orders', 'revealVouchers'>;

export const keyOf = (order: Pick<OrderSummary, 'orderId' | 'referenceId'>): OrderKey | null =>
  order.referenceId ? { referenceId: order.referenceId } : order.orderId ? { orderId: order.orderId } : null;

const sameKey = (a: OrderKey, b: OrderKey) =>
  'referenceId' in a
    ? 'referenceId' in b && a.referenceId === b.referenceId
    : 'orderId' in b && a.orderId === b.orderId;

/** Puts a fresher copy of an order into the cached pages, so the list shows a settled status without a reload. */
function withRow(pages: ReadonlyMap<number, OrderSummary[]>, order: OrderSummary): Map<number, OrderSummary[]> {
  const next = new Map(pages);
  for (const [page, rows] of next) {
    const index = rows.findIndex((row) =>
      order.referenceId ? row.referenceId === order.referenceId : row.orderId === order.orderId,
    );
    if (index >= 0) next.set(page, rows.with(index, order));
  }
  return next;
}

const noActiveProfile = {
  ok: false as const,
  error: { kind: 'UNAVAILABLE' as const, message: 'No active profile: choose one on the Profiles page first.' },
};

/** The Orders page's state and every orders operation it may ask main for. */
export const useOrders = create<OrdersState>((set, get) => {
  const fetchPage = async (page: number, generation: number) => {
    set((state) => ({ loading: new Set(state.loading).add(page) }));
    const result = await hubble().orders.search({
      filters: get().filters,
      offset: page * PAGE_SIZE,
      limit: PAGE_SIZE,
      includeTotal: false,
    });
    if (get().generation !== generation) return;
    set((state) => pageArrived(state, page, result, MAX_CACHED_PAGES));
  };

  const showDetail = (detail: OrderDetail) => {
    const key = keyOf(detail);
    set((state) => ({
      detail,
      detailError: null,
      pages: withRow(state.pages, detail),
      ...(key ? { panel: { kind: 'order' as const, key } } : {}),
    }));
  };

  const isOpen = (key: OrderKey) => {
    const panel = get().panel;
    return panel.kind === 'order' && sameKey(panel.key, key);
  };

  return {
    view: 'orders',
    setView(view) {
      set({ view });
    },
    filters: {},
    generation: 0,
    total: null,
    pages: new Map(),
    loading: new Set(),
    error: null,
    panel: { kind: 'none' },
    detail: null,
    detailError: null,
    checking: false,
    lookupNotice: null,

    async search(filters = get().filters) {
      const generation = get().generation + 1;
      set({ filters, generation, pages: new Map(), loading: new Set([0]), error: null });
      const result = await hubble().orders.search({ filters, offset: 0, limit: PAGE_SIZE, includeTotal: true });
      if (get().generation !== generation) return;
      set(firstPageArrived(result));
    },

    ...pagedReads(get, fetchPage, PAGE_SIZE),

    async openOrder(key) {
      set({ view: 'orders', panel: { kind: 'order', key }, detail: null, detailError: null, checking: false });
      const result = await hubble().orders.get(key);
      if (!isOpen(key)) return;
      if (result.ok) showDetail(result.value);
      else set({ detailError: result.error.message });
    },

    closePanel() {
      set({ panel: { kind: 'none' }, detail: null, detailError: null, checking: false });
    },

    async reloadDetail() {
      const panel = get().panel;
      if (panel.kind !== 'order') return;
      const result = await hubble().orders.get(panel.key);
      if (result.ok && isOpen(panel.key)) showDetail(result.value);
    },

    async checkWithHubble() {
      const { panel, detail } = get();
      if (panel.kind !== 'order' || !detail) return;
      const value = detail.orderId ?? detail.referenceId;
      if (!value) return;
      set({ checking: true });
      const result = await hubble().orders.lookup({ value, live: true });
      if (!isOpen(panel.key)) return;
      set({ checking: false });
      if (!result.ok) set({ detailError: result.error.message });
      else if (result.value.order) showDetail(result.value.order);
    },

    async lookup(value) {
      const result = await hubble().orders.lookup({ value, live: true });
      if (!result.ok) return result;
      set({ lookupNotice: { value, found: result.value.found } });
      if (result.value.order) {
        showDetail(result.value.order);
        // A live lookup may have stored a new row: the list shows it too.
        if (result.value.found === 'hubble') await get().search();
      }
      return result;
    },

    startNewOrder(prefill = {}) {
      set({ view: 'orders', panel: { kind: 'new', prefill, opened: Date.now() }, detail: null, detailError: null });
    },

    async brandDetails(productId) {
      const result = await hubble().catalog.brand({ brandId: productId });
      return result.ok ? result.value : null;
    },

    validate: (request) => hubble().orders.validate(request),

    proposeSplit: (productId, amountPaise) => hubble().orders.proposeSplit({ productId, amountPaise }),

    async place(request, what) {
      const profile = useProfiles.getState().active();
      if (!profile) return noActiveProfile;
      const result = await runGuarded(profile, 'orders.place', `place ${what}`, (confirmationToken) =>
        hubble().orders.place({ ...request, confirmationToken }),
      );
      if (result.ok) {
        showDetail(result.value);
        await get().search();
      }
      return result;
    },

    async retry(order, customerDetails) {
      const profile = useProfiles.getState().active();
      if (!profile) return noActiveProfile;
      if (!order.referenceId)
        return { ok: false, error: { kind: 'VALIDATION', message: 'This order has no referenceId to retry.' } };
      const referenceId = order.referenceId;
      const what = `retry order ${referenceId} (${formatPaise(order.amountPaise)} of ${order.brandName ?? order.brandId ?? 'an unknown brand'}) with a new referenceId`;
      const result = await runGuarded(profile, 'orders.retry', what, (confirmationToken) =>
        hubble().orders.retry({ referenceId, customerDetails, confirmationToken }),
      );
      if (result.ok) {
        showDetail(result.value);
        await get().search();
      }
      return result;
    },

    async showCall(requestId) {
      const calls = useCalls.getState();
      await calls.search({ requestId });
      const call = useCalls.getState().rowAt(0);
      if (call) await useCalls.getState().select(call.id);
      useNavigation.getState().goTo('calls');
    },

    async showCallsOf(order) {
      const filters = order.orderId ? { orderId: order.orderId } : { referenceId: order.referenceId ?? '' };
      await useCalls.getState().search(filters);
      useNavigation.getState().goTo('calls');
    },

    bundle: (key) => hubble().orders.bundle(key),

    revealVouchers: (key) => hubble().orders.revealVouchers(key),

    watchSettings: () => hubble().orders.watchSettings(),

    async setWatchSettings(settings) {
      const result = await hubble().orders.setWatchSettings(settings);
      if (result.ok) await get().search();
      return result;
    },
  };
});
