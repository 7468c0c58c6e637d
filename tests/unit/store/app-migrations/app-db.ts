import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { appMigrations } from '../../../../src/main/store/app-migrations/index.ts';
import { migrate } from '../../../../src/main/store/migrate.ts';

/** A real app.db file brought up to (and including) migration `version`, to test one step on its predecessors. */
export function appDbAt(version: number): { db: Database.Database; dispose(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'app-migrations-'));
  const db = new Database(path.join(dir, 'app.db'));
  db.pragma('foreign_keys = ON');
  migrate(db, appMigrations.slice(0, version));
  return {
    db,
    dispose() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const insertProfile = (db: Database.Database, overrides: Record<string, unknown> = {}) =>
  db
    .prepare(
      `INSERT INTO profiles (id, name, environment, base_url, client_id, colour, wallet_minimum, poll_wallet_secs, poll_processing_secs,
        catalog_sync_hours, rate_limits_json, webhook_enabled, webhook_port, created_at, updated_at)
       VALUES (@id, @name, @environment, @base_url, 'cid', '#000000', NULL, 300, 30, 24, '[]', 0, 8787, 't', 't')`,
    )
    .run({ id: 'p1', name: 'Staging', environment: 'staging', base_url: null, ...overrides });
