// Webhook receiver throughput: verified + durably stored events/s against a bare node:http server that reads the
// body and answers 200, measured in the same run with the same client (goal: ratio >= 0.5, p99 <= 10 ms, 0 lost).
// Interleaved rounds (6 × 1 s: short, so a burst of other work on the machine hits both sides), median of each.
// The client (undici, signing each body) runs on a worker thread of its own for both servers: real senders are
// remote, and a client on main's thread would compete with the server it measures.
// Run: node bench/receiver.bench.ts  (HUBBLE_BENCH_ROUNDS, HUBBLE_BENCH_ROUND_MS to change them)
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { Pool } from 'undici';
import { DEFAULT_RECEIVER_SETTINGS } from '../src/shared/contract/receiver.ts';
import { xVerifyOf } from '../src/main/areas/receiver/x-verify.ts';
import { createReceiverRuntime } from '../src/main/areas/receiver/receiver-runtime.ts';
import { createWebhookEventStore } from '../src/main/areas/receiver/webhook-event-store.ts';
import { openDeliveryWriter, writerThreadPaysOff } from '../src/main/areas/receiver/worker-delivery-writer.ts';
import { openDatabase } from '../src/main/store/open-database.ts';
import { profileMigrations } from '../src/main/store/profile-migrations/index.ts';

const SECRET = 'bench-webhook-secret';
const ROUNDS = Number(process.env['HUBBLE_BENCH_ROUNDS'] ?? 6);
const ROUND_MS = Number(process.env['HUBBLE_BENCH_ROUND_MS'] ?? 1000);
const CONNECTIONS = 16;

interface RoundResult {
  ok: number;
  failed: number;
  latencies: number[];
  elapsed: number;
  /** CPU of the client's thread in the round, µs: taken out of the process's figure, which is the servers'. */
  clientCpuMicros: number;
}

let counter = 0;
async function clientRound(url: URL): Promise<RoundResult> {
  const pool = new Pool(url.origin, { connections: CONNECTIONS, pipelining: 1 });
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  const deadline = performance.now() + ROUND_MS;
  const started = performance.now();
  const cpu = process.threadCpuUsage();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        counter += 1;
        const body = `{"id":"01JBENCH${String(counter).padStart(10, '0')}","status":"SUCCESS"}`;
        const sent = performance.now();
        const response = await pool.request({
          path: url.pathname,
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json', 'x-verify': xVerifyOf(SECRET, body) },
        });
        await response.body.dump();
        latencies.push(performance.now() - sent);
        if (response.statusCode === 200) ok += 1;
        else failed += 1;
      }
    }),
  );
  const elapsed = performance.now() - started;
  const used = process.threadCpuUsage(cpu);
  await pool.close();
  return { ok, failed, latencies, elapsed, clientCpuMicros: used.user + used.system };
}

if (!isMainThread) {
  parentPort!.on('message', (url: string) => {
    void clientRound(new URL(url)).then((result) => parentPort!.postMessage(result));
  });
} else {
  await main();
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'receiver-bench-'));
  const db = openDatabase(path.join(dir, 'bench.db'), profileMigrations);
  const forced = process.env['HUBBLE_BENCH_WRITER'];
  const onThread = forced === undefined ? writerThreadPaysOff() : forced === 'thread';
  const runtime = createReceiverRuntime({
    profileId: 'bench',
    store: createWebhookEventStore(db),
    // Where the app puts the writes on this machine (the writer thread from three cores up); HUBBLE_BENCH_WRITER=main
    // or =thread forces one, for comparison.
    openWriter: () => openDeliveryWriter(db, undefined, onThread),
    apply: async () => ({ handled: true, changes: [] }),
    secret: async () => SECRET,
    now: () => Date.now(),
  });
  await runtime.reconcile({
    enabled: true,
    port: 0,
    settings: { ...DEFAULT_RECEIVER_SETTINGS, ratePerMinute: 100_000_000 },
  });
  const receiverUrl = new URL(runtime.status().url!);

  const bare = http.createServer((req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json', 'content-length': 2 }).end('{}'));
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareUrl = new URL(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/hubble/bench`);

  const client = new Worker(new URL(import.meta.url));
  const round = async (url: URL) => {
    const cpu = process.cpuUsage();
    const mainCpu = process.threadCpuUsage();
    const result = await new Promise<RoundResult>((resolve, reject) => {
      client.once('message', resolve);
      client.once('error', reject);
      client.postMessage(url.href);
    });
    client.removeAllListeners('error');
    const used = process.cpuUsage(cpu);
    const usedOnMain = process.threadCpuUsage(mainCpu);
    const requests = result.ok + result.failed;
    const serverCpuSecs = (used.user + used.system - result.clientCpuMicros) / 1e6;
    return {
      ...result,
      perSec: (result.ok * 1000) / result.elapsed,
      perCpuSec: result.ok / serverCpuSecs,
      mainCpuMicros: (usedOnMain.user + usedOnMain.system) / requests,
    };
  };

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const percentile = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
  };
  const fmt = (value: number) => Math.round(value).toLocaleString('en-US');

  const bareRates: number[] = [];
  const receiverRates: number[] = [];
  const bareCpuRates: number[] = [];
  const receiverCpuRates: number[] = [];
  const receiverLatencies: number[] = [];
  const bareMainCpu: number[] = [];
  const receiverMainCpu: number[] = [];
  const bareLatencies: number[] = [];
  let acknowledged = 0;
  let refused = 0;
  const drains: Array<{ events: number; ms: number }> = [];
  const pendingCount = () =>
    (db.prepare("SELECT count(*) AS n FROM webhook_events WHERE state = 'pending'").get() as { n: number }).n;
  for (let r = 0; r < ROUNDS; r += 1) {
    const baseline = await round(bareUrl);
    bareRates.push(baseline.perSec);
    bareCpuRates.push(baseline.perCpuSec);
    bareLatencies.push(...baseline.latencies);
    bareMainCpu.push(baseline.mainCpuMicros);
    const measured = await round(receiverUrl);
    receiverRates.push(measured.perSec);
    receiverCpuRates.push(measured.perCpuSec);
    receiverLatencies.push(...measured.latencies);
    receiverMainCpu.push(measured.mainCpuMicros);
    acknowledged += measured.ok;
    refused += measured.failed;
    // Processing gives way to the receiver while deliveries arrive; the backlog it leaves is applied here, before
    // the next round, so it never runs during the bare server's round (and its cost is printed on its own).
    const pendingBefore = pendingCount();
    const drainStarted = performance.now();
    await runtime.drain();
    drains.push({ events: pendingBefore, ms: performance.now() - drainStarted });
  }
  const stored = (db.prepare("SELECT count(*) AS n FROM webhook_events WHERE verdict = 'valid'").get() as { n: number })
    .n;

  console.log(
    `receiver (${CONNECTIONS} connections, ${ROUNDS} × ${ROUND_MS} ms rounds, synchronous=NORMAL WAL, writes on ${onThread ? 'the writer thread' : 'main, WAL checkpoints on a thread'} (${os.availableParallelism()} cores), client on its own thread for both servers)`,
  );
  console.log(
    `  receiver: verified + stored   ${fmt(median(receiverRates))} events/s   ratio ${(median(receiverRates) / median(bareRates)).toFixed(3)}   p50 ${percentile(receiverLatencies, 50).toFixed(2)} ms   p99 ${percentile(receiverLatencies, 99).toFixed(2)} ms`,
  );
  console.log(
    `  baseline: bare node:http 200  ${fmt(median(bareRates))} requests/s                p50 ${percentile(bareLatencies, 50).toFixed(2)} ms   p99 ${percentile(bareLatencies, 99).toFixed(2)} ms`,
  );
  // Requests per CPU-second of the servers (this process without the client's thread: main and the writer thread)
  // tell the same story as the wall clock but hold up better when other work shares the machine.
  console.log(
    `  per CPU-second: receiver ${fmt(median(receiverCpuRates))}, baseline ${fmt(median(bareCpuRates))}, ratio ${(median(receiverCpuRates) / median(bareCpuRates)).toFixed(3)}`,
  );
  // CPU of main's thread alone per request (the server's alone: the client has its own thread): what the HTTP
  // thread can afford when another core is free for the writer.
  console.log(
    `  main thread CPU per request: receiver ${median(receiverMainCpu).toFixed(1)} µs, baseline ${median(bareMainCpu).toFixed(1)} µs, extra ${(median(receiverMainCpu) - median(bareMainCpu)).toFixed(1)} µs`,
  );
  console.log(
    `  answered 200: ${fmt(acknowledged)}, stored: ${fmt(stored)}, lost: ${acknowledged - stored}, non-200: ${refused}`,
  );
  const backlog = drains.reduce((sum, drain) => sum + drain.events, 0);
  const drainMs = drains.reduce((sum, drain) => sum + drain.ms, 0);
  console.log(
    `  processing left pending at the end of a round: ${fmt(backlog)} events in all, applied after it at ${fmt((backlog * 1000) / Math.max(drainMs, 1))} events/s`,
  );

  await runtime.close();
  bare.close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  await client.terminate();
}
