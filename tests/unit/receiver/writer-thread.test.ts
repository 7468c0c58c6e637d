import path from 'node:path';
import type Database from 'better-sqlite3';
import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dedupeKeyOf } from '../../../src/main/areas/receiver/dedupe-key.ts';
import { parseBody } from '../../../src/main/areas/receiver/parse-body.ts';
import type { VerifiedDelivery } from '../../../src/main/areas/receiver/webhook-event-store.ts';
import { WriterStoppedError } from '../../../src/main/areas/receiver/delivery-writer.ts';
import { createWorkerDeliveryWriter } from '../../../src/main/areas/receiver/worker-delivery-writer.ts';
import { xVerifyOf } from '../../../src/main/areas/receiver/x-verify.ts';
import { events, openProfileDb, startTestReceiver, tempDir, type TestReceiver } from './receiver-fixture.ts';

const SECRET = 'writer-thread-webhook-secret';
const dyingWorker = new URL('./dying-writer-worker.ts', import.meta.url);
let db: Database.Database;
let receiver: TestReceiver | null = null;
beforeEach(() => {
  db = openProfileDb(path.join(tempDir('receiver-writer-'), 'p.db'));
});
afterEach(async () => {
  await receiver?.close();
  receiver = null;
  db.close();
});

const delivery = (text: string): VerifiedDelivery => {
  const body = Buffer.from(text);
  const { payload, type } = parseBody(body);
  return { receivedAt: 1, sourceIp: '127.0.0.1', body, headers: {}, type, dedupeKey: dedupeKeyOf(type, payload, body) };
};

const send = async (url: string, text: string) => {
  const body = Buffer.from(text);
  const response = await request(url, { method: 'POST', body, headers: { 'x-verify': xVerifyOf(SECRET, body) } });
  await response.body.dump();
  return response.statusCode;
};

describe('the receiver’s writer thread', () => {
  it('commits a batch on its own connection, duplicates included, and refuses work once closed', async () => {
    const writer = createWorkerDeliveryWriter({ file: db.name });
    const first = '{"id":"01JW1","status":"SUCCESS"}';
    const stored = await writer.storeVerified([
      delivery(first),
      delivery('{"id":"01JW2","status":"FAILED"}'),
      delivery(first),
    ]);
    expect(stored).toEqual([
      { id: 1, duplicateOf: null },
      { id: 2, duplicateOf: null },
      { id: 3, duplicateOf: 1 },
    ]);
    await writer.recordOutcomes([{ id: 1, state: 'applied', changes: ['order 01JW1'], at: 2 }]);
    // Main's connection sees the worker's commits at once (WAL), before any 200 would go.
    expect(events(db).map((row) => [row.id, row.state, row.body?.toString()])).toEqual([
      [1, 'applied', first],
      [2, 'pending', '{"id":"01JW2","status":"FAILED"}'],
      [3, 'duplicate', first],
    ]);
    await writer.close();
    await expect(writer.storeVerified([delivery('{"id":"01JW3","status":"SUCCESS"}')])).rejects.toBeInstanceOf(
      WriterStoppedError,
    );
    expect(events(db)).toHaveLength(3);
  });

  it('a writer thread that dies answers its batch 503 with nothing stored; the next delivery gets a new thread', async () => {
    receiver = await startTestReceiver({
      db,
      profileId: 'p',
      secret: SECRET,
      openWriter: () => createWorkerDeliveryWriter({ file: db.name, workerUrl: dyingWorker }),
    });
    const url = receiver.url;
    // Sent together, so they are one batch: the thread dies holding all of them.
    const statuses = await Promise.all([
      send(url, '{"id":"01JDIE","status":"SUCCESS","note":"die-now"}'),
      send(url, '{"id":"01JSAME","status":"SUCCESS"}'),
    ]);
    const stored = events(db)
      .filter((row) => row.verdict === 'valid')
      .map((row) => row.body?.toString());
    expect(statuses[0]).toBe(503);
    expect(stored).not.toContain('{"id":"01JDIE","status":"SUCCESS","note":"die-now"}');
    // Never a 200 for a delivery that is not stored: Hubble does not send it again.
    expect(statuses[1] === 200).toBe(stored.includes('{"id":"01JSAME","status":"SUCCESS"}'));

    expect(await send(url, '{"id":"01JAFTER","status":"SUCCESS"}')).toBe(200);
    await receiver.runtime.drain();
    expect(receiver.applied.map((event) => (event.payload as { id: string }).id)).toContain('01JAFTER');
  });
});
