import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { ProfileList } from '../../shared/contract/profiles.ts';
import { AppError } from '../errors/app-error.ts';
import type { HubbleClientOptions } from '../hubble/hubble-client.ts';
import { appMigrations } from '../store/app-migrations/index.ts';
import { openDatabase } from '../store/open-database.ts';
import { ProfileDatabases } from '../store/profile-store.ts';
import { createAuditLog, type AuditLog } from './audit/audit-log.ts';
import { createAuditRetention, type AuditRetention } from './audit/audit-retention.ts';
import { DomainEventBus } from './domain-events.ts';
import { EventBus } from './event-bus.ts';
import { createConfirmationTokens, type ConfirmationTokens } from './guard/confirmation-tokens.ts';
import { createProductionGuard, type OperationGuard } from './guard/production-guard.ts';
import { systemClock, type Clock } from './jobs/clock.ts';
import { createJobScheduler, type JobScheduler } from './jobs/job-scheduler.ts';
import { createActiveProfile, type ActiveProfile } from './profiles/active-profile.ts';
import type { EnvironmentBaseUrls } from './profiles/base-url-policy.ts';
import { createCredentials, type Credentials } from './profiles/credentials.ts';
import { createProfileCatalog, type ProfileCatalog } from './profiles/profile-catalog.ts';
import { createSecretStatusRepository } from './profiles/secret-status-repository.ts';
import { ScopeRegistry } from './scopes/scope-registry.ts';
import { createAppSettings, type AppSettings } from './settings/app-settings.ts';
import { createEmbeddedSimulator, type EmbeddedSimulator } from './simulator/embedded-simulator.ts';
import { createKeytarVault } from './vault/keytar-vault.ts';
import type { SecretVault } from './vault/secret-vault.ts';

export interface KernelOptions {
  dataDir: string;
  /** The OS keychain (keytar) unless a test injects another vault. */
  vault?: SecretVault;
  /** Tests only: point the staging/production profiles at a local simulator. */
  environmentBaseUrls?: EnvironmentBaseUrls;
  clock?: Clock;
  client?: HubbleClientOptions;
  /** Tests only: a simulator the kernel does not start itself. */
  simulator?: EmbeddedSimulator;
  onUnexpectedError?: (where: string, error: unknown) => void;
}

/**
 * What every area builds on, built once in main. Nothing here knows a feature area: areas receive the
 * kernel and contribute handlers and per-profile work (src/main/areas/define-area.ts).
 */
export interface Kernel {
  readonly dataDir: string;
  readonly events: EventBus;
  /** Area-to-area events inside main (a verified webhook, an order's change). */
  readonly domain: DomainEventBus;
  readonly clock: Clock;
  readonly vault: SecretVault;
  readonly audit: AuditLog;
  readonly auditRetention: AuditRetention;
  readonly tokens: ConfirmationTokens;
  /** For RouterOptions.guard: refuses a `confirmOnProduction` operation on production without a token. */
  readonly guard: OperationGuard;
  readonly settings: AppSettings;
  readonly profiles: ProfileCatalog;
  readonly active: ActiveProfile;
  readonly credentials: Credentials;
  readonly jobs: JobScheduler;
  readonly scopes: ScopeRegistry;
  readonly simulator: EmbeddedSimulator;
  /** The list the renderer shows: every profile, the active one, the welcome flag. */
  profileList(): ProfileList;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createKernel(options: KernelOptions): Kernel {
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const reportError = options.onUnexpectedError ?? (() => undefined);
  const clock = options.clock ?? systemClock;
  const now = () => new Date(clock.now());
  const events = new EventBus();
  const domain = new DomainEventBus(reportError);
  const appDb: Database.Database = openDatabase(path.join(options.dataDir, 'app.db'), appMigrations);
  const vault = options.vault ?? createKeytarVault();
  const audit = createAuditLog(appDb, { now });
  const auditRetention = createAuditRetention({ db: appDb, now, onError: reportError });
  const settings = createAppSettings(appDb);
  const statuses = createSecretStatusRepository(appDb);
  const simulator = options.simulator ?? createEmbeddedSimulator();
  const profiles = createProfileCatalog({
    db: appDb,
    audit,
    secretStatuses: statuses,
    simulatorBaseUrl: () => simulator.baseUrl() ?? 'embedded',
    environmentBaseUrls: options.environmentBaseUrls,
    now,
  });
  const active = createActiveProfile({ catalog: profiles, settings, audit, onListenerError: reportError });
  const credentials = createCredentials({ catalog: profiles, vault, statuses, audit, now });
  const tokens = createConfirmationTokens({ now: () => clock.now() });
  // A job that fails with an AppError (Hubble refused, the network is down) is an expected outcome the operator
  // sees in the job's status and progress; only other errors are unexpected.
  const jobs = createJobScheduler({
    clock,
    onError: (where, error) => {
      if (!(error instanceof AppError)) reportError(where, error);
    },
  });
  const scopes = new ScopeRegistry({
    databases: new ProfileDatabases(options.dataDir),
    jobs,
    profileOf: (profileId) => profiles.get(profileId),
    connectionFor: (profileId) => credentials.connectionFor(profileId),
    secretValues: async (profileId) => [await credentials.secretFor(profileId, 'webhookSecret')],
    onRecorded: (profileId, rows, lastId) => events.emit('calls.recorded', { profileId, rows, lastId }),
    client: options.client,
    onError: reportError,
  });

  const profileList = (): ProfileList => ({
    activeProfileId: active.id(),
    profiles: profiles.all(),
    welcomeDismissed: settings.welcomeDismissed(),
  });

  const unsubscribe = [
    profiles.onChanged(() => events.emit('profiles.changed', profileList())),
    // A secret set or cleared changes what the call log must strip by value.
    credentials.onChanged((profileId) => scopes.refreshSecrets(profileId)),
    jobs.onProgress((progress) => events.emit('jobs.progress', progress)),
  ];

  // The active profile's scope is open and its jobs run. Switching closes the scopes of other profiles (their
  // jobs stop, their pools close) unless the operator pinned one of their jobs, which keeps it running.
  const follow = async (profileId: string) => {
    if (profiles.get(profileId).environment === 'simulator') await simulator.ensureStarted();
    jobs.setActiveProfile(profileId);
    scopes.get(profileId);
    for (const other of scopes.openProfileIds()) {
      if (other !== profileId && !jobs.list(other).some((job) => job.pinned)) await scopes.close(other);
    }
  };

  return {
    dataDir: options.dataDir,
    events,
    domain,
    clock,
    vault,
    audit,
    auditRetention,
    tokens,
    guard: createProductionGuard({ profiles: { get: profiles.get, activeProfileId: active.id }, tokens, audit }),
    settings,
    profiles,
    active,
    credentials,
    jobs,
    scopes,
    simulator,
    profileList,
    async start() {
      auditRetention.start();
      await follow(active.id());
      unsubscribe.push(active.onChanged((next) => follow(next.id)));
    },
    async stop() {
      for (const stop of unsubscribe.splice(0)) stop();
      // Scopes first: queued call records (a place-order outcome among them) reach SQLite before anything closes.
      await scopes.closeAll();
      await jobs.close();
      auditRetention.stop();
      await simulator.close();
      appDb.close();
    },
  };
}
