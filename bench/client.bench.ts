// Client overhead per call against the embedded simulator, versus bare undici.request on the same keep-alive
// connection pattern, both in this run. The client side includes everything a real call pays: X-REQUEST-ID,
// token cache, zod parsing, the taxonomy, and recording into a real SQLite call log (batched off the request
// path). Goal: p50 ratio ≤ 1.10. Loopback only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'undici';
import { CallLogWriter } from '../src/main/kernel/call-log/call-log-writer.ts';
import { createHubbleClient } from '../src/main/hubble/hubble-client.ts';
import { DEMO_CLIENTS, startSimulator } from '../src/main/simulator/index.ts';
import { ProfileDatabases } from '../src/main/store/profile-store.ts';

const ROUNDS = Number(process.env['CLIENT_BENCH_ROUNDS'] ?? 20);
const PER_ROUND = Number(process.env['CLIENT_BENCH_CALLS'] ?? 100);
const WARMUP = 200;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

const sim = await startSimulator({ seed: 1 });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubble-bench-client-'));
const db = new ProfileDatabases(dataDir).open('simulator');
const recorder = new CallLogWriter(db);
const connection = {
  profileId: 'simulator',
  environment: 'simulator' as const,
  baseUrl: sim.baseUrl,
  clientId: DEMO_CLIENTS.staging.clientId,
  clientSecret: async () => DEMO_CLIENTS.staging.clientSecret,
};
const client = createHubbleClient(connection, recorder);

// The baseline logs in once by hand and then only sends requests: no parsing, no recording.
const agent = new Agent({ keepAliveTimeout: 30_000 });
const login = await request(`${sim.baseUrl}/v1/partners/auth/login`, {
  method: 'POST',
  dispatcher: agent,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ clientId: connection.clientId, clientSecret: DEMO_CLIENTS.staging.clientSecret }),
});
const { token } = (await login.body.json()) as { token: string };
const bare = async () => {
  const response = await request(`${sim.baseUrl}/v1/partners/wallet/balance`, {
    dispatcher: agent,
    headers: { accept: 'application/json', authorization: `Bearer ${token}`, 'x-request-id': randomUUID() },
  });
  await response.body.json();
};
const viaClient = async () => {
  const result = await client.walletBalance();
  if (result.outcome !== 'ok') throw new Error(`client call failed: ${result.failure.title}`);
};

const time = async (fn: () => Promise<void>, into: number[]) => {
  const started = performance.now();
  await fn();
  into.push(performance.now() - started);
};

for (let i = 0; i < WARMUP; i += 1) {
  await bare();
  await viaClient();
}
const baseline: number[] = [];
const measured: number[] = [];
// Alternating blocks so drift (GC, CPU frequency, the simulator's own state) hits both sides alike.
for (let round = 0; round < ROUNDS; round += 1) {
  for (let i = 0; i < PER_ROUND; i += 1) await time(bare, baseline);
  for (let i = 0; i < PER_ROUND; i += 1) await time(viaClient, measured);
}
recorder.flush();
const recorded = (db.prepare('SELECT count(*) AS n FROM api_calls').get() as { n: number }).n;

const p50b = percentile(baseline, 50);
const p50c = percentile(measured, 50);
console.log(`calls per side:            ${measured.length} (wallet balance, sequential, loopback)`);
console.log(
  `bare undici.request  p50:  ${(p50b * 1000).toFixed(0)} µs   p95: ${(percentile(baseline, 95) * 1000).toFixed(0)} µs`,
);
console.log(
  `Hubble client        p50:  ${(p50c * 1000).toFixed(0)} µs   p95: ${(percentile(measured, 95) * 1000).toFixed(0)} µs   (recorded ${recorded} rows)`,
);
console.log(`ratio p50 (client / bare): ${(p50c / p50b).toFixed(3)}   goal ≤ 1.10`);

await client.close();
await agent.close();
recorder.close();
db.close();
await sim.close();
fs.rmSync(dataDir, { recursive: true, force: true });
