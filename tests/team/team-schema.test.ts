import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT } from '../../src/main/areas/team/audit-shipping.ts';
import { drainOutbox } from '../../src/main/areas/team/drain-outbox.ts';
import { consoleRoleGrants, migrateTeamDatabase, schemaVersion } from '../../src/main/areas/team/pg-migrate.ts';
import { PG_SCHEMA_VERSION } from '../../src/main/areas/team/pg-migrations/index.ts';
import { pullTeamRows } from '../../src/main/areas/team/pull-rows.ts';
import { OUTBOX_KINDS } from '../../src/main/areas/team/shared-kinds.ts';
import { databaseUrl } from '../fixtures/postgres-cluster.ts';
import { cluster, freshDatabase, linkSettings } from './team-fixture.ts';
import { linkedProfileDatabase, writeCalls } from './local-history.ts';

const PG_TYPES: Record<string, string> = {
  text: 'text',
  bigint: 'bigint',
  integer: 'integer',
  'double precision': 'double precision',
};

let database: { name: string; admin: pg.Client };

beforeAll(async () => {
  database = await freshDatabase('schema');
});
afterAll(async () => {
  await database?.admin.end();
});

describe('the team schema', () => {
  it('migrates an empty database once; a second run changes nothing', async () => {
    expect(await schemaVersion(database.admin)).toBe(0);
    expect(await migrateTeamDatabase(database.admin)).toEqual({ from: 0, to: PG_SCHEMA_VERSION });
    expect(await migrateTeamDatabase(database.admin)).toEqual({ from: PG_SCHEMA_VERSION, to: PG_SCHEMA_VERSION });
    const steps = await database.admin.query('SELECT version, name FROM team_schema_migrations');
    expect(steps.rows).toEqual([{ version: 1, name: 'team-history' }]);
  });

  it('has every column the console ships, with its type, in every shared table', async () => {
    for (const table of [...OUTBOX_KINDS, AUDIT]) {
      const columns = await database.admin.query<{ column_name: string; data_type: string }>(
        'SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1',
        [table.pgTable],
      );
      const actual = new Map(columns.rows.map((row) => [row.column_name, row.data_type]));
      for (const [name, type] of table.columns)
        expect(actual.get(name), `${table.pgTable}.${name}`).toBe(PG_TYPES[type]);
      for (const identity of ['space', 'console_id', 'local_id', 'version', 'operator', 'seq'])
        expect(actual.has(identity), `${table.pgTable}.${identity}`).toBe(true);
    }
  });

  it('serves the lookups a support agent makes from an index, as the local store does', async () => {
    const indexes = await database.admin.query<{ indexdef: string }>(
      "SELECT indexdef FROM pg_indexes WHERE tablename IN ('team_calls', 'team_orders')",
    );
    const defs = indexes.rows.map((row) => row.indexdef).join('\n');
    for (const lookup of [
      'team_calls USING btree (space, request_id)',
      'team_calls USING btree (space, order_id)',
      'team_calls USING btree (space, reference_id)',
      'team_orders USING btree (space, reference_id)',
      'team_orders USING btree (space, order_id)',
      'team_calls USING btree (space, seq)',
    ])
      expect(defs).toContain(lookup);
  });
});

describe('what a shipped value may hold', () => {
  it('ships text PostgreSQL cannot store (U+0000) and every delimiter COPY knows, instead of blocking the outbox', async () => {
    const local = linkedProfileDatabase(linkSettings(database.name, 'Priya'));
    const client = new pg.Client(databaseUrl(cluster(), database.name));
    await client.connect();
    const awkward = 'a proxy said\u0000 "no"\tcol\\umn\r\nline two \\N ₹ 💳';
    try {
      writeCalls(local.db, 1, { response_body: awkward, failure: '\\N' });
      writeCalls(local.db, 1, { response_body: null });
      const drained = await drainOutbox(local.db, client, { space: 'values', consoleId: 'A', operator: 'Priya' });
      expect(drained).toMatchObject({ added: 2, remaining: 0 });
      const shipped = await client.query(
        "SELECT response_body, failure FROM team_calls WHERE space = 'values' ORDER BY local_id",
      );
      expect(shipped.rows).toEqual([
        { response_body: awkward.replace('\u0000', '\uFFFD'), failure: '\\N' },
        { response_body: null, failure: null },
      ]);
    } finally {
      await client.end();
      local.db.close();
      local.remove();
    }
  });
});

describe('the least-privilege console login', () => {
  const role = 'hubble_console';
  const password = 'console-login-password';

  beforeAll(async () => {
    await database.admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
    await database.admin.query(consoleRoleGrants(role));
  });

  it('can ship and pull, and can neither rewrite nor delete the team’s history', async () => {
    const url = databaseUrl(cluster(), database.name, role, password);
    const client = new pg.Client(url);
    await client.connect();
    const shipper = linkedProfileDatabase(linkSettings(database.name, 'Priya'));
    const reader = linkedProfileDatabase(linkSettings(database.name, 'Arjun'));
    try {
      writeCalls(shipper.db, 30);
      const drained = await drainOutbox(shipper.db, client, {
        space: 'acme-staging',
        consoleId: 'A',
        operator: 'Priya',
      });
      expect(drained.added).toBe(30);
      const pulled = await pullTeamRows(
        reader.db,
        client,
        { space: 'acme-staging', consoleId: 'B', operator: 'Arjun' },
        'p',
      );
      expect(pulled.calls).toBe(30);
      for (const statement of [
        "UPDATE team_calls SET path = '/forged'",
        'DELETE FROM team_calls',
        'TRUNCATE team_calls',
      ])
        await expect(client.query(statement), statement).rejects.toMatchObject({ code: '42501' });
    } finally {
      await client.end();
      shipper.db.close();
      reader.db.close();
      shipper.remove();
      reader.remove();
    }
  });

  it('cannot prepare a database: a clear error naming the owner, and nothing created', async () => {
    const empty = await freshDatabase('unprepared');
    await empty.admin.query(`GRANT CONNECT ON DATABASE ${empty.name} TO ${role}`);
    const client = new pg.Client(databaseUrl(cluster(), empty.name, role, password));
    await client.connect();
    try {
      await expect(migrateTeamDatabase(client)).rejects.toThrow(/owner/);
      const tables = await empty.admin.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
      expect(tables.rows[0]).toEqual({ n: 0 });
    } finally {
      await client.end();
      await empty.admin.end();
    }
  });
});
