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
import type { ProfileStores } from '../../store/profile-store.ts';
import { CallLogWriter, type CallLogWriterOptions } from '../../kernel/call-log/call-log-writer.ts';
import { CallQueries } from './call-queries.ts';
import { callsToCsv, MAX_EXPORT_ROWS } from './csv-export.ts';
import { resolveIdentifier } from './resolve-identifier.ts';
import { applyRetention, readRetentionDays, writeRetentionDays } from '../../kernel/call-log/retention.ts';
import { buildSupportBundle } from './support-bundle.ts';
import { formatUtc, localTimeZone } from './timestamps.ts';

export interface CallsServiceOptions {
  stores: ProfileStores;
  now?: () => number;
  timeZone?: () => string;
  /** exact secret values of a profile (its webhook secret…) that must never be stored, wherever they appear */
  knownSecrets?: (profileId: string) => readonly string[];
  onRecorded?: (profileId: string, rows: number, lastId: number) => void;
  /** a profile's log was opened (the first call recorded or read) */
  onOpen?: (profileId: string) => void;
  onError?: (where: string, error: unknown) => void;
  writer?: Pick<CallLogWriterOptions, 'flushIntervalMs' | 'maxBatch' | 'maxQueue'>;
  /** how often retention runs for an open profile */
  retentionIntervalMs?: number;
}

interface ProfileLog {
  writer: CallLogWriter;
  queries: CallQueries;
}

/** Calls of an order reach this many at most in one bundle; a runaway polling loop must not make it huge. */
const MAX_BUNDLE_CALLS = 200;

/**
 * The call log of every profile: a batched writer (the client's recorder) and the read side (search,
 * detail, bundles, CSV, identifier lookups), on each profile's own database.
 */
export class CallsService {
  readonly #options: CallsServiceOptions;
  readonly #logs = new Map<string, ProfileLog>();
  readonly #now: () => number;
  readonly #unhook: () => void;
  readonly #retentionTimer: NodeJS.Timeout;

  constructor(options: CallsServiceOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#unhook = options.stores.onBeforeClose((profileId) => this.#release(profileId));
    this.#retentionTimer = setInterval(() => this.#retainAll(), options.retentionIntervalMs ?? 3_600_000);
    this.#retentionTimer.unref?.();
  }

  #log(profileId: string): ProfileLog {
    const existing = this.#logs.get(profileId);
    if (existing) return existing;
    const db = this.#options.stores.database(profileId);
    const log: ProfileLog = {
      writer: new CallLogWriter(db, {
        ...this.#options.writer,
        knownSecrets: () => this.#options.knownSecrets?.(profileId) ?? [],
        onFlushed: (rows, lastId) => this.#options.onRecorded?.(profileId, rows, lastId),
        onError: (error) => this.#options.onError?.('calls.flush', error),
      }),
      queries: new CallQueries(db),
    };
    this.#logs.set(profileId, log);
    this.#options.onOpen?.(profileId);
    try {
      applyRetention(db, this.#now());
    } catch (error) {
      this.#options.onError?.('calls.retention', error);
    }
    return log;
  }

  /** Reads see every call recorded so far: the queue is flushed before any query. */
  #read(profileId: string): CallQueries {
    const log = this.#log(profileId);
    log.writer.flush();
    return log.queries;
  }

  #release(profileId: string): void {
    const log = this.#logs.get(profileId);
    if (!log) return;
    this.#logs.delete(profileId);
    log.writer.close();
  }

  #retainAll(): void {
    for (const profileId of this.#logs.keys()) {
      try {
        applyRetention(this.#options.stores.database(profileId), this.#now());
      } catch (error) {
        this.#options.onError?.('calls.retention', error);
      }
    }
  }

  /** The client's recorder for a profile. */
  recorder(profileId: string): CallLogWriter {
    return this.#log(profileId).writer;
  }

  flush(profileId: string): number {
    return this.#log(profileId).writer.flush();
  }

  search(profileId: string, input: CallSearch): CallPage {
    const search = callSearchSchema.parse(input);
    const queries = this.#read(profileId);
    return {
      rows: queries.page(search.filters, search.sort, search.offset, search.limit),
      offset: search.offset,
      total: search.includeTotal ? queries.count(search.filters) : null,
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
    this.#log(profileId);
    return readRetentionDays(this.#options.stores.database(profileId));
  }

  setRetentionDays(profileId: string, days: number): { days: number; deleted: number } {
    this.#log(profileId).writer.flush();
    const db = this.#options.stores.database(profileId);
    writeRetentionDays(db, days);
    return { days, deleted: applyRetention(db, this.#now(), days) };
  }

  /** Flushes and forgets one profile's log (the store closes the file). */
  closeProfile(profileId: string): void {
    this.#options.stores.close(profileId);
    this.#release(profileId);
  }

  close(): void {
    clearInterval(this.#retentionTimer);
    for (const profileId of [...this.#logs.keys()]) this.#release(profileId);
    this.#unhook();
  }
}
