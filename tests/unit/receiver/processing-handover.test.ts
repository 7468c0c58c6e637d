import path from 'node:path';
import type Database from 'better-sqlite3';
import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RECEIVER_SETTINGS } from '../../../src/shared/contract/receiver.ts';
import { createEventProcessor } from '../../../src/main/areas/receiver/event-processor.ts';
import { createReceiverRuntime, type ReceiverRuntime } from '../../../src/main/areas/receiver/receiver-runtime.ts';
import {
  createWebhookEventStore,
  type Outcome,
  type PendingEvent,
} from '../../../src/main/areas/receiver/webhook-event-store.ts';
import { openDeliveryWriter } from '../../../src/main/areas/receiver/worker-delivery-writer.ts';
import type { InboundWebhook } from '../../../src/main/areas/receiver/webhook-topic.ts';
import { xVerifyOf } from '../../../src/main/areas/receiver/x-verify.ts';
import { events, openProfileDb, tempDir } from './receiver-fixture.ts';

const SECRET = 'handover-webhook-secret';
let db: Database.Database;
let runtime: ReceiverRuntime | null = null;
beforeEach(() => {
  db = openProfileDb(path.join(tempDir('receiver-handover-'), 'p.db'));
});
afterEach(async () => {
  await runtime?.close();
  runtime = null;
  db.close();
});

const orderBody = (n: number) => Buffer.from(`{"id":"01JHANDOVER${String(n).padStart(6, '0')}","status":"SUCCESS"}`);

const pendingRow = (id: number): PendingEvent => ({
  id,
  received_at: id,
  type: 'order-terminal-state',
  body: orderBody(id),
});

const until = async (done: () => boolean) => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('processing fed by the writer’s answer', () => {
  it.each([
    ['the writer thread', true],
    ["main's connection", false],
  ])(
    'applies live deliveries written on %s from what main holds, reading the table back only at start',
    async (_, onThread) => {
      const store = createWebhookEventStore(db);
      const readBack: number[] = [];
      const applied: InboundWebhook[] = [];
      runtime = createReceiverRuntime({
        profileId: 'p1',
        store: {
          ...store,
          pending: (limit) => {
            const rows = store.pending(limit);
            readBack.push(rows.length);
            return rows;
          },
        },
        openWriter: () => openDeliveryWriter(db, undefined, onThread),
        apply: async (event) => (applied.push(event), { handled: true, changes: [`order #${event.eventId}`] }),
        secret: async () => SECRET,
        now: () => Date.now(),
      });
      await runtime.reconcile({ enabled: true, port: 0, settings: { ...DEFAULT_RECEIVER_SETTINGS } });
      const url = runtime.status().url!;
      for (let n = 0; n < 20; n += 1) {
        const body = orderBody(n);
        const response = await request(url, { method: 'POST', body, headers: { 'x-verify': xVerifyOf(SECRET, body) } });
        await response.body.dump();
        expect(response.statusCode).toBe(200);
      }
      await until(() => events(db).every((row) => row.state === 'applied'));
      expect(applied.map((event) => (event.payload as { id: string }).id)).toEqual(
        Array.from({ length: 20 }, (_, n) => `01JHANDOVER${String(n).padStart(6, '0')}`),
      );
      // Every read of the table found nothing: the 20 events came from the writer's answers.
      expect(readBack.every((count) => count === 0)).toBe(true);
    },
  );

  it('never applies twice an event read back before its hand-over arrives, and reads back after a failed commit', async () => {
    let table: PendingEvent[] = [pendingRow(1), pendingRow(2)];
    const appliedIds: number[] = [];
    let failNextCommit = false;
    const processor = createEventProcessor({
      profileId: 'p1',
      store: { pending: (limit) => table.slice(0, limit) },
      recordOutcomes: async (outcomes: readonly Outcome[]) => {
        if (failNextCommit) {
          failNextCommit = false;
          throw new Error('disk full');
        }
        table = table.filter((pending) => !outcomes.some((outcome) => outcome.id === pending.id));
      },
      apply: async (event) => (appliedIds.push(event.eventId), { handled: true, changes: [] }),
      now: () => 0,
    });
    await processor.drain();
    expect(appliedIds).toEqual([1, 2]);
    // The writer's answers for rows 1 and 2 arrive after the read-back applied them; row 3 is new.
    table.push(pendingRow(3));
    processor.handOver(pendingRow(1));
    processor.handOver(pendingRow(2));
    processor.handOver(pendingRow(3));
    failNextCommit = true;
    await expect(processor.process()).rejects.toThrow('disk full');
    expect(appliedIds).toEqual([1, 2, 3]);
    // Row 3's outcome was not committed: still pending in the table, read back by the next pass.
    processor.handOver(pendingRow(4));
    table.push(pendingRow(4));
    await processor.process();
    expect(appliedIds).toEqual([1, 2, 3, 3, 4]);
    expect(table).toEqual([]);
    await processor.close();
  });

  it('gives way to the receiver after each batch while deliveries arrive, and catches up once they stop', async () => {
    const table: PendingEvent[] = [];
    const appliedIds: number[] = [];
    const processor = createEventProcessor({
      profileId: 'p1',
      store: { pending: (limit) => table.slice(0, limit) },
      recordOutcomes: async () => undefined,
      apply: async (event) => (appliedIds.push(event.eventId), { handled: true, changes: [] }),
      now: () => 0,
    });
    await processor.drain();
    expect(processor.hasWork()).toBe(false);
    for (let id = 1; id <= 250; id += 1) processor.handOver(pendingRow(id));
    // Deliveries are arriving: one batch per pass, the rest left for a later one.
    await processor.process(() => true);
    expect(appliedIds).toEqual(Array.from({ length: 100 }, (_, index) => index + 1));
    expect(processor.hasWork()).toBe(true);
    await processor.process(() => true);
    expect(appliedIds.length).toBe(200);
    // They stopped: the pass goes on to the end.
    await processor.process(() => false);
    expect(appliedIds).toEqual(Array.from({ length: 250 }, (_, index) => index + 1));
    expect(processor.hasWork()).toBe(false);
    await processor.close();
  });
});
