import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { LocalRow, TeamTable } from './shared-kinds.ts';

/** Who ships: the team space, this console, and the operator named on its link. */
export interface ShipperIdentity {
  readonly space: string;
  readonly consoleId: string;
  readonly operator: string;
}

const columnsOf = (kind: TeamTable) => ['local_id', 'version', ...kind.columns.map(([name]) => name)];

// PostgreSQL text cannot hold U+0000 (SQLite's can: a proxy's answer that is not JSON). Sent as is, it would fail
// its batch on every retry and hold the whole outbox behind it.
const COPY_SPECIAL = /[\\\t\n\r\0]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '\uFFFD' };

/** One value in COPY's text format: `\N` for NULL, backslash escapes for the characters that delimit. */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'string' ? value : String(value);
  return text.replace(COPY_SPECIAL, (special) => COPY_ESCAPES[special]!);
}

export function copyText(identity: ShipperIdentity, kind: TeamTable, rows: readonly LocalRow[]): string {
  const owner = [identity.space, identity.consoleId, identity.operator].map(copyValue).join('\t');
  const columns = columnsOf(kind);
  let text = '';
  for (const row of rows) text += `${owner}\t${columns.map((column) => copyValue(row[column])).join('\t')}\n`;
  return text;
}

/**
 * The rows of `rows` the team database does not hold yet. Their local ids are usually close together (the outbox
 * is in write order), so one range of the key finds those already there; a batch spread wide (an old order
 * updated beside new calls) asks for its ids instead, rather than scanning every row in between.
 */
async function notShippedYet(
  client: pg.ClientBase,
  identity: ShipperIdentity,
  kind: TeamTable,
  rows: readonly LocalRow[],
): Promise<readonly LocalRow[]> {
  let [low, high] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const row of rows) [low, high] = [Math.min(low, row.local_id), Math.max(high, row.local_id)];
  const owner = `SELECT local_id, version FROM ${kind.pgTable} WHERE space = $1 AND console_id = $2`;
  const present = await client.query<{ local_id: number; version: number }>(
    high - low <= 10 * rows.length ? `${owner} AND local_id BETWEEN $3 AND $4` : `${owner} AND local_id = ANY($3)`,
    high - low <= 10 * rows.length
      ? [identity.space, identity.consoleId, low, high]
      : [identity.space, identity.consoleId, rows.map((row) => row.local_id)],
  );
  if (present.rows.length === 0) return rows;
  const shipped = new Set(present.rows.map((row) => `${row.local_id}:${row.version}`));
  return rows.filter((row) => !shipped.has(`${row.local_id}:${row.version}`));
}

// One lock per space, held to commit: `seq` values are drawn in commit order, so a teammate reading "everything
// after seq N" can never miss a row that committed late with a smaller seq.
export const SPACE_LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtextextended('team:' || $1::text, 0))";

/**
 * Ships the rows of several kinds in one transaction; returns how many rows were new to the team database.
 * Rows go in with COPY, PostgreSQL's cheapest way in (a multi-row INSERT costs the server about twice as much),
 * after leaving out those a crash, a replay or a re-link already shipped: (space, console, local id, version) is
 * what makes a replay harmless. Every shipper of the space holds its lock, so nothing can add one of these rows
 * between the check and the COPY; the key would still refuse a duplicate (the batch fails, and its retry finds
 * the row there).
 */
export async function shipRows(
  client: pg.ClientBase,
  identity: ShipperIdentity,
  batches: readonly { kind: TeamTable; rows: readonly LocalRow[] }[],
): Promise<number> {
  let added = 0;
  await client.query('BEGIN');
  try {
    await client.query(SPACE_LOCK_SQL, [identity.space]);
    for (const { kind, rows } of batches) {
      if (rows.length === 0) continue;
      const fresh = await notShippedYet(client, identity, kind, rows);
      if (fresh.length === 0) continue;
      const copy = client.query(
        copyFrom(`COPY ${kind.pgTable} (space, console_id, operator, ${columnsOf(kind).join(', ')}) FROM STDIN`),
      );
      await pipeline(Readable.from([copyText(identity, kind, fresh)]), copy);
      added += copy.rowCount;
    }
    // Teammates listening pull at once instead of at their next poll.
    await client.query('SELECT pg_notify($1, $2)', ['team_rows', identity.space]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return added;
}
