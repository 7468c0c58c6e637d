import { create } from 'zustand';
import type { EventPayload } from '../../../../shared/contract/events.ts';
import type {
  ColumnMapping,
  ImportRun,
  LogFormat,
  PreviewRow,
  CallField,
} from '../../../../shared/contract/logImport.ts';
import type { AppErrorShape } from '../../../../shared/contract/result.ts';
import { hubble } from '../../hubble.ts';

/** The job main runs an import as (src/main/areas/log-import/log-import-handlers.ts). */
export const IMPORT_JOB = 'log-import.run';

export type ImportProgress = Pick<EventPayload<'jobs.progress'>, 'done' | 'total' | 'message' | 'state'>;

export interface Follow {
  path: string;
  format: LogFormat;
  offset: number;
  line: number;
}

export interface Preview {
  format: LogFormat;
  columns: string[];
  rows: PreviewRow[];
}

interface LogImportState {
  path: string;
  /** null: from the file name (.csv is CSV, anything else JSONL) */
  format: LogFormat | null;
  preview: Preview | null;
  previewing: boolean;
  /** the mapping being edited: the saved (or guessed) one from the preview, then the operator's changes */
  mapping: ColumnMapping;
  mappingSaved: boolean;
  progress: ImportProgress | null;
  starting: boolean;
  lastRun: ImportRun | null;
  follows: Follow[];
  error: AppErrorShape | null;
  /** Why the file dialog did not open (the browser harness has none); the typed path is kept. */
  dialogNote: string | null;
  choosing: boolean;

  setPath(path: string): void;
  /** The desktop's open-file dialog; a chosen file replaces the path, a cancel changes nothing. */
  chooseFile(): Promise<void>;
  setFormat(format: LogFormat | null): void;
  loadPreview(): Promise<void>;
  setField(field: CallField, column: string): void;
  saveMapping(): Promise<void>;
  start(): Promise<void>;
  cancel(): Promise<void>;
  loadLastRun(): Promise<void>;
  loadFollows(): Promise<void>;
  follow(): Promise<void>;
  unfollow(path: string): Promise<void>;
  /** Follows jobs.progress of the import of the profile `isActive` names; returns the unsubscribe. */
  watch(isActive: (profileId: string) => boolean): () => void;
}

const fileInput = (state: Pick<LogImportState, 'path' | 'format'>) => ({
  path: state.path.trim(),
  ...(state.format ? { format: state.format } : {}),
});

/** Import of the partner backend's own log of Hubble calls (docs/log-import.md): preview, mapping, run, follow. */
export const useLogImport = create<LogImportState>((set, get) => {
  const api = () => hubble().logImport;
  return {
    path: '',
    format: null,
    preview: null,
    previewing: false,
    mapping: {},
    mappingSaved: false,
    progress: null,
    starting: false,
    lastRun: null,
    follows: [],
    error: null,
    dialogNote: null,
    choosing: false,

    setPath: (path) => set({ path, preview: null, error: null }),

    async chooseFile() {
      set({ choosing: true, dialogNote: null });
      const result = await api().chooseFile();
      set({ choosing: false });
      if (!result.ok) set({ dialogNote: result.error.message });
      else if (result.value.path !== null) get().setPath(result.value.path);
    },
    setFormat: (format) => set({ format, preview: null, error: null }),

    async loadPreview() {
      set({ previewing: true, error: null });
      const edited = get().preview ? { mapping: get().mapping } : {};
      const result = await api().preview({ ...fileInput(get()), ...edited });
      if (result.ok) {
        const { format, columns, rows, mapping } = result.value;
        set({ preview: { format, columns, rows }, mapping, previewing: false });
        const saved = await api().mapping({ format });
        set({ mappingSaved: saved.ok && JSON.stringify(saved.value.mapping) === JSON.stringify(mapping) });
      } else set({ preview: null, previewing: false, error: result.error });
    },

    setField(field, column) {
      const mapping = { ...get().mapping };
      if (column) mapping[field] = column;
      else delete mapping[field];
      set({ mapping, mappingSaved: false });
    },

    async saveMapping() {
      const format = get().preview?.format;
      if (!format) return;
      const result = await api().saveMapping({ format, mapping: get().mapping });
      if (result.ok) {
        set({ mappingSaved: true, error: null });
        await get().loadPreview();
      } else set({ error: result.error });
    },

    async start() {
      set({ starting: true, error: null, progress: { done: 0, total: null, message: 'Starting…', state: 'running' } });
      const result = await api().start({ ...fileInput(get()), mapping: get().mapping });
      set({ starting: false, ...(result.ok ? {} : { error: result.error, progress: null }) });
    },

    async cancel() {
      const result = await api().cancel();
      if (!result.ok) set({ error: result.error });
    },

    async loadLastRun() {
      const result = await api().lastRun();
      if (result.ok) {
        const run = result.value.run;
        set({ lastRun: run });
        // An import still running when the page opens (the operator navigated away and back) shows its bar.
        if (run?.state === 'running' && !get().progress)
          set({ progress: { done: 0, total: null, message: 'Importing…', state: 'running' } });
      }
    },

    async loadFollows() {
      const result = await api().follows();
      if (result.ok) set({ follows: result.value.follows });
    },

    async follow() {
      const result = await api().follow(fileInput(get()));
      if (result.ok) set({ follows: result.value.follows, error: null });
      else set({ error: result.error });
    },

    async unfollow(path) {
      const result = await api().unfollow({ path });
      if (result.ok) set({ follows: result.value.follows });
      else set({ error: result.error });
    },

    watch(isActive) {
      return hubble().on('jobs.progress', (event) => {
        if (event.job !== IMPORT_JOB || !isActive(event.profileId)) return;
        const { done, total, message, state } = event;
        set({ progress: { done, total, message, state } });
        if (state !== 'running') void get().loadLastRun();
      });
    },
  };
});
