// Team mode (docs/team.md), on a throwaway PostgreSQL cluster started here and removed at the end.
//
// 1. Outbox drain: TEAM_BENCH_ROWS calls (default 100,000; bodies ~320 bytes) written through the call log into a
//    linked profile database, so its outbox holds one entry per call; drainOutbox (default batch) ships them end to
//    end — reading SQLite, one PostgreSQL transaction per batch, deleting the outbox — versus the same rows (same
//    columns and values, read from the same SQLite) streamed with one COPY … FROM STDIN into an empty table
//    identical to team_calls (its key and indexes too), in this run. Goal: drain ≥ 0.5 × COPY rows/s. Each side
//    runs TEAM_BENCH_ROUNDS times (default 2, alternating which goes first); the best run of each is reported,
//    with the CPU it cost per 1000 rows in this process and in its PostgreSQL backend (a ratio the machine's other
//    users move less than the wall clock's). A COPY into the same table without its key and indexes is printed
//    too, to show what the indexes cost.
// 2. Lag: two real consoles on one team database, console A recording TEAM_BENCH_LAG_RATE calls/s (default 200)
//    for TEAM_BENCH_LAG_SECONDS (default 10) through its own call log; console B's SQLite is polled every 5 ms
//    for each call's X-REQUEST-ID. Reports p50/p95/max of record → visible in B, split at A's call-log commit.
//    TEAM_BENCH_LAG_SECONDS=0 skips it.
import fs from 'node:fs';
import os from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import pg from 'pg';
import { poolConfig } from '../src/main/areas/team/connection-config.ts';
import { drainOutbox } from '../src/main/areas/team/drain-outbox.ts';
import { migrateTeamDatabase } from '../src/main/areas/team/pg-migrate.ts';
import { CALLS } from '../src/main/areas/team/shared-kinds.ts';
import type { ShipperIdentity } from '../src/main/areas/team/ship-batch.ts';
import { CallLogWriter } from '../src/main/kernel/call-log/call-log-writer.ts';
import { startSimulator } from '../src/main/simulator/index.ts';
import type { TeamLinkSettings } from '../src/shared/contract/team.ts';
import {
  databaseUrl,
  removeCluster,
  startCluster,
  SUPERUSER_PASSWORD,
  type PostgresCluster,
} from '../tests/fixtures/postgres-cluster.ts';
import { linkedProfileDatabase } from '../tests/team/local-history.ts';
import { openBenchConsole } from './team-bench-console.ts';
import { sampleCall } from './team-bench-calls.ts';
import { copyRows } from './team-copy-rows.ts';

const ROWS = Number(process.env['TEAM_BENCH_ROWS'] ?? 100_000);
const ROUNDS = Number(process.env['TEAM_BENCH_ROUNDS'] ?? 2);
const LAG_RATE = Number(process.env['TEAM_BENCH_LAG_RATE'] ?? 200);
const LAG_SECONDS = Number(process.env['TEAM_BENCH_LAG_SECONDS'] ?? 10);
const POLL_MS = 5;

const rate = (value: number) => `${Math.round(value).toLocaleString('en-US')} rows/s`;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

const linkSettings = (cluster: PostgresCluster, database: string, operator: string): TeamLinkSettings => ({
  url: `postgres://postgres@127.0.0.1:${cluster.port}/${database}`,
  tls: 'disable',
  caCertPath: null,
  space: 'acme-staging',
  operator,
});

async function createDatabase(cluster: PostgresCluster, name: string): Promise<void> {
  const server = new pg.Client(cluster.adminUrl);
  await server.connect();
  await server.query(`CREATE DATABASE ${name}`);
  await server.end();
}

/** A client configured as the console's own pool is (connection-config.ts). */
async function consoleClient(settings: TeamLinkSettings): Promise<pg.Client> {
  const client = new pg.Client(poolConfig(settings, SUPERUSER_PASSWORD));
  await client.connect();
  return client;
}

/**
 * CPU milliseconds used so far by this process and by the client's server process (from /proc: Linux, and the
 * cluster's owner or root), so the two sides can be compared by the work they cost as well as by the wall clock,
 * which the other users of a shared machine move.
 */
async function cpuMeter(client: pg.Client): Promise<() => { console: number; server: number | null }> {
  const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
  const ticksMs = 1000 / 100;
  const server = () => {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) * ticksMs;
    } catch {
      return null;
    }
  };
  return () => {
    const usage = process.cpuUsage();
    return { console: (usage.user + usage.system) / 1000, server: server() };
  };
}

interface Run {
  rowsPerSecond: number;
  /** CPU ms per 1000 rows, this process (reading SQLite, encoding, the driver) and the PostgreSQL backend */
  consoleCpu: number;
  serverCpu: number | null;
}

async function timed(
  cpu: () => { console: number; server: number | null },
  work: () => Promise<unknown>,
): Promise<Run> {
  const before = cpu();
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  const after = cpu();
  const perThousand = (value: number) => (value * 1000) / ROWS;
  return {
    rowsPerSecond: ROWS / seconds,
    consoleCpu: perThousand(after.console - before.console),
    serverCpu: after.server === null || before.server === null ? null : perThousand(after.server - before.server),
  };
}

// ---------------------------------------------------------------- 1. drain versus COPY

async function drainVersusCopy(cluster: PostgresCluster): Promise<void> {
  await createDatabase(cluster, 'team_drain');
  const settings = linkSettings(cluster, 'team_drain', 'Priya');
  const client = await consoleClient(settings);
  await migrateTeamDatabase(client);
  const admin = new pg.Client(databaseUrl(cluster, 'team_drain'));
  await admin.connect();
  await admin.query('CREATE TABLE copy_target (LIKE team_calls INCLUDING ALL)');
  await admin.query('CREATE TABLE copy_bare (LIKE team_calls INCLUDING DEFAULTS)');

  const local = linkedProfileDatabase(settings);
  const origin = { profileId: 'staging-1', environment: 'staging', baseUrl: 'https://api.dev.myhubble.money' } as const;
  const writer = new CallLogWriter(local.db, { maxBatch: Number.MAX_SAFE_INTEGER, flushIntervalMs: 3_600_000 });
  const start = Date.UTC(2026, 10, 1, 10);
  for (let index = 0; index < ROWS; index += 1) {
    writer.record(sampleCall(index, start + index * 50, origin));
    if ((index + 1) % 500 === 0) writer.flush();
  }
  writer.close();
  const outbox = local.db.prepare('SELECT count(*) FROM team_outbox').pluck();
  if (outbox.get() !== ROWS) throw new Error(`the outbox holds ${String(outbox.get())} entries, not ${ROWS}`);
  const bodyBytes = local.db
    .prepare(
      'SELECT avg(coalesce(length(request_body), 0) + coalesce(length(response_body), 0) + coalesce(length(failure), 0)) FROM api_calls',
    )
    .pluck()
    .get() as number;

  const identity: ShipperIdentity = { space: 'acme-staging', consoleId: 'bench-console', operator: 'Priya' };
  const payload = CALLS.columns.map(([name]) => name);
  const columns = ['space', 'console_id', 'operator', 'local_id', 'version', ...payload];
  // The same values drainOutbox ships: the identity, the row's id, version 0 (calls never change), every column.
  const select = local.db
    .prepare(
      `SELECT ? AS space, ? AS console_id, ? AS operator, id, 0, ${payload.join(', ')}
       FROM api_calls WHERE origin_console IS NULL ORDER BY id`,
    )
    .raw();
  const refill = local.db.prepare(CALLS.backfillSql);
  const fingerprint = async (table: string) =>
    (
      await admin.query<{ md5: string; rows: number }>(
        `SELECT md5(string_agg(row(${columns.join(', ')})::text, E'\\n' ORDER BY local_id)) AS md5, count(*)::int AS rows FROM ${table}`,
      )
    ).rows[0]!;

  const cpu = await cpuMeter(client);

  async function copyInto(table: string): Promise<Run> {
    await admin.query(`TRUNCATE ${table}`);
    await admin.query('CHECKPOINT');
    return timed(cpu, async () => {
      const rows = select.iterate(identity.space, identity.consoleId, identity.operator) as Iterable<unknown[]>;
      const copied = await copyRows(client, table, columns, rows);
      if (copied !== ROWS) throw new Error(`COPY into ${table} took ${copied} rows, not ${ROWS}`);
    });
  }

  async function drain(): Promise<Run> {
    await admin.query('TRUNCATE team_calls');
    await admin.query('CHECKPOINT');
    local.db.prepare('DELETE FROM team_outbox').run();
    refill.run();
    return timed(cpu, async () => {
      const result = await drainOutbox(local.db, client, identity);
      if (result.entries !== ROWS || result.added !== ROWS || result.remaining !== 0 || outbox.get() !== 0)
        throw new Error(`the drain did not ship every row once: ${JSON.stringify(result)}`);
    });
  }

  const runs = { drain: [] as Run[], copy: [] as Run[], bare: [] as Run[] };
  for (let round = 0; round < ROUNDS; round += 1) {
    const copyFirst = round % 2 === 0;
    if (copyFirst) runs.copy.push(await copyInto('copy_target'));
    runs.drain.push(await drain());
    if (!copyFirst) runs.copy.push(await copyInto('copy_target'));
    runs.bare.push(await copyInto('copy_bare'));
    if (round > 0) continue;
    const [shipped, copied] = [await fingerprint('team_calls'), await fingerprint('copy_target')];
    if (shipped.md5 !== copied.md5 || shipped.rows !== ROWS)
      throw new Error('the drained rows and the copied rows differ');
  }
  // The best run of each side: the one the machine's other users disturbed least.
  const best = (side: Run[]) => side.reduce((a, b) => (b.rowsPerSecond > a.rowsPerSecond ? b : a));
  const all = (side: Run[]) => side.map((run) => Math.round(run.rowsPerSecond).toLocaleString('en-US')).join(', ');
  const cpuOf = (run: Run) =>
    `cpu per 1000 rows: console ${run.consoleCpu.toFixed(1)} ms + server ${run.serverCpu === null ? 'n/a' : `${run.serverCpu.toFixed(1)} ms`}`;
  const cpuTotal = (run: Run) => run.consoleCpu + (run.serverCpu ?? 0);
  const [drained, copied, bare] = [best(runs.drain), best(runs.copy), best(runs.bare)];
  console.log(
    `rows:                       ${ROWS.toLocaleString('en-US')} calls, bodies ${bodyBytes.toFixed(0)} bytes on average; best of ${ROUNDS} runs each`,
  );
  console.log(
    `COPY (same table, indexes): ${rate(copied.rowsPerSecond)}   (runs: ${all(runs.copy)}; ${cpuOf(copied)})`,
  );
  console.log(`COPY (no key, no indexes):  ${rate(bare.rowsPerSecond)}   (runs: ${all(runs.bare)}; ${cpuOf(bare)})`);
  console.log(
    `drainOutbox (batch 1000):   ${rate(drained.rowsPerSecond)}   (runs: ${all(runs.drain)}; ${cpuOf(drained)})`,
  );
  console.log(
    `ratio (drain / COPY):       ${(drained.rowsPerSecond / copied.rowsPerSecond).toFixed(3)}   goal ≥ 0.5   (against the bare table: ${(drained.rowsPerSecond / bare.rowsPerSecond).toFixed(3)}; by CPU per row: ${(cpuTotal(copied) / cpuTotal(drained)).toFixed(3)})`,
  );

  await client.end();
  await admin.end();
  local.db.close();
  local.remove();
}

// ---------------------------------------------------------------- 2. write → visible in a teammate's console

async function teammateLag(cluster: PostgresCluster): Promise<void> {
  await createDatabase(cluster, 'team_lag');
  const sim = await startSimulator({ seed: 7 });
  const a = await openBenchConsole(sim, SUPERUSER_PASSWORD);
  const b = await openBenchConsole(sim, SUPERUSER_PASSWORD);
  try {
    await a.link(linkSettings(cluster, 'team_lag', 'Priya'), { prepare: true });
    await b.link(linkSettings(cluster, 'team_lag', 'Arjun'));
    const scopeA = a.core.kernel.scopes.get(a.profile.id);
    const dbB = b.core.kernel.scopes.get(b.profile.id).db;
    const origin = { profileId: a.profile.id, environment: 'staging', baseUrl: scopeA.connection().baseUrl } as const;

    // When each call was recorded, committed to A's SQLite (the call log's flush), and seen in B's SQLite.
    const recordedAt = new Map<string, number>();
    const seenAt = new Map<string, number>();
    const flushes: { lastId: number; rows: number; at: number }[] = [];
    const stopListening = a.core.events.connect((event, payload) => {
      const flushed = payload as { profileId: string; rows: number; lastId: number };
      if (event === 'calls.recorded' && flushed.profileId === a.profile.id)
        flushes.push({ lastId: flushed.lastId, rows: flushed.rows, at: performance.now() });
    });
    let lastSeenId = dbB.prepare('SELECT coalesce(max(id), 0) FROM api_calls').pluck().get() as number;
    const newInB = dbB.prepare('SELECT id, request_id FROM api_calls WHERE id > ? AND origin_console IS NOT NULL');
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const now = performance.now();
        for (const row of newInB.all(lastSeenId) as { id: number; request_id: string }[]) {
          lastSeenId = Math.max(lastSeenId, row.id);
          if (recordedAt.has(row.request_id) && !seenAt.has(row.request_id)) seenAt.set(row.request_id, now);
        }
        await sleep(POLL_MS);
      }
    })();

    const stall = monitorEventLoopDelay({ resolution: 10 });
    stall.enable();
    const total = Math.round(LAG_RATE * LAG_SECONDS);
    const loadStart = performance.now();
    for (let written = 0; written < total;) {
      const due = Math.min(total, Math.floor(((performance.now() - loadStart) / 1000) * LAG_RATE));
      for (; written < due; written += 1) {
        const call = sampleCall(written, Date.now(), origin);
        recordedAt.set(call.requestId, performance.now());
        scopeA.recorder.record(call);
      }
      await sleep(POLL_MS);
    }
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const deadline = performance.now() + 30_000;
    while (seenAt.size < total && performance.now() < deadline) await sleep(50);
    stall.disable();
    polling = false;
    await poller;
    stopListening();
    if (seenAt.size < total) throw new Error(`only ${seenAt.size} of ${total} calls reached the other console`);

    // A's own row ids of the calls, to find the flush that committed each one.
    const dbA = scopeA.db;
    const localIds = new Map(
      (
        dbA.prepare('SELECT request_id, id FROM api_calls WHERE origin_console IS NULL').all() as {
          request_id: string;
          id: number;
        }[]
      ).map((row) => [row.request_id, row.id]),
    );
    const committedAt = (id: number) =>
      flushes.find((flush) => id > flush.lastId - flush.rows && id <= flush.lastId)?.at;
    const endToEnd: number[] = [];
    const toCommit: number[] = [];
    const commitToVisible: number[] = [];
    for (const [requestId, recorded] of recordedAt) {
      const seen = seenAt.get(requestId)!;
      const committed = committedAt(localIds.get(requestId) ?? -1);
      endToEnd.push(seen - recorded);
      if (committed === undefined) continue;
      toCommit.push(committed - recorded);
      commitToVisible.push(seen - committed);
    }
    const summary = (values: number[]) =>
      `p50 ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))}, max ${ms(Math.max(...values))}`;
    const teamJobs = (teammate: typeof a) =>
      teammate.core.kernel.jobs
        .list(teammate.profile.id)
        .filter((job) => job.name.startsWith('team.'))
        .map((job) => `${job.name} ${job.consecutiveFailures} failures`)
        .join(', ');
    console.log(
      `\nsteady load:                ${total.toLocaleString('en-US')} calls recorded by console A at ${LAG_RATE}/s over ${loadSeconds.toFixed(1)} s; console B polled every ${POLL_MS} ms`,
    );
    console.log(`record → visible in B:      ${summary(endToEnd)}`);
    console.log(`  record → A's SQLite:      ${summary(toCommit)}   (the call log's flush)`);
    console.log(`  A's SQLite → visible in B: ${summary(commitToVisible)}   (ship, NOTIFY, pull)`);
    console.log(
      `event loop stall (one process, both consoles): p99 ${ms(stall.percentile(99) / 1e6)}, max ${ms(stall.max / 1e6)}; A: ${teamJobs(a)}; B: ${teamJobs(b)}`,
    );
  } finally {
    await a.stop();
    await b.stop();
    await sim.close();
  }
}

const benchStart = performance.now();
const load = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
console.log(`load average at the start: ${load()} (${os.cpus().length} cores)`);
const cluster = await startCluster();
try {
  await drainVersusCopy(cluster);
  if (LAG_SECONDS > 0) await teammateLag(cluster);
} finally {
  removeCluster(cluster);
}
console.log(`load average at the end: ${load()}; ${((performance.now() - benchStart) / 1000).toFixed(0)} s in all`);
