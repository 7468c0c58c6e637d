// Dashboard refresh over 30 days of DASHBOARD_BENCH_CALLS calls (default 2 million) read from the rollups,
// versus the naive GROUP BY over the raw rows that computes the same panels, both in this run. Goals: the refresh
// p50 ≤ 20 ms and ≥ 200× faster than the naive query. Also prints main's RSS with that database open.
//
// The database is built fast (bench/dashboard-bench-db.ts): the real migrations, api_calls' indexes dropped except
// its time index, rows generated inside SQLite without bodies (no panel reads them), then the maintenance rebuild
// computes every rollup from the raw rows, exactly as `metrics.rebuildRollups` does. 2 million calls build in
// ~30 s on the 2-core build machine, DASHBOARD_BENCH_CALLS=10000000 (the issue's figure) in ~105 s. The ratio
// grows with the row count: the naive query reads every row, the refresh reads only buckets.
// DASHBOARD_BENCH_NAIVE_RUNS=0 skips the naive baseline (minutes at 10 million calls) while iterating on the refresh.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { queryDashboard } from '../src/main/areas/metrics/dashboard-query.ts';
import { LATENCY_BUCKETS } from '../src/main/kernel/call-log/metrics-rollup.ts';
import { openDatabase } from '../src/main/store/open-database.ts';
import { profileMigrations } from '../src/main/store/profile-migrations/index.ts';
import { buildBenchDb, ORDERS_PER_CALL } from './dashboard-bench-db.ts';

const CALLS = Number(process.env['DASHBOARD_BENCH_CALLS'] ?? 2_000_000);
const BUILD_INTO = process.env['DASHBOARD_BENCH_BUILD_INTO'];
const REFRESHES = 40;
const NAIVE_RUNS = Number(process.env['DASHBOARD_BENCH_NAIVE_RUNS'] ?? 2);
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
  const built = buildBenchDb(file, CALLS, start, DAYS);
  console.log(
    `built ${CALLS.toLocaleString('en')} calls, ${Math.ceil(CALLS * ORDERS_PER_CALL).toLocaleString('en')} orders over ${DAYS} days: rows ${built.insertSeconds.toFixed(0)} s, rollup rebuild ${built.rebuildSeconds.toFixed(0)} s (${built.callMinutes.toLocaleString('en')} minute rows, ${built.callHours.toLocaleString('en')} hour rows); ${mb(built.bytes)} on disk`,
  );
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
console.log(
  `dashboard refresh (30 days, ${last.bucket} buckets, ${last.latencySeries.length} latency points, ${last.errors.length} error points): p50 ${ms(refreshP50)}, p95 ${ms(percentile(refreshes, 95))}, min ${ms(Math.min(...refreshes))}; CPU time ${ms(cpuPerRefresh)} per refresh`,
);
if (NAIVE_RUNS > 0) {
  const naiveP50 = percentile(naiveRuns, 50);
  console.log(
    `naive GROUP BY over raw rows: p50 ${ms(naiveP50)} (${NAIVE_RUNS} runs); CPU time ${ms(naiveCpuPerRun)} per run`,
  );
  console.log(
    `ratio: the refresh is ${(naiveP50 / refreshP50).toFixed(0)}× faster by wall clock, ${(naiveCpuPerRun / cpuPerRefresh).toFixed(0)}× by CPU time (goal ≥ 200×); refresh p50 goal ≤ 20 ms`,
  );
}
console.log(
  `main RSS: ${mb(rssBefore)} before opening, ${mb(rssOpen)} with the database open after ${REFRESHES + 1} refreshes (JS heap ${mb(memoryOpen.heapUsed)} used of ${mb(memoryOpen.heapTotal)}, external ${mb(memoryOpen.external)}, the rest ${mb(rssOpen - memoryOpen.heapTotal - memoryOpen.external)}: native code, SQLite, less the heap not resident), ${mb(rssEnd)} after the naive queries (goal ≤ 150 MB)`,
);
db.close();
if (dir) fs.rmSync(dir, { recursive: true, force: true });
