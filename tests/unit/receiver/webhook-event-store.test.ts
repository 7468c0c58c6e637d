import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createWebhookEventStore,
  type VerifiedDelivery,
  type WebhookEventStore,
} from '../../../src/main/areas/receiver/webhook-event-store.ts';
import { writerThreadPaysOff } from '../../../src/main/areas/receiver/worker-delivery-writer.ts';
import { events, openProfileDb, tempDir } from './receiver-fixture.ts';

let db: Database.Database;
let store: WebhookEventStore;
beforeEach(() => {
  db = openProfileDb(path.join(tempDir('receiver-store-'), 'p.db'));
  store = createWebhookEventStore(db);
});
afterEach(() => db.close());

const delivery = (key: string, text = `{"key":"${key}"}`): VerifiedDelivery => ({
  receivedAt: 1_000,
  sourceIp: '127.0.0.1',
  body: Buffer.from(text),
  headers: { 'x-verify': 'sig' },
  type: 'order-terminal-state',
  dedupeKey: key,
});

describe('webhook_events as the receiver writes it', () => {
  it('makes the first delivery of a key its owner and every later one, in the batch or after, its duplicate', () => {
    expect(store.storeVerifiedMany([delivery('a'), delivery('b'), delivery('a')])).toEqual([
      { id: 1, duplicateOf: null },
      { id: 2, duplicateOf: null },
      { id: 3, duplicateOf: 1 },
    ]);
    store.storeRejection({ receivedAt: 1, sourceIp: '10.0.0.1', verdict: 'invalid', reason: 'bad', bodyBytes: 3 });
    expect(store.storeVerified(delivery('b'))).toEqual({ id: 5, duplicateOf: 2 });
    expect(store.storeVerified(delivery('c'))).toEqual({ id: 6, duplicateOf: null });
    expect(events(db).map((row) => [row.id, row.state, row.dedupe_key, row.duplicate_of, row.headers_json])).toEqual([
      [1, 'pending', 'a', null, '{"x-verify":"sig"}'],
      [2, 'pending', 'b', null, '{"x-verify":"sig"}'],
      [3, 'duplicate', 'a', 1, '{"x-verify":"sig"}'],
      [4, 'rejected', null, null, '{}'],
      [5, 'duplicate', 'b', 2, '{"x-verify":"sig"}'],
      [6, 'pending', 'c', null, '{"x-verify":"sig"}'],
    ]);
  });

  it('records a batch of outcomes on pending rows only: applied, recorded and failed, each with its own values', () => {
    store.storeVerifiedMany(['a', 'b', 'c', 'd'].map((key) => delivery(key)));
    store.recordOutcomes([{ id: 4, state: 'recorded', changes: [], at: 40 }]);
    store.recordOutcomes([
      { id: 1, state: 'applied', changes: ['order 01J1 → SUCCESS', 'watch stopped'], at: 10 },
      { id: 2, state: 'recorded', changes: [], at: 20 },
      { id: 3, state: 'failed', error: `x${'y'.repeat(600)}`, at: 30 },
      // already recorded: keeps the outcome it has
      { id: 4, state: 'failed', error: 'late', at: 99 },
    ]);
    const rows = events(db).map(({ id, state, changes_json, error, processed_at, attempts }) => ({
      id,
      state,
      changes_json,
      error,
      processed_at,
      attempts,
    }));
    expect(rows).toEqual([
      {
        id: 1,
        state: 'applied',
        changes_json: '["order 01J1 → SUCCESS","watch stopped"]',
        error: null,
        processed_at: 10,
        attempts: 1,
      },
      { id: 2, state: 'recorded', changes_json: '[]', error: null, processed_at: 20, attempts: 1 },
      { id: 3, state: 'failed', changes_json: null, error: `x${'y'.repeat(499)}`, processed_at: 30, attempts: 1 },
      { id: 4, state: 'recorded', changes_json: '[]', error: null, processed_at: 40, attempts: 1 },
    ]);
    expect(store.pending(10)).toEqual([]);
  });

  it('puts the writes on a thread of their own only when a core is left for it', () => {
    expect([1, 2, 3, 8].map((cores) => writerThreadPaysOff(cores))).toEqual([false, false, true, true]);
  });
});
