import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../../src/main/store/migrate.ts';
import { appMigrations } from '../../../../src/main/store/app-migrations/index.ts';
import { appDbAt } from './app-db.ts';

let dispose = () => {};
afterEach(() => dispose());

describe('app migration 5: audit_log coalescing and retention', () => {
  it('gives existing entries a count of one and their own time as the latest occurrence', () => {
    const app = appDbAt(4);
    dispose = app.dispose;
    app.db
      .prepare("INSERT INTO audit_log (at, user, action) VALUES ('2025-01-01T00:00:00.000Z', 'ops', 'guard.refused')")
      .run();
    migrate(app.db, appMigrations.slice(0, 5));
    expect(app.db.pragma('user_version', { simple: true })).toBe(5);
    expect(app.db.prepare('SELECT count, last_at, coalesce_key FROM audit_log').all()).toEqual([
      { count: 1, last_at: '2025-01-01T00:00:00.000Z', coalesce_key: null },
    ]);
  });

  it('finds the entry to coalesce into and the entries to expire through indexes', () => {
    const app = appDbAt(5);
    dispose = app.dispose;
    const plan = (sql: string) =>
      (app.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join(' ');
    expect(plan("SELECT id, at FROM audit_log WHERE coalesce_key = 'k' ORDER BY id DESC LIMIT 1")).toContain(
      'audit_log_coalesce',
    );
    expect(plan("DELETE FROM audit_log WHERE last_at < '2025'")).toContain('audit_log_last_at');
  });
});
