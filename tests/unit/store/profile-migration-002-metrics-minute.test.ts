import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/store/migrate.ts';
import { apiCallsMigration } from '../../../src/main/store/profile-migrations/001-api-calls.ts';
import { metricsMinuteMigration } from '../../../src/main/store/profile-migrations/002-metrics-minute.ts';

describe('profile migration 2: metrics_minute', () => {
  it('upgrades a version-1 database and merges rows on the rollup key', () => {
    const db = new Database(':memory:');
    migrate(db, [apiCallsMigration]);
    expect(migrate(db, [apiCallsMigration, metricsMinuteMigration])).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    const upsert = db.prepare(`
      INSERT INTO metrics_minute (minute, endpoint, http_status, outcome, error_key, order_status, calls, latency_ms_sum, latency_ms_max)
      VALUES (1, 'GET /v1/partners/wallet/balance', 200, 'ok', '', '', 1, ?, ?)
      ON CONFLICT (minute, endpoint, http_status, outcome, error_key, order_status)
      DO UPDATE SET calls = calls + 1, latency_ms_sum = latency_ms_sum + excluded.latency_ms_sum, latency_ms_max = max(latency_ms_max, excluded.latency_ms_max)`);
    upsert.run(10, 10);
    upsert.run(30, 30);
    expect(db.prepare('SELECT calls, latency_ms_sum, latency_ms_max, le_50 FROM metrics_minute').all()).toEqual([
      { calls: 2, latency_ms_sum: 40, latency_ms_max: 30, le_50: 0 },
    ]);
    db.close();
  });
});
