import type pg from 'pg';
import { AppError } from '../../errors/app-error.ts';
import { pgMigrations, PG_SCHEMA_VERSION } from './pg-migrations/index.ts';

// Any 64-bit number: every console that migrates the same database takes the same lock, so two consoles that
// start together never run a step twice.
const MIGRATION_LOCK = 0x7465616d_6d6967n;

/** The schema version the team database is at (0: never prepared). Needs SELECT only. */
export async function schemaVersion(client: pg.ClientBase): Promise<number> {
  const exists = await client.query<{ table: string | null }>(
    "SELECT to_regclass('team_schema_migrations')::text AS table",
  );
  if (!exists.rows[0]?.table) return 0;
  const result = await client.query<{ version: number | null }>(
    'SELECT max(version)::int AS version FROM team_schema_migrations',
  );
  return result.rows[0]?.version ?? 0;
}

/**
 * Brings the team database to this console's schema. A console whose login may only insert and select (the
 * documented least-privilege role) cannot create tables: it gets a clear error naming the step to run as the
 * database owner, and nothing changes. A database newer than this console is accepted as long as it is a
 * superset (migrations only add).
 */
export async function migrateTeamDatabase(client: pg.ClientBase): Promise<{ from: number; to: number }> {
  const from = await schemaVersion(client);
  if (from >= PG_SCHEMA_VERSION) return { from, to: from };
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK.toString()]);
    await client.query(`CREATE TABLE IF NOT EXISTS team_schema_migrations (
      version    INTEGER     PRIMARY KEY,
      name       TEXT        NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const done = await client.query<{ version: number }>('SELECT version FROM team_schema_migrations');
    const applied = new Set(done.rows.map((row) => row.version));
    for (const migration of pgMigrations) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO team_schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
    await client.query('COMMIT');
    return { from, to: PG_SCHEMA_VERSION };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if ((error as { code?: string }).code === '42501') {
      throw new AppError(
        'VALIDATION',
        `The team database is at schema ${from}; this console needs ${PG_SCHEMA_VERSION}, and its login may not create tables. Prepare the database once with the owner's login (docs/team.md).`,
        { from, needed: PG_SCHEMA_VERSION },
      );
    }
    throw error;
  }
}

/**
 * What the console's own login needs and nothing more: read and append the shared tables, draw `seq` values.
 * No UPDATE, no DELETE, no DDL — a stolen console login can add rows but cannot rewrite the team's history.
 */
export function consoleRoleGrants(role: string): string {
  const quoted = `"${role.replaceAll('"', '""')}"`;
  return `
    GRANT USAGE ON SCHEMA public TO ${quoted};
    GRANT SELECT, INSERT ON team_spaces, team_consoles, team_calls, team_orders, team_webhook_events,
      team_brand_changes, team_alert_events, team_audit TO ${quoted};
    GRANT SELECT ON team_schema_migrations TO ${quoted};
    GRANT USAGE ON SEQUENCE team_seq TO ${quoted};`;
}
