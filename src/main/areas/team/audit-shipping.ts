import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { AuditEntry } from '../../../shared/contract/audit.ts';
import { shipRows, type ShipperIdentity } from './ship-batch.ts';
import type { LocalRow, TeamTable } from './shared-kinds.ts';

export const AUDIT: TeamTable = {
  kind: 'audit',
  pgTable: 'team_audit',
  columns: [
    ['at', 'text'],
    ['last_at', 'text'],
    ['actor', 'text'],
    ['action', 'text'],
    ['profile_name', 'text'],
    ['details_json', 'text'],
    ['count', 'integer'],
  ],
};

const LAST_AT = 'audit.last_at';
const LAST_ID = 'audit.id';

type AuditSource = (after: { lastAt: string; id: number } | null, limit: number) => AuditEntry[];

/**
 * The audit log lives in app.db, beside every profile, so it cannot share a transaction with a profile's outbox.
 * It is append-and-coalesce only, which makes a position (last change time, id) as good as an outbox: entries
 * changed after the position are shipped, the position is saved only after the team database committed them,
 * and a coalesced repeat (count + 1) is a new version of its entry.
 */
export async function shipAudit(
  db: Database.Database,
  client: pg.ClientBase,
  identity: ShipperIdentity,
  changedSince: AuditSource,
  batchRows = 500,
): Promise<number> {
  const read = db.prepare('SELECT seq FROM team_cursors WHERE kind = ?').pluck();
  const save = db.prepare(
    'INSERT INTO team_cursors (kind, seq) VALUES (?, ?) ON CONFLICT (kind) DO UPDATE SET seq = excluded.seq',
  );
  let added = 0;
  for (;;) {
    const lastAt = read.get(LAST_AT) as number | undefined;
    const position =
      lastAt === undefined ? null : { lastAt: new Date(lastAt).toISOString(), id: read.get(LAST_ID) as number };
    const entries = changedSince(position, batchRows);
    if (entries.length === 0) return added;
    const rows: LocalRow[] = entries.map((entry) => ({
      local_id: entry.id,
      version: entry.count,
      at: entry.at,
      last_at: entry.lastAt,
      actor: entry.user,
      action: entry.action,
      profile_name: entry.profileName,
      details_json: JSON.stringify(entry.details),
      count: entry.count,
    }));
    added += await shipRows(client, identity, [{ kind: AUDIT, rows }]);
    const last = entries.at(-1)!;
    db.transaction(() => {
      save.run(LAST_AT, Date.parse(last.lastAt));
      save.run(LAST_ID, last.id);
    })();
    if (entries.length < batchRows) return added;
  }
}
