import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainOutbox } from '../../src/main/areas/team/drain-outbox.ts';
import { migrateTeamDatabase } from '../../src/main/areas/team/pg-migrate.ts';
import { databaseUrl, startServer, stopServer } from '../fixtures/postgres-cluster.ts';
import { cluster, freshDatabase, linkSettings } from './team-fixture.ts';
import { linkedProfileDatabase, writeCalls } from './local-history.ts';

const ROUNDS = 20;
const FAULTS = ['server stopped mid-drain', 'connection cut mid-drain', 'console killed (SIGKILL) mid-batch'] as const;
const identity = { space: 'acme-staging', consoleId: 'console-under-faults', operator: 'Priya' };

let database: { name: string; admin: pg.Client };
let url: string;
let local: ReturnType<typeof linkedProfileDatabase>;

beforeAll(async () => {
  database = await freshDatabase('faults');
  await migrateTeamDatabase(database.admin);
  await database.admin.end();
  url = databaseUrl(cluster(), database.name);
  local = linkedProfileDatabase(linkSettings(database.name, 'Priya'));
});

afterAll(() => {
  local?.db.close();
  local?.remove();
});

async function connect(): Promise<pg.Client> {
  const client = new pg.Client(url);
  // A server that goes away mid-query also errors the idle socket: that must not end the test process.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/**
 * Drains with small batches and runs `fault` after the second committed batch. A synchronous fault (a stopped
 * server, a cut connection) is complete before the drain's next batch starts, so the drain always dies mid-way.
 */
async function drainUntilFault(fault: (client: pg.Client) => void | Promise<void>): Promise<void> {
  const client = await connect();
  let batches = 0;
  let injected: Promise<void> | null = null;
  await drainOutbox(local.db, client, identity, {
    batchRows: 25,
    onBatch: () => {
      batches += 1;
      if (batches === 2) injected = Promise.resolve(fault(client));
    },
  }).catch(() => undefined);
  await injected;
  await client.end().catch(() => undefined);
}

async function killChildMidBatch(): Promise<void> {
  const child = spawn(
    process.execPath,
    [path.join(import.meta.dirname, 'drain-child.ts'), local.file, url, identity.space, identity.consoleId],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      // The first committed batch proves the child is mid-drain; the kill lands inside a later one.
      if (chunk.toString().includes('batch')) {
        child.kill('SIGKILL');
        resolve();
      }
    });
    child.on('exit', () => resolve());
  });
  await new Promise((resolve) =>
    child.exitCode !== null || child.signalCode ? resolve(null) : child.on('exit', resolve),
  );
}

describe(`the outbox drain under faults (${ROUNDS} rounds)`, () => {
  it('leaves every local row in PostgreSQL exactly once after recovery', async () => {
    const seen = new Set<string>();
    const interrupted: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      writeCalls(local.db, 200);
      const fault = FAULTS[round % FAULTS.length]!;
      seen.add(fault);
      if (fault === 'server stopped mid-drain') {
        await drainUntilFault(() => stopServer(cluster(), 'immediate'));
        startServer(cluster());
      } else if (fault === 'connection cut mid-drain') {
        // Synchronous, like the server stop: the drain's next batch meets a connection the server has closed.
        await drainUntilFault((client) => {
          const pid = (client as unknown as { processID: number }).processID;
          execFileSync(path.join(cluster().binDir, 'psql'), [url, '-c', `SELECT pg_terminate_backend(${pid})`], {
            stdio: 'ignore',
          });
        });
      } else {
        await killChildMidBatch();
      }
      // The fault really cut the drain short: part of this round's rows still wait.
      interrupted.push(local.db.prepare('SELECT count(*) FROM team_outbox').pluck().get() as number);
      // Recovery: the console's next drain, on a new connection.
      const client = await connect();
      await drainOutbox(local.db, client, identity);
      await client.end();
    }
    expect([...seen]).toEqual([...FAULTS]);
    expect(interrupted.filter((waiting) => waiting === 0 || waiting === 200)).toEqual([]);

    const localIds = local.db.prepare('SELECT id FROM api_calls ORDER BY id').pluck().all() as number[];
    expect(localIds).toHaveLength(ROUNDS * 200);
    const client = await connect();
    const shipped = await client.query<{ local_id: number; copies: number }>(
      `SELECT local_id::int AS local_id, count(*)::int AS copies FROM team_calls
       WHERE space = $1 AND console_id = $2 GROUP BY local_id ORDER BY local_id`,
      [identity.space, identity.consoleId],
    );
    await client.end();
    expect(shipped.rows.filter((row) => row.copies !== 1)).toEqual([]);
    expect(shipped.rows.map((row) => row.local_id)).toEqual(localIds);
    expect(local.db.prepare('SELECT count(*) FROM team_outbox').pluck().get()).toBe(0);
  });
});
