import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { createInThreadDeliveryWriter, WriterStoppedError, type DeliveryWriter } from './delivery-writer.ts';
import { encodeBatch, type WriterReply, type WriterRequest } from './delivery-writer-protocol.ts';
import { startWalCheckpointer } from './wal-checkpointer.ts';
import { createWebhookEventStore, type Rejection, type StoredDelivery } from './webhook-event-store.ts';

/**
 * The writer thread's entry: the TypeScript file beside this one when main runs from source, the bundle's own
 * entry (`receiver-delivery-writer.js` beside index.js, electron.vite.config.ts) when it runs built.
 */
export const deliveryWriterWorkerUrl = (): URL =>
  import.meta.url.endsWith('.ts')
    ? new URL('./delivery-writer-worker.ts', import.meta.url)
    : new URL('./receiver-delivery-writer.js', import.meta.url);

/**
 * The receiver's writes on a worker thread with its own connection (WAL lets main read and write meanwhile), so
 * the inserts and commits of webhook_events leave main's thread to the HTTP work. A batch's promise resolves only
 * once the worker has committed it. A worker that dies fails what it held (those deliveries are answered 503,
 * never 200) and a new one is started for the next batch.
 */
export function createWorkerDeliveryWriter(options: {
  file: string;
  workerUrl?: URL;
  onError?: (error: unknown) => void;
}): DeliveryWriter {
  const workerUrl = options.workerUrl ?? deliveryWriterWorkerUrl();
  const waiting = new Map<number, { resolve: (stored: StoredDelivery[]) => void; reject: (error: Error) => void }>();
  let seq = 0;
  let worker: Worker | null = null;
  let exited: Promise<void> = Promise.resolve();
  let closed = false;

  const start = (): Worker => {
    const started = new Worker(workerUrl, { workerData: { file: options.file } });
    // The HTTP server keeps the process alive while deliveries come; the writer alone must not.
    started.unref();
    started.on('message', (reply: WriterReply) => {
      const entry = waiting.get(reply.seq);
      if (!entry) return;
      waiting.delete(reply.seq);
      if (reply.kind === 'stored') entry.resolve(reply.stored);
      else entry.reject(new Error(`Deliveries not stored: ${reply.error}`));
    });
    started.on('error', (error) => options.onError?.(error));
    exited = new Promise((resolve) =>
      started.once('exit', (code) => {
        if (worker === started) worker = null;
        for (const [, entry] of waiting) entry.reject(new WriterStoppedError(`The writer thread stopped (${code}).`));
        waiting.clear();
        resolve();
      }),
    );
    return started;
  };

  const post = (request: WriterRequest, transfer: ArrayBuffer[] = []) => {
    worker ??= start();
    worker.postMessage(request, transfer);
  };

  const sendRequest = (request: Exclude<WriterRequest, { kind: 'close' }>, transfer: ArrayBuffer[] = []) => {
    const stored = new Promise<StoredDelivery[]>((resolve, reject) => waiting.set(request.seq, { resolve, reject }));
    post(request, transfer);
    return stored;
  };

  // A rejection record is not what a 200 waits on, but its 401/403/413 goes once it is written (or failed): the
  // rejections of one turn are one message and one transaction.
  let rejections: { rows: Rejection[]; written: Promise<void> } | null = null;
  const writeRejections = async (rows: Rejection[]) => {
    if (rejections?.rows === rows) rejections = null;
    seq += 1;
    try {
      await sendRequest({ kind: 'rejections', seq, rows });
    } catch (error) {
      options.onError?.(new Error('Rejection records not stored', { cause: error }));
    }
  };

  worker = start();
  return {
    storeVerified(deliveries) {
      if (closed) return Promise.reject(new WriterStoppedError('The writer is closed.'));
      seq += 1;
      const { request, transfer } = encodeBatch(seq, deliveries);
      return sendRequest(request, transfer);
    },
    async recordOutcomes(outcomes) {
      if (closed) throw new WriterStoppedError('The writer is closed.');
      seq += 1;
      await sendRequest({ kind: 'outcomes', seq, outcomes: [...outcomes] });
    },
    storeRejection(rejection) {
      if (closed) return Promise.resolve();
      if (rejections === null) {
        const rows: Rejection[] = [];
        rejections = {
          rows,
          written: new Promise((resolve) => setImmediate(resolve)).then(() => writeRejections(rows)),
        };
      }
      rejections.rows.push(rejection);
      return rejections.written;
    },
    async close() {
      if (closed) return exited;
      closed = true;
      await rejections?.written;
      if (!worker) return;
      // Messages are handled in order: every batch sent before this one is answered before the worker exits.
      worker.ref();
      worker.postMessage({ kind: 'close' } satisfies WriterRequest);
      await exited;
    },
  };
}

/**
 * A writer thread pays off only with a core to spare for it. On two cores it competes with the HTTP thread and
 * with the senders for the same CPUs, and every batch then waits for a thread to be scheduled: the receiver
 * benchmark measured 0.31–0.35 of a bare server with the thread against 0.42–0.48 with the writes on main
 * (docs/receiver.md). So the thread is used from three cores up.
 */
export const writerThreadPaysOff = (cores = os.availableParallelism()): boolean => cores > 2;

/**
 * The writer for a profile database: on a worker thread when the database is a file, the machine has a core to
 * spare and the worker's entry is there; else on main's own connection (an in-memory database cannot be shared
 * between connections), with the WAL's checkpoints on a thread when the entry is there (`wal-checkpointer.ts`).
 */
export function openDeliveryWriter(
  db: Database.Database,
  onError?: (error: unknown) => void,
  onThread: boolean = writerThreadPaysOff(),
): DeliveryWriter {
  const workerUrl = deliveryWriterWorkerUrl();
  const store = () => createWebhookEventStore(db);
  if (db.memory) return createInThreadDeliveryWriter(store(), onError);
  const hasWorker = fs.existsSync(fileURLToPath(workerUrl));
  if (!onThread) {
    const checkpointer = hasWorker ? startWalCheckpointer({ db, workerUrl, onError }) : undefined;
    return createInThreadDeliveryWriter(store(), onError, checkpointer);
  }
  if (!hasWorker) {
    onError?.(new Error(`No receiver writer thread at ${workerUrl.href}; writing on main.`));
    return createInThreadDeliveryWriter(store(), onError);
  }
  return createWorkerDeliveryWriter({ file: db.name, workerUrl, onError });
}
