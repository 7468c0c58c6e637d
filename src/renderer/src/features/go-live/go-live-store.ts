import type { z } from 'zod';
import type {
  GoLiveComparison,
  GoLiveItemId,
  GoLiveRun,
  GoLiveRunSummary,
  goLiveOperations,
} from '../../../../shared/contract/goLive.ts';
import type { Profile } from '../../../../shared/contract/profiles.ts';
import type { Result } from '../../../../shared/contract/result.ts';
import { create } from 'zustand';
import { hubble } from '../../hubble.ts';
import { downloadBlob, downloadText } from '../../components/download-text.ts';

type Operations = typeof goLiveOperations;
/** `window.hubble.goLive`, typed from the contract (the same shape `HubbleApi['goLive']` has once it is registered). */
export type GoLiveApi = {
  [K in keyof Operations]: (
    input: z.input<Operations[K]['input']>,
  ) => Promise<Result<z.output<Operations[K]['output']>>>;
};

const NOT_WIRED: Result<never> = {
  ok: false,
  error: { kind: 'UNAVAILABLE', message: 'The Go-Live checklist is not part of this build’s contract yet.' },
};

function api(): GoLiveApi | null {
  return (hubble() as unknown as { goLive?: GoLiveApi }).goLive ?? null;
}

/** Production profiles are checked for real; staging ones rehearse. The Simulator and Custom profiles are not offered. */
export const checkableProfiles = (profiles: readonly Profile[]) =>
  [...profiles]
    .filter((profile) => profile.environment === 'production' || profile.environment === 'staging')
    .sort((a, b) => Number(b.environment === 'production') - Number(a.environment === 'production'));

/** The profiles a run of `profile` may be compared with: the other environment's. */
export const counterpartsOf = (profile: Profile | null, profiles: readonly Profile[]) =>
  profile
    ? profiles.filter(
        (other) => other.environment === (profile.environment === 'production' ? 'staging' : 'production'),
      )
    : [];

interface GoLiveState {
  profileId: string | null;
  counterpartId: string | null;
  runs: readonly GoLiveRunSummary[];
  run: GoLiveRun | null;
  running: boolean;
  comparison: GoLiveComparison | null;
  /** the print-friendly report is shown instead of the page */
  reportOpen: boolean;
  error: string | null;
  message: string | null;
  choose(profileId: string | null, counterpartId: string | null): Promise<void>;
  setCounterpart(counterpartId: string | null): void;
  runChecklist(): Promise<void>;
  openRun(runId: number): Promise<void>;
  confirm(itemId: GoLiveItemId, note: string): Promise<boolean>;
  compare(beforeRunId: number, afterRunId: number): Promise<void>;
  exportMarkdown(): Promise<void>;
  exportPdf(): Promise<void>;
  setReportOpen(open: boolean): void;
}

const failure = <T>(result: Result<T>) => (result.ok ? null : result.error.message);

function downloadBase64(fileName: string, base64: string, type: string) {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  downloadBlob(fileName, new Blob([bytes], { type }));
}

export const useGoLive = create<GoLiveState>((set, get) => {
  const call = async <T>(run: (goLive: GoLiveApi) => Promise<Result<T>>): Promise<Result<T>> => {
    const goLive = api();
    return goLive ? run(goLive) : NOT_WIRED;
  };
  const loadRuns = async (profileId: string) => {
    const result = await call((goLive) => goLive.runs({ profileId }));
    if (get().profileId !== profileId) return;
    set(result.ok ? { runs: result.value.runs } : { runs: [], error: result.error.message });
  };

  return {
    profileId: null,
    counterpartId: null,
    runs: [],
    run: null,
    running: false,
    comparison: null,
    reportOpen: false,
    error: null,
    message: null,

    async choose(profileId, counterpartId) {
      set({ profileId, counterpartId, runs: [], run: null, comparison: null, error: null, message: null });
      if (profileId) await loadRuns(profileId);
    },

    setCounterpart: (counterpartId) => set({ counterpartId }),

    async runChecklist() {
      const { profileId, counterpartId } = get();
      if (!profileId || get().running) return;
      set({ running: true, error: null, message: null, comparison: null });
      const result = await call((goLive) => goLive.run({ profileId, counterpartId }));
      set({ running: false, ...(result.ok ? { run: result.value } : { error: result.error.message }) });
      await loadRuns(profileId);
    },

    async openRun(runId) {
      const { profileId } = get();
      if (!profileId) return;
      const result = await call((goLive) => goLive.get({ profileId, runId }));
      set(result.ok ? { run: result.value, error: null } : { error: result.error.message });
    },

    async confirm(itemId, note) {
      const { profileId, run } = get();
      if (!profileId || !run) return false;
      const result = await call((goLive) => goLive.confirm({ profileId, runId: run.id, itemId, note }));
      set(result.ok ? { run: result.value, error: null } : { error: result.error.message });
      await loadRuns(profileId);
      return result.ok;
    },

    async compare(beforeRunId, afterRunId) {
      const { profileId } = get();
      if (!profileId) return;
      const result = await call((goLive) => goLive.compare({ profileId, beforeRunId, afterRunId }));
      set(result.ok ? { comparison: result.value, error: null } : { comparison: null, error: failure(result) });
    },

    async exportMarkdown() {
      const { profileId, run } = get();
      if (!profileId || !run) return;
      const result = await call((goLive) => goLive.exportMarkdown({ profileId, runId: run.id }));
      if (!result.ok) return set({ error: result.error.message });
      downloadText(result.value.fileName, result.value.markdown, 'text/markdown');
      set({ message: `Saved ${result.value.fileName}.`, error: null });
    },

    async exportPdf() {
      const { profileId, run } = get();
      if (!profileId || !run) return;
      const result = await call((goLive) => goLive.exportPdf({ profileId, runId: run.id }));
      if (result.ok) {
        downloadBase64(result.value.fileName, result.value.base64, 'application/pdf');
        return set({ message: `Saved ${result.value.fileName}.`, error: null });
      }
      // Outside the desktop app main cannot print: the report view is printed by the browser instead.
      if (result.error.kind === 'UNAVAILABLE') return set({ reportOpen: true, message: result.error.message });
      set({ error: result.error.message });
    },

    setReportOpen: (open) => set({ reportOpen: open }),
  };
});
