import { create } from 'zustand';
import type { Result } from '../../../../shared/contract/result.ts';
import type { TopUp, WalletSample, WalletSummary } from '../../../../shared/contract/wallet.ts';
import { hubble } from '../../hubble.ts';
import { resolveRange, type RefreshMs, type TimeRange } from '../../components/time-range.ts';

export interface WalletCsv {
  csv: string;
  fileName: string;
  rows: number;
}

interface WalletState {
  range: TimeRange;
  refreshMs: RefreshMs;
  summary: WalletSummary | null;
  samples: WalletSample[];
  topUps: TopUp[];
  thinned: boolean;
  /** the window the samples cover (what the chart's axis spans) */
  shown: { from: number; to: number } | null;
  loading: boolean;
  error: string | null;
  generation: number;

  setRange(range: TimeRange): Promise<void>;
  setRefresh(ms: RefreshMs): void;
  load(): Promise<void>;
  /** Reads the balance from Hubble now; reloads the page's numbers afterwards. */
  sampleNow(): Promise<Result<WalletSample>>;
  /** The samples of the shown range as CSV. */
  exportCsv(): Promise<Result<WalletCsv>>;
}

export const useWallet = create<WalletState>((set, get) => ({
  range: { kind: 'relative', preset: '24h' },
  refreshMs: 60_000,
  summary: null,
  samples: [],
  topUps: [],
  thinned: false,
  shown: null,
  loading: false,
  error: null,
  generation: 0,

  async setRange(range) {
    set({ range });
    await get().load();
  },

  setRefresh(refreshMs) {
    set({ refreshMs });
  },

  async load() {
    const generation = get().generation + 1;
    const { from, to } = resolveRange(get().range, Date.now());
    set({ generation, loading: true });
    const [summary, samples] = await Promise.all([hubble().wallet.summary(), hubble().wallet.samples({ from, to })]);
    if (get().generation !== generation) return;
    const failure = !summary.ok ? summary.error : !samples.ok ? samples.error : null;
    set({
      loading: false,
      error: failure?.message ?? null,
      summary: summary.ok ? summary.value : get().summary,
      samples: samples.ok ? samples.value.samples : [],
      topUps: samples.ok ? samples.value.topUps : [],
      thinned: samples.ok && samples.value.thinned,
      shown: { from, to },
    });
  },

  async sampleNow() {
    const result = await hubble().wallet.sampleNow();
    await get().load();
    return result;
  },

  exportCsv() {
    const { from, to } = get().shown ?? resolveRange(get().range, Date.now());
    return hubble().wallet.exportCsv({ from, to });
  },
}));
