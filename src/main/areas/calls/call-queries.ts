import type Database from 'better-sqlite3';
import type { CallDetail, CallFilters, CallSort, CallSummary } from '../../../shared/contract/calls.ts';
import type { CallRow } from '../../kernel/call-log/call-row.ts';
import { hubbleFailureSchema, type CallOutcomeKind, type FailureKind } from '../../../shared/hubble/failure.ts';
import { afterAnchorClause, anchorParams, orderByOf, sortKeyOf, type Anchor } from './keyset.ts';
import { AnchorCache, type PositionAnchors } from './position-anchors.ts';

/** A row as read back: what the writer stored plus its rowid. */
type StoredRow = CallRow & { id: number; origin_console?: string | null; origin_operator?: string | null };

const SUMMARY_COLUMNS =
  'id, at, method, path, endpoint, http_status, outcome, error_kind, error_id, error_code, latency_ms, request_id, order_id, reference_id, order_status, attempt, origin_console, origin_operator';

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
  origin: row.origin_console ? { consoleId: row.origin_console, operator: row.origin_operator ?? '' } : null,
});

/** A row's value of the sort expression (see keyset.ts): what the next page seeks past. */
function keyOf(sort: CallSort, row: CallSummary): string | number {
  switch (sort.by) {
    case 'at':
      return row.at;
    case 'latency':
      return row.latencyMs;
    case 'status':
      return row.httpStatus ?? -1;
    case 'path':
      return row.path;
  }
}

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

type Params = Record<string, string | number>;

/** SQL for a filter set: every condition is a bound parameter, never text pasted into the query. */
export function whereOf(filters: CallFilters, extra: readonly string[] = []): { sql: string; params: Params } {
  const clauses: string[] = [];
  const params: Params = {};
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
  clauses.push(...extra);
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/**
 * Rows recorded after a search began stay out of its pages. The unary `+` keeps SQLite from choosing the
 * rowid range over the sort index for it: the sort index is what lets a page seek.
 */
const IN_SNAPSHOT = '+id <= @snapshot';

/** The SQL of one page: a seek past the anchor (keyset), never an OFFSET, whatever the depth. */
export function pageSql(filters: CallFilters, sort: CallSort, anchored: boolean): { sql: string; params: Params } {
  const where = whereOf(filters, anchored ? [IN_SNAPSHOT, afterAnchorClause(sort)] : [IN_SNAPSHOT]);
  return {
    sql: `SELECT ${SUMMARY_COLUMNS} FROM api_calls ${where.sql} ${orderByOf(sort)} LIMIT @limit`,
    params: where.params,
  };
}

/**
 * The SQL that turns a position no page has reached yet into an anchor: the key of the row `@skip` rows
 * past the nearest known anchor (forward), or back from it (reversed). Reads only the sort key and id.
 */
function hopSql(
  filters: CallFilters,
  sort: CallSort,
  from: 'start' | 'after' | 'before',
): { sql: string; params: Params } {
  const extra = from === 'start' ? [IN_SNAPSHOT] : [IN_SNAPSHOT, afterAnchorClause(sort, from === 'before')];
  const where = whereOf(filters, extra);
  return {
    sql: `SELECT ${sortKeyOf(sort)} AS key, id FROM api_calls ${where.sql} ${orderByOf(sort, from === 'before')} LIMIT 1 OFFSET @skip`,
    params: where.params,
  };
}

/** Per database, so they outlive the short-lived CallQueries a read creates. */
const statementsByDb = new WeakMap<Database.Database, Map<string, Database.Statement>>();
const anchorsByDb = new WeakMap<Database.Database, AnchorCache>();

/** The read side of the call log. Statements that run per keystroke or per scroll are prepared once. */
export class CallQueries {
  readonly #db: Database.Database;
  readonly #byId: Database.Statement;
  readonly #lookups: Record<'request_id' | 'order_id' | 'reference_id', Database.Statement>;
  readonly #cache: Map<string, Database.Statement>;
  readonly #anchors: AnchorCache;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#cache = statementsByDb.get(db) ?? new Map();
    statementsByDb.set(db, this.#cache);
    this.#anchors = anchorsByDb.get(db) ?? new AnchorCache();
    anchorsByDb.set(db, this.#anchors);
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

  /** The newest call's id: a search's snapshot (0 for an empty log). */
  latestId(): number {
    return (this.#statement('SELECT max(id) AS id FROM api_calls').get() as { id: number | null }).id ?? 0;
  }

  /**
   * `limit` rows from position `offset` of the search, counting only calls up to `snapshot` (the latest id
   * when the search began). Each page seeks past the anchor of its first position; see #anchorAt.
   */
  page(
    filters: CallFilters,
    sort: CallSort,
    offset: number,
    limit: number,
    snapshot: number = this.latestId(),
  ): CallSummary[] {
    const anchors = this.#anchors.for(this.#searchKey(filters, sort, snapshot));
    const anchor = offset === 0 ? null : this.#anchorAt(anchors, filters, sort, snapshot, offset);
    if (anchor === undefined) return [];
    const query = pageSql(filters, sort, anchor !== null);
    const rows = (
      this.#statement(query.sql).all({
        ...query.params,
        snapshot,
        limit,
        ...(anchor ? anchorParams(anchor) : {}),
      }) as StoredRow[]
    ).map(toSummary);
    const last = rows.at(-1);
    if (last) anchors.remember(offset + rows.length, { key: keyOf(sort, last), id: last.id });
    return rows;
  }

  /**
   * The anchor of a position (undefined past the end). A position a page already reached is known; any
   * other is found once, from the nearest known position, by skipping over the sort index alone (key and
   * id, no row read) — then remembered, so paging around it seeks.
   */
  #anchorAt(
    anchors: PositionAnchors,
    filters: CallFilters,
    sort: CallSort,
    snapshot: number,
    position: number,
  ): Anchor | null | undefined {
    const known = anchors.nearest(position);
    if (known.position === position) return known.anchor;
    const forward = known.position < position;
    const from = !known.anchor ? 'start' : forward ? 'after' : 'before';
    const query = hopSql(filters, sort, from);
    const found = this.#statement(query.sql).get({
      ...query.params,
      snapshot,
      skip: forward ? position - known.position - 1 : known.position - position,
      ...(known.anchor ? anchorParams(known.anchor) : {}),
    }) as Anchor | undefined;
    if (found) anchors.remember(position, found);
    return found;
  }

  /** Retention deletes the oldest calls: the oldest id is part of the key, so positions are not reused across it. */
  #searchKey(filters: CallFilters, sort: CallSort, snapshot: number): string {
    const oldest = (this.#statement('SELECT min(id) AS id FROM api_calls').get() as { id: number | null }).id;
    return JSON.stringify([filters, sort.by, sort.direction, snapshot, oldest]);
  }

  count(filters: CallFilters, snapshot?: number): number {
    const where = whereOf(filters, snapshot === undefined ? [] : [IN_SNAPSHOT]);
    const params = snapshot === undefined ? where.params : { ...where.params, snapshot };
    return (this.#statement(`SELECT count(*) AS n FROM api_calls ${where.sql}`).get(params) as { n: number }).n;
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
