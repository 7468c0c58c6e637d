import type Database from 'better-sqlite3';
import { catalogScheduleSchema, type CatalogSchedule } from '../../../shared/contract/catalog.ts';

/*
 * What a profile's own history says about go-live readiness, read in SQL from the tables other areas write
 * (areas never import each other). Tables that another area adds later (webhook_events, alert_rules) may be
 * missing from an older database: each reader says so instead of failing.
 */

export const tableExists = (db: Database.Database, table: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;

export const REQUIRED_WEBHOOK_TYPES = ['brand-updated', 'wallet-low-balance', 'order-terminal-state'] as const;
export type RequiredWebhookType = (typeof REQUIRED_WEBHOOK_TYPES)[number];

export interface WebhookTypeFact {
  verified: number;
  lastAt: number | null;
  lastEventId: number | null;
}

export interface WebhookFacts {
  /** false: this console has no receiver data for the profile (no webhook_events table) */
  available: boolean;
  /** every delivery the receiver stored, verified or not */
  deliveries: number;
  /** deliveries refused for a bad or missing X-Verify */
  badSignatures: number;
  byType: Record<RequiredWebhookType, WebhookTypeFact>;
}

const noWebhook = (): WebhookTypeFact => ({ verified: 0, lastAt: null, lastEventId: null });

export function webhookFacts(db: Database.Database): WebhookFacts {
  const byType = {
    'brand-updated': noWebhook(),
    'wallet-low-balance': noWebhook(),
    'order-terminal-state': noWebhook(),
  };
  if (!tableExists(db, 'webhook_events')) return { available: false, deliveries: 0, badSignatures: 0, byType };
  const totals = db
    .prepare<[], { deliveries: number; bad: number | null }>(
      `SELECT count(*) AS deliveries, sum(verdict IN ('invalid', 'missing')) AS bad FROM webhook_events`,
    )
    .get();
  const rows = db
    .prepare<[], { type: string; verified: number; last_at: number; last_id: number }>(
      `SELECT type, count(*) AS verified, max(received_at) AS last_at, max(id) AS last_id FROM webhook_events
       WHERE verdict = 'valid' AND type IS NOT NULL GROUP BY type`,
    )
    .all();
  for (const row of rows) {
    if ((REQUIRED_WEBHOOK_TYPES as readonly string[]).includes(row.type)) {
      byType[row.type as RequiredWebhookType] = {
        verified: row.verified,
        lastAt: row.last_at,
        lastEventId: row.last_id,
      };
    }
  }
  return { available: true, deliveries: totals?.deliveries ?? 0, badSignatures: totals?.bad ?? 0, byType };
}

export interface CatalogFacts {
  lastSync: { finishedAt: number; brands: number } | null;
  lastFailure: { startedAt: number; error: string | null } | null;
  /** the operator's own sync schedule (catalog_settings), null when the profile's hours apply */
  storedSchedule: CatalogSchedule | null;
  brands: number;
  inactive: number;
  /** orders refused because the brand was INACTIVE (E102): something offered a brand it should have hidden */
  inactiveOrderErrors: { count: number; lastRequestId: string | null; lastAt: number | null };
}

function storedSchedule(db: Database.Database): CatalogSchedule | null {
  const row = db.prepare<[], { value: string }>("SELECT value FROM catalog_settings WHERE key = 'schedule'").get();
  if (!row) return null;
  try {
    const parsed = catalogScheduleSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function catalogFacts(db: Database.Database): CatalogFacts {
  const last = db
    .prepare<[], { finished_at: number; brands: number }>(
      `SELECT finished_at, brands FROM catalog_syncs WHERE outcome = 'done' AND finished_at IS NOT NULL
       ORDER BY finished_at DESC LIMIT 1`,
    )
    .get();
  const failure = db
    .prepare<[], { started_at: number; error: string | null }>(
      `SELECT started_at, error FROM catalog_syncs WHERE outcome = 'failed' ORDER BY started_at DESC LIMIT 1`,
    )
    .get();
  const counts = db
    .prepare<[], { brands: number; inactive: number | null }>(
      `SELECT count(*) AS brands, sum(status = 'INACTIVE') AS inactive FROM brands`,
    )
    .get();
  const e102 = db
    .prepare<[], { count: number; request_id: string | null; at: number | null }>(
      `SELECT count(*) AS count, max(at) AS at,
              (SELECT request_id FROM api_calls WHERE error_id = 'E102' ORDER BY at DESC LIMIT 1) AS request_id
       FROM api_calls WHERE error_id = 'E102'`,
    )
    .get();
  return {
    lastSync: last ? { finishedAt: last.finished_at, brands: last.brands } : null,
    lastFailure: failure ? { startedAt: failure.started_at, error: failure.error } : null,
    storedSchedule: storedSchedule(db),
    brands: counts?.brands ?? 0,
    inactive: counts?.inactive ?? 0,
    inactiveOrderErrors: { count: e102?.count ?? 0, lastRequestId: e102?.request_id ?? null, lastAt: e102?.at ?? null },
  };
}

export const ORDER_STATES = ['SUCCESS', 'FAILED', 'PROCESSING'] as const;
export type CheckedOrderState = (typeof ORDER_STATES)[number];

export interface OrderExample {
  referenceId: string | null;
  orderId: string | null;
  at: number;
  requestId: string | null;
}

export interface OrderFacts {
  /** per state: how many orders were ever in it (status history included), and the latest one */
  states: Record<CheckedOrderState, { orders: number; example: OrderExample | null }>;
  /** the latest retry placed with a new referenceId (orders.retry_of names the original) */
  retry: { referenceId: string; retryOf: string; at: number; requestId: string | null } | null;
}

const LAST_CALL_OF_ORDER = '(SELECT request_id FROM order_calls c WHERE c.order_ref = o.id ORDER BY c.id DESC LIMIT 1)';

export function orderFacts(db: Database.Database): OrderFacts {
  const stateOf = (state: CheckedOrderState) => {
    // A PROCESSING order that settled is no longer PROCESSING: its history remembers that it was.
    const inState = `(o.status = @state OR EXISTS (SELECT 1 FROM order_status_history h WHERE h.order_ref = o.id AND h.status = @state))`;
    const count = db
      .prepare<{ state: string }, { n: number }>(`SELECT count(*) AS n FROM orders o WHERE ${inState}`)
      .get({ state })!.n;
    const example = db
      .prepare<
        { state: string },
        { reference_id: string | null; order_id: string | null; at: number; request_id: string | null }
      >(
        `SELECT o.reference_id, o.order_id, o.updated_at AS at, ${LAST_CALL_OF_ORDER} AS request_id
         FROM orders o WHERE ${inState} ORDER BY o.updated_at DESC LIMIT 1`,
      )
      .get({ state });
    return {
      orders: count,
      example: example
        ? {
            referenceId: example.reference_id,
            orderId: example.order_id,
            at: example.at,
            requestId: example.request_id,
          }
        : null,
    };
  };
  const retry = db
    .prepare<[], { reference_id: string; retry_of: string; at: number; request_id: string | null }>(
      `SELECT o.reference_id, o.retry_of, o.created_at AS at, ${LAST_CALL_OF_ORDER} AS request_id
       FROM orders o WHERE o.retry_of IS NOT NULL AND o.reference_id IS NOT NULL AND o.reference_id <> o.retry_of
       ORDER BY o.created_at DESC LIMIT 1`,
    )
    .get();
  return {
    states: { SUCCESS: stateOf('SUCCESS'), FAILED: stateOf('FAILED'), PROCESSING: stateOf('PROCESSING') },
    retry: retry
      ? { referenceId: retry.reference_id, retryOf: retry.retry_of, at: retry.at, requestId: retry.request_id }
      : null,
  };
}

export interface AlertFacts {
  /** false: no alert rules in this console's database for the profile */
  available: boolean;
  enabledKinds: string[];
}

export function alertFacts(db: Database.Database): AlertFacts {
  if (!tableExists(db, 'alert_rules')) return { available: false, enabledKinds: [] };
  const kinds = db
    .prepare<[], { kind: string }>('SELECT DISTINCT kind FROM alert_rules WHERE enabled = 1 ORDER BY kind')
    .all()
    .map((row) => row.kind);
  return { available: true, enabledKinds: kinds };
}

export interface CallFacts {
  total: number;
  /** calls recorded without an X-REQUEST-ID: support could not trace them */
  withoutRequestId: number;
  latest: { requestId: string; at: number } | null;
}

export function callFacts(db: Database.Database): CallFacts {
  const totals = db
    .prepare<[], { total: number; missing: number | null }>(
      `SELECT count(*) AS total, sum(request_id IS NULL OR trim(request_id) = '') AS missing FROM api_calls`,
    )
    .get();
  const latest = db
    .prepare<[], { request_id: string; at: number }>(
      `SELECT request_id, at FROM api_calls WHERE trim(request_id) <> '' ORDER BY at DESC, id DESC LIMIT 1`,
    )
    .get();
  return {
    total: totals?.total ?? 0,
    withoutRequestId: totals?.missing ?? 0,
    latest: latest ? { requestId: latest.request_id, at: latest.at } : null,
  };
}

export interface WalletHistoryFacts {
  latest: { at: number; balancePaise: number } | null;
  spendRatePaisePerHour: number | null;
}

export function walletHistoryFacts(db: Database.Database): WalletHistoryFacts {
  if (!tableExists(db, 'wallet_samples')) return { latest: null, spendRatePaisePerHour: null };
  const latest = db
    .prepare<[], { at: number; balance_paise: number }>(
      'SELECT at, balance_paise FROM wallet_samples ORDER BY at DESC, id DESC LIMIT 1',
    )
    .get();
  const spend = tableExists(db, 'wallet_spend')
    ? db
        .prepare<[], { rate: number | null }>('SELECT spend_rate_paise_per_hour AS rate FROM wallet_spend WHERE id = 1')
        .get()
    : undefined;
  return {
    latest: latest ? { at: latest.at, balancePaise: latest.balance_paise } : null,
    spendRatePaisePerHour: spend?.rate ?? null,
  };
}
