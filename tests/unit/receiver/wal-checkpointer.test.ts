import fs from 'node:fs';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCheckpoints, type CheckpointReport } from '../../../src/main/areas/receiver/wal-checkpoint-loop.ts';
import { startWalCheckpointer } from '../../../src/main/areas/receiver/wal-checkpointer.ts';
import {
  createWebhookEventStore,
  type VerifiedDelivery,
} from '../../../src/main/areas/receiver/webhook-event-store.ts';
import { openDeliveryWriter } from '../../../src/main/areas/receiver/worker-delivery-writer.ts';
import { events, openProfileDb, tempDir } from './receiver-fixture.ts';

let db: Database.Database;
beforeEach(() => {
  db = openProfileDb(path.join(tempDir('receiver-checkpoint-'), 'p.db'));
  // Start from an empty WAL, everything so far in the database file.
  db.pragma('wal_checkpoint(TRUNCATE)');
});
afterEach(() => db.close());

const autocheckpoint = () => db.pragma('wal_autocheckpoint', { simple: true });
const until = async (done: () => boolean) => {
  for (let tries = 0; !done(); tries += 1) {
    if (tries > 500) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
let n = 0;
const delivery = (): VerifiedDelivery => {
  n += 1;
  const body = Buffer.from(`{"id":"01JCKPT${String(n).padStart(8, '0')}","status":"SUCCESS"}`);
  return { receivedAt: n, sourceIp: '127.0.0.1', body, headers: {}, type: 'order-terminal-state', dedupeKey: `k${n}` };
};

describe('the WAL checkpoints while the receiver writes on main (two cores)', () => {
  it('run on a thread of their own, main’s automatic checkpoint off meanwhile and back once the receiver stops', async () => {
    const fileBytes = () => fs.statSync(db.name).size;
    const before = fileBytes();
    const writer = openDeliveryWriter(db, undefined, false);
    expect(autocheckpoint()).toBe(0);
    // Enough commits for the thread to be asked for a checkpoint.
    for (let batch = 0; batch < 120; batch += 1) await writer.storeVerified(Array.from({ length: 8 }, delivery));
    // Main never checkpoints now, so pages reaching the database file were copied there by the thread.
    await until(() => fileBytes() > before);
    expect(events(db)).toHaveLength(960);
    await writer.close();
    expect(autocheckpoint()).toBe(1000);
  });

  it('go back to main when the thread dies, so the WAL never goes without a checkpointer', async () => {
    const errors: unknown[] = [];
    const checkpointer = startWalCheckpointer({
      db,
      workerUrl: new URL('./dying-checkpoint-worker.ts', import.meta.url),
      onError: (error) => errors.push(error),
    });
    await until(() => autocheckpoint() === 1000);
    expect(String(errors.at(-1))).toMatch(/checkpoint thread stopped \(3\)/);
    // Commits after that still count without effect; closing is harmless.
    checkpointer.committed();
    await checkpointer.close();
    expect(autocheckpoint()).toBe(1000);
  });

  it('tell main when the WAL has grown long; once every frame is copied, main’s next write starts it over', async () => {
    db.pragma('wal_autocheckpoint = 0');
    const store = createWebhookEventStore(db);
    // About 12,500 frames with nothing copied: what a burst that never pauses leaves behind.
    for (let batch = 0; batch < 1_500; batch += 1) store.storeVerifiedMany(Array.from({ length: 8 }, delivery));
    const { port1: main, port2: thread } = new MessageChannel();
    const reported = new Promise<CheckpointReport>((resolve) => main.once('message', resolve));
    runCheckpoints(thread, new Database(db.name, { fileMustExist: true }));
    main.postMessage('checkpoint');
    expect(await reported).toEqual({ kind: 'wal-long', frames: expect.any(Number) });
    // What main does on that report (wal-checkpointer.ts): one checkpoint of its own, between two transactions.
    db.pragma('wal_checkpoint(PASSIVE)');
    store.storeVerifiedMany([delivery()]);
    const [after] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
    expect(after!.log).toBeLessThan(100);
    main.postMessage('close');
    main.close();
  });
});
