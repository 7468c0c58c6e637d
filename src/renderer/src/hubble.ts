import type { HubbleApi } from '../../shared/contract/index.ts';

declare global {
  interface Window {
    readonly hubble: HubbleApi;
  }
}

/** The renderer's only way out: the contract the preload exposes. No fetch, no Node. */
export const hubble = (): HubbleApi => window.hubble;
