import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallLogWriter } from '../../../src/main/kernel/call-log/call-log-writer.ts';
import { HISTOGRAM_COLUMNS, bucketIndex } from '../../../src/main/kernel/call-log/metrics-rollup.ts';
import { rollUpNewOrders } from '../../../src/main/areas/metrics/order-rollups.ts';
import { rebuildRollups } from '../../../src/main/areas/metrics/rebuild-rollups.ts';
import { applyRetention, ROLLUP_RETENTION_DAYS } from '../../../src/main/kernel/call-log/retention.ts';
import { callRecord } from '../calls/call-records.ts';
import { failure } from '../calls/failures.ts';
import { openProfileDb } from './profile-db.ts';

// 22:55 UTC: two hours and a bit cross minute, hour and day (UTC) boundaries
const T0 = Date.UTC(2026, 10, 20, 22, 55, 0);
const ENDPOINTS = ['GET /v1/partners/wallet/balance', 'POST /v1/partners/orders', 'GET /v1/partners/orders/:orderId'];
const FAILURES = [
  null,
  { kind: 'business', errorId: 'E300', httpStatus: 400 },
  { kind: 'business', errorId: 'E150', httpStatus: 400 },
  { kind: 'rate-limit', errorId: 'E400', httpStatus: 400 },
  { kind: 'whitelisting', errorId: 'E004', httpStatus: 403 },
  { kind: 'timeout', errorId: null, httpStatus: null },
  { kind: 'server', errorId: null, httpStatus: 502 },
] as const;

const callArb = fc.record({
  // two hours and a bit: minute and hour boundaries are crossed
  offsetMs: fc.integer({ min: 0, max: 130 * 60_000 }),
  endpoint: fc.constantFrom(...ENDPOINTS),
  failure: fc.constantFrom(...FAILURES),
  // quarter milliseconds are exact in binary, so latency sums compare exactly whatever the summing order
  latencyQuarters: fc.oneof(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 60_000 })),
  orderStatus: fc.constantFrom(null, 'SUCCESS', 'FAILED', 'PROCESSING'),
  amount: fc.constantFrom(null, 500, 1250.5),
});
/** What an arbitrary generates. */
type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;
type CallInput = ValueOf<typeof callArb>;

const recordOf = (call: CallInput) =>
  callRecord({
    at: T0 + call.offsetMs,
    endpoint: call.endpoint,
    method: call.endpoint.split(' ')[0]!,
    path: call.endpoint.split(' ')[1]!.replace(':orderId', 'ORD1'),
    httpStatus: call.failure ? call.failure.httpStatus : 200,
    outcome: call.failure ? 'failed' : 'ok',
    failure: call.failure
      ? failure({ kind: call.failure.kind, errorId: call.failure.errorId, httpStatus: call.failure.httpStatus })
      : null,
    latencyMs: call.latencyQuarters / 4,
    orderStatus: call.orderStatus,
    amount: call.amount,
  });

interface RawCall {
  at: number;
  endpoint: string;
  http_status: number | null;
  outcome: string;
  error_kind: string | null;
  error_id: string | null;
  order_status: string | null;
  latency_ms: number;
  amount: number | null;
}

type Table =
  | 'metrics_minute'
  | 'metrics_endpoint_minute'
  | 'metrics_endpoint_hour'
  | 'metrics_endpoint_day'
  | 'metrics_error_minute'
  | 'metrics_error_hour';
const TABLES: readonly Table[] = [
  'metrics_minute',
  'metrics_endpoint_minute',
  'metrics_endpoint_hour',
  'metrics_endpoint_day',
  'metrics_error_minute',
  'metrics_error_hour',
];

/** Each rollup table computed the slow, obvious way over every raw row. */
function bruteForce(db: Database.Database, table: Table) {
  const rows = db.prepare('SELECT * FROM api_calls').all() as RawCall[];
  const time = table.endsWith('_day') ? 'day' : table.endsWith('_hour') ? 'hour' : 'minute';
  const size = { minute: 60_000, hour: 3_600_000, day: 86_400_000 }[time];
  const groups = new Map<string, Record<string, number | string>>();
  for (const row of rows) {
    const errorKind = row.error_kind ?? '';
    if (table.startsWith('metrics_error') && errorKind === '') continue;
    const t = Math.floor(row.at / size);
    const errorKey = row.error_id ?? row.error_kind ?? '';
    const dims: Record<string, number | string> =
      table === 'metrics_minute'
        ? {
            minute: t,
            endpoint: row.endpoint,
            http_status: row.http_status ?? 0,
            outcome: row.outcome,
            error_kind: errorKind,
            error_key: errorKey,
            order_status: row.order_status ?? '',
          }
        : table.startsWith('metrics_endpoint')
          ? { [time]: t, endpoint: row.endpoint }
          : { [time]: t, error_kind: errorKind, error_key: errorKey };
    const key = JSON.stringify(dims);
    let group = groups.get(key);
    if (!group) {
      group = { ...dims, calls: 0 };
      if (!table.startsWith('metrics_error')) {
        Object.assign(group, { latency_ms_sum: 0, latency_ms_max: 0 });
        for (const column of HISTOGRAM_COLUMNS) group[column] = 0;
      }
      if (table === 'metrics_minute') group['amount_sum'] = 0;
      if (table.startsWith('metrics_endpoint')) group['failed'] = 0;
      groups.set(key, group);
    }
    (group['calls'] as number) += 1;
    if (table.startsWith('metrics_error')) continue;
    (group['latency_ms_sum'] as number) += row.latency_ms;
    group['latency_ms_max'] = Math.max(group['latency_ms_max'] as number, row.latency_ms);
    (group[HISTOGRAM_COLUMNS[bucketIndex(row.latency_ms)]!] as number) += 1;
    if (table === 'metrics_minute') (group['amount_sum'] as number) += row.amount ?? 0;
    if (table.startsWith('metrics_endpoint') && errorKind !== '') (group['failed'] as number) += 1;
  }
  return sortRows([...groups.values()]);
}

const snapshot = (db: Database.Database) => Object.fromEntries(TABLES.map((table) => [table, tableRows(db, table)]));

const sortRows = (rows: Record<string, unknown>[]) =>
  rows
    .map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).sort(([a], [b]) => a.localeCompare(b)))))
    .sort();

const tableRows = (db: Database.Database, table: string) =>
  sortRows(db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]);

describe('call rollups', () => {
  it('the writer (incremental) equals the rebuild, and both equal a brute force over raw rows', () => {
    fc.assert(
      fc.property(fc.array(fc.array(callArb, { maxLength: 40 }), { maxLength: 8 }), (batches) => {
        const db = openProfileDb();
        const writer = new CallLogWriter(db);
        for (const batch of batches) {
          for (const call of batch) writer.record(recordOf(call));
          writer.flush();
        }
        const incremental = snapshot(db);
        for (const table of TABLES) expect(incremental[table], table).toEqual(bruteForce(db, table));
        rebuildRollups(db);
        expect(snapshot(db)).toEqual(incremental);
        writer.close();
        db.close();
      }),
      { numRuns: 40 },
    );
  });

  it('a rebuild keeps rollups of calls past retention and never rebuilds a minute retention cut into', () => {
    const db = openProfileDb();
    const writer = new CallLogWriter(db);
    const minute = Date.UTC(2026, 0, 1, 10, 0, 0);
    for (const offset of [1_000, 2_000, 61_000, 62_000, 3_700_000]) writer.record(callRecord({ at: minute + offset }));
    writer.flush();
    const before = snapshot(db);
    // retention deleted calls before minute + 61 500: the first minute entirely, the second one in part
    db.prepare('DELETE FROM api_calls WHERE at < ?').run(minute + 61_500);
    const report = rebuildRollups(db);
    expect(report.rebuiltFrom).toBe(minute + 120_000);
    expect(snapshot(db)).toEqual(before);
    writer.close();
    db.close();
  });

  it('retention prunes every call rollup table past the rollup retention, keeping the hour and day the cutoff is in', () => {
    const db = openProfileDb();
    const writer = new CallLogWriter(db);
    const now = Date.UTC(2026, 10, 20, 12, 30, 0);
    const cutoff = now - ROLLUP_RETENTION_DAYS * 86_400_000; // 12:30 UTC, 400 days ago
    for (const offset of [-86_400_000, -2 * 3_600_000, -60_000, 60_000])
      writer.record(callRecord({ at: cutoff + offset, outcome: 'failed', failure: failure({ kind: 'server' }) }));
    writer.flush();
    applyRetention(db, now);
    const starts = (table: string, column: string, size: number) =>
      (db.prepare(`SELECT ${column} FROM ${table} ORDER BY 1`).pluck().all() as number[]).map((t) => t * size);
    for (const table of ['metrics_minute', 'metrics_endpoint_minute', 'metrics_error_minute'])
      expect(starts(table, 'minute', 60_000), table).toEqual([cutoff + 60_000]);
    // 12:00–13:00 holds the cutoff: kept whole (with the call at 12:29); 10:00–11:00 is gone
    for (const table of ['metrics_endpoint_hour', 'metrics_error_hour'])
      expect(starts(table, 'hour', 3_600_000), table).toEqual([cutoff - 30 * 60_000]);
    expect(starts('metrics_endpoint_day', 'day', 86_400_000)).toEqual([cutoff - 12.5 * 3_600_000]);
    writer.close();
    db.close();
  });
});

// ---- orders: rows written the way the orders area writes them (a history row with every status change) ----

const STATUSES = ['INTENT', 'SUCCESS', 'FAILED', 'PROCESSING', 'REJECTED', 'REVERSED'] as const;
const orderOpArb = fc.oneof(
  fc.record({
    op: fc.constant('insert' as const),
    offsetMs: fc.integer({ min: 0, max: 130 * 60_000 }),
    status: fc.constantFrom(...STATUSES),
    amountPaise: fc.option(fc.integer({ min: 1, max: 5_000_000 }), { nil: null }),
  }),
  fc.record({ op: fc.constant('update' as const), pick: fc.nat(), status: fc.constantFrom(...STATUSES) }),
  fc.record({ op: fc.constant('rollup' as const) }),
);

function applyOrderOp(db: Database.Database, op: ValueOf<typeof orderOpArb>, ids: number[], at: number) {
  if (op.op === 'rollup') return void rollUpNewOrders(db);
  if (op.op === 'insert') {
    const id = Number(
      db
        .prepare(
          `INSERT INTO orders (reference_id, status, source, intent_state, amount_paise, created_at, updated_at)
           VALUES (?, ?, 'console', 'resolved', ?, ?, ?)`,
        )
        .run(`ref-${ids.length}-${at}`, op.status, op.amountPaise, T0 + op.offsetMs, at).lastInsertRowid,
    );
    db.prepare('INSERT INTO order_status_history (order_ref, status, at, source) VALUES (?, ?, ?, ?)').run(
      id,
      op.status,
      at,
      'place',
    );
    ids.push(id);
    return;
  }
  if (ids.length === 0) return;
  const id = ids[op.pick % ids.length]!;
  db.prepare('UPDATE orders SET status = ?, updated_at = ? WHERE id = ?').run(op.status, at, id);
  db.prepare('INSERT INTO order_status_history (order_ref, status, at, source) VALUES (?, ?, ?, ?)').run(
    id,
    op.status,
    at,
    'poll',
  );
}

function bruteForceOrders(db: Database.Database, unit: 'minute' | 'hour') {
  const rows = db.prepare('SELECT status, amount_paise, created_at FROM orders').all() as {
    status: string;
    amount_paise: number | null;
    created_at: number;
  }[];
  const groups = new Map<string, { t: number; status: string; orders: number; amount_paise: number }>();
  for (const row of rows) {
    const t = Math.floor(row.created_at / (unit === 'minute' ? 60_000 : 3_600_000));
    const key = `${t}|${row.status}`;
    const group = groups.get(key) ?? { t, status: row.status, orders: 0, amount_paise: 0 };
    group.orders += 1;
    group.amount_paise += row.amount_paise ?? 0;
    groups.set(key, group);
  }
  return sortRows([...groups.values()].map(({ t, ...rest }) => ({ [unit]: t, ...rest })));
}

describe('order rollups', () => {
  it('incremental runs since the watermark equal the rebuild and a brute force, whatever the interleaving', () => {
    fc.assert(
      fc.property(fc.array(orderOpArb, { maxLength: 60 }), (ops) => {
        const db = openProfileDb();
        const ids: number[] = [];
        ops.forEach((op, index) => applyOrderOp(db, op, ids, T0 + index));
        rollUpNewOrders(db);
        const incremental = {
          minute: tableRows(db, 'metrics_orders_minute'),
          hour: tableRows(db, 'metrics_orders_hour'),
        };
        expect(incremental.minute).toEqual(bruteForceOrders(db, 'minute'));
        expect(incremental.hour).toEqual(bruteForceOrders(db, 'hour'));
        rebuildRollups(db);
        expect(tableRows(db, 'metrics_orders_minute')).toEqual(incremental.minute);
        expect(tableRows(db, 'metrics_orders_hour')).toEqual(incremental.hour);
        db.close();
      }),
      { numRuns: 60 },
    );
  });

  it('an incremental run with nothing new touches nothing', () => {
    const db = openProfileDb();
    applyOrderOp(db, { op: 'insert', offsetMs: 0, status: 'SUCCESS', amountPaise: 100 }, [], T0);
    expect(rollUpNewOrders(db)).toBe(1);
    expect(rollUpNewOrders(db)).toBe(0);
    db.close();
  });
});
