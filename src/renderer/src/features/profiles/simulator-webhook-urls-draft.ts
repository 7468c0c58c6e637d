import {
  simulatorWebhookTypeSchema,
  type SimulatorWebhookType,
  type SimulatorWebhookUrls,
} from '../../../../shared/contract/receiver.ts';

/** The Simulator profile's webhook URLs as typed: an empty field means "not set". */
export interface SimulatorWebhookUrlsDraft {
  all: string;
  byType: Record<SimulatorWebhookType, string>;
}

export const SIMULATOR_WEBHOOK_TYPES = simulatorWebhookTypeSchema.options;

/** What each type is, in the words of Hubble's docs (hubble-api.md §8). */
export const SIMULATOR_WEBHOOK_TYPE_NAMES: Record<SimulatorWebhookType, string> = {
  ORDER_TERMINAL_STATE: 'Order reached terminal state',
  WALLET_LOW_BALANCE: 'Wallet low balance',
  BRAND_UPDATED: 'Brand updated',
  BRAND_DISCOUNT_UPDATE: 'Brand discount update',
  SDK_TRANSACTION: 'SDK transactions',
  SDK_BRAND_EVENT: 'SDK brand events',
};

export const draftOfSimulatorWebhookUrls = (urls: SimulatorWebhookUrls): SimulatorWebhookUrlsDraft => ({
  all: urls.all ?? '',
  byType: Object.fromEntries(SIMULATOR_WEBHOOK_TYPES.map((type) => [type, urls.byType[type] ?? ''])) as Record<
    SimulatorWebhookType,
    string
  >,
});

export function simulatorWebhookUrlsOf(draft: SimulatorWebhookUrlsDraft): SimulatorWebhookUrls {
  const byType: SimulatorWebhookUrls['byType'] = {};
  for (const type of SIMULATOR_WEBHOOK_TYPES) {
    const url = draft.byType[type].trim();
    if (url) byType[type] = url;
  }
  return { all: draft.all.trim() || null, byType };
}
