import type Database from 'better-sqlite3';
import type { MissingTerminalWebhook } from '../../../shared/contract/receiver.ts';
import { LISTENING_SINCE_KEY } from './webhook-event-store.ts';

/** A terminal-state webhook may still be on its way this long after polling saw the order settle. */
export const WEBHOOK_GRACE_MS = 10 * 60_000;

export interface MissingWebhookFilter {
  from?: number;
  to?: number;
  limit?: number;
}

export interface MissingWebhookReport {
  orders: MissingTerminalWebhook[];
  listeningSince: number | null;
}

/**
 * The first time this profile's receiver listened: the recorded moment, or (for a database from before it was
 * recorded) the first verified delivery. Before it, no webhook could have been received, so nothing is "missing".
 */
const LISTENING_SINCE_SQL = `
  SELECT min(at) FROM (
    SELECT CAST(value AS INTEGER) AS at FROM receiver_settings WHERE key = '${LISTENING_SINCE_KEY}'
    UNION ALL
    SELECT min(received_at) FROM webhook_events WHERE verdict = 'valid'
  )`;

/**
 * Orders whose terminal status the console learnt by polling or a lookup (the first history row of that status
 * came from `poll` or `lookup`) and for which no verified "Order Reached Terminal State" delivery for that orderId
 * is stored. Hubble does not retry deliveries, so each of these is a webhook lost on the way. Read straight from
 * the profile's orders tables (an area may not import the orders area; the database is shared).
 */
const MISSING_SQL = `
  WITH settled AS (
    SELECT o.order_id, o.reference_id, o.status,
           (SELECT h.id FROM order_status_history h
             WHERE h.order_ref = o.id AND h.status = o.status ORDER BY h.at, h.id LIMIT 1) AS first_history
    FROM orders o
    WHERE o.status IN ('SUCCESS', 'FAILED', 'CANCELLED', 'REVERSED') AND o.order_id IS NOT NULL
      -- a teammate's order (team mode) was delivered to the teammate's receiver, not this one
      AND o.origin_console IS NULL
  )
  SELECT s.order_id AS orderId, s.reference_id AS referenceId, s.status, h.at AS settledAt, h.source
  FROM settled s JOIN order_status_history h ON h.id = s.first_history
  WHERE h.source IN ('poll', 'lookup')
    AND h.at >= @listeningSince AND h.at <= @settledBefore
    AND (@from IS NULL OR h.at >= @from) AND (@to IS NULL OR h.at < @to)
    AND NOT EXISTS (
      -- dedupe keys are 'order:<id>:<status>': the range is every status of this orderId
      SELECT 1 FROM webhook_events w
      WHERE w.dedupe_key > 'order:' || s.order_id || ':' AND w.dedupe_key < 'order:' || s.order_id || ';'
        AND w.duplicate_of IS NULL AND w.verdict = 'valid' AND w.type = 'order-terminal-state')
  ORDER BY h.at DESC, h.id DESC
  LIMIT @limit`;

export function findMissingTerminalWebhooks(
  db: Database.Database,
  filter: MissingWebhookFilter,
  now: number,
): MissingWebhookReport {
  const listeningSince = db.prepare<[], number | null>(LISTENING_SINCE_SQL).pluck().get() ?? null;
  if (listeningSince === null) return { orders: [], listeningSince };
  const orders = db.prepare<Record<string, unknown>, MissingTerminalWebhook>(MISSING_SQL).all({
    listeningSince,
    settledBefore: now - WEBHOOK_GRACE_MS,
    from: filter.from ?? null,
    to: filter.to ?? null,
    limit: filter.limit ?? 200,
  });
  return { orders, listeningSince };
}
