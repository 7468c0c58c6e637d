import type Database from 'better-sqlite3';
import { prepareTeamOutboxEntries } from './team-outbox-entries.ts';

export type Verdict = 'valid' | 'invalid' | 'missing' | 'too-large' | 'forbidden' | 'rate-limited';
export type ProcessingState = 'rejected' | 'pending' | 'applied' | 'recorded' | 'failed' | 'duplicate';

export interface WebhookEventRow {
  id: number;
  received_at: number;
  source_ip: string;
  verdict: Verdict;
  reason: string | null;
  body: Buffer | null;
  body_bytes: number;
  headers_json: string;
  type: string | null;
  dedupe_key: string | null;
  duplicate_of: number | null;
  state: ProcessingState;
  attempts: number;
  changes_json: string | null;
  error: string | null;
  processed_at: number | null;
}

/** What processing reads of a pending event: its payload comes from the stored bytes, never from the request. */
export type PendingEvent = Pick<WebhookEventRow, 'id' | 'received_at' | 'type' | 'body'>;

export interface VerifiedDelivery {
  receivedAt: number;
  sourceIp: string;
  body: Buffer;
  headers: Record<string, string>;
  type: string | null;
  dedupeKey: string;
}

/** What processing made of a pending event; a batch of them is one commit. */
export type Outcome =
  | { id: number; state: 'applied' | 'recorded'; changes: readonly string[]; at: number }
  | { id: number; state: 'failed'; error: string; at: number };

export interface Rejection {
  receivedAt: number;
  sourceIp: string;
  verdict: Exclude<Verdict, 'valid'>;
  reason: string;
  bodyBytes: number;
}

/** receiver_settings key of the first time this profile's receiver listened (epoch ms as text). */
export const LISTENING_SINCE_KEY = 'listening_since';

export interface StoredDelivery {
  id: number;
  duplicateOf: number | null;
}

export interface WebhookEventStore {
  /** One synchronous transaction: when it returns, the event is committed (the 200 may go). */
  storeVerified(delivery: VerifiedDelivery): StoredDelivery;
  /** Several deliveries in one transaction (group commit): all are committed when it returns. */
  storeVerifiedMany(deliveries: readonly VerifiedDelivery[]): StoredDelivery[];
  storeRejection(rejection: Rejection): number;
  pending(limit: number): PendingEvent[];
  get(id: number): WebhookEventRow | null;
  /** One transaction; a row that is no longer pending keeps the outcome it has. */
  recordOutcomes(outcomes: readonly Outcome[]): void;
  /** Several rejection records in one transaction. */
  storeRejections(rejections: readonly Rejection[]): void;
  /** Keeps the first time the receiver listened: orders settled before it cannot have missed a webhook. */
  noteListening(at: number): void;
}

export function createWebhookEventStore(db: Database.Database): WebhookEventStore {
  const outbox = prepareTeamOutboxEntries(db);
  const owner = db.prepare<[string], { id: number }>(
    'SELECT id FROM webhook_events WHERE dedupe_key = ? AND duplicate_of IS NULL',
  );
  const insert = db.prepare(`
    INSERT INTO webhook_events (received_at, source_ip, verdict, reason, body, body_bytes, headers_json, type,
                                dedupe_key, duplicate_of, state)
    VALUES (@receivedAt, @sourceIp, @verdict, @reason, @body, @bodyBytes, @headersJson, @type, @dedupeKey,
            @duplicateOf, @state)`);
  const insertDuplicate = db.prepare<[number, string, Buffer, number, string, string | null, string, number]>(`
    INSERT INTO webhook_events (received_at, source_ip, verdict, body, body_bytes, headers_json, type, dedupe_key,
                                duplicate_of, state)
    VALUES (?, ?, 'valid', ?, ?, ?, ?, ?, ?, 'duplicate')`);
  // The first delivery of a key is inserted as its owner in one statement; the dedupe index refusing it is what
  // says it is a duplicate (no lookup per delivery, and the rare duplicate pays for its own).
  const insertOwner = db.prepare<[number, string, Buffer, number, string, string | null, string]>(`
    INSERT INTO webhook_events (received_at, source_ip, verdict, body, body_bytes, headers_json, type, dedupe_key,
                                duplicate_of, state)
    VALUES (?, ?, 'valid', ?, ?, ?, ?, ?, NULL, 'pending')
    ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL AND duplicate_of IS NULL DO NOTHING`);
  // Called inside a transaction only: a savepoint per row would cost more than the row.
  const storeOne = (delivery: VerifiedDelivery): StoredDelivery => {
    const row = [
      delivery.receivedAt,
      delivery.sourceIp,
      delivery.body,
      delivery.body.length,
      JSON.stringify(delivery.headers),
      delivery.type,
      delivery.dedupeKey,
    ] as const;
    const owned = insertOwner.run(...row);
    if (owned.changes === 1) return { id: Number(owned.lastInsertRowid), duplicateOf: null };
    const duplicateOf = owner.get(delivery.dedupeKey)!.id;
    return { id: Number(insertDuplicate.run(...row, duplicateOf).lastInsertRowid), duplicateOf };
  };
  // IMMEDIATE: the receiver's writer thread and main both write this table; a deferred transaction that read the
  // dedupe owner first could not take the write lock after the other connection's commit (SQLITE_BUSY, no wait).
  const storeBatch = (deliveries: readonly VerifiedDelivery[]): StoredDelivery[] => {
    const stored = deliveries.map(storeOne);
    if (stored.length > 0) outbox.inserted(stored[0]!.id, stored[stored.length - 1]!.id);
    return stored;
  };
  const storeVerified = db.transaction((delivery: VerifiedDelivery) => storeBatch([delivery])[0]!).immediate;
  const storeVerifiedMany = db.transaction(storeBatch).immediate;
  const pending = db.prepare<[number], PendingEvent>(
    "SELECT id, received_at, type, body FROM webhook_events WHERE state = 'pending' ORDER BY id LIMIT ?",
  );
  const byId = db.prepare<[number], WebhookEventRow>('SELECT * FROM webhook_events WHERE id = ?');
  // A batch of outcomes is one statement (a row's values from the JSON array): statement overhead per event was a
  // third of the cost of recording it. A row no longer pending keeps the outcome it has; a failure keeps the
  // changes column as it was.
  const recordOutcomeBatch = db.prepare<[string]>(`
    UPDATE webhook_events
       SET state = o.value ->> 'state',
           changes_json = CASE WHEN o.value ->> 'state' = 'failed' THEN webhook_events.changes_json ELSE o.value ->> 'changes' END,
           error = o.value ->> 'error',
           processed_at = o.value ->> 'at',
           attempts = attempts + 1
      FROM json_each(?) AS o
     WHERE webhook_events.id = o.value ->> 'id' AND webhook_events.state = 'pending'`);
  const recordOutcomes = db.transaction((outcomes: readonly Outcome[]) => {
    if (outcomes.length === 0) return;
    const rows = JSON.stringify(
      outcomes.map((outcome) =>
        outcome.state === 'failed'
          ? { id: outcome.id, state: 'failed', error: outcome.error.slice(0, 500), at: outcome.at }
          : { id: outcome.id, state: outcome.state, changes: JSON.stringify(outcome.changes), at: outcome.at },
      ),
    );
    recordOutcomeBatch.run(rows);
    // A row that was no longer pending is enqueued too: shipping a row's same state again adds nothing.
    outbox.updated(rows);
  }).immediate;
  const insertRejection = (rejection: Rejection) =>
    Number(
      insert.run({
        receivedAt: rejection.receivedAt,
        sourceIp: rejection.sourceIp,
        verdict: rejection.verdict,
        reason: rejection.reason,
        body: null,
        bodyBytes: rejection.bodyBytes,
        headersJson: '{}',
        type: null,
        dedupeKey: null,
        duplicateOf: null,
        state: 'rejected',
      }).lastInsertRowid,
    );
  const storeRejectionBatch = (rejections: readonly Rejection[]): number[] => {
    const ids = rejections.map(insertRejection);
    if (ids.length > 0) outbox.inserted(ids[0]!, ids[ids.length - 1]!);
    return ids;
  };
  const storeRejection = db.transaction((rejection: Rejection) => storeRejectionBatch([rejection])[0]!).immediate;
  const storeRejections = db.transaction((rejections: readonly Rejection[]) => {
    storeRejectionBatch(rejections);
  }).immediate;
  return {
    storeVerified,
    storeVerifiedMany,
    storeRejection,
    storeRejections,
    recordOutcomes,
    pending: (limit) => pending.all(limit),
    get: (id) => byId.get(id) ?? null,
    noteListening: (at) =>
      void db
        .prepare(`INSERT OR IGNORE INTO receiver_settings (key, value) VALUES ('${LISTENING_SINCE_KEY}', ?)`)
        .run(String(at)),
  };
}
