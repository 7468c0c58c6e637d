import { teamHistoryMigration } from './001-team-history.ts';
import type { PgMigration } from './pg-migration.ts';

/** The team database's schema, in order. Append only. */
export const pgMigrations: readonly PgMigration[] = [teamHistoryMigration];
export const PG_SCHEMA_VERSION = pgMigrations.at(-1)!.version;
