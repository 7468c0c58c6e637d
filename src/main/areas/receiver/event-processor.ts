import { webhookTypeIdSchema, type WebhookTypeId } from '../../../shared/webhooks/webhook-types.ts';
import { AppError } from '../../errors/app-error.ts';
import { readPayload } from './parse-body.ts';
import type { Outcome, PendingEvent, WebhookEventStore } from './webhook-event-store.ts';
import type { AppliedWebhook, InboundWebhook } from './webhook-topic.ts';

/** The port to whatever acts on events (the kernel's topic): the receiver never imports orders, catalog or wallet. */
export type ApplyWebhook = (event: InboundWebhook) => Promise<AppliedWebhook>;

export interface EventProcessor {
  /** Processes what is pending (now or soon); the returned promise ends when the table has nothing pending. */
  drain(): Promise<void>;
  /** Stops taking new rows and waits for the one in hand. */
  close(): Promise<void>;
}

const BATCH = 100;

/**
 * Processing reads from webhook_events, never from the request: an event answered 200 and not yet applied (the
 * app crashed) is still `pending` and is applied on the next start. A row leaves `pending` in the statement
 * that records its outcome; outcomes of a batch are one commit, so a crash inside a batch re-applies at most
 * that batch (subscribers are idempotent: an order is re-fetched, a brand re-read, a sample re-taken).
 *
 * pending → applied (a subscriber changed something) | recorded (no subscriber for its type, or no type)
 *         → failed (a subscriber threw; the message is kept, the event can be retried)
 * duplicate and rejected rows never enter processing.
 */
export function createEventProcessor(deps: {
  profileId: string;
  store: Pick<WebhookEventStore, 'pending'>;
  /** Commits a batch of outcomes (through the receiver's writer thread while it runs). */
  recordOutcomes: (outcomes: readonly Outcome[]) => Promise<void>;
  apply: ApplyWebhook;
  now: () => number;
  onError?: (error: unknown) => void;
}): EventProcessor {
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;

  /** What to write for the row once applied; written with the rest of its batch in one transaction. */
  const processOne = async (row: PendingEvent): Promise<Outcome> => {
    // The type was classified when the delivery was stored; only the payload is read again.
    const parsed = webhookTypeIdSchema.safeParse(row.type);
    const type: WebhookTypeId | null = parsed.success ? parsed.data : null;
    const payload = type === null ? undefined : readPayload(row.body);
    if (type === null) return { id: row.id, state: 'recorded', changes: [], at: deps.now() };
    try {
      const outcome = await deps.apply({
        profileId: deps.profileId,
        eventId: row.id,
        type,
        payload,
        receivedAt: row.received_at,
      });
      return { id: row.id, state: outcome.handled ? 'applied' : 'recorded', changes: outcome.changes, at: deps.now() };
    } catch (error) {
      deps.onError?.(error);
      const message = error instanceof AppError ? error.message : 'Applying the event failed; see the main log.';
      return { id: row.id, state: 'failed', error: message, at: deps.now() };
    }
  };

  const loop = async () => {
    do {
      again = false;
      for (;;) {
        if (closed) return;
        const rows = deps.store.pending(BATCH);
        if (rows.length === 0) break;
        const outcomes: Outcome[] = [];
        try {
          for (const row of rows) {
            if (closed) break;
            outcomes.push(await processOne(row));
          }
        } finally {
          // Applied rows are marked even when closing mid-batch, so none of them is applied twice.
          if (outcomes.length) await deps.recordOutcomes(outcomes);
        }
        if (closed) return;
      }
    } while (again && !closed);
  };

  return {
    drain() {
      if (running) {
        // Deliveries arriving while a batch is applied are picked up by the next pass of the same loop.
        again = true;
        return running;
      }
      running = loop().finally(() => {
        running = null;
      });
      return running;
    },
    async close() {
      closed = true;
      await running;
    },
  };
}
