import { create } from 'zustand';
import type { z } from 'zod';
import type { receiverOperations } from '../../../../shared/contract/receiver.ts';
import type { AppErrorShape } from '../../../../shared/contract/result.ts';
import { hubble } from '../../hubble.ts';

export type MissingWebhookReport = z.infer<typeof receiverOperations.missingTerminalWebhooks.output>;

interface MissingWebhooksState {
  report: MissingWebhookReport | null;
  error: AppErrorShape | null;
  loading: boolean;
  load(): Promise<void>;
}

/** Orders polling saw settle whose terminal-state webhook never reached the active profile's receiver. */
export const useMissingWebhooks = create<MissingWebhooksState>((set) => {
  let generation = 0;
  return {
    report: null,
    error: null,
    loading: false,
    async load() {
      const mine = ++generation;
      set({ loading: true, error: null });
      const result = await hubble().receiver.missingTerminalWebhooks({});
      if (mine !== generation) return;
      set(result.ok ? { report: result.value, loading: false } : { report: null, error: result.error, loading: false });
    },
  };
});
