import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/store/migrate.ts';
import { profileMigrations } from '../../../src/main/store/profile-migrations/index.ts';
import { withGoLiveMigrations } from './go-live-migrations.ts';

const migrations = withGoLiveMigrations({ profileMigrations }).profileMigrations;

const insertRun = (db: Database.Database, values: Record<string, unknown>) =>
  db
    .prepare(
      `INSERT INTO go_live_runs (started_at, finished_at, mode, profile_name, environment, base_url, run_by, passed, failed,
         operator, addresses_json, items_json)
       VALUES (1, 2, @mode, 'P', 'production', 'https://api.myhubble.money', 'ops', @passed, 0, 0, '[]', @items)`,
    )
    .run({ mode: 'production', passed: 1, items: '[]', ...values });

describe('profile migration 11: go-live runs', () => {
  it('upgrades a version-10 database; modes, counts and JSON are checked; one confirmation per item', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 10));
    migrate(db, migrations.slice(0, 11));
    expect(db.pragma('user_version', { simple: true })).toBe(11);
    insertRun(db, {});
    expect(() => insertRun(db, { mode: 'maybe' })).toThrow(/CHECK/);
    expect(() => insertRun(db, { passed: -1 })).toThrow(/CHECK/);
    expect(() => insertRun(db, { items: 'not json' })).toThrow(/CHECK/);
    const confirm = db.prepare(
      "INSERT INTO go_live_confirmations (item_id, confirmed_by, confirmed_at, note) VALUES ('top-up-process', 'ops', 1, '')",
    );
    confirm.run();
    expect(() => confirm.run()).toThrow(/UNIQUE|PRIMARY KEY/);
    // the table has no column a secret could be put in by mistake beside the evidence
    const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('go_live_runs')").all();
    expect(columns.map((column) => column.name).filter((name) => /secret|token|password/i.test(name))).toEqual([]);
  });
});
