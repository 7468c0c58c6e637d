import { afterEach, describe, expect, it } from 'vitest';
import { appDbAt, insertProfile } from './app-db.ts';

let dispose = () => {};
afterEach(() => dispose());

describe('app migration 4: audit_log', () => {
  it('numbers entries in order and keeps them after their profile is gone', () => {
    const app = appDbAt(4);
    dispose = app.dispose;
    insertProfile(app.db);
    const insert = app.db.prepare(
      "INSERT INTO audit_log (at, user, action, profile_id, profile_name) VALUES ('t', 'ops', ?, 'p1', 'Staging')",
    );
    insert.run('profile.created');
    insert.run('profile.deleted');
    app.db.prepare("DELETE FROM profiles WHERE id = 'p1'").run();
    expect(app.db.prepare('SELECT id, action, profile_name, details_json FROM audit_log ORDER BY id').all()).toEqual([
      { id: 1, action: 'profile.created', profile_name: 'Staging', details_json: '{}' },
      { id: 2, action: 'profile.deleted', profile_name: 'Staging', details_json: '{}' },
    ]);
  });

  it('indexes entries by profile for the per-profile view', () => {
    const app = appDbAt(4);
    dispose = app.dispose;
    const plan = app.db
      .prepare("EXPLAIN QUERY PLAN SELECT * FROM audit_log WHERE profile_id = 'p1' ORDER BY id DESC")
      .all() as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toContain('audit_log_profile');
  });
});
