import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileMigrations } from '../../../src/main/store/profile-migrations/index.ts';
import { ProfileDatabases } from '../../../src/main/store/profile-store.ts';
import { useTempDir } from '../../fixtures/temp-dir.ts';

const tempDir = useTempDir();

describe('ProfileDatabases', () => {
  it('keeps one WAL database per profile under <dataDir>/profiles, migrated to the latest schema', () => {
    const dataDir = tempDir();
    const databases = new ProfileDatabases(dataDir);
    const staging = databases.open('staging-1');
    const production = databases.open('prod-1');
    expect(staging.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(staging.pragma('user_version', { simple: true })).toBe(profileMigrations.length);
    staging.prepare(`INSERT INTO call_log_settings (key, value) VALUES ('k', 'staging')`).run();
    expect(production.prepare('SELECT count(*) AS n FROM call_log_settings').get()).toEqual({ n: 0 });
    expect(fs.existsSync(path.join(dataDir, 'profiles', 'staging-1.db'))).toBe(true);
    staging.close();
    production.close();
  });

  it('rejects profile ids that could escape the profiles folder', () => {
    const databases = new ProfileDatabases(tempDir());
    for (const bad of ['../app', 'a/b', '', '.hidden', 'x'.repeat(65)])
      expect(() => databases.open(bad)).toThrow(/Not a valid profile id/);
  });

  it('remove deletes the file and its WAL companions, and nothing of another profile', () => {
    const dataDir = tempDir();
    const databases = new ProfileDatabases(dataDir);
    const other = databases.open('kept');
    const db = databases.open('gone');
    db.prepare(`INSERT INTO call_log_settings (key, value) VALUES ('k', 'v')`).run();
    const file = databases.fileOf('gone');
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    expect(databases.filesOf('gone')).toHaveLength(3);
    db.close();
    expect(databases.remove('gone')).toBeGreaterThanOrEqual(1);
    for (const suffix of ['', '-wal', '-shm']) expect(fs.existsSync(`${file}${suffix}`)).toBe(false);
    expect(fs.existsSync(databases.fileOf('kept'))).toBe(true);
    const reopened = databases.open('gone');
    expect(reopened.prepare('SELECT count(*) AS n FROM call_log_settings').get()).toEqual({ n: 0 });
    reopened.close();
    other.close();
  });
});
