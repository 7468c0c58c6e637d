import type Database from 'better-sqlite3';
import { prepareTeamOutboxEntries } from './team-outbox-entries.ts';
import type { WebhookEventRow } from './webhook-event-store.ts';

export interface EventFilter {
  type?: string;
  verdict?: string;
  from?: number;
  to?: number;
  beforeId?: number;
  limit?: number;
}

/** Newest first, keyset-paged by id: constant-time pages however many deliveries the table holds. */
export function listEvents(db: Database.Database, filter: EventFilter): WebhookEventRow[] {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: filter.limit ?? 200 };
  const add = (clause: string, name: string, value: unknown) => {
    if (value === undefined) return;
    where.push(clause);
    params[name] = value;
  };
  add('type = @type', 'type', filter.type);
  add('verdict = @verdict', 'verdict', filter.verdict);
  add('received_at >= @from', 'from', filter.from);
  add('received_at < @to', 'to', filter.to);
  add('id < @beforeId', 'beforeId', filter.beforeId);
  const sql = `SELECT id, received_at, source_ip, verdict, reason, NULL AS body, body_bytes, headers_json, type,
                      dedupe_key, duplicate_of, state, attempts, changes_json, error, processed_at
               FROM webhook_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
               ORDER BY id DESC LIMIT @limit`;
  return db.prepare<Record<string, unknown>, WebhookEventRow>(sql).all(params);
}

export const countPending = (db: Database.Database): number =>
  db.prepare<[], { n: number }>("SELECT count(*) AS n FROM webhook_events WHERE state = 'pending'").get()!.n;

/** A failed event goes back to pending (the operator fixed what made it fail); any other state is left alone. */
export const requeueFailed = (db: Database.Database, id: number): boolean =>
  db
    .transaction(() => {
      const requeued =
        db
          .prepare("UPDATE webhook_events SET state = 'pending', error = NULL WHERE id = ? AND state = 'failed'")
          .run(id).changes === 1;
      if (requeued) prepareTeamOutboxEntries(db).updated(JSON.stringify([{ id }]));
      return requeued;
    })
    .immediate();
