import fs from 'node:fs';
import path from 'node:path';
import type { AppInfo } from '../../shared/contract/app.ts';
import { createCallsArea, type CallsArea } from '../areas/calls/calls-area.ts';
import { EventBus } from '../kernel/event-bus.ts';
import { createIpcRouter, type IpcRouter } from '../ipc/router.ts';
import type { EnvironmentBaseUrls } from '../kernel/profiles/base-url-policy.ts';
import { createProfilesArea } from '../areas/profiles/profiles-area.ts';
import type { ProfileService } from '../kernel/profiles/profile-service.ts';
import { runConnectionTest } from '../areas/profiles/connection-test/run-connection-test.ts';
import { appMigrations } from '../store/app-migrations/index.ts';
import { openDatabase } from '../store/open-database.ts';
import { startSimulator, type RunningSimulator } from '../simulator/index.ts';
import { ProfileStores } from '../store/profile-store.ts';
import type { SecretVault } from '../kernel/vault/secret-vault.ts';
import { createProfileSecretSource } from '../areas/webhooks/profile-secret-source.ts';
import { createWebhookHandlers } from '../areas/webhooks/webhook-handlers.ts';
import { createWebhookService } from '../areas/webhooks/webhook-service.ts';
import { createAppHandlers } from '../areas/app/app-handlers.ts';
import { describeRuntime } from './runtime-info.ts';

export interface ConsoleCoreOptions {
  dataDir: string;
  shell: AppInfo['shell'];
  version: string;
  onUnexpectedError?: (where: string, error: unknown) => void;
  /** Profile secrets live in the OS keychain (keytar) unless a test injects another vault. */
  vault?: SecretVault;
  /** Tests only: point the staging/production profiles at a local simulator. */
  environmentBaseUrls?: EnvironmentBaseUrls;
}

export interface ConsoleCore {
  readonly router: IpcRouter;
  readonly events: EventBus;
  /** Profiles, the active profile, connectionFor(profileId) and onActiveProfileChanged for per-profile services. */
  readonly profiles: ProfileService;
  /** Hubble clients per profile and the call log (their recorder). */
  readonly calls: CallsArea;
  /** The embedded Hubble simulator behind the built-in Simulator profile, while the core runs. */
  readonly simulator: RunningSimulator | null;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The composition root of main, free of Electron: the Electron shell and the browser harness both build
 * the console from here, so they serve the same contract with the same services.
 */
export function createConsoleCore(options: ConsoleCoreOptions): ConsoleCore {
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const events = new EventBus();
  const info = describeRuntime(options.shell, options.version, options.dataDir);
  const appDb = openDatabase(path.join(options.dataDir, 'app.db'), appMigrations);
  const profileStores = new ProfileStores(options.dataDir);
  let simulator: RunningSimulator | null = null;
  let stopFollowingProfile = () => {};
  // The embedded simulator runs once the Simulator profile is (or becomes) active, and then until quit, so
  // switching back to it keeps its state.
  const startSimulatorIfActive = async (profile: { environment: string }) => {
    if (profile.environment === 'simulator') simulator ??= await startSimulator();
  };
  const profilesArea = createProfilesArea({
    appDb,
    dataDir: options.dataDir,
    vault: options.vault,
    simulatorBaseUrl: () => simulator?.baseUrl ?? 'embedded',
    environmentBaseUrls: options.environmentBaseUrls,
    testConnection: (profiles, profileId) =>
      runConnectionTest(profiles.connectionFor(profileId), { recorder: callsArea.calls.recorder(profileId) }),
    onProfilesChanged: (list) => {
      // A secret set or cleared changes what the call log must strip by value.
      callsArea.refreshSecrets();
      events.emit('profiles.changed', list);
    },
    onListenerError: options.onUnexpectedError,
    deleteProfileData: (profileId) => callsArea.deleteProfileData(profileId),
  });
  const callsArea = createCallsArea({
    stores: profileStores,
    events,
    activeProfileId: () => profilesArea.profiles.activeProfileId(),
    connectionFor: (profileId) => profilesArea.profiles.connectionFor(profileId),
    simulatorBaseUrl: () => simulator?.baseUrl ?? null,
    secretValues: async (profileId) => [await profilesArea.profiles.secretFor(profileId, 'webhookSecret')],
    audit: (entry) => profilesArea.audit.record(entry),
    onError: options.onUnexpectedError,
  });
  const router = createIpcRouter(
    {
      app: createAppHandlers(info),
      ...profilesArea.handlers,
      ...callsArea.handlers,
      webhooks: createWebhookHandlers(
        createWebhookService({
          secrets: createProfileSecretSource(profilesArea.profiles),
          auditSigning: ({ profileId, bytes, url }) =>
            profilesArea.audit.record({ action: 'webhooks.signed', profileId, details: { bytes, url } }),
        }),
      ),
    },
    { onUnexpectedError: options.onUnexpectedError, guard: profilesArea.guard },
  );
  return {
    router,
    events,
    profiles: profilesArea.profiles,
    calls: callsArea,
    get simulator() {
      return simulator;
    },
    async start() {
      await startSimulatorIfActive(profilesArea.profiles.active());
      stopFollowingProfile = profilesArea.profiles.onActiveProfileChanged((active) => startSimulatorIfActive(active));
    },
    async stop() {
      stopFollowingProfile();
      // Queued call records (a place-order outcome among them) reach SQLite before anything else closes.
      await callsArea.close();
      await simulator?.close();
      simulator = null;
      profileStores.closeAll();
      appDb.close();
    },
  };
}
