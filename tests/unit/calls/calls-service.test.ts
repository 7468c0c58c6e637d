import { parseCsv } from './parse-csv.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { CallsService } from '../../../src/main/areas/calls/calls-service.ts';
import { scopesFixture, type ScopesFixture } from '../../fixtures/scopes.ts';
import { useTempDir } from '../../fixtures/temp-dir.ts';
import { callRecord } from './call-records.ts';
import { failure } from './failures.ts';

const tempDir = useTempDir();
const T0 = Date.UTC(2024, 4, 1, 10, 0, 0);
let service: CallsService | undefined;
let fixture: ScopesFixture | undefined;
afterEach(async () => {
  await fixture?.close();
});

function setUp(now = T0 + 3_600_000) {
  fixture = scopesFixture(tempDir(), { writer: { flushIntervalMs: 60_000 } });
  const { scopes } = fixture;
  service = new CallsService({
    logOf: (profileId) => scopes.get(profileId),
    now: () => now,
    timeZone: () => 'Asia/Kolkata',
  });
  return service;
}

/** A small but varied log: wallet reads, an order with its follow-ups, an E300 and a timeout. */
function seed(calls: CallsService, profileId = 'staging-1') {
  const log = calls.recorder(profileId);
  log.record(callRecord({ at: T0 + 1000, requestId: 'aaaaaaaa-0000-4000-8000-000000000001' }));
  log.record(
    callRecord({
      at: T0 + 2000,
      method: 'POST',
      path: '/v1/partners/orders',
      endpoint: 'POST /v1/partners/orders',
      requestId: 'aaaaaaaa-0000-4000-8000-000000000002',
      requestBody: {
        productId: 'p1',
        referenceId: 'ref-42',
        amount: 500,
        denominationDetails: [{ denomination: 500, quantity: 1 }],
      },
      responseJson: { id: 'ORD42', referenceId: 'ref-42', status: 'PROCESSING', vouchers: [] },
      orderId: 'ORD42',
      referenceId: 'ref-42',
      orderStatus: 'PROCESSING',
      amount: 500,
    }),
  );
  log.record(
    callRecord({
      at: T0 + 3000,
      path: '/v1/partners/orders/ORD42',
      endpoint: 'GET /v1/partners/orders/:orderId',
      requestId: 'aaaaaaaa-0000-4000-8000-000000000003',
      responseJson: {
        id: 'ORD42',
        referenceId: 'ref-42',
        status: 'SUCCESS',
        vouchers: [{ id: 'v1', cardNumber: '5333644476668777', cardPin: '123456', amount: 500 }],
      },
      orderId: 'ORD42',
      referenceId: 'ref-42',
      orderStatus: 'SUCCESS',
    }),
  );
  log.record(
    callRecord({
      at: T0 + 4000,
      method: 'POST',
      path: '/v1/partners/orders',
      endpoint: 'POST /v1/partners/orders',
      httpStatus: 400,
      outcome: 'failed',
      requestId: 'aaaaaaaa-0000-4000-8000-000000000004',
      requestBody: { productId: 'p1', referenceId: '=cmd|calc', amount: 90000 },
      responseJson: {
        id: 'E300',
        code: 'INSUFFICIENT_BALANCE',
        message: 'Insufficient wallet balance',
        requestId: 'aaaaaaaa-0000-4000-8000-000000000004',
      },
      failure: failure({
        errorId: 'E300',
        errorCode: 'INSUFFICIENT_BALANCE',
        hubbleMessage: 'Insufficient wallet balance',
        title: 'Insufficient wallet balance (E300)',
      }),
      referenceId: '=cmd|calc',
      latencyMs: 120,
    }),
  );
  log.record(
    callRecord({
      at: T0 + 5000,
      path: '/v1/partners/products',
      endpoint: 'GET /v1/partners/products',
      httpStatus: null,
      outcome: 'failed',
      requestId: 'aaaaaaaa-0000-4000-8000-000000000005',
      responseJson: undefined,
      failure: failure({
        kind: 'timeout',
        method: 'GET',
        httpStatus: null,
        timeoutPhase: 'headers',
        title: 'Hubble did not answer in time',
      }),
      latencyMs: 30_000,
    }),
  );
}

describe('CallsService search', () => {
  it('finds calls by X-REQUEST-ID, orderId, referenceId, path, status, error and time, and reads its own writes', () => {
    const calls = setUp();
    seed(calls);
    const ids = (filters: Parameters<CallsService['search']>[1]['filters']) =>
      calls.search('staging-1', { filters }).rows.map((row) => row.requestId.slice(-1));
    expect(ids({ requestId: 'aaaaaaaa-0000-4000-8000-000000000003' })).toEqual(['3']);
    expect(ids({ orderId: 'ORD42' })).toEqual(['3', '2']);
    expect(ids({ referenceId: 'ref-42' })).toEqual(['3', '2']);
    expect(ids({ path: '/orders' })).toEqual(['4', '3', '2']);
    expect(ids({ path: '%' })).toEqual([]);
    expect(ids({ httpStatus: 400 })).toEqual(['4']);
    expect(ids({ httpStatus: 0 })).toEqual(['5']);
    expect(ids({ statusClass: '2xx' })).toEqual(['3', '2', '1']);
    expect(ids({ errorId: 'e300' })).toEqual(['4']);
    expect(ids({ errorId: 'timeout' })).toEqual(['5']);
    expect(ids({ outcome: 'failed', from: T0 + 4500 })).toEqual(['5']);
    expect(ids({ from: T0 + 2000, to: T0 + 4000 })).toEqual(['3', '2']);
  });

  it('pages and sorts, with the total only when asked', () => {
    const calls = setUp();
    seed(calls);
    const first = calls.search('staging-1', { limit: 2 });
    expect(first.total).toBe(5);
    expect(first.rows.map((row) => row.requestId.slice(-1))).toEqual(['5', '4']);
    const second = calls.search('staging-1', { limit: 2, offset: 2, includeTotal: false });
    expect(second.total).toBeNull();
    expect(second.rows.map((row) => row.requestId.slice(-1))).toEqual(['3', '2']);
    const slowest = calls.search('staging-1', { sort: { by: 'latency', direction: 'desc' }, limit: 2 });
    expect(slowest.rows.map((row) => row.latencyMs)).toEqual([30_000, 120]);
  });

  it('keeps profiles apart', () => {
    const calls = setUp();
    seed(calls, 'staging-1');
    expect(calls.search('prod-1', {}).total).toBe(0);
  });
});

describe('CallsService details, bundles and exports', () => {
  it('returns one call in full with redacted bodies and its failure', () => {
    const calls = setUp();
    seed(calls);
    const [row] = calls.search('staging-1', { filters: { errorId: 'E300' } }).rows;
    const detail = calls.get('staging-1', row!.id);
    expect(detail.failure).toMatchObject({ kind: 'business', errorId: 'E300' });
    expect(detail.responseBody).toContain('INSUFFICIENT_BALANCE');
    expect(detail.baseUrl).toBe('https://api.dev.myhubble.money');
    expect(() => calls.get('staging-1', 9999)).toThrow(/No such call/);
  });

  it('bundles every call of an order, found by either id, without card data', () => {
    const calls = setUp();
    seed(calls);
    const byReference = calls.bundle('staging-1', { referenceId: 'ref-42' });
    const byOrder = calls.bundle('staging-1', { orderId: 'ORD42' });
    expect(byReference.calls).toBe(2);
    expect(byOrder.text.replace(/^Hubble support bundle.*$/m, '')).toBe(
      byReference.text.replace(/^Hubble support bundle.*$/m, ''),
    );
    expect(byOrder.text).toContain(
      'X-REQUEST-ID:   aaaaaaaa-0000-4000-8000-000000000002, aaaaaaaa-0000-4000-8000-000000000003',
    );
    expect(byOrder.text).toContain('Order ID:       ORD42');
    expect(byOrder.text).toContain('Reference ID:   ref-42');
    expect(byOrder.text).toContain('Environment:    staging');
    expect(byOrder.text).toContain('Base URL:       https://api.dev.myhubble.money');
    expect(byOrder.text).toContain('2024-05-01T10:00:02.000Z  (2024-05-01 15:30:02.000 GMT+05:30 (Asia/Kolkata))');
    expect(byOrder.text + byOrder.json).not.toContain('5333644476668777');
    expect(byOrder.text + byOrder.json).not.toContain('123456');
    const json = JSON.parse(byOrder.json);
    expect(json.calls.map((call: { xRequestId: string }) => call.xRequestId.slice(-1))).toEqual(['2', '3']);
    expect(json.calls[1].responseBody.vouchers[0].cardPin).toBe('[redacted]');
    expect(() => calls.bundle('staging-1', { orderId: 'nope' })).toThrow(/no call for that order/);
  });

  it('bundles one failed call with its error body', () => {
    const calls = setUp();
    seed(calls);
    const [row] = calls.search('staging-1', { filters: { errorId: 'E300' } }).rows;
    const bundle = calls.bundle('staging-1', { callId: row!.id });
    expect(bundle.text).toContain('Error:          E300 INSUFFICIENT_BALANCE — Insufficient wallet balance');
    expect(bundle.text).toContain('Error body (redacted):');
    expect(bundle.fileName).toMatch(/^hubble-support-aaaaaaaa-0000-4000-8000-000000000004-/);
  });

  it('exports the current search as CSV with formula-looking cells neutralised', () => {
    const calls = setUp();
    seed(calls);
    const out = calls.exportCsv('staging-1', { path: '/orders' }, { by: 'at', direction: 'asc' });
    expect(out.rows).toBe(3);
    expect(out.truncated).toBe(false);
    const records = parseCsv(out.csv);
    expect(records.map((r) => r['x_request_id']!.slice(-1))).toEqual(['2', '3', '4']);
    expect(records[2]!['reference_id']).toBe("'=cmd|calc");
    expect(records[2]!['error_id']).toBe('E300');
    expect(out.csv).not.toContain('cardPin');
  });
});

describe('CallsService identifiers and retention', () => {
  it('says which identifier a pasted string is', () => {
    const calls = setUp();
    seed(calls);
    expect(
      calls.resolveIdentifier('staging-1', ' X-REQUEST-ID: AAAAAAAA-0000-4000-8000-000000000003 ').matches,
    ).toEqual([{ kind: 'request-id', callId: expect.any(Number), at: T0 + 3000, calls: 1 }]);
    expect(calls.resolveIdentifier('staging-1', '"ORD42"').matches).toEqual([
      { kind: 'order-id', callId: expect.any(Number), at: T0 + 3000, calls: 2 },
    ]);
    expect(calls.resolveIdentifier('staging-1', 'ref-42').matches.map((m) => m.kind)).toEqual(['reference-id']);
    const unknown = calls.resolveIdentifier('staging-1', '01HZZZZZZZZZZZZZZZZZZZZZZZ');
    expect(unknown).toEqual({ value: '01HZZZZZZZZZZZZZZZZZZZZZZZ', matches: [], looksLike: 'ulid' });
  });

  it('keeps 90 days by default and deletes older calls when retention shrinks', () => {
    const calls = setUp(T0 + 10 * 86_400_000);
    seed(calls);
    expect(calls.retentionDays('staging-1')).toBe(90);
    calls.recorder('staging-1').record(callRecord({ at: T0 + 9 * 86_400_000 }));
    expect(calls.setRetentionDays('staging-1', 5)).toEqual({ days: 5, deleted: 5 });
    expect(calls.retentionDays('staging-1')).toBe(5);
    expect(calls.search('staging-1', {}).total).toBe(1);
  });
});
