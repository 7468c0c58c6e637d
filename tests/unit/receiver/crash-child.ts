// Run as a child process by crash-recovery.test.ts: a receiver whose processing never finishes, so the parent
// can kill -9 it after the 200 and before the event is applied.
import { DEFAULT_RECEIVER_SETTINGS } from '../../../src/shared/contract/receiver.ts';
import { createReceiverRuntime } from '../../../src/main/areas/receiver/receiver-runtime.ts';
import { createWebhookEventStore } from '../../../src/main/areas/receiver/webhook-event-store.ts';
import { openDeliveryWriter } from '../../../src/main/areas/receiver/worker-delivery-writer.ts';
import { openProfileDb } from './receiver-fixture.ts';

const [file, secret, writer] = process.argv.slice(2) as [string, string, 'thread' | 'main'];
const db = openProfileDb(file);
const runtime = createReceiverRuntime({
  profileId: 'staging',
  store: createWebhookEventStore(db),
  openWriter: () => openDeliveryWriter(db, undefined, writer === 'thread'),
  apply: () => {
    process.stdout.write('applying\n');
    return new Promise(() => undefined);
  },
  secret: async () => secret,
  now: () => Date.now(),
});
await runtime.reconcile({ enabled: true, port: 0, settings: DEFAULT_RECEIVER_SETTINGS });
process.stdout.write(`${runtime.status().url}\n`);
