import type { Migration } from '../migrate.ts';

/** The app-wide database (app.db): profiles, settings, audit log. Append only. */
export const appMigrations: readonly Migration[] = [];
