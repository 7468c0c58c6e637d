import { create } from 'zustand';
import type { Dashboard, RateLimitMeters } from '../../../../shared/contract/metrics.ts';
import type { ReceivedEventSummary, ReceiverStatus } from '../../../../shared/contract/receiver.ts';
import type { WalletSummary } from '../../../../shared/contract/wallet.ts';
import { useNavigation } from '../../app/navigation-store.ts';
import { hubble } from '../../hubble.ts';
import { resolveRange, type RefreshMs, type TimeRange } from '../../components/time-range.ts';

/** Received webhooks in the range: the receiver keeps no rollup, so the panel reads at most this many. */
export const WEBHOOK_SAMPLE_LIMIT = 1000;

export interface WebhookHealth {
  status: ReceiverStatus | null;
  events: ReceivedEventSummary[];
  /** the range held more than WEBHOOK_SAMPLE_LIMIT events: the counts are of the newest ones */
  capped: boolean;
}

/** Why the page is looking at a fixed range: an alert's "explain" (the toast's click). */
export interface Explaining {
  ruleName: string;
  message: string;
}

interface DashboardState {
  range: TimeRange;
  refreshMs: RefreshMs;
  data: Dashboard | null;
  meters: RateLimitMeters | null;
  wallet: WalletSummary | null;
  webhooks: WebhookHealth | null;
  loading: boolean;
  error: string | null;
  loadedAt: number | null;
  explaining: Explaining | null;
  /** the success-rate panel's threshold line, %; null: the success-rate alert rule's (else 95 %) */
  successThreshold: number | null;
  /** bumped per load so an older answer never overwrites a newer one */
  generation: number;

  setRange(range: TimeRange): Promise<void>;
  setRefresh(ms: RefreshMs): void;
  load(): Promise<void>;
  /** Zoom in: an absolute range (a drag on a chart, an annotation, an alert's explanation). */
  showRange(from: number, to: number, explaining?: Explaining): Promise<void>;
  setSuccessThreshold(percent: number | null): void;
  /** Opens the Dashboard at the range an alert names. */
  explain(from: number, to: number, explaining: Explaining): Promise<void>;
}

export const useDashboard = create<DashboardState>((set, get) => ({
  range: { kind: 'relative', preset: '1h' },
  refreshMs: 30_000,
  data: null,
  meters: null,
  wallet: null,
  webhooks: null,
  loading: false,
  error: null,
  loadedAt: null,
  explaining: null,
  successThreshold: null,
  generation: 0,

  setSuccessThreshold(successThreshold) {
    set({ successThreshold });
  },

  async setRange(range) {
    set({ range, explaining: null });
    await get().load();
  },

  setRefresh(refreshMs) {
    set({ refreshMs });
  },

  async load() {
    const generation = get().generation + 1;
    const now = Date.now();
    const { from, to } = resolveRange(get().range, now);
    set({ generation, loading: true });
    const api = hubble();
    const [dashboard, meters, wallet, status, received] = await Promise.all([
      api.metrics.dashboard({ from, to }),
      api.metrics.rateLimitMeters(),
      api.wallet.summary(),
      api.receiver.status(),
      api.receiver.list({ from, to, limit: WEBHOOK_SAMPLE_LIMIT }),
    ]);
    if (get().generation !== generation) return;
    set({
      loading: false,
      loadedAt: now,
      error: dashboard.ok ? null : dashboard.error.message,
      data: dashboard.ok ? dashboard.value : get().data,
      meters: meters.ok ? meters.value : null,
      wallet: wallet.ok ? wallet.value : null,
      webhooks: {
        status: status.ok ? status.value : null,
        events: received.ok ? received.value.events : [],
        capped: received.ok && received.value.events.length >= WEBHOOK_SAMPLE_LIMIT,
      },
    });
  },

  async showRange(from, to, explaining) {
    set({ range: { kind: 'absolute', from, to }, explaining: explaining ?? null });
    await get().load();
  },

  async explain(from, to, explaining) {
    useNavigation.getState().goTo('dashboard');
    await get().showRange(from, to, explaining);
  },
}));
