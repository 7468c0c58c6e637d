import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryDashboard } from '../../../src/main/areas/metrics/dashboard-query.ts';
import { percentileFromHistogram } from '../../../src/main/areas/metrics/latency-percentile.ts';
import { rollUpNewOrders } from '../../../src/main/areas/metrics/order-rollups.ts';
import { CallLogWriter } from '../../../src/main/kernel/call-log/call-log-writer.ts';
import { bucketIndex, HISTOGRAM_COLUMNS, LATENCY_BUCKETS } from '../../../src/main/kernel/call-log/metrics-rollup.ts';
import { metricsOperations } from '../../../src/shared/contract/metrics.ts';
import { callRecord } from '../calls/call-records.ts';
import { failure } from '../calls/failures.ts';
import { openProfileDb } from './profile-db.ts';

const T0 = Date.UTC(2026, 10, 20, 9, 0, 0);
const KINDS = [null, 'business', 'timeout', 'rate-limit', 'server'] as const;

describe('dashboard panels read rollups and agree with a brute force over raw rows', () => {
  it('errors by kind, latency per endpoint and orders by status, per bucket', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            offsetMs: fc.integer({ min: 0, max: 3 * 3_600_000 }),
            kind: fc.constantFrom(...KINDS),
            endpoint: fc.constantFrom('GET /v1/partners/wallet/balance', 'POST /v1/partners/orders'),
            latency: fc.integer({ min: 0, max: 4000 }),
          }),
          { maxLength: 120 },
        ),
        fc.array(
          fc.record({
            offsetMs: fc.integer({ min: 0, max: 3 * 3_600_000 }),
            status: fc.constantFrom('SUCCESS', 'FAILED', 'PROCESSING', 'REJECTED'),
            amount: fc.integer({ min: 1, max: 10_000_00 }),
          }),
          { maxLength: 60 },
        ),
        fc.constantFrom('minute' as const, 'hour' as const),
        (calls, orders, bucket) => {
          const db = openProfileDb();
          const writer = new CallLogWriter(db);
          for (const call of calls) {
            writer.record(
              callRecord({
                at: T0 + call.offsetMs,
                endpoint: call.endpoint,
                latencyMs: call.latency,
                outcome: call.kind ? 'failed' : 'ok',
                failure: call.kind
                  ? failure({ kind: call.kind, errorId: call.kind === 'business' ? 'E300' : null })
                  : null,
              }),
            );
          }
          writer.flush();
          orders.forEach((order, index) => {
            const id = db
              .prepare(
                `INSERT INTO orders (reference_id, status, source, intent_state, amount_paise, created_at, updated_at)
                 VALUES (?, ?, 'console', 'resolved', ?, ?, ?)`,
              )
              .run(`r${index}`, order.status, order.amount, T0 + order.offsetMs, T0).lastInsertRowid;
            db.prepare(
              `INSERT INTO order_status_history (order_ref, status, at, source) VALUES (?, ?, ?, 'place')`,
            ).run(id, order.status, T0);
          });
          rollUpNewOrders(db);
          const dashboard = queryDashboard(db, { from: T0, to: T0 + 3 * 3_600_000 + 1, bucket });
          const size = bucket === 'minute' ? 60_000 : 3_600_000;
          const raw = db.prepare('SELECT at, endpoint, error_kind, error_id, latency_ms FROM api_calls').all() as {
            at: number;
            endpoint: string;
            error_kind: string | null;
            error_id: string | null;
            latency_ms: number;
          }[];

          // errors stacked by kind, per bucket
          const expectedErrors = new Map<number, { calls: number; failed: number; byKind: Record<string, number> }>();
          for (const row of raw) {
            const at = Math.floor(row.at / size) * size;
            const point = expectedErrors.get(at) ?? { calls: 0, failed: 0, byKind: {} };
            point.calls += 1;
            if (row.error_kind) {
              point.failed += 1;
              point.byKind[row.error_kind] = (point.byKind[row.error_kind] ?? 0) + 1;
            }
            expectedErrors.set(at, point);
          }
          expect(dashboard.errors.map(({ at, calls, failed, byKind }) => [at, { calls, failed, byKind }])).toEqual(
            [...expectedErrors].sort(([a], [b]) => a - b),
          );

          // latency per endpoint over the range: count, average, max, and p95 inside the right bucket
          for (const row of dashboard.latency) {
            const latencies = raw
              .filter((call) => call.endpoint === row.endpoint)
              .map((call) => call.latency_ms)
              .sort((a, b) => a - b);
            expect(row.calls).toBe(latencies.length);
            expect(row.avgMs).toBeCloseTo(latencies.reduce((sum, value) => sum + value, 0) / latencies.length, 9);
            expect(row.maxMs).toBe(latencies.at(-1));
            const exactP95 = latencies[Math.max(0, Math.ceil(0.95 * latencies.length) - 1)]!;
            const bucketOf = (value: number) => LATENCY_BUCKETS.findIndex((bound) => value <= bound);
            const upper = LATENCY_BUCKETS[bucketOf(exactP95)] ?? Infinity;
            const lower = bucketOf(exactP95) <= 0 ? 0 : LATENCY_BUCKETS[bucketOf(exactP95) - 1]!;
            expect(row.p95Ms!).toBeGreaterThanOrEqual(lower);
            expect(row.p95Ms!).toBeLessThanOrEqual(Math.min(upper, latencies.at(-1)!));
          }

          // top errors: count per (kind, key)
          const expectedTop = new Map<string, number>();
          for (const row of raw.filter((call) => call.error_kind)) {
            const key = `${row.error_kind}|${row.error_id ?? row.error_kind}`;
            expectedTop.set(key, (expectedTop.get(key) ?? 0) + 1);
          }
          expect(
            Object.fromEntries(dashboard.topErrors.map((row) => [`${row.kind}|${row.errorKey}`, row.calls])),
          ).toEqual(Object.fromEntries(expectedTop));

          // orders: success rate and amounts per bucket
          const expectedOrders = new Map<
            number,
            { success: number; failed: number; orders: number; spentPaise: number }
          >();
          for (const order of orders) {
            const at = Math.floor((T0 + order.offsetMs) / size) * size;
            const point = expectedOrders.get(at) ?? { success: 0, failed: 0, orders: 0, spentPaise: 0 };
            point.orders += 1;
            if (order.status === 'SUCCESS') point.success += 1;
            if (order.status === 'FAILED') point.failed += 1;
            if (order.status === 'SUCCESS' || order.status === 'PROCESSING') point.spentPaise += order.amount;
            expectedOrders.set(at, point);
          }
          expect(
            dashboard.orders.map(({ at, success, failed, orders: count, spentPaise }) => [
              at,
              { success, failed, orders: count, spentPaise },
            ]),
          ).toEqual([...expectedOrders].sort(([a], [b]) => a - b));
          for (const point of dashboard.orders) {
            const decided = point.success + point.failed;
            expect(point.successRate).toBe(decided === 0 ? null : point.success / decided);
            expect(point.drill).toEqual({ area: 'orders', filters: { from: point.at, to: point.at + size } });
          }
          expect(metricsOperations.dashboard.output.safeParse(dashboard).success).toBe(true);
          writer.close();
          db.close();
        },
      ),
      { numRuns: 25 },
    );
  });

  it('the latency series over coarser steps on long ranges (a day over 30 days: day rows plus the partial edge days)', () => {
    const DAY = 86_400_000;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            offsetMs: fc.integer({ min: 0, max: 32 * DAY }),
            endpoint: fc.constantFrom('GET /v1/partners/wallet/balance', 'POST /v1/partners/orders'),
            latency: fc.integer({ min: 0, max: 4000 }),
          }),
          { maxLength: 150 },
        ),
        fc.integer({ min: 0, max: 2 * DAY }),
        fc.constantFrom(
          { rangeMs: 30 * DAY, stepMs: DAY },
          { rangeMs: 7 * DAY, stepMs: 3_600_000 },
          { rangeMs: 12 * 3_600_000, stepMs: 5 * 60_000 },
        ),
        (calls, fromOffset, { rangeMs, stepMs }) => {
          const db = openProfileDb();
          const writer = new CallLogWriter(db);
          for (const call of calls)
            writer.record(callRecord({ at: T0 + call.offsetMs, endpoint: call.endpoint, latencyMs: call.latency }));
          writer.flush();
          const from = T0 + fromOffset;
          const dashboard = queryDashboard(db, { from, to: from + rangeMs });
          expect(dashboard.latencyBucketMs).toBe(stepMs);
          const inRange = calls
            .map((call) => ({ ...call, at: T0 + call.offsetMs }))
            .filter((call) => call.at >= dashboard.from && call.at < dashboard.to);
          const expected = new Map<string, number[]>();
          for (const call of inRange) {
            const key = `${Math.floor(call.at / stepMs) * stepMs} ${call.endpoint}`;
            expected.set(key, [...(expected.get(key) ?? []), call.latency]);
          }
          const histogramOf = (latencies: number[]) => {
            const counts = HISTOGRAM_COLUMNS.map(() => 0);
            for (const latency of latencies) counts[bucketIndex(latency)]! += 1;
            return counts;
          };
          expect(dashboard.latencySeries.map((point) => `${point.at} ${point.endpoint}`)).toEqual(
            [...expected.keys()].sort((a, b) => {
              const [atA, endpointA] = a.split(' ', 2);
              const [atB, endpointB] = b.split(' ', 2);
              return Number(atA) - Number(atB) || (endpointA! < endpointB! ? -1 : endpointA! > endpointB! ? 1 : 0);
            }),
          );
          for (const point of dashboard.latencySeries) {
            const latencies = expected.get(`${point.at} ${point.endpoint}`)!;
            const max = Math.max(...latencies);
            expect(point.calls).toBe(latencies.length);
            expect(point.avgMs).toBeCloseTo(latencies.reduce((sum, value) => sum + value, 0) / latencies.length, 9);
            expect(point.p50Ms).toBe(percentileFromHistogram(histogramOf(latencies), 0.5, max));
            expect(point.p95Ms).toBe(percentileFromHistogram(histogramOf(latencies), 0.95, max));
          }
          // the per-endpoint rows cover the range exactly, edges included
          for (const row of dashboard.latency) {
            const latencies = inRange.filter((call) => call.endpoint === row.endpoint).map((call) => call.latency);
            expect(row.calls).toBe(latencies.length);
            expect(row.p95Ms).toBe(percentileFromHistogram(histogramOf(latencies), 0.95, Math.max(...latencies)));
          }
          writer.close();
          db.close();
        },
      ),
      { numRuns: 30 },
    );
  });

  it('picks hour buckets above two days and says which sources are empty', () => {
    const db = openProfileDb();
    const twoDays = queryDashboard(db, { from: T0, to: T0 + 2 * 86_400_000 });
    const more = queryDashboard(db, { from: T0, to: T0 + 2 * 86_400_000 + 1 });
    expect([twoDays.bucket, more.bucket]).toEqual(['minute', 'hour']);
    // the receiver's table exists once its migration is registered: empty, then with data
    const hasReceiverTable =
      db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'webhook_events'").get() !== undefined;
    expect(more.sources).toEqual({
      calls: false,
      orders: false,
      walletSamples: false,
      alerts: false,
      webhooks: hasReceiverTable ? 'empty' : 'absent',
    });
    db.exec('DROP TABLE IF EXISTS webhook_events');
    expect(queryDashboard(db, { from: T0, to: T0 + 1 }).sources.webhooks).toBe('absent');
    db.close();
  });

  it('estimates percentiles inside the bucket that holds them, never above the maximum', () => {
    const counts = HISTOGRAM_COLUMNS.map(() => 0);
    counts[LATENCY_BUCKETS.indexOf(250)] = 90; // (200, 250]
    counts[LATENCY_BUCKETS.indexOf(1000)] = 10; // (750, 1000]
    expect(percentileFromHistogram(counts, 0.5, 900)).toBeCloseTo(200 + 50 * (50 / 90), 9);
    expect(percentileFromHistogram(counts, 0.95, 900)).toBeCloseTo(750 + 250 * 0.5, 9);
    expect(percentileFromHistogram(counts, 1, 900)).toBe(900);
    expect(
      percentileFromHistogram(
        HISTOGRAM_COLUMNS.map(() => 0),
        0.5,
        0,
      ),
    ).toBeNull();
  });
});

describe('dashboard input', () => {
  it('is strict, ordered, and caps minute buckets at 7 days and ranges at 400 days', () => {
    const input = metricsOperations.dashboard.input;
    const day = 86_400_000;
    expect(input.safeParse({ from: 0, to: day }).success).toBe(true);
    expect(input.safeParse({ from: 0, to: day, extra: 1 }).success).toBe(false);
    expect(input.safeParse({ from: day, to: day }).success).toBe(false);
    expect(input.safeParse({ from: 0, to: 7 * day, bucket: 'minute' }).success).toBe(true);
    expect(input.safeParse({ from: 0, to: 7 * day + 1, bucket: 'minute' }).success).toBe(false);
    expect(input.safeParse({ from: 0, to: 401 * day }).success).toBe(false);
  });
});
