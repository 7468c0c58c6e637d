import { afterEach, describe, expect, it } from 'vitest';
import { appDbAt } from './app-db.ts';

let dispose = () => {};
afterEach(() => dispose());

describe('app migration 3: app_settings', () => {
  it('keeps one value per key', () => {
    const app = appDbAt(3);
    dispose = app.dispose;
    expect(app.db.pragma('user_version', { simple: true })).toBe(3);
    const put = app.db.prepare(
      'INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    put.run('activeProfileId', 'a');
    put.run('activeProfileId', 'b');
    expect(app.db.prepare('SELECT key, value FROM app_settings').all()).toEqual([
      { key: 'activeProfileId', value: 'b' },
    ]);
  });
});
