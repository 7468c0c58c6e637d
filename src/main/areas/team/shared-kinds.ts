import type Database from 'better-sqlite3';

type PgType = 'text' | 'bigint' | 'integer' | 'double precision';

/** A shared table of the team database: its payload columns in schema order, with their types for the batch insert. */
export interface TeamTable {
  readonly kind: string;
  readonly pgTable: string;
  readonly columns: readonly (readonly [name: string, type: PgType])[];
}

/**
 * One kind of history a profile's outbox carries, and how to read this console's current rows of it from SQLite.
 * `version` is derived from the row itself (0 for rows that never change; the update time for orders and webhook
 * events), so shipping the same state twice — after a crash, a replay or a re-link — adds nothing.
 */
export interface SharedKind extends TeamTable {
  /** SELECT … AS local_id, … AS version, then every column, for the row ids bound as a JSON array. */
  readonly localRowsSql: string;
  /** Every row of this console, to enqueue when a profile is linked. */
  readonly backfillSql: string;
}

const ids = 'SELECT value FROM json_each(?)';

export const CALLS: SharedKind = {
  kind: 'calls',
  pgTable: 'team_calls',
  columns: [
    ['at', 'bigint'],
    ['environment', 'text'],
    ['base_url', 'text'],
    ['method', 'text'],
    ['path', 'text'],
    ['endpoint', 'text'],
    ['http_status', 'integer'],
    ['outcome', 'text'],
    ['error_kind', 'text'],
    ['error_id', 'text'],
    ['error_code', 'text'],
    ['latency_ms', 'double precision'],
    ['request_id', 'text'],
    ['server_request_id', 'text'],
    ['attempt', 'integer'],
    ['order_id', 'text'],
    ['reference_id', 'text'],
    ['order_status', 'text'],
    ['amount', 'double precision'],
    ['brand', 'text'],
    ['source', 'text'],
    ['request_body', 'text'],
    ['response_body', 'text'],
    ['failure', 'text'],
  ],
  localRowsSql: `SELECT id AS local_id, 0 AS version, at, environment, base_url, method, path, endpoint, http_status,
      outcome, error_kind, error_id, error_code, latency_ms, request_id, server_request_id, attempt, order_id,
      reference_id, order_status, amount, brand, source, request_body, response_body, failure
    FROM api_calls WHERE origin_console IS NULL AND id IN (${ids})`,
  backfillSql: `INSERT INTO team_outbox (kind, row_id) SELECT 'calls', id FROM api_calls WHERE origin_console IS NULL ORDER BY id`,
};

export const ORDERS: SharedKind = {
  kind: 'orders',
  pgTable: 'team_orders',
  columns: [
    ['reference_id', 'text'],
    ['order_id', 'text'],
    ['brand_id', 'text'],
    ['brand_name', 'text'],
    ['amount_paise', 'bigint'],
    ['denominations_json', 'text'],
    ['customer_json', 'text'],
    ['status', 'text'],
    ['failure_reason', 'text'],
    ['error_id', 'text'],
    ['error_code', 'text'],
    ['failure_json', 'text'],
    ['voucher_ids_json', 'text'],
    ['source', 'text'],
    ['batch_id', 'text'],
    ['retry_of', 'text'],
    ['created_at', 'bigint'],
    ['updated_at', 'bigint'],
    ['history_json', 'text'],
  ],
  // Never request_json: it holds the customer's contact details only while the intent is open, and a teammate
  // has no use for a body they must never resend.
  localRowsSql: `SELECT o.id AS local_id,
      o.updated_at * 1024 + (SELECT count(*) FROM order_status_history h WHERE h.order_ref = o.id) AS version,
      o.reference_id, o.order_id, o.brand_id, o.brand_name, o.amount_paise, o.denominations_json, o.customer_json,
      o.status, o.failure_reason, o.error_id, o.error_code, o.failure_json, o.voucher_ids_json, o.source, o.batch_id,
      o.retry_of, o.created_at, o.updated_at,
      (SELECT json_group_array(json_object('status', status, 'at', at, 'source', source))
         FROM (SELECT status, at, source FROM order_status_history h WHERE h.order_ref = o.id ORDER BY at, id)) AS history_json
    FROM orders o WHERE o.origin_console IS NULL AND o.id IN (${ids})`,
  backfillSql: `INSERT INTO team_outbox (kind, row_id) SELECT 'orders', id FROM orders WHERE origin_console IS NULL ORDER BY id`,
};

export const WEBHOOK_EVENTS: SharedKind = {
  kind: 'webhook_events',
  pgTable: 'team_webhook_events',
  columns: [
    ['received_at', 'bigint'],
    ['source_ip', 'text'],
    ['verdict', 'text'],
    ['reason', 'text'],
    ['body_bytes', 'integer'],
    ['type', 'text'],
    ['dedupe_key', 'text'],
    ['state', 'text'],
    ['attempts', 'integer'],
    ['changes_json', 'text'],
    ['error', 'text'],
    ['processed_at', 'bigint'],
  ],
  // Never the body or the headers: an SDK transaction body may carry card data, and the exact bytes are only
  // useful to the signature debugger of the console that received them.
  localRowsSql: `SELECT id AS local_id, coalesce(processed_at, 0) * 1024 + attempts AS version, received_at, source_ip,
      verdict, reason, body_bytes, type, dedupe_key, state, attempts, changes_json, error, processed_at
    FROM webhook_events WHERE id IN (${ids})`,
  backfillSql: `INSERT INTO team_outbox (kind, row_id) SELECT 'webhook_events', id FROM webhook_events ORDER BY id`,
};

export const BRAND_CHANGES: SharedKind = {
  kind: 'brand_changes',
  pgTable: 'team_brand_changes',
  columns: [
    ['sync_id', 'bigint'],
    ['source', 'text'],
    ['brand_id', 'text'],
    ['brand_name', 'text'],
    ['kind', 'text'],
    ['field', 'text'],
    ['old_value', 'text'],
    ['new_value', 'text'],
    ['at', 'bigint'],
  ],
  localRowsSql: `SELECT id AS local_id, 0 AS version, sync_id, source, brand_id, brand_name, kind, field, old_value,
      new_value, at FROM brand_changes WHERE id IN (${ids})`,
  backfillSql: `INSERT INTO team_outbox (kind, row_id) SELECT 'brand_changes', id FROM brand_changes ORDER BY id`,
};

export const ALERT_EVENTS: SharedKind = {
  kind: 'alert_events',
  pgTable: 'team_alert_events',
  columns: [
    ['rule_id', 'bigint'],
    ['rule_name', 'text'],
    ['kind', 'text'],
    ['event', 'text'],
    ['value', 'double precision'],
    ['threshold', 'double precision'],
    ['message', 'text'],
    ['at', 'bigint'],
  ],
  localRowsSql: `SELECT id AS local_id, 0 AS version, rule_id, rule_name, kind, event, value, threshold, message, at
    FROM alert_events WHERE id IN (${ids})`,
  backfillSql: `INSERT INTO team_outbox (kind, row_id) SELECT 'alert_events', id FROM alert_events ORDER BY id`,
};

/** The kinds whose changes this console's SQLite outbox carries (the audit log lives in app.db: audit-shipping.ts). */
export const OUTBOX_KINDS: readonly SharedKind[] = [CALLS, ORDERS, WEBHOOK_EVENTS, BRAND_CHANGES, ALERT_EVENTS];

export const kindNamed = (kind: string): SharedKind | undefined => OUTBOX_KINDS.find((each) => each.kind === kind);

/** A shared row as read from SQLite for shipping. */
export type LocalRow = { local_id: number; version: number } & Record<string, unknown>;

export function readLocalRows(db: Database.Database, kind: SharedKind, rowIds: readonly number[]): LocalRow[] {
  return db.prepare(kind.localRowsSql).all(JSON.stringify(rowIds)) as LocalRow[];
}
