// Builds the dashboard bench's profile database: `calls` calls and one order per 8 calls over `days` days, a
// wallet sample every 5 minutes, then every rollup computed from the raw rows by the maintenance rebuild, exactly
// as `metrics.rebuildRollups` does. Rows are generated inside SQLite (a recursive CTE carrying an LCG state), so
// no row crosses into JS: 10 million calls insert in well under a minute instead of several.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { rebuildRollups } from '../src/main/areas/metrics/rebuild-rollups.ts';
import { openDatabase } from '../src/main/store/open-database.ts';
import { profileMigrations } from '../src/main/store/profile-migrations/index.ts';

const DAY_MS = 86_400_000;
const SLICE = 1_000_000;
const M = 2 ** 31;
const A = 1_103_515_245;
const C = 12_345;
// k steps of the LCG s → (A·s + C) mod 2³¹ at once: s_k = (A_k·s + C_k) mod 2³¹ (products stay below 2⁶²).
const jumps = (() => {
  const result: [bigint, bigint][] = [];
  let a = 1n;
  let c = 0n;
  for (let k = 1; k <= 3; k += 1) {
    a = (a * BigInt(A)) % BigInt(M);
    c = (c * BigInt(A) + BigInt(C)) % BigInt(M);
    result.push([a, c]);
  }
  return result.map(([a, c]) => [Number(a), Number(c)] as const);
})();
const draw = (k: number) => `((s * ${jumps[k]![0]} + ${jumps[k]![1]}) & ${M - 1})`;

const ENDPOINTS = [
  ['GET', '/v1/partners/wallet/balance'],
  ['GET', '/v1/partners/products'],
  ['GET', '/v1/partners/products/:productId'],
  ['POST', '/v1/partners/orders'],
  ['GET', '/v1/partners/orders/:orderId'],
  ['GET', '/v1/partners/orders/by-reference/:referenceId'],
] as const;
const POST_INDEX = 3;
/** http status (null: no answer), kind, Hubble error id */
const FAILURES = [
  [400, 'business', 'E300'],
  [400, 'business', 'E150'],
  [400, 'rate-limit', 'E400'],
  [503, 'server', null],
  [null, 'timeout', null],
  [403, 'whitelisting', 'E004'],
] as const;
const STATUSES = ['SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS', 'FAILED', 'PROCESSING', 'REJECTED'];
const FAILURE_RATE = 0.04;
export const ORDERS_PER_CALL = 1 / 8;

const sqlValue = (value: string | number | null) =>
  value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${value}'`;
const pick = (index: string, values: readonly (string | number | null)[]) =>
  `CASE ${index} ${values.map((value, k) => `WHEN ${k} THEN ${sqlValue(value)}`).join(' ')} END`;

export interface BuiltBenchDb {
  insertSeconds: number;
  rebuildSeconds: number;
  callMinutes: number;
  callHours: number;
  bytes: number;
}

export function buildBenchDb(file: string, calls: number, start: number, days: number): BuiltBenchDb {
  const began = performance.now();
  const db = openDatabase(file, profileMigrations);
  // Only the time index is kept on api_calls (the naive queries and the rebuild read by time), built after the rows.
  const indexes = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'api_calls' AND sql IS NOT NULL")
    .pluck()
    .all() as string[];
  for (const index of indexes) db.exec(`DROP INDEX ${index}`);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  const step = (days * DAY_MS) / calls;
  const insertCalls = db.prepare(`
    INSERT INTO api_calls (at, profile_id, environment, base_url, method, path, endpoint, http_status, outcome,
                           error_kind, error_id, latency_ms, request_id, order_status, amount)
    WITH RECURSIVE g(i, s) AS (
      SELECT @from, @seed
      UNION ALL SELECT i + 1, ${draw(2)} FROM g WHERE i + 1 < @to
    ),
    drawn AS (
      SELECT i, i % ${ENDPOINTS.length} AS e,
             CASE WHEN ${draw(0)} < ${Math.round(FAILURE_RATE * M)} THEN (${draw(1)} * ${FAILURES.length}) / ${M} END AS f,
             ${draw(2)} AS r
      FROM g
    )
    SELECT CAST(@start + i * @step AS INTEGER), 'p', 'production', 'https://api.myhubble.money',
           ${pick(
             'e',
             ENDPOINTS.map(([method]) => method),
           )}, ${pick(
             'e',
             ENDPOINTS.map(([, path]) => path),
           )},
           ${pick(
             'e',
             ENDPOINTS.map(([method, path]) => `${method} ${path}`),
           )},
           coalesce(${pick(
             'f',
             FAILURES.map(([status]) => status),
           )}, CASE WHEN f IS NULL THEN 200 END),
           CASE WHEN f IS NULL THEN 'ok' ELSE 'failed' END,
           ${pick(
             'f',
             FAILURES.map(([, kind]) => kind),
           )}, ${pick(
             'f',
             FAILURES.map(([, , id]) => id),
           )},
           30 + CAST(-ln(1 - r / ${M}.0) * 150 AS INTEGER), 'r' || i,
           CASE WHEN e = ${POST_INDEX} AND f IS NULL THEN ${pick(`i % ${STATUSES.length}`, STATUSES)} END,
           CASE WHEN e = ${POST_INDEX} THEN 500 END
    FROM drawn
  `);
  for (let from = 0; from < calls; from += SLICE)
    insertCalls.run({ from, to: Math.min(calls, from + SLICE), seed: (42 + from) % M, start, step });
  db.exec('CREATE INDEX api_calls_at ON api_calls (at)');
  const every = Math.round(1 / ORDERS_PER_CALL);
  db.prepare(
    `INSERT INTO orders (reference_id, order_id, brand_id, amount_paise, status, source, intent_state, created_at, updated_at)
     WITH RECURSIVE g(i) AS (SELECT 0 UNION ALL SELECT i + ${every} FROM g WHERE i + ${every} < @calls)
     SELECT 'ref-' || i, 'ord-' || i, 'B1', 50000 + (i % 7) * 10000, ${pick(`(i >> 3) % ${STATUSES.length}`, STATUSES)},
            'console', 'resolved', CAST(@start + i * @step AS INTEGER), CAST(@start + i * @step AS INTEGER)
     FROM g`,
  ).run({ calls, start, step });
  db.prepare(
    `INSERT INTO wallet_samples (at, balance_paise, source)
     WITH RECURSIVE g(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM g WHERE k + 1 < @samples)
     SELECT @start + k * 300000, 9000000000 - (k + 1) * 100000, 'poll' FROM g`,
  ).run({ samples: (days * DAY_MS) / 300_000, start });
  const inserted = performance.now();
  const report = rebuildRollups(db);
  const rebuilt = performance.now();
  db.close();
  return {
    insertSeconds: (inserted - began) / 1000,
    rebuildSeconds: (rebuilt - inserted) / 1000,
    callMinutes: report.callMinutes,
    callHours: report.callHours,
    bytes: fs.statSync(file).size,
  };
}
