import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { CallRow } from '../../kernel/call-log/call-row.ts';
import { prepareRollupUpsert, rollUp } from '../../kernel/call-log/metrics-rollup.ts';
import type { ShipperIdentity } from './ship-batch.ts';

export const PULL_BATCH_ROWS = 1000;

export interface PullResult {
  readonly calls: number;
  readonly orders: number;
  /** teammates' orders this console already knows under its own row (it looked them up or heard a webhook) */
  readonly ordersKnownLocally: number;
}

type PulledCall = CallRow & {
  console_id: string;
  operator: string;
  local_id: number;
  seq: number;
  brand: string | null;
  source: string;
};

interface PulledOrder {
  console_id: string;
  operator: string;
  local_id: number;
  version: number;
  seq: number;
  reference_id: string | null;
  order_id: string | null;
  brand_id: string | null;
  brand_name: string | null;
  amount_paise: number | null;
  denominations_json: string | null;
  customer_json: string | null;
  status: string;
  failure_reason: string | null;
  error_id: string | null;
  error_code: string | null;
  failure_json: string | null;
  voucher_ids_json: string;
  source: string;
  batch_id: string | null;
  retry_of: string | null;
  created_at: number;
  updated_at: number;
  history_json: string;
}

const cursorOf = (db: Database.Database, kind: string) =>
  (db.prepare('SELECT seq FROM team_cursors WHERE kind = ?').pluck().get(`pull.${kind}`) as number | undefined) ?? 0;

const saveCursor = (db: Database.Database, kind: string, seq: number) =>
  db
    .prepare('INSERT INTO team_cursors (kind, seq) VALUES (?, ?) ON CONFLICT (kind) DO UPDATE SET seq = excluded.seq')
    .run(`pull.${kind}`, seq);

async function newRows<T>(client: pg.ClientBase, table: string, identity: ShipperIdentity, after: number) {
  const result = await client.query(
    `SELECT * FROM ${table} WHERE space = $1 AND console_id <> $2 AND seq > $3 ORDER BY seq LIMIT $4`,
    [identity.space, identity.consoleId, after, PULL_BATCH_ROWS],
  );
  return result.rows as T[];
}

/**
 * Brings teammates' calls and orders into this profile's store, after the last seq seen per table. They land in
 * the same tables as this console's own (so search, the palette, order lookup, bundles and dashboards need no
 * second path), marked with the console and operator they came from. The cursor moves in the same SQLite
 * transaction as the rows, so a crash re-pulls a batch at most, and the origin key makes that a no-op.
 */
export async function pullTeamRows(
  db: Database.Database,
  client: pg.ClientBase,
  identity: ShipperIdentity,
  localProfileId: string,
  signal?: AbortSignal,
): Promise<PullResult> {
  const applyCalls = callApplier(db, localProfileId);
  const applyOrders = orderApplier(db);
  let calls = 0;
  let orders = 0;
  let ordersKnownLocally = 0;
  for (;;) {
    signal?.throwIfAborted();
    const rows = await newRows<PulledCall>(client, 'team_calls', identity, cursorOf(db, 'calls'));
    if (rows.length === 0) break;
    calls += applyCalls(rows);
    if (rows.length < PULL_BATCH_ROWS) break;
  }
  for (;;) {
    signal?.throwIfAborted();
    const rows = await newRows<PulledOrder>(client, 'team_orders', identity, cursorOf(db, 'orders'));
    if (rows.length === 0) break;
    const applied = applyOrders(rows);
    orders += applied.orders;
    ordersKnownLocally += applied.knownLocally;
    if (rows.length < PULL_BATCH_ROWS) break;
  }
  return { calls, orders, ordersKnownLocally };
}

function callApplier(db: Database.Database, localProfileId: string) {
  const insert = db.prepare(
    `INSERT INTO api_calls (at, profile_id, environment, base_url, method, path, endpoint, http_status, outcome,
       error_kind, error_id, error_code, latency_ms, request_id, server_request_id, attempt, order_id, reference_id,
       order_status, amount, request_body, response_body, failure, brand, source, origin_console, origin_operator, origin_id)
     VALUES (@at, @profile_id, @environment, @base_url, @method, @path, @endpoint, @http_status, @outcome,
       @error_kind, @error_id, @error_code, @latency_ms, @request_id, @server_request_id, @attempt, @order_id,
       @reference_id, @order_status, @amount, @request_body, @response_body, @failure, @brand, @source, @console_id,
       @operator, @local_id)
     ON CONFLICT (origin_console, origin_id) WHERE origin_console IS NOT NULL DO NOTHING`,
  );
  const upsertRollup = prepareRollupUpsert(db);
  return db.transaction((rows: readonly PulledCall[]) => {
    const added: PulledCall[] = [];
    for (const row of rows) {
      // A source this console does not know (a newer teammate) is kept as a console call rather than refused.
      const source = row.source === 'import' ? 'import' : 'console';
      if (insert.run({ ...row, source, profile_id: localProfileId }).changes === 1) added.push(row);
    }
    // Only rows added reach the dashboards' rollups, so a re-pulled batch is not counted twice.
    for (const bucket of rollUp(added)) upsertRollup(bucket);
    saveCursor(db, 'calls', rows.at(-1)!.seq);
    return added.length;
  });
}

const ORDER_SOURCES = new Set(['console', 'batch', 'lookup', 'webhook', 'import', 'sdk']);

function orderApplier(db: Database.Database) {
  const byOrigin = db.prepare('SELECT id, origin_version FROM orders WHERE origin_console = ? AND origin_id = ?');
  const knownLocally = db.prepare(
    'SELECT 1 FROM orders WHERE (reference_id = @reference_id OR order_id = @order_id) AND origin_console IS NULL',
  );
  const claimedByOther = db.prepare(
    'SELECT id FROM orders WHERE (reference_id = @reference_id OR order_id = @order_id) AND origin_console IS NOT NULL',
  );
  // Money: a teammate's order is always `resolved` with no request body, so this console's recovery, retry and
  // watcher — which act only on open intents and this console's own orders — can never resend it.
  const insert = db.prepare(
    `INSERT INTO orders (reference_id, order_id, brand_id, brand_name, amount_paise, denominations_json, customer_json,
       request_json, status, failure_reason, error_id, error_code, failure_json, voucher_ids_json, source, batch_id,
       retry_of, intent_state, created_at, updated_at, origin_console, origin_operator, origin_id, origin_version)
     VALUES (@reference_id, @order_id, @brand_id, @brand_name, @amount_paise, @denominations_json, @customer_json,
       NULL, @status, @failure_reason, @error_id, @error_code, @failure_json, @voucher_ids_json, @source, @batch_id,
       NULL, 'resolved', @created_at, @updated_at, @console_id, @operator, @local_id, @version)`,
  );
  const update = db.prepare(
    `UPDATE orders SET order_id = @order_id, status = @status, failure_reason = @failure_reason, error_id = @error_id,
       error_code = @error_code, failure_json = @failure_json, voucher_ids_json = @voucher_ids_json,
       updated_at = @updated_at, origin_version = @version
     WHERE id = @id`,
  );
  const historyCount = db.prepare('SELECT count(*) FROM order_status_history WHERE order_ref = ?').pluck();
  const addHistory = db.prepare('INSERT INTO order_status_history (order_ref, status, at, source) VALUES (?, ?, ?, ?)');
  return db.transaction((rows: readonly PulledOrder[]) => {
    let orders = 0;
    let localDuplicates = 0;
    for (const pulled of rows) {
      const row = { ...pulled, source: ORDER_SOURCES.has(pulled.source) ? pulled.source : 'lookup' };
      const history = JSON.parse(row.history_json) as { status: string; at: number; source: string }[];
      const mine = byOrigin.get(row.console_id, row.local_id) as { id: number; origin_version: number } | undefined;
      let orderRef: number;
      if (mine) {
        if (row.version <= mine.origin_version) continue;
        update.run({ ...row, id: mine.id });
        orderRef = mine.id;
      } else if (knownLocally.get(row)) {
        localDuplicates += 1;
        continue;
      } else if (claimedByOther.get(row)) {
        // Two teammates shared the same order (one placed it, one looked it up): the first one pulled stays.
        continue;
      } else {
        orderRef = Number(insert.run(row).lastInsertRowid);
      }
      // The status history only grows: the entries past the ones already here are new.
      const known = historyCount.get(orderRef) as number;
      for (const entry of history.slice(known))
        addHistory.run(orderRef, entry.status, entry.at, `team:${entry.source}`);
      orders += 1;
    }
    saveCursor(db, 'orders', rows.at(-1)!.seq);
    return { orders, knownLocally: localDuplicates };
  });
}
