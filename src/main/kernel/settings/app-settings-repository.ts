import type Database from 'better-sqlite3';

export type AppSettingKey = 'activeProfileId' | 'welcomeDismissedAt' | 'closeToTray' | 'consoleId';

/** App-wide settings in app.db, as text. */
export interface AppSettingsRepository {
  get(key: AppSettingKey): string | null;
  set(key: AppSettingKey, value: string): void;
}

export function createAppSettingsRepository(db: Database.Database): AppSettingsRepository {
  const select = db.prepare('SELECT value FROM app_settings WHERE key = ?');
  const upsert = db.prepare(
    'INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return {
    get: (key) => (select.get(key) as { value: string } | undefined)?.value ?? null,
    set: (key, value) => void upsert.run(key, value),
  };
}
