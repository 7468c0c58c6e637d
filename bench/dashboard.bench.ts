// Dashboard refresh over 30 days of DASHBOARD_BENCH_CALLS calls (default 2 million) read from the rollups,
// versus the naive GROUP BY over the raw rows that computes the same panels, both in this run. Goals: the refresh
// p50 ≤ 20 ms and ≥ 200× faster than the naive query. Also prints main's RSS with that database open.
//
// The database is built fast: the real migrations, api_calls' indexes dropped except its time index, rows
// bulk-inserted without bodies (no panel reads them), then the maintenance rebuild computes every rollup from the
// raw rows, exactly as `metrics.rebuildRollups` does. The default, 2 million calls, builds in about 90 s on the
// 2-core build machine (more under load); DASHBOARD_BENCH_CALLS=10000000 gives the issue's figure (several minutes) (the ratio shrinks with the row count: the naive
// query reads every row, the refresh reads only buckets).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { queryDashboard } from '../src/main/areas/metrics/dashboard-query.ts';
import { rebuildRollups } from '../src/main/areas/metrics/rebuild-rollups.ts';
import { LATENCY_BUCKETS } from '../src/main/kernel/call-log/metrics-rollup.ts';
import { openDatabase } from '../src/main/store/open-database.ts';
import { profileMigrations } from '../src/main/store/profile-migrations/index.ts';

const CALLS = Number(process.env['DASHBOARD_BENCH_CALLS'] ?? 2_000_000);
const BUILD_INTO = process.env['DASHBOARD_BENCH_BUILD_INTO'];
const ORDERS_PER_CALL = 1 / 8;
const REFRESHES = 40;
const NAIVE_RUNS = 2;
const DAYS = 30;
const DAY_MS = 86_400_000;

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const ms = (value: number) => `${value < 1 ? value.toFixed(3) : value.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const end = Date.UTC(2026, 10, 1);
const start = end - DAYS * DAY_MS;

// ---- build, in a child process so the RSS measured below is main's with the database open, not the builder's ----
function build(file: string): void {
  const buildStarted = performance.now();
  const db = openDatabase(file, profileMigrations);
  const indexes = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'api_calls' AND sql IS NOT NULL AND name <> 'api_calls_at'",
    )
    .pluck()
    .all() as string[];
  for (const index of indexes) db.exec(`DROP INDEX ${index}`);
  db.exec('DROP INDEX api_calls_at');
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const ENDPOINTS = [
    ['GET', '/v1/partners/wallet/balance'],
    ['GET', '/v1/partners/products'],
    ['GET', '/v1/partners/products/:productId'],
    ['POST', '/v1/partners/orders'],
    ['GET', '/v1/partners/orders/:orderId'],
    ['GET', '/v1/partners/orders/by-reference/:referenceId'],
  ] as const;
  const FAILURES = [
    [400, 'business', 'E300'],
    [400, 'business', 'E150'],
    [400, 'rate-limit', 'E400'],
    [503, 'server', null],
    [null, 'timeout', null],
    [403, 'whitelisting', 'E004'],
  ] as const;
  const insertCall = db.prepare(
    `INSERT INTO api_calls (at, profile_id, environment, base_url, method, path, endpoint, http_status, outcome, error_kind, error_id, latency_ms, request_id, order_status, amount)
     VALUES (?, 'p', 'production', 'https://api.myhubble.money', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertOrder = db.prepare(
    `INSERT INTO orders (reference_id, order_id, brand_id, amount_paise, status, source, intent_state, created_at, updated_at)
     VALUES (?, ?, 'B1', ?, ?, 'console', 'resolved', ?, ?)`,
  );
  const STATUSES = [
    'SUCCESS',
    'SUCCESS',
    'SUCCESS',
    'SUCCESS',
    'SUCCESS',
    'SUCCESS',
    'FAILED',
    'PROCESSING',
    'REJECTED',
  ];
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const step = (DAYS * DAY_MS) / CALLS;
  const fill = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const at = Math.floor(start + i * step);
      const [method, endpointPath] = ENDPOINTS[i % ENDPOINTS.length]!;
      const failed = random() < 0.04 ? FAILURES[Math.floor(random() * FAILURES.length)]! : null;
      const isOrder = method === 'POST';
      const status = isOrder && !failed ? STATUSES[i % STATUSES.length]! : null;
      insertCall.run(
        at,
        method,
        endpointPath,
        `${method} ${endpointPath}`,
        failed ? failed[0] : 200,
        failed ? 'failed' : 'ok',
        failed ? failed[1] : null,
        failed ? failed[2] : null,
        30 + Math.floor(-Math.log(1 - random()) * 150),
        `r${i}`,
        status,
        isOrder ? 500 : null,
      );
      if (i % Math.round(1 / ORDERS_PER_CALL) === 0) {
        insertOrder.run(
          `ref-${i}`,
          `ord-${i}`,
          50_000 + (i % 7) * 10_000,
          STATUSES[(i >> 3) % STATUSES.length]!,
          at,
          at,
        );
      }
    }
  });
  const SLICE = 200_000;
  for (let from = 0; from < CALLS; from += SLICE) fill(from, Math.min(CALLS, from + SLICE));
  db.exec('CREATE INDEX api_calls_at ON api_calls (at)');
  const insertSample = db.prepare("INSERT INTO wallet_samples (at, balance_paise, source) VALUES (?, ?, 'poll')");
  db.transaction(() => {
    for (let at = start, balance = 90_000_000_00; at < end; at += 300_000) insertSample.run(at, (balance -= 1_000_00));
  })();
  const insertedAt = performance.now();
  const report = rebuildRollups(db);
  console.log(
    `built ${CALLS.toLocaleString('en')} calls, ${Math.ceil(CALLS * ORDERS_PER_CALL).toLocaleString('en')} orders over ${DAYS} days: rows ${((insertedAt - buildStarted) / 1000).toFixed(0)} s, rollup rebuild ${((performance.now() - insertedAt) / 1000).toFixed(0)} s (${report.callMinutes.toLocaleString('en')} minute rows, ${report.callHours.toLocaleString('en')} hour rows); ${mb(fs.statSync(file).size)} on disk`,
  );
  db.close();
}

if (BUILD_INTO) {
  build(BUILD_INTO);
  process.exit(0);
}
// DASHBOARD_BENCH_DB=<file> measures a database built before (DASHBOARD_BENCH_BUILD_INTO=<file> builds one and stops).
const reused = process.env['DASHBOARD_BENCH_DB'];
const dir = reused ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'hubble-bench-dashboard-'));
const file = reused ?? path.join(dir!, 'dashboard.db');
if (!reused) {
  const child = spawnSync(process.execPath, [process.argv[1]!], {
    env: { ...process.env, DASHBOARD_BENCH_BUILD_INTO: file },
    stdio: 'inherit',
  });
  if (child.status !== 0) throw new Error('The bench database could not be built');
}

// ---- measure ----
const rssBefore = process.memoryUsage().rss;
const db = openDatabase(file, profileMigrations);
const input = { from: start, to: end };
const refreshes: number[] = [];
let last = queryDashboard(db, input);
// CPU time too: on a shared 2-core machine the wall clock also counts other processes' turns.
const cpuBefore = process.cpuUsage();
for (let run = 0; run < REFRESHES; run += 1) {
  const began = performance.now();
  last = queryDashboard(db, input);
  refreshes.push(performance.now() - began);
}
const cpu = process.cpuUsage(cpuBefore);
const cpuPerRefresh = (cpu.user + cpu.system) / 1000 / REFRESHES;
const memoryOpen = process.memoryUsage();
const rssOpen = memoryOpen.rss;

// The same panels as a developer would write them without rollups: GROUP BY over every raw row of the range.
const bucketCase = `CASE ${LATENCY_BUCKETS.map((bound, index) => `WHEN latency_ms <= ${bound} THEN ${index}`).join(' ')} ELSE ${LATENCY_BUCKETS.length} END`;
const naive = () => {
  const errors = db
    .prepare(
      `SELECT at / 3600000 AS hour, coalesce(error_kind, '') AS kind, count(*) FROM api_calls WHERE at >= ? AND at < ? GROUP BY 1, 2`,
    )
    .all(start, end);
  const latency = db
    .prepare(
      `SELECT at / 3600000 AS hour, endpoint, count(*), avg(latency_ms), max(latency_ms), ${LATENCY_BUCKETS.map((_, index) => `sum(b = ${index})`).join(', ')}
       FROM (SELECT at, endpoint, latency_ms, ${bucketCase} AS b FROM api_calls WHERE at >= ? AND at < ?) GROUP BY 1, 2`,
    )
    .all(start, end);
  const top = db
    .prepare(
      `SELECT error_kind, coalesce(error_id, error_kind), count(*) FROM api_calls WHERE at >= ? AND at < ? AND error_kind IS NOT NULL
       GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 10`,
    )
    .all(start, end);
  const orders = db
    .prepare(
      `SELECT created_at / 3600000, status, count(*), sum(amount_paise) FROM orders WHERE created_at >= ? AND created_at < ? GROUP BY 1, 2`,
    )
    .all(start, end);
  return errors.length + latency.length + top.length + orders.length;
};
const naiveRuns: number[] = [];
const naiveCpuBefore = process.cpuUsage();
for (let run = 0; run < NAIVE_RUNS; run += 1) {
  const began = performance.now();
  naive();
  naiveRuns.push(performance.now() - began);
}
const naiveCpu = process.cpuUsage(naiveCpuBefore);
const naiveCpuPerRun = (naiveCpu.user + naiveCpu.system) / 1000 / NAIVE_RUNS;
const rssEnd = process.memoryUsage().rss;
const refreshP50 = percentile(refreshes, 50);
const naiveP50 = percentile(naiveRuns, 50);
console.log(
  `dashboard refresh (30 days, ${last.bucket} buckets, ${last.latencySeries.length} latency points, ${last.errors.length} error points): p50 ${ms(refreshP50)}, p95 ${ms(percentile(refreshes, 95))}, min ${ms(Math.min(...refreshes))}; CPU time ${ms(cpuPerRefresh)} per refresh`,
);
console.log(
  `naive GROUP BY over raw rows: p50 ${ms(naiveP50)} (${NAIVE_RUNS} runs); CPU time ${ms(naiveCpuPerRun)} per run`,
);
console.log(
  `ratio: the refresh is ${(naiveP50 / refreshP50).toFixed(0)}× faster by wall clock, ${(naiveCpuPerRun / cpuPerRefresh).toFixed(0)}× by CPU time (goal ≥ 200×); refresh p50 goal ≤ 20 ms`,
);
console.log(
  `main RSS: ${mb(rssBefore)} before opening, ${mb(rssOpen)} with the database open after ${REFRESHES + 1} refreshes (JS heap ${mb(memoryOpen.heapUsed)} used of ${mb(memoryOpen.heapTotal)}), ${mb(rssEnd)} after the naive queries (goal ≤ 150 MB)`,
);
db.close();
if (dir) fs.rmSync(dir, { recursive: true, force: true });
