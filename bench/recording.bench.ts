// Recording throughput: the call log's writer (redaction, batching, per-minute rollups, one transaction per
// batch) versus raw batched inserts of the same already-redacted rows into the same schema, in this run.
// Goal: recorder ≥ 0.5 × raw rows/s.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { CallLogWriter, prepareCallInsert } from '../src/main/kernel/call-log/call-log-writer.ts';
import { toCallRow } from '../src/main/kernel/call-log/call-row.ts';
import type { CallRecord } from '../src/main/hubble/call-recorder.ts';
import { ProfileDatabases } from '../src/main/store/profile-store.ts';

const ROWS = Number(process.env['RECORDING_BENCH_ROWS'] ?? 60_000);
const BATCH = 500;

const voucher = (i: number) => ({
  id: `01HZV${i}`,
  cardType: 'CARD_AND_PIN_NO_SECURED',
  cardNumber: `53336444766${String(i).padStart(5, '0')}`,
  cardPin: '123456',
  validTill: '2026-01-01',
  amount: 500,
});

/** A realistic mix: wallet reads, successful orders with vouchers and customer details, E300 failures. */
function record(i: number, at: number): CallRecord {
  const kind = i % 4;
  const base = {
    at: at + i,
    profileId: 'bench',
    environment: 'staging' as const,
    baseUrl: 'https://api.dev.myhubble.money',
    latencyMs: 40 + (i % 300),
    requestId: randomUUID(),
    serverRequestId: null,
    attempt: 1,
    responseText: null,
    sensitive: ['bench-client-secret', 'eyJhbGciOiJIUzI1NiJ9.bench.token'],
  };
  if (kind === 0 || kind === 1) {
    return {
      ...base,
      method: 'GET',
      path: '/v1/partners/wallet/balance',
      endpoint: 'GET /v1/partners/wallet/balance',
      httpStatus: 200,
      outcome: 'ok',
      failure: null,
      requestBody: null,
      responseJson: { balance: 100000 - i },
      orderId: null,
      referenceId: null,
      orderStatus: null,
      amount: null,
    };
  }
  const request = {
    productId: '01GMDSJRDR9H4C7X0E2JBZXE4R',
    referenceId: `ref-${i}`,
    amount: 1000,
    denominationDetails: [{ denomination: 500, quantity: 2 }],
    customerDetails: { name: 'Asha', phoneNumber: '9876543210', email: 'asha@example.com' },
  };
  if (kind === 2) {
    return {
      ...base,
      method: 'POST',
      path: '/v1/partners/orders',
      endpoint: 'POST /v1/partners/orders',
      httpStatus: 200,
      outcome: 'ok',
      failure: null,
      requestBody: request,
      responseJson: {
        id: `01HZORDER${i}`,
        referenceId: `ref-${i}`,
        status: 'SUCCESS',
        vouchers: [voucher(i), voucher(i + 1)],
        failureReason: null,
      },
      orderId: `01HZORDER${i}`,
      referenceId: `ref-${i}`,
      orderStatus: 'SUCCESS',
      amount: 1000,
    };
  }
  return {
    ...base,
    method: 'POST',
    path: '/v1/partners/orders',
    endpoint: 'POST /v1/partners/orders',
    httpStatus: 400,
    outcome: 'failed',
    requestBody: request,
    responseJson: {
      id: 'E300',
      code: 'INSUFFICIENT_BALANCE',
      message: 'Insufficient wallet balance',
      requestId: base.requestId,
    },
    failure: {
      kind: 'business',
      requestId: base.requestId,
      method: 'POST',
      path: '/v1/partners/orders',
      httpStatus: 400,
      errorId: 'E300',
      errorCode: 'INSUFFICIENT_BALANCE',
      hubbleMessage: 'Insufficient wallet balance',
      serverRequestId: base.requestId,
      title: 'Insufficient wallet balance (E300)',
      explanation: 'Insufficient wallet balance',
      nextStep: 'Top up the wallet.',
      transient: false,
      timeoutPhase: null,
      detail: null,
    },
    orderId: null,
    referenceId: `ref-${i}`,
    orderStatus: null,
    amount: 1000,
  };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubble-bench-recording-'));
const databases = new ProfileDatabases(dataDir);
const at = Date.UTC(2024, 0, 1);
const records = Array.from({ length: ROWS }, (_, i) => record(i, at));

// Baseline: the same rows, already redacted and shaped, inserted raw in batches.
const rows = records.map((r) => toCallRow(r));
const rawDb = databases.open('raw');
const recordedDb = databases.open('recorded');
const insert = prepareCallInsert(rawDb);
const insertBatch = rawDb.transaction((batch: typeof rows) => {
  for (const row of batch) insert(row);
});
let started = performance.now();
for (let i = 0; i < rows.length; i += BATCH) insertBatch(rows.slice(i, i + BATCH));
const rawSecs = (performance.now() - started) / 1000;

// The recorder: record() per call as the client does, a flush per full batch.
const writer = new CallLogWriter(recordedDb, {
  maxBatch: Number.MAX_SAFE_INTEGER,
  flushIntervalMs: 3_600_000,
});
started = performance.now();
for (let i = 0; i < records.length; i += 1) {
  writer.record(records[i]!);
  if ((i + 1) % BATCH === 0) writer.flush();
}
writer.flush();
const recorderSecs = (performance.now() - started) / 1000;
writer.close();

const count = (db: typeof rawDb) => (db.prepare('SELECT count(*) AS n FROM api_calls').get() as { n: number }).n;
if (count(rawDb) !== ROWS || count(recordedDb) !== ROWS) throw new Error('row counts differ');

const rawRate = ROWS / rawSecs;
const recorderRate = ROWS / recorderSecs;
console.log(
  `rows:                        ${ROWS} (wallet reads, orders with vouchers, E300 failures), batches of ${BATCH}`,
);
console.log(`raw batched inserts:         ${Math.round(rawRate).toLocaleString('en-US')} rows/s`);
console.log(`recorder (redact + rollups): ${Math.round(recorderRate).toLocaleString('en-US')} rows/s`);
console.log(`ratio (recorder / raw):      ${(recorderRate / rawRate).toFixed(3)}   goal ≥ 0.5`);

rawDb.close();
recordedDb.close();
fs.rmSync(dataDir, { recursive: true, force: true });
