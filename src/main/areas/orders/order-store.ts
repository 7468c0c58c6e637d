import type Database from 'better-sqlite3';
import {
  denominationLineSchema,
  type DenominationLine,
  type IntentState,
  type OrderDetail,
  type OrderPage,
  type OrderSearch,
  type OrderSource,
  type OrderSummary,
} from '../../../shared/contract/orders.ts';
import type { HubbleFailure } from '../../../shared/hubble/failure.ts';
import type { Order } from '../../../shared/hubble/order.ts';
import { redactValue } from '../../../shared/hubble/redact.ts';
import type { CallMeta } from '../../hubble/hubble-result.ts';
import { rupeesToPaise } from './money.ts';

interface OrderRow {
  id: number;
  reference_id: string | null;
  order_id: string | null;
  brand_id: string | null;
  brand_name: string | null;
  amount_paise: number | null;
  denominations_json: string | null;
  customer_json: string | null;
  request_json: string | null;
  status: string;
  failure_reason: string | null;
  error_id: string | null;
  error_code: string | null;
  failure_json: string | null;
  voucher_ids_json: string;
  source: OrderSource;
  batch_id: string | null;
  retry_of: string | null;
  intent_state: IntentState;
  created_at: number;
  updated_at: number;
  /** computed by the summary queries: when a PROCESSING order last became PROCESSING */
  processing_since?: number | null;
  /** a teammate's order pulled in team mode (docs/team.md); null for this console's own */
  origin_console: string | null;
  origin_operator: string | null;
}

/** When an order counts as stuck: PROCESSING since at least `afterMs` before `now`. */
export interface StuckRule {
  readonly now: number;
  readonly afterMs: number;
}

/** When the order last became PROCESSING (its history appends a row only when the status changes). */
const PROCESSING_SINCE = `(CASE WHEN orders.status = 'PROCESSING' THEN (SELECT max(h.at) FROM order_status_history h
  WHERE h.order_ref = orders.id AND h.status = 'PROCESSING') END)`;
const SUMMARY_COLUMNS = `orders.*, ${PROCESSING_SINCE} AS processing_since`;

/** A stored order as the placement code needs it. */
export interface StoredOrder {
  readonly rowId: number;
  readonly referenceId: string | null;
  readonly orderId: string | null;
  readonly brandId: string | null;
  readonly amountPaise: number | null;
  readonly denominations: DenominationLine[] | null;
  readonly status: string;
  readonly intentState: IntentState;
  readonly hadCustomer: boolean;
  /** the exact place-order body to resend with the same referenceId; only while the outcome is unknown */
  readonly request: unknown;
}

export interface NewIntent {
  referenceId: string;
  brandId: string;
  brandName: string;
  amountPaise: number;
  denominations: readonly DenominationLine[];
  /** already masked */
  customer: Record<string, string> | null;
  request: unknown;
  source: OrderSource;
  batchId: string | null;
  retryOf: string | null;
  at: number;
}

/** Where a status change came from, for the timeline. */
export type StatusSource = 'place' | 'resend' | 'resolve' | 'lookup' | 'poll' | 'webhook' | 'import';

const parseJson = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

const toStored = (row: OrderRow): StoredOrder => ({
  rowId: row.id,
  referenceId: row.reference_id,
  orderId: row.order_id,
  brandId: row.brand_id,
  amountPaise: row.amount_paise,
  denominations: parseJson<DenominationLine[]>(row.denominations_json),
  status: row.status,
  intentState: row.intent_state,
  hadCustomer: row.customer_json !== null,
  request: parseJson(row.request_json),
});

const isStuck = (since: number | null, rule: StuckRule | null) =>
  since !== null && rule !== null && rule.now - since >= rule.afterMs;

const toSummary = (row: OrderRow, rule: StuckRule | null): OrderSummary => ({
  referenceId: row.reference_id,
  orderId: row.order_id,
  brandId: row.brand_id,
  brandName: row.brand_name,
  amountPaise: row.amount_paise,
  status: row.status,
  intentState: row.intent_state,
  source: row.source,
  batchId: row.batch_id,
  retryOf: row.retry_of,
  errorId: row.error_id,
  errorCode: row.error_code,
  failureReason: row.failure_reason,
  voucherCount: (JSON.parse(row.voucher_ids_json) as string[]).length,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  processingSince: row.processing_since ?? null,
  stuck: isStuck(row.processing_since ?? null, rule),
  origin: row.origin_console ? { consoleId: row.origin_console, operator: row.origin_operator ?? '' } : null,
});

/**
 * What can be learnt from a Hubble order without touching card data: voucher ids, and (for a looked-up order
 * the console never placed) the amount and denominations its vouchers add up to.
 */
function voucherFacts(order: Order): { ids: string[]; amountPaise: number | null; lines: DenominationLine[] | null } {
  const ids = order.vouchers.map((voucher) => voucher.id);
  const values = order.vouchers.map((voucher) => rupeesToPaise(voucher.amount));
  if (values.length === 0 || values.some((value) => value === null || value <= 0))
    return { ids, amountPaise: null, lines: null };
  const counts = new Map<number, number>();
  for (const value of values as number[]) counts.set(value, (counts.get(value) ?? 0) + 1);
  const lines = [...counts].map(([denominationPaise, quantity]) =>
    denominationLineSchema.parse({ denominationPaise, quantity }),
  );
  return { ids, amountPaise: (values as number[]).reduce((sum, value) => sum + value, 0), lines };
}

/** Failures are stored for the order page; redacted again because a Hubble message is free text. */
const failureJson = (failure: HubbleFailure): string => JSON.stringify(redactValue(failure));

/** The orders tables of one profile database. Every write that changes a status also appends to the history. */
export class OrderStore {
  readonly #db: Database.Database;
  readonly #stuck: StuckRule | null;

  /** `stuck`: how summaries and the stuck filter judge PROCESSING orders (none: never stuck). */
  constructor(db: Database.Database, stuck: StuckRule | null = null) {
    this.#db = db;
    this.#stuck = stuck;
  }

  #row(where: string, value: unknown): OrderRow | undefined {
    return this.#db.prepare(`SELECT * FROM orders WHERE ${where}`).get(value) as OrderRow | undefined;
  }

  #history(rowId: number, status: string, at: number, source: StatusSource | 'intent'): void {
    this.#db
      .prepare('INSERT INTO order_status_history (order_ref, status, at, source) VALUES (?, ?, ?, ?)')
      .run(rowId, status, at, source);
  }

  /** The write-ahead intent: committed (its own transaction) before anything is sent. */
  insertIntent(intent: NewIntent): StoredOrder {
    const insert = this.#db.transaction(() => {
      const { lastInsertRowid } = this.#db
        .prepare(
          `INSERT INTO orders (reference_id, brand_id, brand_name, amount_paise, denominations_json, customer_json,
             request_json, status, source, batch_id, retry_of, intent_state, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'INTENT', ?, ?, ?, 'pending', ?, ?)`,
        )
        .run(
          intent.referenceId,
          intent.brandId,
          intent.brandName,
          intent.amountPaise,
          JSON.stringify(intent.denominations),
          intent.customer ? JSON.stringify(intent.customer) : null,
          JSON.stringify(intent.request),
          intent.source,
          intent.batchId,
          intent.retryOf,
          intent.at,
          intent.at,
        );
      this.#history(Number(lastInsertRowid), 'INTENT', intent.at, 'intent');
      return Number(lastInsertRowid);
    });
    return this.byRowId(insert())!;
  }

  byRowId(rowId: number): StoredOrder | undefined {
    const row = this.#row('id = ?', rowId);
    return row && toStored(row);
  }

  byReferenceId(referenceId: string): StoredOrder | undefined {
    const row = this.#row('reference_id = ?', referenceId);
    return row && toStored(row);
  }

  byOrderId(orderId: string): StoredOrder | undefined {
    const row = this.#row('order_id = ?', orderId);
    return row && toStored(row);
  }

  /** Intents whose outcome is not known yet, oldest first. */
  openIntents(): StoredOrder[] {
    return (
      this.#db.prepare(`SELECT * FROM orders WHERE intent_state <> 'resolved' ORDER BY id`).all() as OrderRow[]
    ).map(toStored);
  }

  /** The order that retried this one, if any. */
  retryOf(referenceId: string): StoredOrder | undefined {
    const row = this.#row('retry_of = ?', referenceId);
    return row && toStored(row);
  }

  setIntentState(rowId: number, state: 'sent' | 'unknown', at: number, failure: HubbleFailure | null = null): void {
    this.#db
      .prepare(
        `UPDATE orders SET intent_state = ?, failure_json = coalesce(?, failure_json), updated_at = ?
         WHERE id = ? AND intent_state <> 'resolved'`,
      )
      .run(state, failure ? failureJson(failure) : null, at, rowId);
  }

  /** Every X-REQUEST-ID of one client call, linked to the order it was about. */
  linkCalls(rowId: number, call: CallMeta, purpose: string, outcome: string, at: number): void {
    const insert = this.#db.prepare(
      'INSERT OR IGNORE INTO order_calls (request_id, order_ref, purpose, outcome, at) VALUES (?, ?, ?, ?, ?)',
    );
    call.requestIds.forEach((requestId) =>
      insert.run(requestId, rowId, purpose, requestId === call.requestId ? outcome : 'retried', at),
    );
  }

  /**
   * Hubble's answer (or a lookup) says what the order is: take its id and status, resolve the intent, and drop the
   * resend body. Card numbers and PINs in `order.vouchers` are never read, only voucher ids.
   */
  adopt(rowId: number, order: Order, source: StatusSource, at: number): StoredOrder {
    const apply = this.#db.transaction(() => {
      const row = this.#row('id = ?', rowId);
      if (!row) throw new Error(`No order row ${rowId}`);
      if (row.order_id !== null && row.order_id !== order.id)
        throw new Error(`Order ${row.reference_id ?? row.order_id} is already ${row.order_id}, not ${order.id}`);
      const facts = voucherFacts(order);
      const voucherIds = facts.ids.length > 0 ? facts.ids : (JSON.parse(row.voucher_ids_json) as string[]);
      this.#db
        .prepare(
          `UPDATE orders SET order_id = ?, reference_id = coalesce(reference_id, ?), status = ?,
             failure_reason = ?, voucher_ids_json = ?, amount_paise = coalesce(amount_paise, ?),
             denominations_json = coalesce(denominations_json, ?), intent_state = 'resolved', request_json = NULL,
             error_id = NULL, error_code = NULL, failure_json = NULL, updated_at = ?
           WHERE id = ?`,
        )
        .run(
          order.id,
          order.referenceId ?? null,
          order.status,
          order.failureReason ?? null,
          JSON.stringify(voucherIds),
          facts.amountPaise,
          facts.lines ? JSON.stringify(facts.lines) : null,
          at,
          rowId,
        );
      if (row.status !== order.status) this.#history(rowId, order.status, at, source);
    });
    apply();
    return this.byRowId(rowId)!;
  }

  /** Hubble refused the request (E15x, E300, E400, 4xx…): no order exists, the outcome is known. */
  reject(rowId: number, failure: HubbleFailure, source: StatusSource, at: number): StoredOrder {
    this.#db.transaction(() => {
      this.#db
        .prepare(
          `UPDATE orders SET status = 'REJECTED', failure_reason = ?, error_id = ?, error_code = ?, failure_json = ?,
             intent_state = 'resolved', request_json = NULL, updated_at = ?
           WHERE id = ?`,
        )
        .run(
          failure.hubbleMessage ? `${failure.title}: ${failure.hubbleMessage}` : failure.title,
          failure.errorId ?? failure.kind,
          failure.errorCode,
          failureJson(failure),
          at,
          rowId,
        );
      this.#history(rowId, 'REJECTED', at, source);
    })();
    return this.byRowId(rowId)!;
  }

  /** An order the console never placed, found live in Hubble (or heard of by webhook). */
  insertKnown(order: Order, source: OrderSource, at: number): StoredOrder {
    return this.#db.transaction(() => {
      const { lastInsertRowid } = this.#db
        .prepare(
          `INSERT INTO orders (reference_id, order_id, status, source, intent_state, created_at, updated_at)
           VALUES (?, ?, ?, ?, 'resolved', ?, ?)`,
        )
        .run(order.referenceId ?? null, order.id, order.status, source, at, at);
      const rowId = Number(lastInsertRowid);
      this.#history(rowId, order.status, at, source === 'webhook' ? 'webhook' : 'lookup');
      return this.adopt(rowId, order, 'lookup', at);
    })();
  }

  detail(rowId: number): OrderDetail | undefined {
    const row = this.#db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM orders WHERE id = ?`).get(rowId) as
      OrderRow | undefined;
    if (!row) return undefined;
    const history = this.#db
      .prepare('SELECT status, at, source FROM order_status_history WHERE order_ref = ? ORDER BY at, id')
      .all(rowId) as OrderDetail['history'];
    const calls = this.#db
      .prepare('SELECT request_id AS requestId, purpose, outcome, at FROM order_calls WHERE order_ref = ? ORDER BY id')
      .all(rowId) as OrderDetail['calls'];
    const retriedBy = row.reference_id
      ? ((this.#db.prepare('SELECT reference_id FROM orders WHERE retry_of = ?').pluck().get(row.reference_id) as
          string | undefined) ?? null)
      : null;
    return {
      ...toSummary(row, this.#stuck),
      denominations: parseJson<DenominationLine[]>(row.denominations_json),
      customer: parseJson<Record<string, string>>(row.customer_json),
      voucherIds: JSON.parse(row.voucher_ids_json) as string[],
      history,
      calls,
      retriedBy,
      failure: parseJson<HubbleFailure>(row.failure_json),
    };
  }

  search(search: OrderSearch): OrderPage {
    const where: string[] = [];
    const params: unknown[] = [];
    const { filters } = search;
    const add = (clause: string, ...values: unknown[]) => {
      where.push(clause);
      params.push(...values);
    };
    if (filters.status) add('status = ?', filters.status);
    if (filters.brandId) add('brand_id = ?', filters.brandId);
    if (filters.source) add('source = ?', filters.source);
    if (filters.batchId) add('batch_id = ?', filters.batchId);
    if (filters.intentState) add('intent_state = ?', filters.intentState);
    if (filters.stuck !== undefined) {
      // Without a rule nothing is stuck; a cutoff no order can reach keeps the query the same shape.
      const cutoff = this.#stuck ? this.#stuck.now - this.#stuck.afterMs : Number.MIN_SAFE_INTEGER;
      const stuck = `(orders.status = 'PROCESSING' AND ${PROCESSING_SINCE} <= ?)`;
      add(filters.stuck ? stuck : `NOT ${stuck}`, cutoff);
    }
    if (filters.from !== undefined) add('created_at >= ?', filters.from);
    if (filters.to !== undefined) add('created_at < ?', filters.to);
    if (filters.text) {
      const like = `%${filters.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      add(
        `(order_id = ? OR reference_id = ? OR brand_name LIKE ? ESCAPE '\\' OR order_id LIKE ? ESCAPE '\\' OR reference_id LIKE ? ESCAPE '\\')`,
        filters.text,
        filters.text,
        like,
        like,
        like,
      );
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows = this.#db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM orders ${clause} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`)
      .all(...params, search.limit, search.offset) as OrderRow[];
    const total = search.includeTotal
      ? (this.#db
          .prepare(`SELECT count(*) FROM orders ${clause}`)
          .pluck()
          .get(...params) as number)
      : null;
    return { rows: rows.map((row) => toSummary(row, this.#stuck)), offset: search.offset, total };
  }
}
