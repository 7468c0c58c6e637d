import { create } from 'zustand';

export type WebhooksTab = 'debugger' | 'received' | 'import';

export const WEBHOOKS_TABS: readonly { id: WebhooksTab; label: string }[] = [
  { id: 'debugger', label: 'Debugger and signing' },
  { id: 'received', label: 'Received' },
  { id: 'import', label: 'Import logs' },
];

interface WebhooksTabState {
  tab: WebhooksTab;
  setTab(tab: WebhooksTab): void;
}

/** Which part of the Webhooks page shows; a store so the palette and the Received tab can switch it. */
export const useWebhooksTab = create<WebhooksTabState>((set) => ({
  tab: 'debugger',
  setTab: (tab) => set({ tab }),
}));
