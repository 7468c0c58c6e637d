import { create } from 'zustand';
import type { BatchDetail, BatchReport, BatchSummary } from '../../../../shared/contract/orders.ts';
import type { Result } from '../../../../shared/contract/result.ts';
import { runGuarded } from '../../components/production-confirmation-store.ts';
import { hubble } from '../../hubble.ts';
import { useProfiles } from '../profiles/profiles-store.ts';
import { formatPaise } from '../../components/money.ts';

/** The batch runner's job name in main (jobs.progress events carry it). */
export const BATCH_JOB = 'orders.batch';
/** Rows of a batch shown on the page; the result CSV holds every one. */
export const BATCH_ROWS_SHOWN = 200;

export type ResultCsv = { csv: string; fileName: string; rows: number };
export type VoucherExport = { text: string; fileName: string; orders: number; vouchers: number };

interface BatchesState {
  batches: BatchSummary[] | null;
  error: string | null;
  selectedId: string | null;
  detail: BatchDetail | null;
  detailError: string | null;

  load(): Promise<void>;
  /** The dry run: every row checked, referenceIds fixed, nothing sent. Opens the imported batch. */
  importCsv(csv: string, name: string | undefined): Promise<Result<BatchReport>>;
  open(batchId: string | null): Promise<void>;
  /** Reads the open batch and the list again (progress, counts, outcomes). */
  refresh(): Promise<void>;
  /** One typed confirmation per batch on production, naming its total. */
  run(batch: BatchSummary): Promise<Result<BatchSummary>>;
  pause(batchId: string): Promise<Result<BatchSummary>>;
  resume(batchId: string): Promise<Result<BatchSummary>>;
  cancel(batchId: string): Promise<Result<BatchSummary>>;
  resultCsv(batchId: string): Promise<Result<ResultCsv>>;
  /** Once per batch, after the operator's warning; main audits it. The text goes straight to a file. */
  exportVouchers(batchId: string): Promise<Result<VoucherExport>>;
  /** Refreshes when the batch job of the active profile reports progress; returns the unsubscribe. */
  watchProgress(isActive: (profileId: string) => boolean): () => void;
}

const noActiveProfile = {
  ok: false as const,
  error: { kind: 'UNAVAILABLE' as const, message: 'No active profile: choose one on the Profiles page first.' },
};

export const useBatches = create<BatchesState>((set, get) => {
  const thenRefresh = async <T>(pending: Promise<Result<T>>): Promise<Result<T>> => {
    const result = await pending;
    await get().refresh();
    return result;
  };

  return {
    batches: null,
    error: null,
    selectedId: null,
    detail: null,
    detailError: null,

    async load() {
      const result = await hubble().orders.batches();
      if (result.ok) set({ batches: result.value.batches, error: null });
      else set({ error: result.error.message });
    },

    async importCsv(csv, name) {
      const result = await hubble().orders.batchImport({ csv, ...(name ? { name } : {}) });
      if (result.ok) {
        await get().open(result.value.batchId);
        await get().load();
      }
      return result;
    },

    async open(batchId) {
      set({ selectedId: batchId, detail: null, detailError: null });
      if (batchId === null) return;
      const result = await hubble().orders.batch({ batchId, limit: BATCH_ROWS_SHOWN });
      if (get().selectedId !== batchId) return;
      if (result.ok) set({ detail: result.value });
      else set({ detailError: result.error.message });
    },

    async refresh() {
      const batchId = get().selectedId;
      const [list, detail] = await Promise.all([
        hubble().orders.batches(),
        batchId ? hubble().orders.batch({ batchId, limit: BATCH_ROWS_SHOWN }) : null,
      ]);
      if (list.ok) set({ batches: list.value.batches });
      if (detail?.ok && get().selectedId === batchId) set({ detail: detail.value });
    },

    run(batch) {
      const profile = useProfiles.getState().active();
      if (!profile) return Promise.resolve(noActiveProfile);
      const what = `run the batch “${batch.name}”: ${batch.rowsValid} ${batch.rowsValid === 1 ? 'order' : 'orders'}, ${formatPaise(batch.totalPaise)} in total`;
      return thenRefresh(
        runGuarded(profile, 'orders.batchRun', what, (confirmationToken) =>
          hubble().orders.batchRun({ batchId: batch.batchId, expectedTotalPaise: batch.totalPaise, confirmationToken }),
        ),
      );
    },
    pause: (batchId) => thenRefresh(hubble().orders.batchPause({ batchId })),
    resume: (batchId) => thenRefresh(hubble().orders.batchResume({ batchId })),
    cancel: (batchId) => thenRefresh(hubble().orders.batchCancel({ batchId })),
    resultCsv: (batchId) => hubble().orders.batchResultCsv({ batchId }),
    exportVouchers: (batchId) => thenRefresh(hubble().orders.exportBatchVouchers({ batchId })),

    watchProgress(isActive) {
      return hubble().on('jobs.progress', (event) => {
        if (event.job === BATCH_JOB && isActive(event.profileId)) void get().refresh();
      });
    },
  };
});
