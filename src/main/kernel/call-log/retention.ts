import type Database from 'better-sqlite3';
import { bucketOfMinute, DERIVED_ROLLUP_TABLES } from './metrics-rollup.ts';

export const DEFAULT_RETENTION_DAYS = 90;
/** Rollups are tiny and feed long dashboard trends, so they outlive the raw calls. */
export const ROLLUP_RETENTION_DAYS = 400;
const DAY_MS = 86_400_000;
/** Deleting in slices keeps each write transaction short, so recording never waits long behind it. */
const DELETE_SLICE = 5_000;

export function readRetentionDays(db: Database.Database): number {
  const row = db.prepare("SELECT value FROM call_log_settings WHERE key = 'retention_days'").get() as
    { value: string } | undefined;
  const days = row ? Number(row.value) : NaN;
  return Number.isInteger(days) && days > 0 ? days : DEFAULT_RETENTION_DAYS;
}

export function writeRetentionDays(db: Database.Database, days: number): void {
  db.prepare(
    "INSERT INTO call_log_settings (key, value) VALUES ('retention_days', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  ).run(String(days));
}

/**
 * Deletes calls older than the retention window, and call rollups older than theirs: the wide minute table and
 * every narrow one (minute, hour and day tables alike; an hour or a day the cutoff falls inside is kept whole).
 * Returns calls deleted.
 */
export function applyRetention(db: Database.Database, now: number, days = readRetentionDays(db)): number {
  const cutoff = now - days * DAY_MS;
  const slice = db.prepare(
    'DELETE FROM api_calls WHERE id IN (SELECT id FROM api_calls WHERE at < ? ORDER BY at LIMIT ?)',
  );
  let deleted = 0;
  for (;;) {
    const changes = slice.run(cutoff, DELETE_SLICE).changes;
    deleted += changes;
    if (changes < DELETE_SLICE) break;
  }
  const rollupCutoffMinute = Math.floor((now - Math.max(days, ROLLUP_RETENTION_DAYS) * DAY_MS) / 60_000);
  db.prepare('DELETE FROM metrics_minute WHERE minute < ?').run(rollupCutoffMinute);
  for (const [table, column] of DERIVED_ROLLUP_TABLES)
    db.prepare(`DELETE FROM ${table} WHERE ${column} < ?`).run(bucketOfMinute(column, rollupCutoffMinute));
  return deleted;
}
