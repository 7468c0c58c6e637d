import type Database from 'better-sqlite3';
import type { Profile } from '../../../shared/contract/profiles.ts';
import { AppError } from '../../errors/app-error.ts';
import type { HubbleConnection } from '../../hubble/connection.ts';
import { createHubbleClient, type HubbleClient, type HubbleClientOptions } from '../../hubble/hubble-client.ts';
import type { ProfileDatabases } from '../../store/profile-store.ts';
import { CallLogWriter, type CallLogWriterOptions } from '../call-log/call-log-writer.ts';
import type { JobScheduler } from '../jobs/job-scheduler.ts';
import type { Disposable, ProfileScope, ScopeContributor } from './profile-scope.ts';

export interface ScopeRegistryDeps {
  databases: ProfileDatabases;
  jobs: JobScheduler;
  /** Throws NOT_FOUND for an unknown profile, so no scope is opened for a profile that does not exist. */
  profileOf(profileId: string): Profile;
  connectionFor(profileId: string): HubbleConnection;
  /** Secret values of the profile (its webhook secret…) that the call log strips wherever they appear. */
  secretValues(profileId: string): Promise<readonly (string | null)[]>;
  onRecorded?: (profileId: string, rows: number, lastId: number) => void;
  client?: HubbleClientOptions;
  writer?: Pick<CallLogWriterOptions, 'flushIntervalMs' | 'maxBatch' | 'maxQueue'>;
  onError?: (where: string, error: unknown) => void;
}

interface OpenScope {
  readonly scope: ProfileScope;
  readonly db: Database.Database;
  readonly recorder: CallLogWriter;
  readonly disposers: Disposable[];
  secrets: readonly string[];
  closed: boolean;
  client: { identity: string; client: HubbleClient } | null;
}

const identityOf = (connection: HubbleConnection) =>
  `${connection.environment}|${connection.baseUrl}|${connection.clientId}`;

/**
 * The one owner of per-profile state. Areas contribute to every scope (`contribute`); they never keep a map
 * of their own, so closing a scope here is all it takes to stop a profile's timers, pools and files.
 */
export class ScopeRegistry {
  readonly #deps: ScopeRegistryDeps;
  readonly #open = new Map<string, OpenScope>();
  readonly #contributors: { name: string; contribute: ScopeContributor }[] = [];

  constructor(deps: ScopeRegistryDeps) {
    this.#deps = deps;
  }

  /** Adds to every scope, the open ones included. */
  contribute(name: string, contribute: ScopeContributor): void {
    this.#contributors.push({ name, contribute });
    for (const open of this.#open.values()) this.#apply(open, name, contribute);
  }

  /** The profile's scope, opened on first use. */
  get(profileId: string): ProfileScope {
    const existing = this.#open.get(profileId);
    if (existing) return existing.scope;
    this.#deps.profileOf(profileId);
    const open = this.#openScope(profileId);
    this.#open.set(profileId, open);
    this.#readSecrets(open);
    for (const { name, contribute } of this.#contributors) this.#apply(open, name, contribute);
    return open.scope;
  }

  isOpen(profileId: string): boolean {
    return this.#open.has(profileId);
  }

  openProfileIds(): string[] {
    return [...this.#open.keys()];
  }

  /** Re-reads what the recorder strips by value (after a secret was set or cleared). */
  refreshSecrets(profileId: string): void {
    const open = this.#open.get(profileId);
    if (open) this.#readSecrets(open);
  }

  /**
   * Ends a scope: contributions and jobs in reverse order, then the client's pool, then the recorder (its
   * queue reaches SQLite: a place-order outcome may be in it), then the database.
   */
  async close(profileId: string): Promise<void> {
    const open = this.#open.get(profileId);
    if (!open) return;
    this.#open.delete(profileId);
    open.closed = true;
    for (const dispose of open.disposers.reverse()) {
      try {
        await dispose();
      } catch (error) {
        this.#deps.onError?.('scope.dispose', error);
      }
    }
    await open.client?.client.close();
    open.recorder.close();
    open.db.close();
  }

  /** Closes the scope and removes the profile's history files; returns how many of its files there were. */
  async delete(profileId: string): Promise<number> {
    const { databases } = this.#deps;
    // Counted before closing: a clean close folds the WAL back and removes it, but it was history all the same.
    const before = databases.filesOf(profileId).length;
    await this.close(profileId);
    databases.remove(profileId);
    return before - databases.filesOf(profileId).length;
  }

  async closeAll(): Promise<void> {
    for (const profileId of [...this.#open.keys()]) await this.close(profileId);
  }

  #openScope(profileId: string): OpenScope {
    const deps = this.#deps;
    const db = deps.databases.open(profileId);
    const disposers: Disposable[] = [];
    // A closed scope's profile may be gone: nothing may open a pool or start a job for it again.
    const assertOpen = () => {
      if (open.closed) throw new AppError('UNAVAILABLE', 'This profile was closed; open it again to use it.');
    };
    const open: OpenScope = {
      db,
      disposers,
      secrets: [],
      closed: false,
      client: null,
      recorder: new CallLogWriter(db, {
        ...deps.writer,
        knownSecrets: () => open.secrets,
        onFlushed: (rows, lastId) => deps.onRecorded?.(profileId, rows, lastId),
        onError: (error) => deps.onError?.('calls.flush', error),
      }),
      scope: {
        profileId,
        db,
        get recorder() {
          return open.recorder;
        },
        profile: () => deps.profileOf(profileId),
        connection: () => deps.connectionFor(profileId),
        client: () => {
          assertOpen();
          const connection = deps.connectionFor(profileId);
          const identity = identityOf(connection);
          if (open.client?.identity === identity) return open.client.client;
          // A token of the old settings is never sent to the new place.
          if (open.client) void open.client.client.close();
          const client = createHubbleClient(connection, open.recorder, deps.client);
          open.client = { identity, client };
          return client;
        },
        addJob: (spec) => {
          assertOpen();
          const job = deps.jobs.register(profileId, spec);
          disposers.push(() => job.dispose());
        },
        onDispose: (dispose) => void disposers.push(dispose),
      },
    };
    return open;
  }

  #apply(open: OpenScope, name: string, contribute: ScopeContributor): void {
    try {
      const dispose = contribute(open.scope);
      if (dispose) open.disposers.push(dispose);
    } catch (error) {
      this.#deps.onError?.(`scope.contribute.${name}`, error);
    }
  }

  #readSecrets(open: OpenScope): void {
    this.#deps
      .secretValues(open.scope.profileId)
      .then((values) => {
        open.secrets = values.filter((value): value is string => Boolean(value));
      })
      .catch((error: unknown) => this.#deps.onError?.('scope.secrets', error));
  }
}
