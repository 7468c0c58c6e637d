// Catalog sync throughput: a full sync of 10,000 brands (GET /v1/partners/products page by page from the real
// simulator over loopback through the real client, tolerant parsing, staging, diff and the one-transaction
// replace) versus raw batched inserts of the same brand rows into the same schema (FTS triggers included), in
// this run. Goal: sync ≥ 0.5 × raw rows/s. Measured twice: as the app runs it (every page also goes through the
// call-log recorder, which redacts and stores the first 32 KB of each page), and the catalog's own pipeline with
// a recorder that keeps nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { brandRecordOf } from '../src/main/areas/catalog/brand-record.ts';
import { brandRowValues, CatalogStore, UPSERT_BRAND } from '../src/main/areas/catalog/catalog-store.ts';
import { runCatalogSync } from '../src/main/areas/catalog/catalog-sync.ts';
import type { CallRecorder } from '../src/main/hubble/call-recorder.ts';
import { createHubbleClient } from '../src/main/hubble/hubble-client.ts';
import { CallLogWriter } from '../src/main/kernel/call-log/call-log-writer.ts';
import { DEMO_CLIENTS, startSimulator } from '../src/main/simulator/index.ts';
import { ProfileDatabases } from '../src/main/store/profile-store.ts';
import { brandSchema } from '../src/shared/hubble/brand.ts';

const BRANDS = Number(process.env['CATALOG_BENCH_BRANDS'] ?? 10_000);
const BATCH = 500;

const sim = await startSimulator({ seed: 7, brands: BRANDS });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubble-bench-catalog-'));
const databases = new ProfileDatabases(dataDir);
const signal = new AbortController().signal;
const countBrands = (db: ReturnType<ProfileDatabases['open']>) =>
  (db.prepare('SELECT count(*) AS n FROM brands').get() as { n: number }).n;

/** One first sync into an empty profile database; the seconds it took, and the database. */
async function timedSync(
  profileId: string,
  recorderOf: (db: ReturnType<ProfileDatabases['open']>) => CallRecorder & { flush?(): void },
) {
  const db = databases.open(profileId);
  const recorder = recorderOf(db);
  const client = createHubbleClient(
    {
      profileId,
      environment: 'simulator',
      baseUrl: sim.baseUrl,
      clientId: DEMO_CLIENTS.staging.clientId,
      clientSecret: async () => DEMO_CLIENTS.staging.clientSecret,
    },
    recorder,
  );
  // Warm-up: the login and the simulator's first serialisation of each page are not the sync's cost.
  for (let page = 1; page <= Math.ceil(BRANDS / 100); page += 1)
    await client.listProducts({ pageNo: page, limit: 100 });
  recorder.flush?.();
  const store = new CatalogStore(db);
  const started = performance.now();
  const sync = await runCatalogSync(
    { store, fetchPage: (query) => client.listProducts(query), now: Date.now },
    { signal, progress: () => undefined },
  );
  recorder.flush?.();
  const secs = (performance.now() - started) / 1000;
  await client.close();
  return { db, secs, sync, client, recorder };
}

/** The same brand rows, already read and shaped, inserted raw in batches into a fresh database of the same schema. */
function timedRawInserts(profileId: string, rows: unknown[][]) {
  const db = databases.open(profileId);
  const insert = db.prepare(UPSERT_BRAND);
  const insertBatch = db.transaction((batch: unknown[][]) => {
    for (const row of batch) insert.run(row);
  });
  const started = performance.now();
  for (let i = 0; i < rows.length; i += BATCH) insertBatch(rows.slice(i, i + BATCH));
  return { db, secs: (performance.now() - started) / 1000 };
}

// The machine is shared: each figure is the best of ROUNDS, the three kinds interleaved.
const ROUNDS = Number(process.env['CATALOG_BENCH_ROUNDS'] ?? 3);
const best = { raw: Infinity, pipeline: Infinity, recorded: Infinity };
let brands = 0;
let pages = 0;
for (let round = 0; round < ROUNDS; round += 1) {
  const pipeline = await timedSync(`pipeline${round}`, () => ({ record: () => undefined }));
  const rows = (pipeline.db.prepare('SELECT raw_json FROM brands').all() as { raw_json: string }[]).map((row) =>
    brandRowValues(brandRecordOf(brandSchema.parse(JSON.parse(row.raw_json)), row.raw_json), Date.now()),
  );
  const raw = timedRawInserts(`raw${round}`, rows);
  const recorded = await timedSync(`recorded${round}`, (db) => new CallLogWriter(db, {}));
  (recorded.recorder as CallLogWriter).close();
  brands = pipeline.sync.brands;
  pages = pipeline.sync.pages;
  if ([raw.db, recorded.db, pipeline.db].some((db) => countBrands(db) !== brands)) throw new Error('row counts differ');
  best.raw = Math.min(best.raw, raw.secs);
  best.pipeline = Math.min(best.pipeline, pipeline.secs);
  best.recorded = Math.min(best.recorded, recorded.secs);
  for (const db of [raw.db, recorded.db, pipeline.db]) db.close();
}

const show = (secs: number) => `${Math.round(brands / secs).toLocaleString('en-US')} rows/s`;
console.log(
  `brands:                                 ${brands} in ${pages} pages of 100, raw batches of ${BATCH}, best of ${ROUNDS}`,
);
console.log(`raw batched inserts:                    ${show(best.raw)}`);
console.log(`full sync, catalog pipeline:            ${show(best.pipeline)}`);
console.log(`full sync, with the call-log recorder:  ${show(best.recorded)}`);
console.log(`ratio (pipeline sync / raw):            ${(best.raw / best.pipeline).toFixed(3)}   goal ≥ 0.5`);
console.log(`ratio (recorded sync / raw):            ${(best.raw / best.recorded).toFixed(3)}   goal ≥ 0.5`);

await sim.close();
fs.rmSync(dataDir, { recursive: true, force: true });
