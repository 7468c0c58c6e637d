import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { CheckpointReport, CheckpointRequest } from './wal-checkpoint-loop.ts';

// SQLite checkpoints on its own every 1,000 pages; a commit of 8 deliveries writes about 10, so about as often.
const NUDGE_EVERY_COMMITS = 100;

export interface WalCheckpointer {
  /** After each commit the receiver made on main's connection. */
  committed(): void;
  /** Hands checkpoints back to main's connection and stops the thread. */
  close(): Promise<void>;
}

/**
 * While the receiver writes on main's connection (two cores, `writerThreadPaysOff`), the WAL checkpoints move to a
 * thread of their own. SQLite runs a checkpoint inside the commit that crosses 1,000 WAL pages, and its fsyncs
 * then held main for 3–5 ms (every ~700 deliveries, each time stalling every sender: docs/receiver.md, round 4).
 * Main's automatic checkpoint is off meanwhile (`wal_autocheckpoint = 0`, for every write on that connection, the
 * other areas' too: the thread's timer covers them) and back as it was when the receiver stops or the thread dies,
 * so the WAL is never left without a checkpointer. Durability is unchanged: a commit is in the WAL before its 200,
 * whoever checkpoints it later.
 */
export function startWalCheckpointer(options: {
  db: Database.Database;
  workerUrl: URL;
  onError?: (error: unknown) => void;
}): WalCheckpointer {
  const { db } = options;
  const previous = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  let running = true;
  const handBack = () => {
    running = false;
    if (db.open) db.pragma(`wal_autocheckpoint = ${previous}`);
  };
  const worker = new Worker(options.workerUrl, { workerData: { file: db.name, role: 'checkpoint' } });
  // The HTTP server keeps the process alive while deliveries come; the checkpointer alone must not.
  worker.unref();
  worker.on('error', (error) => options.onError?.(error));
  // Between two of main's transactions (a message never arrives inside one): everything gets copied, so the next
  // write starts the WAL over.
  worker.on('message', (report: CheckpointReport) => {
    if (!running || report.kind !== 'wal-long' || !db.open) return;
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      options.onError?.(error);
    }
  });
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      if (running) {
        handBack();
        options.onError?.(new Error(`The WAL checkpoint thread stopped (${code}); main checkpoints again.`));
      }
      resolve();
    }),
  );
  db.pragma('wal_autocheckpoint = 0');
  let commits = 0;
  return {
    committed() {
      commits += 1;
      if (!running || commits < NUDGE_EVERY_COMMITS) return;
      commits = 0;
      worker.postMessage('checkpoint' satisfies CheckpointRequest);
    },
    async close() {
      if (running) {
        handBack();
        // Kept alive until it has closed its connection.
        worker.ref();
        worker.postMessage('close' satisfies CheckpointRequest);
      }
      await exited;
    },
  };
}
