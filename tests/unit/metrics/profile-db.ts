import Database from 'better-sqlite3';
import { migrate, type Migration } from '../../../src/main/store/migrate.ts';
import { profileMigrations } from '../../../src/main/store/profile-migrations/index.ts';
import { metricsRollupsMigration } from '../../../src/main/store/profile-migrations/006-metrics-rollups.ts';
import { walletSamplesMigration } from '../../../src/main/store/profile-migrations/007-wallet-samples.ts';
import { alertsMigration } from '../../../src/main/store/profile-migrations/008-alerts.ts';

const OURS: readonly Migration[] = [metricsRollupsMigration, walletSamplesMigration, alertsMigration];

/**
 * The profile migrations with the dashboard's appended. Until the lead registers them in
 * profile-migrations/index.ts (and settles their numbers) they are renumbered after whatever is registered.
 */
export function dashboardMigrations(): readonly Migration[] {
  if (OURS.every((migration) => profileMigrations.includes(migration))) return profileMigrations;
  const base = profileMigrations.filter((migration) => !OURS.includes(migration));
  return [...base, ...OURS.map((migration, index) => ({ ...migration, version: base.length + index + 1 }))];
}

export function openProfileDb(file = ':memory:'): Database.Database {
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  migrate(db, dashboardMigrations());
  return db;
}
