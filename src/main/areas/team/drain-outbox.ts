import type Database from 'better-sqlite3';
import type pg from 'pg';
import { shipRows, type ShipperIdentity } from './ship-batch.ts';
import { kindNamed, readLocalRows, type LocalRow, type SharedKind } from './shared-kinds.ts';

export const DRAIN_BATCH_ROWS = 1000;

export interface DrainResult {
  /** outbox entries handled */
  readonly entries: number;
  /** rows the team database did not have yet */
  readonly added: number;
  readonly remaining: number;
}

interface OutboxEntry {
  seq: number;
  kind: string;
  row_id: number;
}

/**
 * Ships this console's outbox to the team database, oldest change first, one batch per PostgreSQL transaction.
 * An entry leaves the outbox only after its batch committed there; a crash in between ships the batch again,
 * which the team schema's key turns into nothing. A row deleted locally since (call-log retention) has nothing
 * left to ship and its entry simply goes.
 */
export async function drainOutbox(
  db: Database.Database,
  client: pg.ClientBase,
  identity: ShipperIdentity,
  options: { batchRows?: number; signal?: AbortSignal; onBatch?: (result: DrainResult) => void } = {},
): Promise<DrainResult> {
  const batchRows = options.batchRows ?? DRAIN_BATCH_ROWS;
  const oldest = db.prepare('SELECT seq, kind, row_id FROM team_outbox ORDER BY seq LIMIT ?');
  const forget = db.prepare('DELETE FROM team_outbox WHERE seq <= ?');
  const count = db.prepare('SELECT count(*) FROM team_outbox').pluck();
  let entries = 0;
  let added = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    const batch = oldest.all(batchRows) as OutboxEntry[];
    if (batch.length === 0) break;
    added += await shipRows(client, identity, readBatch(db, batch));
    // The batch is the oldest `batchRows` entries, so everything up to its last seq was shipped.
    forget.run(batch.at(-1)!.seq);
    entries += batch.length;
    options.onBatch?.({ entries, added, remaining: count.get() as number });
    if (batch.length < batchRows) break;
  }
  return { entries, added, remaining: count.get() as number };
}

function readBatch(db: Database.Database, batch: readonly OutboxEntry[]) {
  const idsByKind = new Map<SharedKind, Set<number>>();
  for (const entry of batch) {
    const kind = kindNamed(entry.kind);
    if (!kind) continue;
    let ids = idsByKind.get(kind);
    if (!ids) idsByKind.set(kind, (ids = new Set()));
    ids.add(entry.row_id);
  }
  // Read in one snapshot: an order changed between two reads would otherwise ship half old, half new.
  return db.transaction(() =>
    [...idsByKind].map(([kind, ids]) => ({ kind, rows: readLocalRows(db, kind, [...ids]) as LocalRow[] })),
  )();
}
