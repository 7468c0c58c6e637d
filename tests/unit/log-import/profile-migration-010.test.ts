import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/store/migrate.ts';
import { receiverTestMigrations } from '../receiver/receiver-fixture.ts';

const call = (db: Database.Database, extra = '', values: unknown[] = []) =>
  db
    .prepare(
      `INSERT INTO api_calls (at, profile_id, environment, base_url, method, path, endpoint, outcome, latency_ms, request_id${extra ? `, ${extra}` : ''})
       VALUES (1, 'p', 'production', 'b', 'GET', '/x', 'GET /x', 'ok', 1, 'r'${values.map(() => ', ?').join('')})`,
    )
    .run(...values);

describe('profile migration 10: imported calls', () => {
  it("keeps existing calls as source 'console', dedupes imports by import_key, and adds mappings and follows", () => {
    const db = new Database(':memory:');
    migrate(db, receiverTestMigrations.slice(0, 9));
    call(db);
    migrate(db, receiverTestMigrations);
    expect(db.prepare('SELECT source, import_key, brand FROM api_calls').all()).toEqual([
      { source: 'console', import_key: null, brand: null },
    ]);
    call(db, 'source, import_key', ['import', 'rid:1']);
    expect(() => call(db, 'source, import_key', ['import', 'rid:1'])).toThrow(/UNIQUE/);
    expect(() => call(db, 'source', ['somewhere'])).toThrow(/CHECK/);
    call(db); // the console's own rows have no import key: any number of them
    expect(db.prepare('SELECT count(*) AS n FROM api_calls').get()).toEqual({ n: 3 });
    db.prepare("INSERT INTO log_import_mappings VALUES ('csv', '{}', 1)").run();
    db.prepare("INSERT INTO log_follows (path, format, started_at) VALUES ('/var/log/x.jsonl', 'jsonl', 1)").run();
  });
});
