// Batch throughput: the batch runner (fixed referenceIds, row claims, rate-limit checks, progress, result rows)
// against a bare loop of placeOrder calls with the same pacing, both against the same simulator on loopback,
// in this run. Goal: batch ≥ 0.9 × bare rows/s.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { importBatch } from '../src/main/areas/orders/batch-import.ts';
import { runBatches } from '../src/main/areas/orders/batch-runner.ts';
import { BatchStore } from '../src/main/areas/orders/batch-store.ts';
import { brandFromHubble, brandsFromHubble, walletFromHubble } from '../src/main/areas/orders/orders-handlers.ts';
import type { OrdersPort } from '../src/main/areas/orders/orders-port.ts';
import { placeOrder } from '../src/main/areas/orders/place-order.ts';
import { newReferenceId } from '../src/main/areas/orders/reference-id.ts';
import { createHubbleClient } from '../src/main/hubble/hubble-client.ts';
import { CallLogWriter } from '../src/main/kernel/call-log/call-log-writer.ts';
import { systemClock } from '../src/main/kernel/jobs/clock.ts';
import { simulatorControl } from '../src/main/simulator/control/client.ts';
import { DEMO_CLIENTS, startSimulator } from '../src/main/simulator/index.ts';
import { openDatabase } from '../src/main/store/open-database.ts';
import { profileMigrations } from '../src/main/store/profile-migrations/index.ts';

const ROWS = Number(process.env['ORDERS_BENCH_ROWS'] ?? 400);
/** The pacing both sides keep: at most one order per this many ms. */
const INTERVAL_MS = Number(process.env['ORDERS_BENCH_INTERVAL_MS'] ?? 2);
const ROUNDS = 3;

const sim = await startSimulator({ seed: 1, scenario: 'calm' });
const control = simulatorControl(sim.baseUrl);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orders-bench-'));
const staging = DEMO_CLIENTS.staging;
const fx = await control.fixtures();

/** A profile as the console opens it: its own database, the call log recording every call, a client. */
function openProfile(name: string) {
  const db = openDatabase(path.join(dir, `${name}.db`), profileMigrations);
  const recorder = new CallLogWriter(db);
  const client = createHubbleClient(
    {
      profileId: name,
      environment: 'simulator',
      baseUrl: sim.baseUrl,
      clientId: staging.clientId,
      clientSecret: async () => staging.clientSecret,
    },
    recorder,
  );
  const port: OrdersPort = { db, client, newReferenceId, now: Date.now };
  return {
    port,
    client,
    async close() {
      recorder.close();
      await client.close();
      db.close();
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function bareLoop(round: number): Promise<number> {
  const profile = openProfile(`bare-${round}`);
  const brand = await brandFromHubble(() => profile.client)(fx.flexible);
  const started = performance.now();
  let last = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < ROWS; index += 1) {
    const wait = last + INTERVAL_MS - Date.now();
    if (wait > 0) await sleep(wait);
    last = Date.now();
    const result = await placeOrder(profile.port, { brand, amountPaise: 50_000, source: 'console' });
    if (result.kind !== 'placed' || result.order.status !== 'SUCCESS') throw new Error('a bare placement failed');
  }
  const rate = ROWS / ((performance.now() - started) / 1000);
  await profile.close();
  return rate;
}

async function batchRun(round: number): Promise<number> {
  const profile = openProfile(`batch-${round}`);
  const csv = [
    'brand,amount,partner reference',
    ...Array.from({ length: ROWS }, (_, i) => `${fx.flexible},500,R-${i}`),
  ];
  const report = await importBatch(
    {
      port: profile.port,
      brands: brandsFromHubble(() => profile.client),
      wallet: walletFromHubble(() => profile.client),
    },
    { csv: csv.join('\n') },
  );
  if (report.validRows !== ROWS) throw new Error('the bench CSV did not import cleanly');
  const batches = new BatchStore(profile.port.db);
  const started = performance.now();
  batches.transition(report.batchId, ['draft'], 'running', Date.now());
  let progressEvents = 0;
  await runBatches(
    {
      port: profile.port,
      clock: systemClock,
      brand: brandFromHubble(() => profile.client),
      rateLimits: () => [],
      minIntervalMs: INTERVAL_MS,
    },
    { signal: new AbortController().signal, progress: () => (progressEvents += 1) },
  );
  const rate = ROWS / ((performance.now() - started) / 1000);
  const summary = batches.summary(report.batchId)!;
  if (summary.state !== 'done' || summary.counts.succeeded !== ROWS) throw new Error('the batch did not complete');
  await profile.close();
  return rate;
}

await control.setWallet(staging.clientId, 1_000_000_000);
// Warm-up: JIT, the keep-alive pool, the first login.
await bareLoop(-1);
await batchRun(-1);
const bare: number[] = [];
const batch: number[] = [];
// Alternating which goes first, so neither always meets a simulator holding more orders.
for (let round = 0; round < ROUNDS; round += 1) {
  if (round % 2 === 0) {
    bare.push(await bareLoop(round));
    batch.push(await batchRun(round));
  } else {
    batch.push(await batchRun(round));
    bare.push(await bareLoop(round));
  }
}
await sim.close();
fs.rmSync(dir, { recursive: true, force: true });

const best = (rates: number[]) => Math.max(...rates);
console.log(`orders per run: ${ROWS}, pacing: ≥ ${INTERVAL_MS} ms between orders, best of ${ROUNDS} rounds each`);
console.log(`bare placeOrder loop:  ${best(bare).toFixed(1)} orders/s`);
console.log(`batch runner:          ${best(batch).toFixed(1)} orders/s`);
console.log(`ratio (batch / bare):  ${(best(batch) / best(bare)).toFixed(3)}   goal ≥ 0.9`);
