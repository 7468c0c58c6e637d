import { afterEach, describe, expect, it } from 'vitest';
import { appDbAt, insertProfile } from './app-db.ts';

let dispose = () => {};
afterEach(() => dispose());

describe('app migration 1: profiles', () => {
  it('creates the profiles table at user_version 1', () => {
    const app = appDbAt(1);
    dispose = app.dispose;
    expect(app.db.pragma('user_version', { simple: true })).toBe(1);
    insertProfile(app.db);
    expect(app.db.prepare('SELECT id, name, environment, base_url FROM profiles').all()).toEqual([
      { id: 'p1', name: 'Staging', environment: 'staging', base_url: null },
    ]);
  });

  it('refuses two profiles whose names differ only in case, so a typed confirmation names exactly one', () => {
    const app = appDbAt(1);
    dispose = app.dispose;
    insertProfile(app.db, { id: 'a', name: 'Production' });
    expect(() => insertProfile(app.db, { id: 'b', name: 'PRODUCTION' })).toThrow(/UNIQUE/);
  });

  it('stores a base URL for Custom profiles only, and refuses unknown environments', () => {
    const app = appDbAt(1);
    dispose = app.dispose;
    expect(() =>
      insertProfile(app.db, { id: 'a', name: 'a', environment: 'production', base_url: 'https://evil.example' }),
    ).toThrow(/CHECK/);
    expect(() => insertProfile(app.db, { id: 'b', name: 'b', environment: 'custom', base_url: null })).toThrow(/CHECK/);
    expect(() => insertProfile(app.db, { id: 'c', name: 'c', environment: 'prod' })).toThrow(/CHECK/);
    insertProfile(app.db, { id: 'd', name: 'd', environment: 'custom', base_url: 'https://proxy.example' });
  });

  it('has no column that could hold a secret', () => {
    const app = appDbAt(1);
    dispose = app.dispose;
    const columns = (app.db.prepare('PRAGMA table_info(profiles)').all() as { name: string }[]).map(
      (column) => column.name,
    );
    expect(columns.filter((name) => /secret|password|token/i.test(name))).toEqual([]);
  });
});
