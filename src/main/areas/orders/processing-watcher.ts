import type Database from 'better-sqlite3';
import type { HubbleClient } from '../../hubble/hubble-client.ts';
import type { JobSpec } from '../../kernel/jobs/job-scheduler.ts';
import { OrderStore } from './order-store.ts';

export const WATCH_JOB = 'orders.watch-processing';
/** How often the watcher looks for due orders (no call is made unless one is due). */
export const WATCH_TICK_MS = 5_000;
/** Per order: the n-th poll comes this long after the previous one (the last value repeats). */
export const POLL_BACKOFF_MS: readonly number[] = [10_000, 30_000, 60_000, 120_000, 300_000];
/** One tick polls at most this many orders, so a burst of PROCESSING orders is spread over ticks. */
const MAX_POLLS_PER_TICK = 50;

export interface WatcherPort {
  readonly db: Database.Database;
  readonly client: Pick<HubbleClient, 'getOrder'>;
  now(): number;
}

export const backoffAfter = (polls: number): number => POLL_BACKOFF_MS[Math.min(polls, POLL_BACKOFF_MS.length - 1)]!;

/**
 * Every PROCESSING order of this console is watched (first poll 10 s after it became PROCESSING); settled ones are
 * not, nor teammates' orders (team mode): the console that placed one watches it and its status arrives by pull.
 */
function syncWatchList(db: Database.Database): void {
  db.transaction(() => {
    db.prepare(
      `INSERT OR IGNORE INTO order_watch (order_ref, polls, next_poll_at)
       SELECT o.id, 0, coalesce((SELECT max(h.at) FROM order_status_history h
                                 WHERE h.order_ref = o.id AND h.status = 'PROCESSING'), o.updated_at) + ?
       FROM orders o WHERE o.status = 'PROCESSING' AND o.order_id IS NOT NULL AND o.origin_console IS NULL`,
    ).run(backoffAfter(0));
    db.prepare(
      `DELETE FROM order_watch WHERE order_ref NOT IN (SELECT id FROM orders WHERE status = 'PROCESSING')`,
    ).run();
  })();
}

interface DueOrder {
  order_ref: number;
  polls: number;
  order_id: string;
}

export interface WatchTickReport {
  polled: number;
  settled: number;
}

/**
 * One pass of the watcher: polls every PROCESSING order whose time came (GET /orders/:id), records the status it
 * reads (history source `poll`), and backs off per order until the order is terminal.
 */
export async function pollDueOrders(port: WatcherPort, signal?: AbortSignal): Promise<WatchTickReport> {
  const { db } = port;
  syncWatchList(db);
  const due = db
    .prepare(
      `SELECT w.order_ref, w.polls, o.order_id FROM order_watch w JOIN orders o ON o.id = w.order_ref
       WHERE w.next_poll_at <= ? ORDER BY w.next_poll_at LIMIT ?`,
    )
    .all(port.now(), MAX_POLLS_PER_TICK) as DueOrder[];
  const store = new OrderStore(db);
  const report: WatchTickReport = { polled: 0, settled: 0 };
  for (const order of due) {
    if (signal?.aborted) break;
    const result = await port.client.getOrder(order.order_id);
    report.polled += 1;
    const at = port.now();
    store.linkCalls(order.order_ref, result.call, 'poll', result.outcome, at);
    const current = store.byRowId(order.order_ref);
    // A webhook (or a lookup) may have settled the order while the GET was out: a stale PROCESSING never wins.
    const settledMeanwhile = current?.status !== 'PROCESSING';
    if (result.outcome === 'ok' && !(settledMeanwhile && result.value.status === 'PROCESSING'))
      store.adopt(order.order_ref, result.value, 'poll', at);
    const after = store.byRowId(order.order_ref);
    if (after?.status !== 'PROCESSING') {
      db.prepare('DELETE FROM order_watch WHERE order_ref = ?').run(order.order_ref);
      report.settled += 1;
      continue;
    }
    db.prepare('UPDATE order_watch SET polls = polls + 1, next_poll_at = ? WHERE order_ref = ?').run(
      at + backoffAfter(order.polls + 1),
      order.order_ref,
    );
  }
  return report;
}

/** The scheduler job of one profile: a tick every 5 s, polling only the orders that are due. */
export function processingWatcherJob(port: () => WatcherPort): JobSpec {
  return {
    name: WATCH_JOB,
    schedule: { kind: 'interval', everyMs: WATCH_TICK_MS },
    runIfNeverRan: true,
    run: async ({ signal }) => {
      await pollDueOrders(port(), signal);
    },
  };
}

export type WebhookSettlement = 'settled' | 'unchanged' | 'unknown-order';

/**
 * What the webhook receiver calls when "Order Reached Terminal State" arrives (signature already verified): a
 * PROCESSING order takes the terminal status at once (history source `webhook`) and the watcher stops polling it.
 * Only a PROCESSING order is settled this way; any other status is left as Hubble last answered it.
 */
export function settleFromWebhook(
  db: Database.Database,
  event: { orderId: string; status: string; at: number },
): WebhookSettlement {
  const store = new OrderStore(db);
  const order = store.byOrderId(event.orderId);
  if (!order) return 'unknown-order';
  if (event.status === 'PROCESSING' || order.status !== 'PROCESSING') return 'unchanged';
  db.transaction(() => {
    store.adopt(
      order.rowId,
      { id: event.orderId, referenceId: order.referenceId, status: event.status, vouchers: [], failureReason: null },
      'webhook',
      event.at,
    );
    db.prepare('DELETE FROM order_watch WHERE order_ref = ?').run(order.rowId);
  })();
  return 'settled';
}
