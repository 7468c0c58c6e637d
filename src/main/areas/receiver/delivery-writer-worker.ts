// The receiver's writer thread (worker-delivery-writer.ts starts it): its own connection to the profile database,
// so the commits of webhook_events run beside main's HTTP work instead of inside it. Started with the role
// `checkpoint` (wal-checkpointer.ts), the same entry only checkpoints the WAL while main writes.
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { decodeBatch, type WriterReply, type WriterRequest } from './delivery-writer-protocol.ts';
import { runCheckpoints } from './wal-checkpoint-loop.ts';
import { createWebhookEventStore, type StoredDelivery } from './webhook-event-store.ts';

const { file, role } = workerData as { file: string; role?: 'write' | 'checkpoint' };
if (role === 'checkpoint') runCheckpoints(parentPort!, new Database(file, { fileMustExist: true }));
else runWriter();

function runWriter() {
  const port = parentPort!;
  const db = new Database(file, { fileMustExist: true });
  // Per connection, as main's openDatabase sets them: the same durability (WAL, NORMAL) and a wait for main's writes.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const store = createWebhookEventStore(db);
  const reply = (message: WriterReply) => port.postMessage(message);
  const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

  const answer = (seq: number, write: () => StoredDelivery[]) => {
    try {
      reply({ kind: 'stored', seq, stored: write() });
    } catch (error) {
      reply({ kind: 'failed', seq, error: describe(error) });
    }
  };

  // Verified batches that queued up while the last commit ran are committed together: one transaction (all or none
  // of them), one answer per batch.
  const storeVerified = (requests: Array<WriterRequest & { kind: 'verified' }>) => {
    const batches = requests.map(decodeBatch);
    try {
      const stored = store.storeVerifiedMany(batches.flat());
      let offset = 0;
      requests.forEach((request, index) => {
        const count = batches[index]!.length;
        reply({ kind: 'stored', seq: request.seq, stored: stored.slice(offset, offset + count) });
        offset += count;
      });
    } catch (error) {
      for (const request of requests) reply({ kind: 'failed', seq: request.seq, error: describe(error) });
    }
  };

  const handle = (request: WriterRequest) => {
    switch (request.kind) {
      case 'verified':
        return storeVerified([request]);
      case 'rejections':
        return answer(request.seq, () => (store.storeRejections(request.rows), []));
      case 'outcomes':
        return answer(request.seq, () => (store.recordOutcomes(request.outcomes), []));
      case 'close':
        db.close();
        port.close();
        return;
    }
  };

  port.on('message', (first: WriterRequest) => {
    const requests = [first];
    for (let next = receiveMessageOnPort(port); next !== undefined; next = receiveMessageOnPort(port))
      requests.push(next.message as WriterRequest);
    // In order; consecutive verified batches as one commit.
    let verified: Array<WriterRequest & { kind: 'verified' }> = [];
    for (const request of requests) {
      if (request.kind === 'verified') {
        verified.push(request);
        continue;
      }
      if (verified.length) storeVerified(verified);
      verified = [];
      handle(request);
    }
    if (verified.length) storeVerified(verified);
  });
}
