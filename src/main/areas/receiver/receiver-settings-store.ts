import type Database from 'better-sqlite3';
import {
  DEFAULT_RECEIVER_SETTINGS,
  receiverSettingsSchema,
  type ReceiverSettings,
} from '../../../shared/contract/receiver.ts';

/** The receiver settings of one profile, in its own database; anything unreadable falls back to the safe defaults. */
export function readReceiverSettings(db: Database.Database): ReceiverSettings {
  const row = db.prepare<[], { value: string }>("SELECT value FROM receiver_settings WHERE key = 'settings'").get();
  if (!row) return { ...DEFAULT_RECEIVER_SETTINGS };
  try {
    const parsed = receiverSettingsSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : { ...DEFAULT_RECEIVER_SETTINGS };
  } catch {
    return { ...DEFAULT_RECEIVER_SETTINGS };
  }
}

export function writeReceiverSettings(db: Database.Database, settings: ReceiverSettings): void {
  db.prepare(
    "INSERT INTO receiver_settings (key, value) VALUES ('settings', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  ).run(JSON.stringify(receiverSettingsSchema.parse(settings)));
}
