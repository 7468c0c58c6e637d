import type { Migration } from '../migrate.ts';

/** One database per profile (profiles/<id>.db): calls, orders, wallet, catalog, webhooks. Append only. */
export const profileMigrations: readonly Migration[] = [];
