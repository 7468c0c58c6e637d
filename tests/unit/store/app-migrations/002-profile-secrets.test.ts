import { afterEach, describe, expect, it } from 'vitest';
import { appDbAt, insertProfile } from './app-db.ts';

let dispose = () => {};
afterEach(() => dispose());

describe('app migration 2: profile_secrets', () => {
  it('records when a secret was set, without any column for its value', () => {
    const app = appDbAt(2);
    dispose = app.dispose;
    insertProfile(app.db);
    app.db
      .prepare("INSERT INTO profile_secrets (profile_id, kind, updated_at) VALUES ('p1', 'clientSecret', 'now')")
      .run();
    const columns = (app.db.prepare('PRAGMA table_info(profile_secrets)').all() as { name: string }[]).map(
      (column) => column.name,
    );
    expect(columns).toEqual(['profile_id', 'kind', 'updated_at']);
  });

  it('accepts only the two known kinds and only for existing profiles', () => {
    const app = appDbAt(2);
    dispose = app.dispose;
    insertProfile(app.db);
    expect(() => app.db.prepare("INSERT INTO profile_secrets VALUES ('p1', 'apiKey', 'now')").run()).toThrow(/CHECK/);
    expect(() => app.db.prepare("INSERT INTO profile_secrets VALUES ('nobody', 'clientSecret', 'now')").run()).toThrow(
      /FOREIGN KEY/,
    );
  });

  it('forgets the statuses with the profile (ON DELETE CASCADE)', () => {
    const app = appDbAt(2);
    dispose = app.dispose;
    insertProfile(app.db);
    app.db.prepare("INSERT INTO profile_secrets VALUES ('p1', 'webhookSecret', 'now')").run();
    app.db.prepare("DELETE FROM profiles WHERE id = 'p1'").run();
    expect(app.db.prepare('SELECT count(*) AS n FROM profile_secrets').get()).toEqual({ n: 0 });
  });
});
