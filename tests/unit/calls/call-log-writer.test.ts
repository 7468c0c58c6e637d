import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CallLogWriter } from '../../../src/main/kernel/call-log/call-log-writer.ts';
import type Database from 'better-sqlite3';
import { ProfileDatabases } from '../../../src/main/store/profile-store.ts';
import { useTempDir } from '../../fixtures/temp-dir.ts';
import { callRecord } from './call-records.ts';

const tempDir = useTempDir();
let opened: Database.Database | undefined;
afterEach(() => void opened?.close());

const open = () => {
  opened = new ProfileDatabases(path.join(tempDir())).open('staging-1');
  return opened;
};
const countRows = (db: ReturnType<typeof open>) =>
  (db.prepare('SELECT count(*) AS n FROM api_calls').get() as { n: number }).n;

describe('CallLogWriter', () => {
  it('queues on record and writes nothing until a flush', () => {
    const db = open();
    const writer = new CallLogWriter(db, { flushIntervalMs: 60_000 });
    writer.record(callRecord());
    writer.record(callRecord());
    expect(countRows(db)).toBe(0);
    expect(writer.pending).toBe(2);
    expect(writer.flush()).toBe(2);
    expect(countRows(db)).toBe(2);
    writer.close();
  });

  it('flushes by itself on the timer and when a batch fills, announcing what it wrote', async () => {
    const db = open();
    const flushed: number[] = [];
    let announce: () => void = () => {};
    const writer = new CallLogWriter(db, {
      flushIntervalMs: 5,
      maxBatch: 3,
      onFlushed: (rows) => (flushed.push(rows), announce()),
    });
    const next = () => new Promise<void>((resolve) => (announce = resolve));
    let done = next();
    writer.record(callRecord());
    await done;
    expect(flushed).toEqual([1]);
    done = next();
    for (let i = 0; i < 3; i += 1) writer.record(callRecord());
    await done;
    expect(flushed).toEqual([1, 3]);
    expect(countRows(db)).toBe(4);
    writer.close();
  });

  it('writes what is queued on close and ignores later records', () => {
    const db = open();
    const writer = new CallLogWriter(db, { flushIntervalMs: 60_000 });
    writer.record(callRecord());
    writer.close();
    writer.record(callRecord());
    expect(countRows(db)).toBe(1);
  });

  it('redacts bodies before writing and keeps the lookup columns', () => {
    const db = open();
    const writer = new CallLogWriter(db, { knownSecrets: () => ['profile-webhook-secret'] });
    writer.record(
      callRecord({
        method: 'POST',
        path: '/v1/partners/orders',
        endpoint: 'POST /v1/partners/orders',
        requestBody: {
          productId: 'p',
          referenceId: 'ref-1',
          amount: 500,
          customerDetails: { phoneNumber: '9876543210', email: 'x@y.com', name: 'profile-webhook-secret' },
        },
        responseJson: {
          id: 'ord-1',
          referenceId: 'ref-1',
          status: 'SUCCESS',
          vouchers: [{ id: 'v', cardNumber: '5333644476668777', cardPin: '123456', amount: 500 }],
        },
        orderId: 'ord-1',
        referenceId: 'ref-1',
        orderStatus: 'SUCCESS',
        amount: 500,
      }),
    );
    writer.flush();
    const row = db.prepare('SELECT * FROM api_calls').get() as Record<string, string>;
    expect(row['order_id']).toBe('ord-1');
    expect(row['reference_id']).toBe('ref-1');
    expect(row['response_body']).not.toContain('5333644476668777');
    expect(row['response_body']).not.toContain('123456');
    expect(row['request_body']).toContain('98******10');
    expect(row['request_body']).not.toContain('profile-webhook-secret');
    writer.close();
  });

  it('rolls calls up per minute, endpoint, status, error and order status', () => {
    const db = open();
    const writer = new CallLogWriter(db);
    const minute = Date.UTC(2024, 4, 1, 10, 0, 0);
    writer.record(callRecord({ at: minute + 1_000, latencyMs: 40 }));
    writer.record(callRecord({ at: minute + 2_000, latencyMs: 300 }));
    writer.record(callRecord({ at: minute + 61_000, latencyMs: 20_000 }));
    writer.record(
      callRecord({
        at: minute + 3_000,
        method: 'POST',
        endpoint: 'POST /v1/partners/orders',
        httpStatus: 400,
        outcome: 'failed',
        failure: {
          kind: 'business',
          requestId: 'r',
          method: 'POST',
          path: '/v1/partners/orders',
          httpStatus: 400,
          errorId: 'E300',
          errorCode: 'INSUFFICIENT_BALANCE',
          hubbleMessage: 'Insufficient wallet balance',
          serverRequestId: null,
          title: 't',
          explanation: 'e',
          nextStep: 'n',
          transient: false,
          timeoutPhase: null,
          detail: null,
        },
        amount: 700,
      }),
    );
    writer.flush();
    writer.record(callRecord({ at: minute + 4_000, latencyMs: 60 }));
    writer.flush();
    const rows = db
      .prepare(
        'SELECT minute, endpoint, http_status, outcome, error_key, calls, latency_ms_sum, latency_ms_max, le_50, le_300, gt_10000, amount_sum FROM metrics_minute ORDER BY minute, endpoint',
      )
      .all();
    expect(rows).toEqual([
      {
        minute: minute / 60_000,
        endpoint: 'GET /v1/partners/wallet/balance',
        http_status: 200,
        outcome: 'ok',
        error_key: '',
        calls: 3,
        latency_ms_sum: 400,
        latency_ms_max: 300,
        le_50: 1,
        le_300: 1,
        gt_10000: 0,
        amount_sum: 0,
      },
      {
        minute: minute / 60_000,
        endpoint: 'POST /v1/partners/orders',
        http_status: 400,
        outcome: 'failed',
        error_key: 'E300',
        calls: 1,
        latency_ms_sum: 42,
        latency_ms_max: 42,
        le_50: 1,
        le_300: 0,
        gt_10000: 0,
        amount_sum: 700,
      },
      {
        minute: minute / 60_000 + 1,
        endpoint: 'GET /v1/partners/wallet/balance',
        http_status: 200,
        outcome: 'ok',
        error_key: '',
        calls: 1,
        latency_ms_sum: 20_000,
        latency_ms_max: 20_000,
        le_50: 0,
        le_300: 0,
        gt_10000: 1,
        amount_sum: 0,
      },
    ]);
    writer.close();
  });
});

describe('CallLogWriter when SQLite keeps failing', () => {
  it('sheds only routine reads, keeps every call that touched an order, and reports each shed', () => {
    const db = open();
    const errors: string[] = [];
    const writer = new CallLogWriter(db, {
      flushIntervalMs: 60_000,
      maxBatch: 1_000,
      maxQueue: 3,
      onError: (error) => errors.push(String(error)),
    });
    db.exec('ALTER TABLE api_calls RENAME TO api_calls_unavailable');
    const order = callRecord({
      method: 'POST',
      path: '/v1/partners/orders',
      referenceId: 'ref-kept',
      outcome: 'unknown',
    });
    writer.record(callRecord({ path: '/v1/partners/wallet/balance' }));
    writer.record(order);
    writer.record(callRecord({ path: '/v1/partners/products' }));
    writer.record(callRecord({ path: '/v1/partners/wallet/balance' }));
    writer.record(callRecord({ path: '/v1/partners/products' }));
    expect(writer.pending).toBe(3);
    expect(writer.dropped).toBe(2);
    expect(errors.at(-1)).toMatch(/2 routine calls were not recorded/);
    expect(() => writer.flush()).toThrow();

    db.exec('ALTER TABLE api_calls_unavailable RENAME TO api_calls');
    expect(writer.flush()).toBe(3);
    const kept = db.prepare('SELECT reference_id FROM api_calls WHERE reference_id IS NOT NULL').all();
    expect(kept).toEqual([{ reference_id: 'ref-kept' }]);
    writer.close();
  });
});
