import type Database from 'better-sqlite3';
import {
  NO_SIMULATOR_WEBHOOK_URLS,
  simulatorWebhookTypeSchema,
  simulatorWebhookUrlsSchema,
  type SimulatorWebhookType,
  type SimulatorWebhookUrls,
} from '../../../shared/contract/receiver.ts';

const KEY = 'simulator_webhook_urls';

/** The Simulator profile's webhook targets, in its own database (receiver_settings); unreadable: none. */
export function readSimulatorWebhookUrls(db: Database.Database): SimulatorWebhookUrls {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM receiver_settings WHERE key = ?').get(KEY);
  if (!row) return NO_SIMULATOR_WEBHOOK_URLS;
  try {
    const parsed = simulatorWebhookUrlsSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : NO_SIMULATOR_WEBHOOK_URLS;
  } catch {
    return NO_SIMULATOR_WEBHOOK_URLS;
  }
}

export function writeSimulatorWebhookUrls(db: Database.Database, urls: SimulatorWebhookUrls): void {
  db.prepare(
    'INSERT INTO receiver_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(KEY, JSON.stringify(simulatorWebhookUrlsSchema.parse(urls)));
}

/** The simulator's client patch (POST /__sim/clients/:id) for these targets and the console's receiver URL. */
export interface SimulatorClientWebhookPatch {
  webhookUrl: string | null;
  /** Every type, so a URL the operator removed is removed in the simulator too (null: falls back to webhookUrl). */
  webhookUrls: Record<SimulatorWebhookType, string | null>;
}

export function simulatorClientWebhookPatch(
  urls: SimulatorWebhookUrls,
  receiverUrl: string | null,
): SimulatorClientWebhookPatch {
  return {
    webhookUrl: urls.all ?? receiverUrl,
    webhookUrls: Object.fromEntries(
      simulatorWebhookTypeSchema.options.map((type) => [type, urls.byType[type] ?? null]),
    ) as Record<SimulatorWebhookType, string | null>,
  };
}
