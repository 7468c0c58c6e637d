import type Database from 'better-sqlite3';
import type { Annotation, Dashboard, DashboardInput, DrillDown } from '../../../shared/contract/metrics.ts';
import { HISTOGRAM_COLUMNS } from '../../kernel/call-log/metrics-rollup.ts';
import { percentileFromHistogram } from './latency-percentile.ts';
import { planBuckets, type BucketPlan } from './time-buckets.ts';

interface OrderRollupRow {
  t: number;
  status: string;
  orders: number;
  amount_paise: number;
}

/** One row of metrics_endpoint_minute/hour: calls, failures and the latency histogram of an endpoint in a bucket. */
interface EndpointRow {
  t: number;
  endpoint: string;
  calls: number;
  failed: number;
  latencySum: number;
  latencyMax: number;
  histogram: number[];
}

// A refresh every few seconds re-runs the same handful of statements: prepared once per database.
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
function statement(db: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}

/** A Calls filter fragment for an endpoint template (`GET /v1/partners/orders/:orderId` → `/v1/partners/orders/`). */
const pathOfEndpoint = (endpoint: string) => {
  const path = endpoint.slice(endpoint.indexOf(' ') + 1);
  const colon = path.indexOf(':');
  return colon === -1 ? path : path.slice(0, colon);
};

const callsDrill = (from: number, to: number, extra: { errorId?: string; path?: string } = {}): DrillDown => ({
  area: 'calls',
  filters: { from, to, ...extra },
});

const tableExists = (db: Database.Database, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

function orderSeries(db: Database.Database, plan: BucketPlan): Dashboard['orders'] {
  const rows = statement(
    db,
    `SELECT ${plan.column} AS t, status, orders, amount_paise FROM ${plan.orders}
       WHERE ${plan.column} >= ? AND ${plan.column} < ? ORDER BY ${plan.column}`,
  ).all(plan.first, plan.end) as OrderRollupRow[];
  const points: Dashboard['orders'] = [];
  for (const row of rows) {
    const at = row.t * plan.ms;
    let point = points.at(-1);
    if (!point || point.at !== at) {
      point = {
        at,
        success: 0,
        failed: 0,
        processing: 0,
        other: 0,
        successRate: null,
        orders: 0,
        amountPaise: 0,
        spentPaise: 0,
        drill: { area: 'orders', filters: { from: at, to: at + plan.ms } },
      };
      points.push(point);
    }
    point.orders += row.orders;
    point.amountPaise += row.amount_paise;
    if (row.status === 'SUCCESS') point.success += row.orders;
    else if (row.status === 'FAILED') point.failed += row.orders;
    else if (row.status === 'PROCESSING') point.processing += row.orders;
    else point.other += row.orders;
    // Debited and not refunded (Hubble refunds FAILED, REVERSED and CANCELLED; REJECTED never was debited).
    if (row.status === 'SUCCESS' || row.status === 'PROCESSING') point.spentPaise += row.amount_paise;
  }
  for (const point of points) {
    const decided = point.success + point.failed;
    point.successRate = decided === 0 ? null : point.success / decided;
  }
  return points;
}

function endpointRows(db: Database.Database, plan: BucketPlan): EndpointRow[] {
  // Raw arrays: thousands of rows of 30 columns each, read on every refresh.
  const rows = statement(
    db,
    `SELECT ${plan.column}, endpoint, calls, failed, latency_ms_sum, latency_ms_max, ${HISTOGRAM_COLUMNS.join(', ')}
     FROM ${plan.endpoints} WHERE ${plan.column} >= ? AND ${plan.column} < ? ORDER BY ${plan.column}, endpoint`,
  )
    .raw()
    .all(plan.first, plan.end) as [number, string, number, number, number, number, ...number[]][];
  return rows.map((row) => ({
    t: row[0],
    endpoint: row[1],
    calls: row[2],
    failed: row[3],
    latencySum: row[4],
    latencyMax: row[5],
    histogram: row.slice(6) as number[],
  }));
}

function errorSeries(db: Database.Database, plan: BucketPlan, endpoints: readonly EndpointRow[]): Dashboard['errors'] {
  const points = new Map<number, Dashboard['errors'][number]>();
  for (const row of endpoints) {
    const at = row.t * plan.ms;
    let point = points.get(at);
    if (!point) {
      point = { at, calls: 0, failed: 0, byKind: {}, drill: callsDrill(at, at + plan.ms) };
      points.set(at, point);
    }
    point.calls += row.calls;
    point.failed += row.failed;
  }
  // Summed in SQLite along the primary key (time, kind, …): no sort, and one row per bucket and kind reaches JS.
  const kinds = statement(
    db,
    `SELECT ${plan.column}, error_kind, sum(calls) FROM ${plan.errors}
     WHERE ${plan.column} >= ? AND ${plan.column} < ? GROUP BY ${plan.column}, error_kind`,
  )
    .raw()
    .all(plan.first, plan.end) as [number, string, number][];
  for (const [t, kind, calls] of kinds) {
    const point = points.get(t * plan.ms);
    if (point) point.byKind[kind] = calls;
  }
  return [...points.values()];
}

const latencyOf = (calls: number, sum: number, max: number, histogram: number[]) => ({
  calls,
  avgMs: calls === 0 ? 0 : sum / calls,
  p50Ms: percentileFromHistogram(histogram, 0.5, max),
  p95Ms: percentileFromHistogram(histogram, 0.95, max),
});

function latencyByEndpoint(endpoints: readonly EndpointRow[], from: number, to: number): Dashboard['latency'] {
  const totals = new Map<string, { calls: number; sum: number; max: number; histogram: number[] }>();
  for (const row of endpoints) {
    let total = totals.get(row.endpoint);
    if (!total) {
      total = { calls: 0, sum: 0, max: 0, histogram: HISTOGRAM_COLUMNS.map(() => 0) };
      totals.set(row.endpoint, total);
    }
    total.calls += row.calls;
    total.sum += row.latencySum;
    total.max = Math.max(total.max, row.latencyMax);
    row.histogram.forEach((count, index) => (total.histogram[index]! += count));
  }
  return [...totals]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([endpoint, total]) => ({
      endpoint,
      ...latencyOf(total.calls, total.sum, total.max, total.histogram),
      maxMs: total.max,
      drill: callsDrill(from, to, { path: pathOfEndpoint(endpoint) }),
    }));
}

const latencySeries = (plan: BucketPlan, endpoints: readonly EndpointRow[]): Dashboard['latencySeries'] =>
  endpoints.map((row) => ({
    at: row.t * plan.ms,
    endpoint: row.endpoint,
    ...latencyOf(row.calls, row.latencySum, row.latencyMax, row.histogram),
  }));

const TOP_ERRORS = 10;

function topErrors(db: Database.Database, plan: BucketPlan, from: number, to: number): Dashboard['topErrors'] {
  const rows = statement(
    db,
    `SELECT error_kind AS kind, error_key AS key, sum(calls) AS calls, max(${plan.column}) AS last
     FROM ${plan.errors} WHERE ${plan.column} >= ? AND ${plan.column} < ?
     GROUP BY error_kind, error_key ORDER BY calls DESC, key LIMIT ${TOP_ERRORS}`,
  ).all(plan.first, plan.end) as { kind: string; key: string; calls: number; last: number }[];
  return rows.map((row) => ({
    kind: row.kind,
    errorKey: row.key,
    calls: row.calls,
    lastAt: row.last * plan.ms,
    drill: callsDrill(from, to, { errorId: row.key }),
  }));
}

/** The last sample of each bucket (samples come in time order from the index). */
function walletSeries(db: Database.Database, plan: BucketPlan): Dashboard['wallet'] {
  const rows = statement(db, 'SELECT at, balance_paise FROM wallet_samples WHERE at >= ? AND at < ? ORDER BY at')
    .raw()
    .all(plan.first * plan.ms, plan.end * plan.ms) as [number, number][];
  const points: Dashboard['wallet'] = [];
  for (const [at, balancePaise] of rows) {
    const bucket = Math.floor(at / plan.ms) * plan.ms;
    const last = points.at(-1);
    if (last && last.at === bucket) last.balancePaise = balancePaise;
    else points.push({ at: bucket, balancePaise });
  }
  return points;
}

const rupees = (paise: number) =>
  `₹${(paise / 100).toLocaleString('en-IN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })}`;

function annotations(db: Database.Database, plan: BucketPlan): Annotation[] {
  const from = plan.first * plan.ms;
  const to = plan.end * plan.ms;
  const topUps = (
    statement(db, 'SELECT at, amount_paise FROM wallet_topups WHERE at >= ? AND at < ? ORDER BY at').all(from, to) as {
      at: number;
      amount_paise: number;
    }[]
  ).map((row): Annotation => ({
    at: row.at,
    kind: 'top-up',
    text: `Wallet topped up by ${rupees(row.amount_paise)}`,
    drill: null,
  }));
  const alerts = (
    statement(
      db,
      `SELECT at, event, rule_name, message FROM alert_events
         WHERE at >= ? AND at < ? AND event IN ('fired', 'resolved') ORDER BY at`,
    ).all(from, to) as { at: number; event: 'fired' | 'resolved'; rule_name: string; message: string }[]
  ).map((row): Annotation => ({
    at: row.at,
    kind: row.event === 'fired' ? 'alert-fired' : 'alert-resolved',
    text: `${row.event === 'fired' ? 'Alert' : 'Resolved'}: ${row.rule_name} — ${row.message}`,
    drill: callsDrill(
      Math.floor(row.at / 60_000) * 60_000 - 15 * 60_000,
      Math.floor(row.at / 60_000) * 60_000 + 60_000,
    ),
  }));
  return [...topUps, ...alerts].sort((a, b) => a.at - b.at);
}

function sources(db: Database.Database): Dashboard['sources'] {
  const has = (sql: string) => db.prepare(sql).get() !== undefined;
  const webhooks = !tableExists(db, 'webhook_events')
    ? 'absent'
    : has('SELECT 1 FROM webhook_events LIMIT 1')
      ? 'has-data'
      : 'empty';
  return {
    calls: has('SELECT 1 FROM metrics_endpoint_minute LIMIT 1'),
    orders: has('SELECT 1 FROM orders LIMIT 1'),
    walletSamples: has('SELECT 1 FROM wallet_samples LIMIT 1'),
    alerts: has('SELECT 1 FROM alert_rules LIMIT 1'),
    webhooks,
  };
}

/** Every panel of the dashboard, from rollups only: its cost follows the number of buckets, not of calls. */
export function queryDashboard(db: Database.Database, input: DashboardInput): Dashboard {
  const plan = planBuckets(input.from, input.to, input.bucket);
  return db.transaction((): Dashboard => {
    const endpoints = endpointRows(db, plan);
    return {
      from: plan.first * plan.ms,
      to: plan.end * plan.ms,
      bucket: plan.size,
      bucketMs: plan.ms,
      sources: sources(db),
      orders: orderSeries(db, plan),
      latency: latencyByEndpoint(endpoints, input.from, input.to),
      latencySeries: latencySeries(plan, endpoints),
      errors: errorSeries(db, plan, endpoints),
      topErrors: topErrors(db, plan, input.from, input.to),
      wallet: walletSeries(db, plan),
      annotations: annotations(db, plan),
    };
  })();
}
