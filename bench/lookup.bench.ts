// Lookup by X-REQUEST-ID, orderId and referenceId in a call log of CALLS_LOOKUP_ROWS rows (default 10 million),
// through the same queries the Calls page and the command palette use, versus a full scan of the same table
// (NOT INDEXED) in this run. Goal: p50 under 1 ms at 10 million rows. Then the Calls table's paging: a page
// deep in the time-sorted log against the first page (keyset seek; goal ratio ≤ 1.5), and the OFFSET page it replaced.
//
// The table is built fast: schema from the real migrations, indexes dropped, rows bulk-inserted without
// bodies (a lookup never reads them), indexes re-created from the migration's own SQL. On 2 cores the
// 10-million-row build takes a few minutes; set CALLS_LOOKUP_ROWS=1000000 for a quick run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { CallQueries } from '../src/main/areas/calls/call-queries.ts';
import { openDatabase } from '../src/main/store/open-database.ts';
import { profileMigrations } from '../src/main/store/profile-migrations/index.ts';

const ROWS = Number(process.env['CALLS_LOOKUP_ROWS'] ?? 10_000_000);
const LOOKUPS = 2_000;
const SCANS = 3;
const SAMPLE_EVERY = Math.max(1, Math.floor(ROWS / 20_000));

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const ms = (value: number) => `${value < 1 ? value.toFixed(3) : value.toFixed(1)} ms`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubble-bench-lookup-'));
const file = path.join(dir, 'lookup.db');
const buildStarted = performance.now();
const db = openDatabase(file, profileMigrations);
const indexes = db
  .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'api_calls' AND sql IS NOT NULL")
  .all() as { name: string; sql: string }[];
for (const index of indexes) db.exec(`DROP INDEX ${index.name}`);
db.pragma('journal_mode = DELETE');
db.pragma('synchronous = OFF');
db.pragma('cache_size = -262144');

const insert =
  db.prepare(`INSERT INTO api_calls (at, profile_id, environment, base_url, method, path, endpoint, http_status, outcome, error_id, latency_ms, request_id, attempt, order_id, reference_id)
  VALUES (?, 'p', 'staging', 'https://api.dev.myhubble.money', ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`);
const samples = { request: [] as string[], order: [] as string[], reference: [] as string[] };
const start = Date.UTC(2024, 0, 1);
const fill = db.transaction((from: number, to: number) => {
  for (let i = from; i < to; i += 1) {
    const requestId = randomUUID();
    const isOrder = i % 4 === 0;
    const orderId = isOrder ? `01HZ${i.toString(36).toUpperCase().padStart(22, '0')}` : null;
    const referenceId = isOrder ? `ref-${i}` : null;
    const failed = i % 13 === 0;
    insert.run(
      start + i * 250,
      isOrder ? 'POST' : 'GET',
      isOrder ? '/v1/partners/orders' : '/v1/partners/wallet/balance',
      isOrder ? 'POST /v1/partners/orders' : 'GET /v1/partners/wallet/balance',
      failed ? 400 : 200,
      failed ? 'failed' : 'ok',
      failed ? 'E300' : null,
      40 + (i % 200),
      requestId,
      orderId,
      referenceId,
    );
    if (i % SAMPLE_EVERY === 0) {
      samples.request.push(requestId);
      if (orderId) samples.order.push(orderId);
      if (referenceId) samples.reference.push(referenceId);
    }
  }
});
for (let from = 0; from < ROWS; from += 200_000) fill(from, Math.min(ROWS, from + 200_000));
const insertedAt = performance.now();
for (const index of indexes) db.exec(index.sql);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec('ANALYZE');
const builtAt = performance.now();
console.log(
  `built ${ROWS.toLocaleString('en-US')} rows in ${((builtAt - buildStarted) / 1000).toFixed(1)} s (insert ${((insertedAt - buildStarted) / 1000).toFixed(1)} s, ${indexes.length} indexes ${((builtAt - insertedAt) / 1000).toFixed(1)} s); file ${(fs.statSync(file).size / 1e9).toFixed(2)} GB`,
);

const queries = new CallQueries(db);
const pick = (list: string[], i: number) => list[(i * 7919) % list.length]!;
const lookups = {
  'X-REQUEST-ID': {
    column: 'request_id' as const,
    keys: samples.request,
    filter: (value: string) => ({ requestId: value }),
  },
  orderId: { column: 'order_id' as const, keys: samples.order, filter: (value: string) => ({ orderId: value }) },
  referenceId: {
    column: 'reference_id' as const,
    keys: samples.reference,
    filter: (value: string) => ({ referenceId: value }),
  },
};
for (const [name, { column, keys, filter }] of Object.entries(lookups)) {
  const resolve: number[] = [];
  const page: number[] = [];
  for (let i = 0; i < LOOKUPS; i += 1) {
    const key = pick(keys, i);
    let started = performance.now();
    if (!queries.lookup(column, key)) throw new Error(`${name} ${key} not found`);
    resolve.push(performance.now() - started);
    started = performance.now();
    if (
      queries.page(filter(key), { by: 'at', direction: 'desc' }, 0, 100).length === 0 ||
      queries.count(filter(key)) === 0
    )
      throw new Error(`${name} ${key} not found by search`);
    page.push(performance.now() - started);
  }
  const scan: number[] = [];
  const scanStatement = db.prepare(`SELECT id FROM api_calls NOT INDEXED WHERE ${column} = ? LIMIT 1`);
  for (let i = 0; i < SCANS; i += 1) {
    const started = performance.now();
    scanStatement.get(pick(keys, i + 1));
    scan.push(performance.now() - started);
  }
  console.log(
    `${name.padEnd(12)} resolve p50 ${ms(percentile(resolve, 50))} p95 ${ms(percentile(resolve, 95))} · search page+count p50 ${ms(percentile(page, 50))} · full scan p50 ${ms(percentile(scan, 50))} · ratio (scan / indexed) ${Math.round(percentile(scan, 50) / percentile(resolve, 50)).toLocaleString('en-US')}×   goal p50 < 1 ms`,
  );
}

// Paging the whole log by time, as the Calls table does: the first page, a page deep in the table reached by
// scrolling (its anchor known from the page before), a first jump to an unvisited depth (the anchor found by
// skipping over the time index once), and the OFFSET paging the table used before, deep (baseline, same run).
{
  const sort = { by: 'at', direction: 'desc' } as const;
  const PAGES = 200;
  const snapshot = queries.latestId();
  const deepStart = Math.floor((ROWS * 0.8) / 100) * 100;
  const time = (work: () => unknown) => {
    const started = performance.now();
    work();
    return performance.now() - started;
  };
  const first: number[] = [];
  const deep: number[] = [];
  const jumps: number[] = [];
  const offsetDeep: number[] = [];
  for (let i = 0; i < PAGES; i += 1) first.push(time(() => queries.page({}, sort, 0, 100, snapshot)));
  queries.page({}, sort, deepStart, 100, snapshot);
  for (let i = 1; i <= PAGES; i += 1) deep.push(time(() => queries.page({}, sort, deepStart + i * 100, 100, snapshot)));
  for (let i = 0; i < 20; i += 1) {
    const position = Math.floor((ROWS * (i + 1)) / 25 / 100) * 100 + 50;
    jumps.push(time(() => queries.page({}, sort, position, 100, snapshot)));
  }
  const offsetStatement = db.prepare('SELECT * FROM api_calls ORDER BY at DESC, id DESC LIMIT 100 OFFSET ?');
  for (let i = 0; i < 20; i += 1) offsetDeep.push(time(() => offsetStatement.all(deepStart + i * 100)));
  const p50 = (values: number[]) => percentile(values, 50);
  console.log(
    `time-sorted page   first p50 ${ms(p50(first))} · deep (${deepStart.toLocaleString('en-US')}+, scrolled) p50 ${ms(p50(deep))} · ratio (deep / first) ${(p50(deep) / p50(first)).toFixed(2)}   goal ≤ 1.5`,
  );
  console.log(
    `                   first jump to an unvisited depth p50 ${ms(p50(jumps))} (once per position) · OFFSET deep page (before) p50 ${ms(p50(offsetDeep))} · ratio (OFFSET deep / first) ${(p50(offsetDeep) / p50(first)).toFixed(0)}×`,
  );
}

db.close();
fs.rmSync(dir, { recursive: true, force: true });
