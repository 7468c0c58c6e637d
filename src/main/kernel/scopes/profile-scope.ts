import type Database from 'better-sqlite3';
import type { Profile } from '../../../shared/contract/profiles.ts';
import type { HubbleConnection } from '../../hubble/connection.ts';
import type { HubbleClient } from '../../hubble/hubble-client.ts';
import type { CallLogWriter } from '../call-log/call-log-writer.ts';
import type { JobSpec } from '../jobs/job-scheduler.ts';

/** Undoes what a contribution to a scope set up (timers, watchers, servers); awaited when the scope closes. */
export type Disposable = () => void | Promise<void>;

/**
 * Everything the console holds for one profile while it is open: its database, its Hubble client and the
 * call log recorder behind it, and its background jobs. Opening, switching, deleting and quitting all end a
 * scope in one place (ScopeRegistry), so nothing of a profile outlives it.
 */
export interface ProfileScope {
  readonly profileId: string;
  /** The profile's current settings (re-read, so an edit is seen at once). */
  profile(): Profile;
  readonly db: Database.Database;
  /** The call log's write side: every Hubble call of this profile is recorded through it, redacted. */
  readonly recorder: CallLogWriter;
  connection(): HubbleConnection;
  /** The profile's client; a new one (new pool, new token) when its URL, environment or clientId changed. */
  client(): HubbleClient;
  /** A background job of this profile, paused while the profile is not active (unless the spec says otherwise). */
  addJob(spec: JobSpec): void;
  onDispose(dispose: Disposable): void;
}

/** What an area adds to every profile scope (e.g. a poller job); what it returns is run when the scope closes. */
export type ScopeContributor = (scope: ProfileScope) => Disposable | void;
