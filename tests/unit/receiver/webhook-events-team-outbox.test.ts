import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requeueFailed } from '../../../src/main/areas/receiver/event-queries.ts';
import {
  createWebhookEventStore,
  type VerifiedDelivery,
  type WebhookEventStore,
} from '../../../src/main/areas/receiver/webhook-event-store.ts';
import { writeTeamLink } from '../../../src/main/areas/team/team-link-store.ts';
import { migrate } from '../../../src/main/store/migrate.ts';
import { linkedToTeam } from '../../fixtures/team-link-settings.ts';
import { openProfileDb, receiverTestMigrations, tempDir } from './receiver-fixture.ts';

const settings = linkedToTeam;

let db: Database.Database;
let store: WebhookEventStore;
beforeEach(() => {
  db = openProfileDb(path.join(tempDir('receiver-outbox-'), 'p.db'));
  store = createWebhookEventStore(db);
});
afterEach(() => db.close());

const outbox = () =>
  db.prepare("SELECT row_id FROM team_outbox WHERE kind = 'webhook_events' ORDER BY seq").pluck().all() as number[];
const delivery = (key: string): VerifiedDelivery => ({
  receivedAt: 1,
  sourceIp: '127.0.0.1',
  body: Buffer.from(`{"key":"${key}"}`),
  headers: {},
  type: 'order-terminal-state',
  dedupeKey: key,
});
const rejection = { receivedAt: 1, sourceIp: '10.0.0.9', verdict: 'invalid', reason: 'bad', bodyBytes: 3 } as const;

describe('team mode’s outbox entries for webhook_events, written by the receiver’s store', () => {
  it('enqueues every row the receiver inserts or updates while linked, each once, in the same transaction', () => {
    writeTeamLink(db, { enabled: true, settings }, 1);
    // owners and a duplicate, a rejection alone and two in one transaction
    expect(store.storeVerifiedMany([delivery('a'), delivery('b'), delivery('a')]).map((row) => row.id)).toEqual([
      1, 2, 3,
    ]);
    store.storeRejection(rejection);
    store.storeRejections([rejection, rejection]);
    expect(outbox()).toEqual([1, 2, 3, 4, 5, 6]);
    store.recordOutcomes([
      { id: 1, state: 'applied', changes: ['order a'], at: 2 },
      { id: 2, state: 'failed', error: 'no order', at: 2 },
    ]);
    expect(requeueFailed(db, 2)).toBe(true);
    // not failed: nothing changes, nothing is enqueued
    expect(requeueFailed(db, 1)).toBe(false);
    expect(outbox()).toEqual([1, 2, 3, 4, 5, 6, 1, 2, 2]);
    // A batch that fails stores nothing and enqueues nothing (the CHECK refuses the verdict of the third row).
    expect(() =>
      store.storeRejections([rejection, rejection, { ...rejection, verdict: 'maybe' as 'invalid' }]),
    ).toThrow(/CHECK/);
    expect(outbox()).toHaveLength(9);
  });

  it('enqueues nothing while the profile is not linked', () => {
    store.storeVerifiedMany([delivery('a'), delivery('a')]);
    store.storeRejection(rejection);
    store.recordOutcomes([{ id: 1, state: 'failed', error: 'no order', at: 2 }]);
    requeueFailed(db, 1);
    expect(outbox()).toEqual([]);
  });
});

describe('profile migration 14: webhook_events leaves its team triggers to the store', () => {
  it('drops the two webhook_events triggers of a version-13 database, keeps its rows and the other tables’ triggers', () => {
    const old = new Database(':memory:');
    migrate(old, receiverTestMigrations.slice(0, 13));
    old
      .prepare(
        `INSERT INTO webhook_events (received_at, source_ip, verdict, body_bytes, headers_json, state)
         VALUES (1, '127.0.0.1', 'invalid', 0, '{}', 'rejected')`,
      )
      .run();
    const triggers = () =>
      old.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").pluck().all() as string[];
    expect(triggers()).toContain('team_outbox_webhook_events_insert');
    migrate(old, receiverTestMigrations.slice(0, 14));
    expect(old.pragma('user_version', { simple: true })).toBe(14);
    expect(triggers().filter((name) => name.includes('webhook_events'))).toEqual([]);
    expect(triggers()).toEqual(expect.arrayContaining(['team_outbox_api_calls_insert', 'team_outbox_orders_update']));
    expect(old.prepare('SELECT count(*) FROM webhook_events').pluck().get()).toBe(1);
    old.close();
  });
});
