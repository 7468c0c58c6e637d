import type Database from 'better-sqlite3';
import type { CallDetail, CallFilters, CallSort, CallSummary } from '../../../shared/contract/calls.ts';
import type { CallRow } from '../../kernel/call-log/call-row.ts';
import { hubbleFailureSchema, type CallOutcomeKind, type FailureKind } from '../../../shared/hubble/failure.ts';

/** A row as read back: what the writer stored plus its rowid. */
type StoredRow = CallRow & { id: number };

const SUMMARY_COLUMNS =
  'id, at, method, path, endpoint, http_status, outcome, error_kind, error_id, error_code, latency_ms, request_id, order_id, reference_id, order_status, attempt';

const SORT_COLUMNS: Record<CallSort['by'], string> = {
  at: 'at',
  latency: 'latency_ms',
  status: 'http_status',
  path: 'path',
};

export const toSummary = (
  row: Omit<
    StoredRow,
    | 'profile_id'
    | 'environment'
    | 'base_url'
    | 'server_request_id'
    | 'amount'
    | 'request_body'
    | 'response_body'
    | 'failure'
  >,
): CallSummary => ({
  id: row.id,
  at: row.at,
  method: row.method,
  path: row.path,
  endpoint: row.endpoint,
  httpStatus: row.http_status,
  outcome: row.outcome as CallOutcomeKind,
  errorKind: row.error_kind as FailureKind | null,
  errorId: row.error_id,
  errorCode: row.error_code,
  latencyMs: row.latency_ms,
  requestId: row.request_id,
  orderId: row.order_id,
  referenceId: row.reference_id,
  orderStatus: row.order_status,
  attempt: row.attempt,
});

function toDetail(row: StoredRow): CallDetail {
  const failure = row.failure ? hubbleFailureSchema.safeParse(JSON.parse(row.failure)) : null;
  return {
    ...toSummary(row),
    profileId: row.profile_id,
    environment: row.environment,
    baseUrl: row.base_url,
    serverRequestId: row.server_request_id,
    amount: row.amount,
    requestBody: row.request_body,
    responseBody: row.response_body,
    failure: failure?.success ? failure.data : null,
  };
}

const likeFragment = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** SQL for a filter set: every condition is a bound parameter, never text pasted into the query. */
export function whereOf(filters: CallFilters): { sql: string; params: Record<string, string | number> } {
  const clauses: string[] = [];
  const params: Record<string, string | number> = {};
  const add = (clause: string, name: string, value: string | number) => {
    clauses.push(clause);
    params[name] = value;
  };
  if (filters.requestId) add('request_id = @requestId', 'requestId', filters.requestId);
  if (filters.orderId) add('order_id = @orderId', 'orderId', filters.orderId);
  if (filters.referenceId) add('reference_id = @referenceId', 'referenceId', filters.referenceId);
  if (filters.path) add("path LIKE @path ESCAPE '\\'", 'path', likeFragment(filters.path));
  if (filters.httpStatus !== undefined) {
    if (filters.httpStatus === 0) clauses.push('http_status IS NULL');
    else add('http_status = @httpStatus', 'httpStatus', filters.httpStatus);
  }
  if (filters.statusClass === 'none') clauses.push('http_status IS NULL');
  else if (filters.statusClass) {
    const base = Number(filters.statusClass[0]) * 100;
    clauses.push('http_status >= @statusFrom AND http_status < @statusTo');
    params['statusFrom'] = base;
    params['statusTo'] = base + 100;
  }
  if (filters.errorId) {
    // An E-code uses the error index; anything else names a failure kind.
    if (/^E\d+$/i.test(filters.errorId)) add('error_id = @errorId', 'errorId', filters.errorId.toUpperCase());
    else add('error_kind = @errorKind', 'errorKind', filters.errorId.toLowerCase());
  }
  if (filters.outcome) add('outcome = @outcome', 'outcome', filters.outcome);
  if (filters.from !== undefined) add('at >= @from', 'from', filters.from);
  if (filters.to !== undefined) add('at < @to', 'to', filters.to);
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

const orderByOf = (sort: CallSort) => {
  const direction = sort.direction === 'asc' ? 'ASC' : 'DESC';
  return `ORDER BY ${SORT_COLUMNS[sort.by]} ${direction}, id ${direction}`;
};

/** The read side of the call log. Statements that run per keystroke or per scroll are prepared once. */
export class CallQueries {
  readonly #db: Database.Database;
  readonly #byId: Database.Statement;
  readonly #lookups: Record<'request_id' | 'order_id' | 'reference_id', Database.Statement>;
  readonly #cache = new Map<string, Database.Statement>();

  constructor(db: Database.Database) {
    this.#db = db;
    this.#byId = db.prepare('SELECT * FROM api_calls WHERE id = ?');
    const lookup = (column: string) =>
      db.prepare(
        `SELECT id, at, (SELECT count(*) FROM api_calls WHERE ${column} = @v) AS calls FROM api_calls WHERE ${column} = @v ORDER BY at DESC, id DESC LIMIT 1`,
      );
    this.#lookups = {
      request_id: lookup('request_id'),
      order_id: lookup('order_id'),
      reference_id: lookup('reference_id'),
    };
  }

  #statement(sql: string): Database.Statement {
    let statement = this.#cache.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      if (this.#cache.size > 200) this.#cache.clear();
      this.#cache.set(sql, statement);
    }
    return statement;
  }

  page(filters: CallFilters, sort: CallSort, offset: number, limit: number): CallSummary[] {
    const where = whereOf(filters);
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM api_calls ${where.sql} ${orderByOf(sort)} LIMIT @limit OFFSET @offset`;
    return (this.#statement(sql).all({ ...where.params, limit, offset }) as StoredRow[]).map(toSummary);
  }

  count(filters: CallFilters): number {
    const where = whereOf(filters);
    return (this.#statement(`SELECT count(*) AS n FROM api_calls ${where.sql}`).get(where.params) as { n: number }).n;
  }

  /** Rows one at a time, for exports that must not hold every row in memory twice. */
  *iterate(filters: CallFilters, sort: CallSort, limit: number): IterableIterator<CallSummary> {
    const where = whereOf(filters);
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM api_calls ${where.sql} ${orderByOf(sort)} LIMIT @limit`;
    for (const row of this.#statement(sql).iterate({ ...where.params, limit }) as IterableIterator<StoredRow>)
      yield toSummary(row);
  }

  get(id: number): CallDetail | null {
    const row = this.#byId.get(id) as StoredRow | undefined;
    return row ? toDetail(row) : null;
  }

  /** The newest call carrying this value in the given column, and how many do. */
  lookup(
    column: 'request_id' | 'order_id' | 'reference_id',
    value: string,
  ): { id: number; at: number; calls: number } | null {
    return (this.#lookups[column].get({ v: value }) as { id: number; at: number; calls: number } | undefined) ?? null;
  }

  /** Every call of an order, found by its orderId and/or referenceId, oldest first. */
  callsOfOrder(ids: { orderIds: readonly string[]; referenceIds: readonly string[] }, limit: number): CallDetail[] {
    const orderIds = [...new Set(ids.orderIds)];
    const referenceIds = [...new Set(ids.referenceIds)];
    const parts: string[] = [];
    if (orderIds.length)
      parts.push(`SELECT * FROM api_calls WHERE order_id IN (${orderIds.map(() => '?').join(', ')})`);
    if (referenceIds.length)
      parts.push(`SELECT * FROM api_calls WHERE reference_id IN (${referenceIds.map(() => '?').join(', ')})`);
    if (!parts.length) return [];
    const sql = `SELECT * FROM (${parts.join(' UNION ')}) ORDER BY at ASC, id ASC LIMIT ${Number(limit)}`;
    return (this.#db.prepare(sql).all(...orderIds, ...referenceIds) as StoredRow[]).map(toDetail);
  }
}
