import type Database from 'better-sqlite3';

// While the profile is linked to a team (docs/team.md), every webhook_events row this console writes is shipped:
// the statement that changed it is followed, in the same transaction, by one that enqueues it (profile migration 14
// replaced the per-row triggers of migration 12 with these). The link is read once per statement, not per row.
const LINKED = '(SELECT enabled FROM team_link WHERE id = 1) = 1';

export interface TeamOutboxEntries {
  /** Rows first..last, just inserted by this transaction (ids are consecutive within it). */
  inserted(first: number, last: number): void;
  /** Rows whose ids are the `id` of each element of a JSON array, just updated by this transaction. */
  updated(idsJson: string): void;
}

export function prepareTeamOutboxEntries(db: Database.Database): TeamOutboxEntries {
  const range = db.prepare<[number, number]>(`
    INSERT INTO team_outbox (kind, row_id)
    SELECT 'webhook_events', id FROM webhook_events WHERE id BETWEEN ? AND ? AND ${LINKED} ORDER BY id`);
  const ids = db.prepare<[string]>(`
    INSERT INTO team_outbox (kind, row_id)
    SELECT 'webhook_events', value ->> 'id' FROM json_each(?) WHERE ${LINKED}`);
  return {
    inserted: (first, last) => void range.run(first, last),
    updated: (idsJson) => void ids.run(idsJson),
  };
}
