import type Database from 'better-sqlite3';
import { DEFAULT_AUDIT_RETENTION_DAYS } from '../../../shared/contract/audit.ts';

const SETTING_KEY = 'auditRetentionDays';
const DAY_MS = 86_400_000;

export interface AuditRetention {
  days(): number;
  /** Stores the setting and deletes what it no longer keeps; answers how many entries went. */
  setDays(days: number): { days: number; deleted: number };
  /** Deletes entries whose latest occurrence is older than the setting; answers how many. */
  apply(): number;
  /** Applies now, then once a day, until stop(). */
  start(): void;
  stop(): void;
}

export interface AuditRetentionOptions {
  /** app.db: the setting lives in app_settings, the entries in audit_log. */
  db: Database.Database;
  now?: () => Date;
  intervalMs?: number;
  onError?: (where: string, error: unknown) => void;
}

/** How long the audit log keeps entries, like the call log's retention but app-wide and counted in days. */
export function createAuditRetention(options: AuditRetentionOptions): AuditRetention {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const read = db.prepare('SELECT value FROM app_settings WHERE key = ?');
  const write = db.prepare(
    'INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  // last_at, not at: a coalesced entry still being repeated is current, however long ago it began.
  const purge = db.prepare('DELETE FROM audit_log WHERE last_at < ?');
  let timer: NodeJS.Timeout | null = null;

  const days = (): number => {
    const row = read.get(SETTING_KEY) as { value: string } | undefined;
    const stored = row ? Number(row.value) : NaN;
    return Number.isInteger(stored) && stored > 0 ? stored : DEFAULT_AUDIT_RETENTION_DAYS;
  };
  const applyFor = (keepDays: number) => purge.run(new Date(now().getTime() - keepDays * DAY_MS).toISOString()).changes;
  const apply = () => applyFor(days());

  return {
    days,
    setDays: db.transaction((keepDays: number) => {
      write.run(SETTING_KEY, String(keepDays));
      return { days: keepDays, deleted: applyFor(keepDays) };
    }),
    apply,
    start() {
      if (timer) return;
      const run = () => {
        try {
          apply();
        } catch (error) {
          options.onError?.('audit.retention', error);
        }
      };
      run();
      timer = setInterval(run, options.intervalMs ?? DAY_MS);
      timer.unref?.();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
