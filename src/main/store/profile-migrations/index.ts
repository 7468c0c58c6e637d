import type { Migration } from '../migrate.ts';
import { apiCallsMigration } from './001-api-calls.ts';
import { metricsMinuteMigration } from './002-metrics-minute.ts';

/** One database per profile (profiles/<id>.db): calls, orders, wallet, catalog, webhooks. Append only. */
export const profileMigrations: readonly Migration[] = [apiCallsMigration, metricsMinuteMigration];
