// Log import throughput: JSONL lines read, mapped, validated, redacted and stored (with rollups and dedupe) per
// second, against raw batched inserts of equivalent rows in the same run (goal: ratio >= 0.5), with the peak RSS
// of each phase (memory must stay flat however long the file). 1,000,000 lines is the issue's figure;
// HUBBLE_BENCH_IMPORT_LINES scales it (default 200,000, about a minute here). Run: node bench/log-import.bench.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runImport } from '../src/main/areas/log-import/run-import.ts';
import type { ImportedCallRow } from '../src/main/areas/log-import/row-to-call.ts';
import { openDatabase } from '../src/main/store/open-database.ts';
import { profileMigrations } from '../src/main/store/profile-migrations/index.ts';

const LINES = Number(process.env['HUBBLE_BENCH_IMPORT_LINES'] ?? 200_000);
const BATCH = 1000;
const migrations = profileMigrations;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-bench-'));
const file = path.join(dir, 'partner.jsonl');
const START = Date.UTC(2025, 0, 15, 4, 30);
const PATHS = ['/v1/partners/orders', '/v1/partners/wallet/balance', '/v1/partners/products'];

// The file is written in pieces: building a million lines in one string would be the biggest thing in memory.
const out = fs.openSync(file, 'w');
for (let from = 0; from < LINES; from += 10_000) {
  let text = '';
  for (let i = from; i < Math.min(LINES, from + 10_000); i += 1) {
    const orders = i % 3 === 0;
    text += `${JSON.stringify({
      ts: new Date(START + i * 50).toISOString(),
      method: orders ? 'POST' : 'GET',
      url: PATHS[i % 3],
      status: i % 97 === 0 ? 400 : 200,
      ms: 40 + (i % 300),
      rid: `partner-${i}`,
      order: orders ? { id: `01JORDER${i}`, ref: `ref-${i}` } : undefined,
      amount: orders ? 500 : undefined,
      req: orders ? { productId: '01BRAND', amount: 500, customer: { phoneNumber: '9876543210' } } : undefined,
    })}\n`;
  }
  fs.writeSync(out, text);
}
fs.closeSync(out);
const bytes = fs.statSync(file).size;

const rss = () => process.memoryUsage().rss;
function peakDuring<T>(work: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = rss();
  const timer = setInterval(() => (peak = Math.max(peak, rss())), 20);
  return work().then((result) => {
    clearInterval(timer);
    return { result, peak: Math.max(peak, rss()) };
  });
}

// Baseline: the same rows the import stores (same columns, ids, bodies and dedupe keys), built in memory a
// batch at a time and written by a plain prepared INSERT in one transaction per batch: no reading, parsing,
// validation, redaction, dedupe check or rollups.
const baselineDb = openDatabase(path.join(dir, 'baseline.db'), migrations);
const COLUMNS = Object.keys(rowOf(0));
const insert = baselineDb.prepare(
  `INSERT INTO api_calls (${COLUMNS.join(', ')}, source) VALUES (${COLUMNS.map((column) => `@${column}`).join(', ')}, 'import')`,
);
const writeBatch = baselineDb.transaction((rows: ImportedCallRow[]) => rows.forEach((row) => insert.run(row)));
function rowOf(i: number): ImportedCallRow {
  const orders = i % 3 === 0;
  const status = i % 97 === 0 ? 400 : 200;
  return {
    at: START + i * 50,
    profile_id: 'bench',
    environment: 'production',
    base_url: 'import',
    method: orders ? 'POST' : 'GET',
    path: PATHS[i % 3]!,
    endpoint: `${orders ? 'POST' : 'GET'} ${PATHS[i % 3]}`,
    http_status: status,
    outcome: status === 200 ? 'ok' : 'failed',
    error_kind: status === 200 ? null : 'business',
    error_id: null,
    error_code: null,
    latency_ms: 40 + (i % 300),
    request_id: `partner-${i}`,
    server_request_id: null,
    attempt: 1,
    order_id: orders ? `01JORDER${i}` : null,
    reference_id: orders ? `ref-${i}` : null,
    order_status: null,
    amount: orders ? 500 : null,
    request_body: orders ? '{"productId":"01BRAND","amount":500,"customer":{"phoneNumber":"98******10"}}' : null,
    response_body: null,
    failure: null,
    import_key: `rid:partner-${i}@${START + i * 50}`,
    brand: null,
  };
}
const baseline = await peakDuring(async () => {
  const started = performance.now();
  for (let from = 0; from < LINES; from += BATCH) {
    const rows: ImportedCallRow[] = [];
    for (let i = from; i < Math.min(LINES, from + BATCH); i += 1) rows.push(rowOf(i));
    writeBatch(rows);
    if ((from / BATCH) % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return performance.now() - started;
});
baselineDb.close();

const db = openDatabase(path.join(dir, 'import.db'), migrations);
// RSS at each tenth of the file: flat memory means the last tenth costs no more than the first.
const rssByTenth: number[] = [];
const imported = await peakDuring(async () => {
  const started = performance.now();
  const run = await runImport({
    db,
    file,
    format: 'jsonl',
    mapping: {
      timestamp: 'ts',
      method: 'method',
      path: 'url',
      status: 'status',
      latencyMs: 'ms',
      requestId: 'rid',
      orderId: 'order.id',
      referenceId: 'order.ref',
      amount: 'amount',
      requestBody: 'req',
    },
    context: { profileId: 'bench', environment: 'production', redaction: { secrets: ['bench-client-secret'] } },
    progress: (done, total) => {
      while (rssByTenth.length < Math.floor((done * 10) / total)) rssByTenth.push(rss());
    },
  });
  return { run, ms: performance.now() - started };
});
db.close();

const fmt = (value: number) => Math.round(value).toLocaleString('en-US');
const mb = (value: number) => `${(value / 1_048_576).toFixed(0)} MB`;
const importRate = (imported.result.run.imported * 1000) / imported.result.ms;
const baselineRate = (LINES * 1000) / baseline.result;
console.log(`log import of ${fmt(LINES)} JSONL lines (${mb(bytes)})`);
console.log(
  `  import: read + map + validate + redact + dedupe + rollups   ${fmt(importRate)} rows/s   ratio ${(importRate / baselineRate).toFixed(3)}   peak RSS ${mb(imported.peak)}`,
);
console.log(
  `  baseline: raw batched inserts (${BATCH}/transaction)          ${fmt(baselineRate)} rows/s                 peak RSS ${mb(baseline.peak)}`,
);
console.log(`  import RSS at each tenth of the file: ${rssByTenth.map((value) => mb(value)).join(', ')}`);
console.log(
  `  imported ${fmt(imported.result.run.imported)}, rejected ${imported.result.run.rejected}, duplicates ${imported.result.run.duplicates}`,
);
fs.rmSync(dir, { recursive: true, force: true });
