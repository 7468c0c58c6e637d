import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importBatch } from '../../../src/main/areas/orders/batch-import.ts';
import { runBatches } from '../../../src/main/areas/orders/batch-runner.ts';
import { BatchStore } from '../../../src/main/areas/orders/batch-store.ts';
import { brandFromHubble, brandsFromHubble, walletFromHubble } from '../../../src/main/areas/orders/orders-handlers.ts';
import { recoverUnknownIntents } from '../../../src/main/areas/orders/place-order.ts';
import { systemClock } from '../../../src/main/kernel/jobs/clock.ts';
import { STAGING, useSimulator } from '../hubble/simulator-fixture.ts';
import { csvOf } from './batch-fixture.ts';
import { rows, useOrdersDatabase } from './orders-fixture.ts';

const sim = useSimulator();
const orders = useOrdersDatabase();

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'batch-crash-child.ts');
const ROUNDS = 12;
const ROWS = 120;

/** mulberry32: the same kill moments on every run, so a failure can be replayed. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Starts the child console on the batch and SIGKILLs it `afterMs` after it starts sending; 'done' if it finished first. */
function runChildAndKill(dbFile: string, batchId: string, afterMs: number): Promise<'killed' | 'done'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, dbFile, sim.sim.baseUrl, batchId], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (timer === undefined && output.includes('running\n')) timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0) resolve('done');
      else reject(new Error(`the child console failed (${code}): ${errors}`));
    });
  });
}

describe('crash during a batch', () => {
  it(`a console killed with SIGKILL ${ROUNDS} times mid-batch, then resumed: integrity ok, no duplicate, every row known`, async () => {
    const client = sim.client();
    const port = orders.port(client);
    // A resend of a referenceId Hubble already holds would come back 409 (E008) instead of the existing order, so
    // any blind resend shows up as a REJECTED row below instead of hiding behind idempotency.
    await sim.control.patchClient(STAGING.clientId, { duplicateReference: 'error' });
    await sim.control.latency({ fixedMs: 3 });
    const report = await importBatch(
      { port, brands: brandsFromHubble(() => client), wallet: walletFromHubble(() => client) },
      { csv: csvOf('Croma', ROWS) },
    );
    expect(report.validRows).toBe(ROWS);
    new BatchStore(port.db).transition(report.batchId, ['draft'], 'running', Date.now());

    const random = seeded(20_251_126);
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const outcome = await runChildAndKill(orders.file(), report.batchId, 5 + Math.floor(random() * 120));
      outcomes.push(outcome);
      if (outcome === 'done') break;
    }
    expect(outcomes.filter((outcome) => outcome === 'killed').length).toBeGreaterThanOrEqual(5);
    const sentBeforeResume = rows(port.db, 'SELECT count(*) AS n FROM orders')[0];

    // The console starts again and the operator resumes the batch.
    await sim.control.latency({ fixedMs: 0 });
    const batches = new BatchStore(port.db);
    batches.transition(report.batchId, ['running'], 'paused', Date.now(), 'interrupted');
    await recoverUnknownIntents(port);
    batches.transition(report.batchId, ['paused'], 'running', Date.now());
    await runBatches(
      { port, clock: systemClock, brand: brandFromHubble(() => client), rateLimits: () => [], minIntervalMs: 0 },
      { signal: new AbortController().signal, progress: () => undefined },
    );

    expect(port.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(batches.state(report.batchId)).toBe('done');
    const local = rows<{ reference_id: string; order_id: string; status: string; intent_state: string }>(
      port.db,
      `SELECT o.reference_id, o.order_id, o.status, o.intent_state FROM order_batch_rows r
       JOIN orders o ON o.reference_id = r.reference_id WHERE r.batch_id = ?`,
      report.batchId,
    );
    // Every row ends with a known outcome: placed once, SUCCESS, nothing left unknown or refused as a duplicate.
    expect(local).toHaveLength(ROWS);
    expect(local.filter((order) => order.intent_state !== 'resolved' || order.status !== 'SUCCESS')).toEqual([]);
    expect(rows(port.db, `SELECT state, count(*) AS n FROM order_batch_rows GROUP BY state`)).toEqual([
      { state: 'placed', n: ROWS },
    ]);
    // 0 duplicates at Hubble: exactly one order per referenceId, and each local order is that one.
    expect((await sim.control.stats()).orders).toBe(ROWS);
    const simOrders = await Promise.all(local.map((order) => sim.control.order(order.order_id)));
    expect(new Set(simOrders.map((order) => order.referenceId)).size).toBe(ROWS);
    simOrders.forEach((order, index) => expect(order.referenceId).toBe(local[index]!.reference_id));
    const refused = ((await sim.control.requests()) as Array<{ method: string; status: number }>).filter(
      (entry) => entry.method === 'POST' && entry.status === 409,
    );
    expect(refused).toEqual([]);
    expect(sentBeforeResume).toBeDefined();
  }, 90_000);
});
