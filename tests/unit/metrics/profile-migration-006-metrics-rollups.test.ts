import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/store/migrate.ts';
import { metricsRollupsMigration } from '../../../src/main/store/profile-migrations/006-metrics-rollups.ts';
import { dashboardMigrations } from './profile-db.ts';

const MINUTE = 28_000_000;

describe('profile migration "metrics-rollups"', () => {
  it('upgrades a database: old rollups outside the raw log are carried over, minutes the raw log covers are recomputed', () => {
    const all = dashboardMigrations();
    const index = all.findIndex((migration) => migration.name === metricsRollupsMigration.name);
    const db = new Database(':memory:');
    migrate(db, all.slice(0, index));
    const insertRollup = db.prepare(
      `INSERT INTO metrics_minute (minute, endpoint, http_status, outcome, error_key, order_status, calls, latency_ms_sum, latency_ms_max, le_50, le_500, amount_sum)
       VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, 0)`,
    );
    // past retention: only the rollups remain
    insertRollup.run(MINUTE, 'POST /v1/partners/orders', 400, 'failed', 'E400', 2, 80, 50, 2, 0);
    insertRollup.run(MINUTE, 'GET /v1/partners/wallet/balance', 403, 'failed', 'E004', 1, 30, 30, 1, 0);
    insertRollup.run(MINUTE, 'GET /v1/partners/wallet/balance', 0, 'failed', 'timeout', 1, 400, 400, 0, 1);
    // covered by raw calls (the rollup row here is stale on purpose: the migration recomputes it)
    insertRollup.run(MINUTE + 10, 'GET /v1/partners/wallet/balance', 200, 'ok', '', 99, 1, 1, 99, 0);
    db.prepare(
      `INSERT INTO api_calls (at, profile_id, environment, base_url, method, path, endpoint, http_status, outcome, error_kind, error_id, latency_ms, request_id)
       VALUES (?, 'p', 'staging', 'u', 'GET', '/v1/partners/wallet/balance', 'GET /v1/partners/wallet/balance', ?, ?, ?, ?, ?, ?)`,
    ).run((MINUTE + 9) * 60_000 + 59_000, 200, 'ok', null, null, 3, 'r0');
    for (const [offset, latency] of [
      [1_000, 3],
      [2_000, 320],
    ] as const) {
      db.prepare(
        `INSERT INTO api_calls (at, profile_id, environment, base_url, method, path, endpoint, http_status, outcome, latency_ms, request_id)
         VALUES (?, 'p', 'staging', 'u', 'GET', '/v1/partners/wallet/balance', 'GET /v1/partners/wallet/balance', 200, 'ok', ?, ?)`,
      ).run((MINUTE + 10) * 60_000 + offset, latency, `r${offset}`);
    }
    migrate(db, all);
    const rows = db
      .prepare(
        'SELECT minute, http_status, error_kind, error_key, calls, le_5, le_50, le_400, le_500 FROM metrics_minute ORDER BY minute, http_status',
      )
      .all();
    expect(rows).toEqual([
      {
        minute: MINUTE,
        http_status: 0,
        error_kind: 'timeout',
        error_key: 'timeout',
        calls: 1,
        le_5: 0,
        le_50: 0,
        le_400: 0,
        le_500: 1,
      },
      {
        minute: MINUTE,
        http_status: 400,
        error_kind: 'rate-limit',
        error_key: 'E400',
        calls: 2,
        le_5: 0,
        le_50: 2,
        le_400: 0,
        le_500: 0,
      },
      {
        minute: MINUTE,
        http_status: 403,
        error_kind: 'whitelisting',
        error_key: 'E004',
        calls: 1,
        le_5: 0,
        le_50: 1,
        le_400: 0,
        le_500: 0,
      },
      // recomputed from the raw calls (the minute of the oldest raw call, MINUTE + 9, keeps its old rollup: none)
      {
        minute: MINUTE + 10,
        http_status: 200,
        error_kind: '',
        error_key: '',
        calls: 2,
        le_5: 1,
        le_50: 0,
        le_400: 1,
        le_500: 0,
      },
    ]);
    expect(
      db.prepare('SELECT hour, endpoint, calls, failed, le_500 FROM metrics_endpoint_hour ORDER BY endpoint').all(),
    ).toEqual([
      { hour: Math.floor(MINUTE / 60), endpoint: 'GET /v1/partners/wallet/balance', calls: 4, failed: 2, le_500: 1 },
      { hour: Math.floor(MINUTE / 60), endpoint: 'POST /v1/partners/orders', calls: 2, failed: 2, le_500: 0 },
    ]);
    expect(
      db.prepare('SELECT error_kind, error_key, calls FROM metrics_error_minute ORDER BY error_key').all(),
    ).toEqual([
      { error_kind: 'whitelisting', error_key: 'E004', calls: 1 },
      { error_kind: 'rate-limit', error_key: 'E400', calls: 2 },
      { error_kind: 'timeout', error_key: 'timeout', calls: 1 },
    ]);
    db.close();
  });
});
