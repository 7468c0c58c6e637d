import { webhookTypeIdSchema, type WebhookTypeId } from '../../../shared/webhooks/webhook-types.ts';
import { AppError } from '../../errors/app-error.ts';
import { readPayload } from './parse-body.ts';
import type { Outcome, PendingEvent, WebhookEventStore } from './webhook-event-store.ts';
import type { AppliedWebhook, InboundWebhook } from './webhook-topic.ts';

/** The port to whatever acts on events (the kernel's topic): the receiver never imports orders, catalog or wallet. */
export type ApplyWebhook = (event: InboundWebhook) => Promise<AppliedWebhook>;

/** A delivery just committed, as main holds it: its bytes and, when it has it, the JSON parsed from those bytes. */
export type HandedOverEvent = PendingEvent & { payload?: unknown };

export interface EventProcessor {
  /** Processes what is pending (now or soon); the returned promise ends when the table has nothing pending. */
  drain(): Promise<void>;
  /** A delivery just committed as pending, handed over as main holds it: processed without reading it back. */
  handOver(event: HandedOverEvent): void;
  /**
   * Processes what was handed over (and whatever a drain asked for); ends when none of it is left, or, when
   * `yieldWhen` says so after a batch, with the rest left for a later pass (`hasWork`).
   */
  process(yieldWhen?: () => boolean): Promise<void>;
  /** Something handed over or pending is not processed yet (a pass gave way to the receiver). */
  hasWork(): boolean;
  /** Stops taking new rows and waits for the one in hand. */
  close(): Promise<void>;
}

const BATCH = 100;
// Handed-over events held beyond this go back to the table (still pending there): memory stays bounded under a
// burst that processing cannot keep up with.
const HANDED_MAX = 5_000;

/**
 * Processing reads from webhook_events, never from the request: an event answered 200 and not yet applied (the
 * app crashed) is still `pending` and is applied on the next start. A row leaves `pending` in the statement
 * that records its outcome; outcomes of a batch are one commit, so a crash inside a batch re-applies at most
 * that batch (subscribers are idempotent: an order is re-fetched, a brand re-read, a sample re-taken).
 *
 * pending → applied (a subscriber changed something) | recorded (no subscriber for its type, or no type)
 *         → failed (a subscriber threw; the message is kept, the event can be retried)
 * duplicate and rejected rows never enter processing.
 *
 * The receiver hands over each delivery it has just committed (its id from the writer's answer, its bytes as main
 * holds them), so the live path reads nothing back; the table is read at start, on `drain` (a retry) and after a
 * failed commit of outcomes. An event read back is never applied again when its hand-over comes later.
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
  let closed = false;

  /** What to write for the row once applied; written with the rest of its batch in one transaction. */
  const processOne = async (row: HandedOverEvent): Promise<Outcome> => {
    // The type was classified when the delivery was stored; a row read back has its payload parsed again, a
    // hand-over brings the one parsed from the same bytes for the type and dedupe key.
    const parsed = webhookTypeIdSchema.safeParse(row.type);
    const type: WebhookTypeId | null = parsed.success ? parsed.data : null;
    const payload = type === null ? undefined : 'payload' in row ? row.payload : readPayload(row.body);
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

  const handed: HandedOverEvent[] = [];
  let readBack = true;
  // Ids are assigned in commit order, so every pending row below the highest id read back was in that read.
  let readUpTo = 0;
  const next = (): HandedOverEvent[] => {
    if (readBack) {
      const rows = deps.store.pending(BATCH);
      if (rows.length > 0) {
        readUpTo = Math.max(readUpTo, rows[rows.length - 1]!.id);
        return rows;
      }
      readBack = false;
    }
    return handed.splice(0, BATCH).filter((row) => row.id > readUpTo);
  };

  const record = async (outcomes: readonly Outcome[]) => {
    try {
      await deps.recordOutcomes(outcomes);
    } catch (error) {
      // Still pending in the table: the next pass reads them back.
      readBack = true;
      handed.length = 0;
      throw error;
    }
  };

  const loop = async (yieldWhen: (() => boolean) | undefined) => {
    for (;;) {
      if (closed) return;
      const rows = next();
      if (rows.length === 0) return;
      const outcomes: Outcome[] = [];
      try {
        for (const row of rows) {
          if (closed) break;
          outcomes.push(await processOne(row));
        }
      } finally {
        // Applied rows are marked even when closing mid-batch, so none of them is applied twice.
        if (outcomes.length) await record(outcomes);
      }
      if (yieldWhen?.()) return;
    }
  };

  const run = (yieldWhen?: () => boolean): Promise<void> => {
    // Work that came in as a pass was ending goes to a pass of its own.
    if (running) return running.then(() => (!closed && (readBack || handed.length > 0) ? run(yieldWhen) : undefined));
    running = loop(yieldWhen).finally(() => {
      running = null;
    });
    return running;
  };

  return {
    drain() {
      readBack = true;
      return run();
    },
    handOver(event) {
      if (readBack || closed) return;
      if (handed.length >= HANDED_MAX) {
        handed.length = 0;
        readBack = true;
        return;
      }
      handed.push(event);
    },
    process: run,
    hasWork: () => !closed && (readBack || handed.length > 0),
    async close() {
      closed = true;
      await running;
    },
  };
}
