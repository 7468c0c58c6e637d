// A console that runs one batch and is killed (SIGKILL) by tests/unit/orders/batch-crash.test.ts at a random
// moment. It opens the real orders pieces on the profile database the parent prepared, against the parent's
// simulator on loopback, exactly as the orders area does when the profile opens and the operator resumes.
// Usage: node batch-crash-child.ts <db file> <simulator base URL> <batch id>
import { runBatches } from '../../../src/main/areas/orders/batch-runner.ts';
import { BatchStore } from '../../../src/main/areas/orders/batch-store.ts';
import { brandFromHubble } from '../../../src/main/areas/orders/orders-handlers.ts';
import { recoverUnknownIntents } from '../../../src/main/areas/orders/place-order.ts';
import { newReferenceId } from '../../../src/main/areas/orders/reference-id.ts';
import { createHubbleClient } from '../../../src/main/hubble/hubble-client.ts';
import { CallLogWriter } from '../../../src/main/kernel/call-log/call-log-writer.ts';
import { systemClock } from '../../../src/main/kernel/jobs/clock.ts';
import { DEMO_CLIENTS } from '../../../src/main/simulator/demo-clients.ts';
import { openDatabase } from '../../../src/main/store/open-database.ts';
import { profileMigrations } from '../../../src/main/store/profile-migrations/index.ts';

const [dbFile, baseUrl, batchId] = process.argv.slice(2) as [string, string, string];
const db = openDatabase(dbFile, profileMigrations);
const recorder = new CallLogWriter(db, { flushIntervalMs: 20 });
const client = createHubbleClient(
  {
    profileId: 'crash',
    environment: 'simulator',
    baseUrl,
    clientId: DEMO_CLIENTS.staging.clientId,
    clientSecret: async () => DEMO_CLIENTS.staging.clientSecret,
  },
  recorder,
  { backoff: { baseDelayMs: 1, maxDelayMs: 4 } },
);
const port = { db, client, newReferenceId, now: () => Date.now() };
const batches = new BatchStore(db);

// As the orders area does: a batch left running comes back paused, unknown outcomes are resolved first,
// then the operator resumes it.
batches.transition(batchId, ['running'], 'paused', port.now(), 'interrupted');
await recoverUnknownIntents(port);
batches.transition(batchId, ['paused'], 'running', port.now());
process.stdout.write('running\n');
await runBatches(
  { port, clock: systemClock, brand: brandFromHubble(() => client), rateLimits: () => [], minIntervalMs: 0 },
  { signal: new AbortController().signal, progress: () => undefined },
);
const finalState = batches.state(batchId) ?? 'gone';
recorder.close();
await client.close();
db.close();
process.stdout.write(`${finalState}\n`);
