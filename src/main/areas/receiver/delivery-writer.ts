import type { WalCheckpointer } from './wal-checkpointer.ts';
import type { Outcome, Rejection, StoredDelivery, VerifiedDelivery, WebhookEventStore } from './webhook-event-store.ts';

/**
 * Where the receiver's writes to webhook_events go: verified deliveries (committed when the promise resolves, and
 * only then answered 200) and rejection records (no answer waits on them). Two implementations: on main's own
 * connection (`createInThreadDeliveryWriter`) and on a worker thread's (`worker-delivery-writer.ts`).
 */
export interface DeliveryWriter {
  /** One transaction for the batch: resolves when every delivery is committed, rejects when none is. */
  storeVerified(deliveries: readonly VerifiedDelivery[]): Promise<StoredDelivery[]>;
  /** A rejection record, with the other rejections of the same turn; resolves once written or reported failed. */
  storeRejection(rejection: Rejection): Promise<void>;
  /** Processing's outcomes, one transaction: resolves when committed. */
  recordOutcomes(outcomes: readonly Outcome[]): Promise<void>;
  /** Writes what it was given, then lets go of its connection. */
  close(): Promise<void>;
}

/** The writer is closed, or its thread stopped: what it was given is not stored. */
export class WriterStoppedError extends Error {}

/**
 * The writer on main's own connection: on two cores (`writerThreadPaysOff`), with the WAL's checkpoints on a thread
 * of their own (`checkpointer`), and the fallback when no worker can run (an in-memory database).
 */
export function createInThreadDeliveryWriter(
  store: WebhookEventStore,
  onError?: (error: unknown) => void,
  checkpointer?: WalCheckpointer,
): DeliveryWriter {
  const committed = <T>(result: T): T => {
    checkpointer?.committed();
    return result;
  };
  return {
    storeVerified: async (deliveries) => committed(store.storeVerifiedMany(deliveries)),
    async storeRejection(rejection) {
      try {
        committed(store.storeRejection(rejection));
      } catch (error) {
        onError?.(error);
      }
    },
    recordOutcomes: async (outcomes) => committed(store.recordOutcomes(outcomes)),
    close: async () => checkpointer?.close(),
  };
}
