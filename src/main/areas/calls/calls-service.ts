import type {
  BundleTarget,
  CallDetail,
  CallFilters,
  CallPage,
  CallSort,
  IdentifierResolution,
  SupportBundle,
} from '../../../shared/contract/calls.ts';
import { callSearchSchema, type CallSearch } from '../../../shared/contract/calls.ts';
import { AppError } from '../../errors/app-error.ts';
import type Database from 'better-sqlite3';
import type { CallLogWriter } from '../../kernel/call-log/call-log-writer.ts';
import { CallQueries } from './call-queries.ts';
import { callsToCsv, MAX_EXPORT_ROWS } from './csv-export.ts';
import { resolveIdentifier } from './resolve-identifier.ts';
import { applyRetention, readRetentionDays, writeRetentionDays } from '../../kernel/call-log/retention.ts';
import { buildSupportBundle } from './support-bundle.ts';
import { formatUtc, localTimeZone } from './timestamps.ts';

/** One profile's call log, as its scope holds it: the database and the recorder that writes to it. */
export interface ProfileCallLog {
  readonly db: Database.Database;
  readonly recorder: CallLogWriter;
}

export interface CallsServiceOptions {
  /** The profile's call log (the kernel's profile scope); opened on first use. */
  logOf(profileId: string): ProfileCallLog;
  now?: () => number;
  timeZone?: () => string;
}

/** Calls of an order reach this many at most in one bundle; a runaway polling loop must not make it huge. */
const MAX_BUNDLE_CALLS = 200;

/**
 * The read side of every profile's call log (search, detail, bundles, CSV, identifier lookups, retention).
 * It keeps nothing per profile: the profile's scope owns the database and the recorder.
 */
export class CallsService {
  readonly #options: CallsServiceOptions;
  readonly #now: () => number;
  // Keyed by the scope's handle, so prepared statements live exactly as long as the database is open.
  readonly #queries = new WeakMap<Database.Database, CallQueries>();

  constructor(options: CallsServiceOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** Reads see every call recorded so far: the queue is flushed before any query. */
  #read(profileId: string): CallQueries {
    const log = this.#options.logOf(profileId);
    log.recorder.flush();
    let queries = this.#queries.get(log.db);
    if (!queries) this.#queries.set(log.db, (queries = new CallQueries(log.db)));
    return queries;
  }

  /** The client's recorder for a profile. */
  recorder(profileId: string): CallLogWriter {
    return this.#options.logOf(profileId).recorder;
  }

  flush(profileId: string): number {
    return this.recorder(profileId).flush();
  }

  search(profileId: string, input: CallSearch): CallPage {
    const search = callSearchSchema.parse(input);
    const queries = this.#read(profileId);
    // A new search counts every call so far; its later pages pass the snapshot back and see the same list.
    const snapshot = search.snapshot ?? queries.latestId();
    return {
      rows: queries.page(search.filters, search.sort, search.offset, search.limit, snapshot),
      offset: search.offset,
      total: search.includeTotal
        ? queries.count(search.filters, search.snapshot === undefined ? undefined : snapshot)
        : null,
      snapshot,
    };
  }

  get(profileId: string, id: number): CallDetail {
    const call = this.#read(profileId).get(id);
    if (!call)
      throw new AppError('NOT_FOUND', 'No such call in this profile (it may be older than the retention window).', {
        id,
      });
    return call;
  }

  bundle(profileId: string, target: BundleTarget): SupportBundle {
    const queries = this.#read(profileId);
    const context = { generatedAt: this.#now(), timeZone: this.#options.timeZone?.() ?? localTimeZone() };
    if ('callId' in target) {
      const call = this.get(profileId, target.callId);
      return buildSupportBundle([call], { ...context, kind: 'call', subject: `X-REQUEST-ID ${call.requestId}` });
    }
    const seed =
      'orderId' in target
        ? { orderIds: [target.orderId], referenceIds: [] }
        : { orderIds: [], referenceIds: [target.referenceId] };
    // One hop: a place-order row links the referenceId to the orderId, so calls known by either are included.
    const first = queries.callsOfOrder(seed, MAX_BUNDLE_CALLS);
    const calls = queries.callsOfOrder(
      {
        orderIds: [...seed.orderIds, ...first.map((call) => call.orderId).filter((id): id is string => Boolean(id))],
        referenceIds: [
          ...seed.referenceIds,
          ...first.map((call) => call.referenceId).filter((id): id is string => Boolean(id)),
        ],
      },
      MAX_BUNDLE_CALLS,
    );
    if (!calls.length) throw new AppError('NOT_FOUND', 'This profile has no call for that order.', target);
    const subject = 'orderId' in target ? `orderId ${target.orderId}` : `referenceId ${target.referenceId}`;
    return buildSupportBundle(calls, { ...context, kind: 'order', subject });
  }

  exportCsv(
    profileId: string,
    filters: CallFilters,
    sort: CallSort,
  ): { csv: string; fileName: string; rows: number; truncated: boolean } {
    const queries = this.#read(profileId);
    const calls = [...queries.iterate(filters, sort, MAX_EXPORT_ROWS + 1)];
    const truncated = calls.length > MAX_EXPORT_ROWS;
    const { csv, rows } = callsToCsv(calls.slice(0, MAX_EXPORT_ROWS));
    const stamp = formatUtc(this.#now()).replace(/[:.]/g, '-');
    return { csv, fileName: `hubble-calls-${profileId}-${stamp}.csv`, rows, truncated };
  }

  resolveIdentifier(profileId: string, value: string): IdentifierResolution {
    return resolveIdentifier(this.#read(profileId), value);
  }

  retentionDays(profileId: string): number {
    return readRetentionDays(this.#options.logOf(profileId).db);
  }

  setRetentionDays(profileId: string, days: number): { days: number; deleted: number } {
    const log = this.#options.logOf(profileId);
    log.recorder.flush();
    writeRetentionDays(log.db, days);
    return { days, deleted: applyRetention(log.db, this.#now(), days) };
  }

  /** Deletes calls older than the profile's retention window (on open, then hourly as a job). */
  applyRetention(profileId: string): number {
    const log = this.#options.logOf(profileId);
    log.recorder.flush();
    return applyRetention(log.db, this.#now());
  }
}
