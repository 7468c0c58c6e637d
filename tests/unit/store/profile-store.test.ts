import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileMigrations } from '../../../src/main/store/profile-migrations/index.ts';
import { ProfileStores } from '../../../src/main/store/profile-store.ts';
import { useTempDir } from '../../fixtures/temp-dir.ts';

const tempDir = useTempDir();

describe('ProfileStores', () => {
  it('keeps one WAL database per profile under <dataDir>/profiles, migrated to the latest schema', () => {
    const dataDir = tempDir();
    const stores = new ProfileStores(dataDir);
    const staging = stores.database('staging-1');
    const production = stores.database('prod-1');
    expect(stores.database('staging-1')).toBe(staging);
    expect(staging.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(staging.pragma('user_version', { simple: true })).toBe(profileMigrations.length);
    staging.prepare(`INSERT INTO call_log_settings (key, value) VALUES ('k', 'staging')`).run();
    expect(production.prepare('SELECT count(*) AS n FROM call_log_settings').get()).toEqual({ n: 0 });
    expect(fs.existsSync(path.join(dataDir, 'profiles', 'staging-1.db'))).toBe(true);
    stores.closeAll();
  });

  it('rejects profile ids that could escape the profiles folder', () => {
    const stores = new ProfileStores(tempDir());
    for (const bad of ['../app', 'a/b', '', '.hidden', 'x'.repeat(65)])
      expect(() => stores.database(bad)).toThrow(/Not a valid profile id/);
  });

  it('runs close hooks before closing, and delete removes the file and its WAL companions', () => {
    const dataDir = tempDir();
    const stores = new ProfileStores(dataDir);
    const db = stores.database('gone');
    db.prepare(`INSERT INTO call_log_settings (key, value) VALUES ('k', 'v')`).run();
    const seen: string[] = [];
    stores.onBeforeClose((profileId, handle) => seen.push(`${profileId}:${handle.open}`));
    const file = stores.fileOf('gone');
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    stores.delete('gone');
    expect(seen).toEqual(['gone:true']);
    expect(db.open).toBe(false);
    expect(stores.isOpen('gone')).toBe(false);
    for (const suffix of ['', '-wal', '-shm']) expect(fs.existsSync(`${file}${suffix}`)).toBe(false);
    expect(stores.database('gone').prepare('SELECT count(*) AS n FROM call_log_settings').get()).toEqual({ n: 0 });
    stores.closeAll();
  });
});
