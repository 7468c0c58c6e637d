import type Database from 'better-sqlite3';
import {
  DEFAULT_STUCK_AFTER_MINUTES,
  watchSettingsSchema,
  type WatchSettings,
} from '../../../shared/contract/orders.ts';
import type { StuckRule } from './order-store.ts';

const KEY = 'watch';

/** The PROCESSING watcher's settings of one profile, kept in its own database (orders_settings). */
export function readWatchSettings(db: Database.Database): WatchSettings {
  const stored = db.prepare('SELECT value FROM orders_settings WHERE key = ?').pluck().get(KEY) as string | undefined;
  const parsed = stored === undefined ? null : watchSettingsSchema.safeParse(JSON.parse(stored));
  return parsed?.success ? parsed.data : { stuckAfterMinutes: DEFAULT_STUCK_AFTER_MINUTES };
}

export function writeWatchSettings(db: Database.Database, settings: WatchSettings): WatchSettings {
  const valid = watchSettingsSchema.parse(settings);
  db.prepare(
    'INSERT INTO orders_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(KEY, JSON.stringify(valid));
  return valid;
}

/** How summaries judge "stuck" right now on this profile. */
export const stuckRuleOf = (db: Database.Database, now: number): StuckRule => ({
  now,
  afterMs: readWatchSettings(db).stuckAfterMinutes * 60_000,
});
