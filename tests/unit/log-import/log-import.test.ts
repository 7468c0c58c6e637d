import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guessMapping } from '../../../src/main/areas/log-import/column-mapping.ts';
import { createLogFollower } from '../../../src/main/areas/log-import/log-follower.ts';
import { previewLog } from '../../../src/main/areas/log-import/preview.ts';
import type { RowContext } from '../../../src/main/areas/log-import/row-to-call.ts';
import { runImport } from '../../../src/main/areas/log-import/run-import.ts';
import type { ColumnMapping } from '../../../src/shared/contract/logImport.ts';
import { openProfileDb, tempDir } from '../receiver/receiver-fixture.ts';

const CARDS = ['4111111111111111', '4111 1111 1111 1111', '5500-0000-0000-0004'];
const context: RowContext = {
  profileId: 'prod',
  environment: 'production',
  redaction: { secrets: ['partner-client-secret-value'] },
};
const JSONL_MAPPING: ColumnMapping = {
  timestamp: 'ts',
  method: 'method',
  path: 'url',
  status: 'status',
  latencyMs: 'ms',
  requestId: 'rid',
  orderId: 'order.id',
  referenceId: 'ref',
  amount: 'amount',
  brand: 'brand',
  requestBody: 'req',
  responseBody: 'res',
  errorCode: 'err',
};

let dir: string;
let dbFile: string;
let db: Database.Database;
beforeEach(() => {
  dir = tempDir('log-import-');
  dbFile = path.join(dir, 'prod.db');
  db = openProfileDb(dbFile);
});
afterEach(() => db.close());

const calls = () =>
  db.prepare<[], Record<string, unknown>>("SELECT * FROM api_calls WHERE source = 'import' ORDER BY at, id").all();
const jsonl = (rows: unknown[]) =>
  rows.map((row) => (typeof row === 'string' ? row : JSON.stringify(row))).join('\n') + '\n';
const good = (i: number, extra: Record<string, unknown> = {}) => ({
  ts: new Date(Date.UTC(2025, 0, 15, 5, i)).toISOString(),
  method: 'POST',
  url: 'https://api.myhubble.money/v1/partners/orders',
  status: 200,
  ms: 120 + i,
  rid: `rid-${i}`,
  order: { id: `01ORDER${i}` },
  ref: `ref-${i}`,
  amount: 500,
  brand: 'AMAZON',
  ...extra,
});

/** The canary: no card number anywhere in the profile's database files, not even in free pages or the WAL. */
function assertNoCardNumbers() {
  db.pragma('wal_checkpoint(TRUNCATE)');
  for (const file of [dbFile, `${dbFile}-wal`].filter((name) => fs.existsSync(name))) {
    const bytes = fs.readFileSync(file).toString('latin1');
    for (const card of CARDS) expect(bytes.includes(card), `${card} in ${path.basename(file)}`).toBe(false);
    expect(bytes.includes('partner-client-secret-value')).toBe(false);
  }
}

describe('importing the partner backend’s log', () => {
  it('imports JSONL as calls with source "import", reports bad rows by line, stores no card number, and adds nothing the second time', async () => {
    const file = path.join(dir, 'calls.jsonl');
    fs.writeFileSync(
      file,
      jsonl([
        good(1, { req: { productId: 'AMAZON', cardNumber: CARDS[0], note: `paid with ${CARDS[1]}` } }),
        good(2, { res: `{"vouchers":[{"cardNumber":"${CARDS[0]}","cardPin":"123456"}]}` }),
        '{"ts": broken json',
        good(3, { ts: 'yesterday' }),
        '',
        good(4, { method: 'FETCH', status: 999 }),
        good(5, { rid: undefined, err: `declined ${CARDS[2]}`, url: `/v1/partners/orders?card=${CARDS[0]}` }),
        good(6, { req: 'token=abc.def.ghi clientSecret=partner-client-secret-value' }),
        '[1,2,3]',
      ]),
    );
    const first = await runImport({ db, file, format: 'jsonl', mapping: JSONL_MAPPING, context });
    expect(first).toMatchObject({ state: 'done', rows: 8, imported: 4, duplicates: 0, rejected: 4 });
    expect(first.issues).toEqual([
      { line: 3, reasons: [expect.stringMatching(/^not valid JSON/)] },
      { line: 4, reasons: ['timestamp is not a date (ISO 8601 or epoch)'] },
      { line: 6, reasons: ['method "FETCH" is not an HTTP method', 'status is not an HTTP status (100–599)'] },
      { line: 9, reasons: ['not a JSON object'] },
    ]);
    const rows = calls();
    expect(
      rows.map((row) => [row['request_id'], row['endpoint'], row['base_url'], row['order_id'], row['brand']]),
    ).toEqual([
      ['rid-1', 'POST /v1/partners/orders', 'https://api.myhubble.money', '01ORDER1', 'AMAZON'],
      ['rid-2', 'POST /v1/partners/orders', 'https://api.myhubble.money', '01ORDER2', 'AMAZON'],
      [expect.stringMatching(/^import-/), 'POST /v1/partners/orders', 'import', '01ORDER5', 'AMAZON'],
      ['rid-6', 'POST /v1/partners/orders', 'https://api.myhubble.money', '01ORDER6', 'AMAZON'],
    ]);
    expect(db.prepare('SELECT sum(calls) AS n FROM metrics_minute').get()).toEqual({ n: 4 });
    assertNoCardNumbers();

    const again = await runImport({ db, file, format: 'jsonl', mapping: JSONL_MAPPING, context });
    expect(again).toMatchObject({ imported: 0, duplicates: 4, rejected: 4 });
    expect(calls()).toHaveLength(4);
    expect(db.prepare('SELECT sum(calls) AS n FROM metrics_minute').get()).toEqual({ n: 4 });
  });

  it('imports CSV through a streaming parser (quoted commas and newlines, BOM), with a guessed mapping and line numbers', async () => {
    const file = path.join(dir, 'calls.csv');
    fs.writeFileSync(
      file,
      '\uFEFFtimestamp,http_method,path,status_code,latency_ms,x-request-id,order_id,response_body\n' +
        `2025-01-15T05:00:00Z,GET,/v1/partners/orders/01A,200,35,r1,01A,"{""status"":""SUCCESS"",""cardNumber"":""${CARDS[0]}""}"\n` +
        '2025-01-15T05:01:00Z,POST,/v1/partners/orders,400,80,r2,,"line one,\nline two"\n' +
        'not a time,GET,/v1/partners/wallet/balance,200,12,r3,,\n' +
        `1736917320,GET,/v1/partners/wallet/balance,200,12,r4,,"card ${CARDS[1]} on file"\n` +
        '2025-01-15T05:03:00Z,GET,"/v1/partners/products,"oops,200\n',
    );
    const preview = await previewLog(file, 'csv', null, context);
    expect(preview.columns[0]).toBe('timestamp');
    expect(preview.mapping).toMatchObject({
      timestamp: 'timestamp',
      method: 'http_method',
      status: 'status_code',
      requestId: 'x-request-id',
    });
    expect(preview.rows.map((row) => [row.line, row.call?.requestId ?? null])).toEqual([
      [2, 'r1'],
      [4, 'r2'],
      [5, null],
      [6, 'r4'],
      [7, null],
    ]);
    const run = await runImport({ db, file, format: 'csv', mapping: preview.mapping, context });
    expect(run).toMatchObject({ imported: 3, rejected: 2 });
    expect(run.issues.map((issue) => issue.line)).toEqual([5, 7]);
    expect(calls().map((row) => [row['endpoint'], row['http_status'], row['outcome']])).toEqual([
      ['GET /v1/partners/orders/:orderId', 200, 'ok'],
      ['POST /v1/partners/orders', 400, 'failed'],
      ['GET /v1/partners/wallet/balance', 200, 'ok'],
    ]);
    assertNoCardNumbers();
  });

  it('cancels between batches, keeps what was written, and a second import adds only the rest', async () => {
    const file = path.join(dir, 'big.jsonl');
    fs.writeFileSync(file, jsonl(Array.from({ length: 5000 }, (_, i) => good(i % 1000, { rid: `big-${i}` }))));
    const controller = new AbortController();
    const cancelled = await runImport({
      db,
      file,
      format: 'jsonl',
      mapping: JSONL_MAPPING,
      context,
      signal: controller.signal,
      progress: (done) => done > 0 && controller.abort(),
    });
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.imported).toBeGreaterThan(0);
    expect(cancelled.imported).toBeLessThan(5000);
    const rest = await runImport({ db, file, format: 'jsonl', mapping: JSONL_MAPPING, context });
    expect(rest.imported + cancelled.imported).toBe(5000);
    expect(calls()).toHaveLength(5000);
  });

  it('guesses a mapping from common column names', () => {
    expect(guessMapping(['Time', 'Method', 'URL', 'Status', 'Duration', 'Request-Id', 'orderId'])).toEqual({
      timestamp: 'Time',
      method: 'Method',
      path: 'URL',
      status: 'Status',
      latencyMs: 'Duration',
      requestId: 'Request-Id',
      orderId: 'orderId',
    });
  });
});

describe('following a growing log (tail -F)', () => {
  it('imports complete lines as they come, survives rotation and truncation, and resumes after a restart without duplicates', async () => {
    const file = path.join(dir, 'live.jsonl');
    const follower = () =>
      createLogFollower({
        db,
        context: () => context,
        mappingFor: () => JSONL_MAPPING,
        onError: (error) => {
          throw error;
        },
      });
    let tail = follower();
    tail.follow(file, 'jsonl', Date.now());
    expect(await tail.tick()).toBe(0); // not there yet

    fs.writeFileSync(file, jsonl([good(1), good(2)]) + JSON.stringify(good(3)).slice(0, 20));
    expect(await tail.tick()).toBe(2); // the half-written third line waits
    fs.appendFileSync(file, JSON.stringify(good(3)).slice(20) + '\n');
    expect(await tail.tick()).toBe(1);

    // The logger writes one more line, then rotates: the old file's last line is still read, then the new file.
    fs.appendFileSync(file, jsonl([good(4)]));
    fs.renameSync(file, `${file}.1`);
    fs.writeFileSync(file, jsonl([good(5), good(6)]));
    expect(await tail.tick()).toBe(3);

    // A restart resumes at the stored offset of the same file.
    tail.close();
    tail = follower();
    fs.appendFileSync(file, jsonl([good(7)]));
    expect(await tail.tick()).toBe(1);

    // Truncated in place (copytruncate): read from the start again; rows already there dedupe.
    fs.writeFileSync(file, jsonl([good(7), good(8)]));
    expect(await tail.tick()).toBe(1);
    tail.close();

    expect(calls().map((row) => row['request_id'])).toEqual([
      'rid-1',
      'rid-2',
      'rid-3',
      'rid-4',
      'rid-5',
      'rid-6',
      'rid-7',
      'rid-8',
    ]);
    expect(tail.list()).toEqual([expect.objectContaining({ path: file, line: 2 })]);
  });
});
