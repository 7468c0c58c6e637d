import type Database from 'better-sqlite3';
import type { Annotation, Dashboard, DashboardInput, DrillDown } from '../../../shared/contract/metrics.ts';
import { HISTOGRAM_COLUMNS } from '../../kernel/call-log/metrics-rollup.ts';
import { percentileFromHistogram } from './latency-percentile.ts';
import { planBuckets, type BucketPlan } from './time-buckets.ts';

/**
 * One row of the latency series as SQLite sums it: a step (a whole number of buckets), an endpoint, calls,
 * latency sum and max, then the histogram counts. Raw arrays: only the columns the panels need cross into JS.
 */
type LatencyRow = [
  step: number,
  endpoint: string,
  calls: number,
  latencySum: number,
  latencyMax: number,
  ...histogram: number[],
];
const HISTOGRAM_AT = 5;

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

function orderSeries(db: Database.Database, plan: BucketPlan): Dashboard['orders'] {
  const rows = statement(
    db,
    `SELECT ${plan.column}, status, orders, amount_paise FROM ${plan.orders}
       WHERE ${plan.column} >= ? AND ${plan.column} < ? ORDER BY ${plan.column}`,
  )
    .raw()
    .all(plan.first, plan.end) as [number, string, number, number][];
  const points: Dashboard['orders'] = [];
  for (const [t, status, orders, amountPaise] of rows) {
    const at = t * plan.ms;
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
    point.orders += orders;
    point.amountPaise += amountPaise;
    if (status === 'SUCCESS') point.success += orders;
    else if (status === 'FAILED') point.failed += orders;
    else if (status === 'PROCESSING') point.processing += orders;
    else point.other += orders;
    // Debited and not refunded (Hubble refunds FAILED, REVERSED and CANCELLED; REJECTED never was debited).
    if (status === 'SUCCESS' || status === 'PROCESSING') point.spentPaise += amountPaise;
  }
  for (const point of points) {
    const decided = point.success + point.failed;
    point.successRate = decided === 0 ? null : point.success / decided;
  }
  return points;
}

const LATENCY_SUMS = `sum(calls), total(latency_ms_sum), max(latency_ms_max), ${HISTOGRAM_COLUMNS.map((column) => `sum(${column})`).join(', ')}`;
const ENDPOINT_COLUMNS = `endpoint, calls, latency_ms_sum, latency_ms_max, ${HISTOGRAM_COLUMNS.join(', ')}`;

/**
 * Per latency step and endpoint, summed by SQLite along the primary key (time, endpoint). Day steps read the day
 * rows for the whole days of the range and the hour rows of a partial first and last day.
 */
function latencyRows(db: Database.Database, plan: BucketPlan): LatencyRow[] {
  if (plan.column === 'hour' && plan.latencyStep === 24) {
    const firstDay = Math.ceil(plan.first / 24);
    const endDay = Math.max(firstDay, Math.floor(plan.end / 24));
    return statement(
      db,
      `SELECT day, endpoint, ${LATENCY_SUMS} FROM (
         SELECT day, ${ENDPOINT_COLUMNS} FROM metrics_endpoint_day WHERE day >= @firstDay AND day < @endDay
         UNION ALL
         SELECT hour / 24 AS day, ${ENDPOINT_COLUMNS} FROM metrics_endpoint_hour
           WHERE hour >= @first AND hour < min(@end, @firstDay * 24)
         UNION ALL
         SELECT hour / 24 AS day, ${ENDPOINT_COLUMNS} FROM metrics_endpoint_hour
           WHERE hour >= max(@first, @endDay * 24) AND hour < @end
       ) GROUP BY day, endpoint`,
    )
      .raw()
      .all({ first: plan.first, end: plan.end, firstDay, endDay }) as LatencyRow[];
  }
  const step = plan.latencyStep === 1 ? plan.column : `${plan.column} / ${plan.latencyStep}`;
  return statement(
    db,
    `SELECT ${step}, endpoint, ${LATENCY_SUMS}
     FROM ${plan.endpoints} WHERE ${plan.column} >= ? AND ${plan.column} < ? GROUP BY ${step}, endpoint`,
  )
    .raw()
    .all(plan.first, plan.end) as LatencyRow[];
}

function errorSeries(db: Database.Database, plan: BucketPlan): Dashboard['errors'] {
  const totals = statement(
    db,
    `SELECT ${plan.column}, sum(calls), sum(failed) FROM ${plan.endpoints}
     WHERE ${plan.column} >= ? AND ${plan.column} < ? GROUP BY ${plan.column}`,
  )
    .raw()
    .all(plan.first, plan.end) as [number, number, number][];
  const points: Dashboard['errors'] = [];
  const byBucket = new Map<number, Dashboard['errors'][number]>();
  for (const [t, calls, failed] of totals) {
    const at = t * plan.ms;
    const point = { at, calls, failed, byKind: {}, drill: callsDrill(at, at + plan.ms) };
    points.push(point);
    byBucket.set(t, point);
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
    const point = byBucket.get(t);
    if (point) point.byKind[kind] = calls;
  }
  return points;
}

const histogramOf = (row: LatencyRow) => row.slice(HISTOGRAM_AT) as number[];

const latencyOf = (calls: number, sum: number, max: number, histogram: readonly number[]) => ({
  calls,
  avgMs: calls === 0 ? 0 : sum / calls,
  p50Ms: percentileFromHistogram(histogram, 0.5, max),
  p95Ms: percentileFromHistogram(histogram, 0.95, max),
});

function latencyByEndpoint(rows: readonly LatencyRow[], from: number, to: number): Dashboard['latency'] {
  const totals = new Map<string, { calls: number; sum: number; max: number; histogram: number[] }>();
  for (const row of rows) {
    const endpoint = row[1];
    let total = totals.get(endpoint);
    if (!total) {
      total = { calls: 0, sum: 0, max: 0, histogram: HISTOGRAM_COLUMNS.map(() => 0) };
      totals.set(endpoint, total);
    }
    total.calls += row[2];
    total.sum += row[3];
    total.max = Math.max(total.max, row[4]);
    for (let index = 0; index < HISTOGRAM_COLUMNS.length; index += 1)
      total.histogram[index]! += row[HISTOGRAM_AT + index] as number;
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

const latencySeries = (plan: BucketPlan, rows: readonly LatencyRow[]): Dashboard['latencySeries'] => {
  const stepMs = plan.latencyStep * plan.ms;
  return rows.map((row) => ({
    at: row[0] * stepMs,
    endpoint: row[1],
    ...latencyOf(row[2], row[3], row[4], histogramOf(row)),
  }));
};

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
  const has = (sql: string) => statement(db, sql).get() !== undefined;
  const webhooks = !has("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'webhook_events'")
    ? 'absent'
    : // prepared afresh: the table may have come or gone since the cached statements were prepared
      db.prepare('SELECT 1 FROM webhook_events LIMIT 1').get() !== undefined
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
    const latency = latencyRows(db, plan);
    return {
      from: plan.first * plan.ms,
      to: plan.end * plan.ms,
      bucket: plan.size,
      bucketMs: plan.ms,
      latencyBucketMs: plan.latencyStep * plan.ms,
      sources: sources(db),
      orders: orderSeries(db, plan),
      latency: latencyByEndpoint(latency, input.from, input.to),
      latencySeries: latencySeries(plan, latency),
      errors: errorSeries(db, plan),
      topErrors: topErrors(db, plan, input.from, input.to),
      wallet: walletSeries(db, plan),
      annotations: annotations(db, plan),
    };
  })();
}
