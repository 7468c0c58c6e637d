import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/store/migrate.ts';
import { apiCallsMigration } from '../../../src/main/store/profile-migrations/001-api-calls.ts';
import { useTempDir } from '../../fixtures/temp-dir.ts';

const tempDir = useTempDir();

const planOf = (db: Database.Database, sql: string, ...params: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join(' | ');

describe('profile migration 1: api_calls', () => {
  it('creates the call log with the lookup indexes that keep support lookups off full scans', () => {
    const db = new Database(path.join(tempDir(), 'p.db'));
    expect(migrate(db, [apiCallsMigration])).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const columns = (db.prepare('PRAGMA table_info(api_calls)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(
      expect.arrayContaining([
        'at',
        'profile_id',
        'method',
        'path',
        'http_status',
        'latency_ms',
        'request_id',
        'error_id',
        'error_code',
        'order_id',
        'reference_id',
        'request_body',
        'response_body',
      ]),
    );
    expect(planOf(db, 'SELECT * FROM api_calls WHERE request_id = ?', 'x')).toMatch(/USING INDEX api_calls_request_id/);
    expect(planOf(db, 'SELECT * FROM api_calls WHERE order_id = ?', 'x')).toMatch(/USING INDEX api_calls_order_id/);
    expect(planOf(db, 'SELECT * FROM api_calls WHERE reference_id = ?', 'x')).toMatch(
      /USING INDEX api_calls_reference_id/,
    );
    expect(planOf(db, 'SELECT * FROM api_calls WHERE at >= ? ORDER BY at DESC LIMIT 10', 0)).toMatch(
      /USING INDEX api_calls_at/,
    );
    db.close();
  });

  it('refuses an outcome outside ok / failed / unknown', () => {
    const db = new Database(':memory:');
    migrate(db, [apiCallsMigration]);
    const insert = (outcome: string) =>
      db
        .prepare(
          `INSERT INTO api_calls (at, profile_id, environment, base_url, method, path, endpoint, outcome, latency_ms, request_id) VALUES (1, 'p', 'simulator', 'http://x', 'GET', '/', 'GET /', ?, 1, 'r')`,
        )
        .run(outcome);
    expect(() => insert('unknown')).not.toThrow();
    expect(() => insert('maybe')).toThrow(/CHECK constraint/);
    db.close();
  });
});
