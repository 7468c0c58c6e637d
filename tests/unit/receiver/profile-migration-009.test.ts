import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/store/migrate.ts';
import { receiverTestMigrations } from './receiver-fixture.ts';

const insert = (db: Database.Database, values: Record<string, unknown>) =>
  db
    .prepare(
      `INSERT INTO webhook_events (received_at, source_ip, verdict, body, body_bytes, headers_json, dedupe_key, duplicate_of, state)
       VALUES (@received_at, '127.0.0.1', @verdict, @body, 2, '{}', @dedupe_key, @duplicate_of, @state)`,
    )
    .run({
      received_at: 1,
      verdict: 'valid',
      body: Buffer.from('{}'),
      dedupe_key: null,
      duplicate_of: null,
      state: 'pending',
      ...values,
    });

describe('profile migration 9: webhook events', () => {
  it('upgrades a version-8 database; one owner per dedupe key, duplicates point at it; verdicts and states are closed sets', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, receiverTestMigrations.slice(0, 8));
    migrate(db, receiverTestMigrations.slice(0, 9));
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    const first = Number(insert(db, { dedupe_key: 'order:1:SUCCESS' }).lastInsertRowid);
    expect(() => insert(db, { dedupe_key: 'order:1:SUCCESS' })).toThrow(/UNIQUE/);
    insert(db, { dedupe_key: 'order:1:SUCCESS', duplicate_of: first, state: 'duplicate' });
    expect(() => insert(db, { verdict: 'maybe' })).toThrow(/CHECK/);
    expect(() => insert(db, { state: 'done' })).toThrow(/CHECK/);
    expect(() => insert(db, { duplicate_of: 999 })).toThrow(/FOREIGN KEY/);
  });
});
