import type Database from 'better-sqlite3';
import { teamLinkSettingsSchema, type TeamLinkSettings } from '../../../shared/contract/team.ts';
import { OUTBOX_KINDS } from './shared-kinds.ts';

export interface StoredTeamLink {
  readonly enabled: boolean;
  readonly settings: TeamLinkSettings | null;
}

export function readTeamLink(db: Database.Database): StoredTeamLink {
  const row = db.prepare('SELECT enabled, settings_json FROM team_link WHERE id = 1').get() as
    { enabled: number; settings_json: string | null } | undefined;
  if (!row) return { enabled: false, settings: null };
  const parsed = row.settings_json ? teamLinkSettingsSchema.safeParse(JSON.parse(row.settings_json)) : null;
  const settings = parsed?.success ? parsed.data : null;
  return { enabled: row.enabled === 1 && settings !== null, settings };
}

/**
 * Saves the link. Turning it on — or pointing it at another database or space — enqueues every row this console
 * already has, in the same transaction as the switch, so history written before the link is shared too (shipping
 * is idempotent: a re-link costs the time to ship again, never a duplicate), and starts pulling that database
 * from its beginning.
 */
export function writeTeamLink(
  db: Database.Database,
  link: { enabled: boolean; settings: TeamLinkSettings },
  now: number,
): { backfilled: number } {
  return db.transaction(() => {
    const before = readTeamLink(db);
    db.prepare('UPDATE team_link SET enabled = ?, settings_json = ?, updated_at = ? WHERE id = 1').run(
      link.enabled ? 1 : 0,
      JSON.stringify(link.settings),
      now,
    );
    const elsewhere = before.settings?.url !== link.settings.url || before.settings?.space !== link.settings.space;
    if (elsewhere) db.prepare("DELETE FROM team_cursors WHERE kind LIKE 'pull.%' OR kind LIKE 'audit.%'").run();
    let backfilled = 0;
    if (link.enabled && (!before.enabled || elsewhere)) {
      db.prepare('DELETE FROM team_outbox').run();
      for (const kind of OUTBOX_KINDS) backfilled += db.prepare(kind.backfillSql).run().changes;
    }
    return { backfilled };
  })();
}

export const outboxBacklog = (db: Database.Database): number =>
  db.prepare('SELECT count(*) FROM team_outbox').pluck().get() as number;
