import type { MessagePort } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** What main sends the checkpoint thread: checkpoint now (main committed a good deal), or stop. */
export type CheckpointRequest = 'checkpoint' | 'close';
/** What the thread tells main: the WAL is long and was not restarted (main checkpoints once itself). */
export type CheckpointReport = { kind: 'wal-long'; frames: number };

// The other areas' writes on main's connection do not nudge the thread; at most this long passes before their
// frames are checkpointed too. A checkpoint with nothing new to copy is a read of the WAL header, no fsync.
const EVERY_MS = 1_000;
// SQLite starts the WAL over only when a write begins with every frame copied, and main commits during nearly
// every checkpoint of this thread under a burst, so the WAL keeps growing. Past this many frames (about 40 MB)
// main checkpoints once itself, between two of its commits (3–5 ms, as SQLite's own checkpoint took every 1,000
// pages): that copies the few frames the thread has not, and main's next write starts the WAL over.
const LONG_WAL_FRAMES = 10_000;

type CheckpointResult = { busy: number; log: number; checkpointed: number };

const isBusy = (error: unknown) => (error as { code?: string }).code?.startsWith('SQLITE_BUSY') === true;

/**
 * The checkpoint thread's loop (delivery-writer-worker.ts, role `checkpoint`; wal-checkpointer.ts starts it): copies
 * committed WAL frames into the database file on a connection of its own, so the fsyncs of a checkpoint block this
 * thread and not main's HTTP work.
 */
export function runCheckpoints(port: MessagePort, db: Database.Database): void {
  // A checkpoint syncs as its connection's `synchronous` says: the same as main's (open-database.ts).
  db.pragma('synchronous = NORMAL');
  const checkpoint = () => {
    try {
      const [result] = db.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[];
      if (result && result.log > LONG_WAL_FRAMES)
        port.postMessage({ kind: 'wal-long', frames: result.log } satisfies CheckpointReport);
    } catch (error) {
      // Another connection was checkpointing: the next turn tries again.
      if (!isBusy(error)) throw error;
    }
  };
  const timer = setInterval(checkpoint, EVERY_MS);
  port.on('message', (request: CheckpointRequest) => {
    if (request === 'checkpoint') return checkpoint();
    clearInterval(timer);
    db.close();
    port.close();
  });
}
