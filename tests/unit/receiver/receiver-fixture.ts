import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { DEFAULT_RECEIVER_SETTINGS, type ReceiverSettings } from '../../../src/shared/contract/receiver.ts';
import { createReceiverRuntime, type ReceiverRuntime } from '../../../src/main/areas/receiver/receiver-runtime.ts';
import { createWebhookEventStore, type WebhookEventRow } from '../../../src/main/areas/receiver/webhook-event-store.ts';
import type { DeliveryWriter } from '../../../src/main/areas/receiver/delivery-writer.ts';
import { openDeliveryWriter } from '../../../src/main/areas/receiver/worker-delivery-writer.ts';
import { createWebhookTopic, type InboundWebhook } from '../../../src/main/areas/receiver/webhook-topic.ts';
import { openDatabase } from '../../../src/main/store/open-database.ts';
import type { Migration } from '../../../src/main/store/migrate.ts';
import { profileMigrations } from '../../../src/main/store/profile-migrations/index.ts';

/** Every profile migration: what the receiver and the log import write to also feeds the call log's rollups. */
export const receiverTestMigrations: readonly Migration[] = profileMigrations;

export const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

export const openProfileDb = (file: string): Database.Database => openDatabase(file, receiverTestMigrations);

export const events = (db: Database.Database): WebhookEventRow[] =>
  db.prepare<[], WebhookEventRow>('SELECT * FROM webhook_events ORDER BY id').all();

export interface TestReceiver {
  runtime: ReceiverRuntime;
  url: string;
  applied: InboundWebhook[];
  close(): Promise<void>;
}

/** A profile's receiver on a loopback port with a topic that records what it was given. */
export async function startTestReceiver(options: {
  db: Database.Database;
  profileId: string;
  secret: string | null;
  settings?: Partial<ReceiverSettings>;
  requestTimeoutMs?: number;
  /** Another writer (a writer thread that dies on cue); the receiver's own by default. */
  openWriter?: () => DeliveryWriter;
}): Promise<TestReceiver> {
  const applied: InboundWebhook[] = [];
  const topic = createWebhookTopic();
  topic.subscribe(
    [
      'order-terminal-state',
      'wallet-low-balance',
      'brand-updated',
      'brand-discount-update',
      'sdk-transaction-completed',
      'sdk-transaction-failed',
      'sdk-transaction-reversed',
      'sdk-user-discount-updated',
      'sdk-new-brand-created',
      'sdk-brand-disabled',
      'sdk-partner-discount-updated',
    ],
    (event) => {
      applied.push(event);
      return [`${event.type} #${event.eventId}`];
    },
  );
  const runtime = createReceiverRuntime({
    profileId: options.profileId,
    store: createWebhookEventStore(options.db),
    openWriter: options.openWriter ?? (() => openDeliveryWriter(options.db)),
    apply: (event) => topic.publish(event),
    secret: async () => options.secret,
    now: () => Date.now(),
    requestTimeoutMs: options.requestTimeoutMs,
  });
  await runtime.reconcile({
    enabled: true,
    port: 0,
    settings: { ...DEFAULT_RECEIVER_SETTINGS, ratePerMinute: 1_000_000, ...options.settings },
  });
  const url = runtime.status().url;
  if (!url) throw new Error(`receiver did not start: ${runtime.status().error}`);
  return { runtime, url, applied, close: () => runtime.close() };
}
