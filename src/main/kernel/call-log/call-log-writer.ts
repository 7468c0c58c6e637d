import type Database from 'better-sqlite3';
import type { CallRecord, CallRecorder } from '../../hubble/call-recorder.ts';
import { toCallRow, type CallRow } from './call-row.ts';
import { prepareRollupUpsert, rollUp } from './metrics-rollup.ts';

export interface CallLogWriterOptions {
  /** a queued call is written at most this long after it was recorded */
  flushIntervalMs?: number;
  /** a batch this large is written at once (on the next turn of the event loop, never inside record()) */
  maxBatch?: number;
  /** more than this many unwritten calls (the disk is failing) sheds the oldest routine reads instead of growing forever */
  maxQueue?: number;
  /** secrets known to the profile (webhook secret…) that must never be stored, wherever they appear */
  knownSecrets?: () => readonly string[];
  onFlushed?: (rows: number, lastId: number) => void;
  onError?: (error: unknown) => void;
}

/** The api_calls columns a call row fills (the log importer adds its own after these). */
export const CALL_COLUMNS: readonly (keyof CallRow)[] = [
  'at',
  'profile_id',
  'environment',
  'base_url',
  'method',
  'path',
  'endpoint',
  'http_status',
  'outcome',
  'error_kind',
  'error_id',
  'error_code',
  'latency_ms',
  'request_id',
  'server_request_id',
  'attempt',
  'order_id',
  'reference_id',
  'order_status',
  'amount',
  'request_body',
  'response_body',
  'failure',
];

export function prepareCallInsert(db: Database.Database): (row: CallRow) => number {
  const statement = db.prepare(
    `INSERT INTO api_calls (${CALL_COLUMNS.join(', ')}) VALUES (${CALL_COLUMNS.map((column) => `@${column}`).join(', ')})`,
  );
  return (row) => Number(statement.run(row).lastInsertRowid);
}

/**
 * The call log's write side. `record` only queues (the HTTP call never waits for SQLite); a timer or a
 * full batch flushes the queue in one transaction that also updates the per-minute rollups. Redaction
 * happens at flush time, before anything touches the file.
 */
export class CallLogWriter implements CallRecorder {
  readonly #db: Database.Database;
  readonly #options: Required<Pick<CallLogWriterOptions, 'flushIntervalMs' | 'maxBatch' | 'maxQueue'>> &
    CallLogWriterOptions;
  readonly #insert: (row: CallRow) => number;
  readonly #upsert: ReturnType<typeof prepareRollupUpsert>;
  readonly #writeBatch: (rows: CallRow[]) => number;
  #queue: CallRecord[] = [];
  #timer: NodeJS.Timeout | null = null;
  #immediate: NodeJS.Immediate | null = null;
  #closed = false;
  #dropped = 0;

  constructor(db: Database.Database, options: CallLogWriterOptions = {}) {
    this.#db = db;
    this.#options = { flushIntervalMs: 250, maxBatch: 500, maxQueue: 100_000, ...options };
    this.#insert = prepareCallInsert(db);
    this.#upsert = prepareRollupUpsert(db);
    this.#writeBatch = db.transaction((rows: CallRow[]) => {
      let lastId = 0;
      for (const row of rows) lastId = this.#insert(row);
      for (const bucket of rollUp(rows)) this.#upsert(bucket);
      return lastId;
    });
  }

  get pending(): number {
    return this.#queue.length;
  }

  /** routine calls shed because the queue overflowed (only when writes keep failing) */
  get dropped(): number {
    return this.#dropped;
  }

  record(call: CallRecord): void {
    if (this.#closed) return;
    this.#queue.push(call);
    if (this.#queue.length > this.#options.maxQueue) this.#shedOldestRoutineCalls();
    if (this.#queue.length >= this.#options.maxBatch) {
      this.#immediate ??= setImmediate(() => {
        this.#immediate = null;
        this.#safeFlush();
      });
    } else if (!this.#timer) {
      this.#timer = setTimeout(() => {
        this.#timer = null;
        this.#safeFlush();
      }, this.#options.flushIntervalMs);
      this.#timer.unref?.();
    }
  }

  /** Writes everything queued now; returns how many rows were written. Readers call this first. */
  flush(): number {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    if (this.#queue.length === 0 || !this.#db.open) return 0;
    const batch = this.#queue;
    this.#queue = [];
    const secrets = this.#options.knownSecrets?.() ?? [];
    const rows = batch.map((call) => toCallRow(call, secrets));
    try {
      const lastId = this.#writeBatch(rows);
      this.#options.onFlushed?.(rows.length, lastId);
      return rows.length;
    } catch (error) {
      this.#queue = [...batch, ...this.#queue];
      throw error;
    }
  }

  /**
   * Only reached when SQLite keeps failing. Routine reads (catalog, wallet) are shed oldest first; a call
   * that touched an order (an orderId, a referenceId or an unknown outcome) is never shed, because it may
   * be the only record of money that moved. Every shed is reported, never silent.
   */
  #shedOldestRoutineCalls(): void {
    const excess = this.#queue.length - this.#options.maxQueue;
    let shed = 0;
    this.#queue = this.#queue.filter((queued) => {
      if (shed >= excess || touchesAnOrder(queued)) return true;
      shed += 1;
      return false;
    });
    if (shed === 0) return;
    this.#dropped += shed;
    this.#options.onError?.(
      new Error(`The call log cannot be written: ${this.#dropped} routine calls were not recorded so far`),
    );
  }

  #safeFlush(): void {
    try {
      this.flush();
    } catch (error) {
      this.#options.onError?.(error);
    }
  }

  /** Flushes and stops; later records are ignored (the profile is closing). */
  close(): void {
    if (this.#closed) return;
    if (this.#immediate) clearImmediate(this.#immediate);
    this.#immediate = null;
    this.#safeFlush();
    this.#closed = true;
  }
}

const touchesAnOrder = (call: CallRecord) =>
  call.orderId !== null || call.referenceId !== null || call.outcome === 'unknown';
