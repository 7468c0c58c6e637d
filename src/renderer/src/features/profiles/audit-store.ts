import { create } from 'zustand';
import type { AuditEntry } from '../../../../shared/contract/audit.ts';
import type { AppErrorShape } from '../../../../shared/contract/result.ts';
import { hubble } from '../../hubble.ts';

export interface AuditExport {
  fileName: string;
  text: string;
}

interface AuditState {
  entries: AuditEntry[];
  exported: AuditExport | null;
  error: AppErrorShape | null;
  /** the newest entries; an answer to an older request than the latest is dropped */
  load(): Promise<void>;
  exportAs(format: 'json' | 'csv'): Promise<void>;
}

const NEWEST = 100;

/** The audit log as the Profiles page shows it: who changed what and when. */
export const useAudit = create<AuditState>((set) => {
  let latest = 0;
  return {
    entries: [],
    exported: null,
    error: null,
    async load() {
      const request = ++latest;
      const result = await hubble().audit.list({ limit: NEWEST });
      if (request !== latest) return;
      set(result.ok ? { entries: result.value.entries, error: null } : { error: result.error });
    },
    async exportAs(format) {
      const result = await hubble().audit.export({ format });
      set(result.ok ? { exported: result.value, error: null } : { exported: null, error: result.error });
    },
  };
});
