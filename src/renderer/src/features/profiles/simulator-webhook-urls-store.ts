import { create } from 'zustand';
import type { SimulatorWebhookUrls } from '../../../../shared/contract/receiver.ts';
import type { Result } from '../../../../shared/contract/result.ts';
import { hubble } from '../../hubble.ts';

interface SimulatorWebhookUrlsState {
  /** As main has them; null until read. */
  urls: SimulatorWebhookUrls | null;
  load(): Promise<Result<{ urls: SimulatorWebhookUrls }>>;
  save(urls: SimulatorWebhookUrls): Promise<Result<{ urls: SimulatorWebhookUrls }>>;
}

/** Where the embedded simulator delivers the Simulator profile's webhooks (docs/receiver.md, "The Simulator profile"). */
export const useSimulatorWebhookUrls = create<SimulatorWebhookUrlsState>((set) => ({
  urls: null,
  async load() {
    const result = await hubble().receiver.simulatorWebhookUrls();
    if (result.ok) set({ urls: result.value.urls });
    return result;
  },
  async save(urls) {
    const result = await hubble().receiver.updateSimulatorWebhookUrls({ urls });
    if (result.ok) set({ urls: result.value.urls });
    return result;
  },
}));
