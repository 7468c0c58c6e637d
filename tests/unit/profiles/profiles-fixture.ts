import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { createIpcRouter, type Handlers, type IpcRouter } from '../../../src/main/ipc/router.ts';
import type { EnvironmentBaseUrls } from '../../../src/main/kernel/profiles/base-url-policy.ts';
import type { ConnectionTestOptions } from '../../../src/main/areas/profiles/connection-test/run-connection-test.ts';
import { runConnectionTest } from '../../../src/main/areas/profiles/connection-test/run-connection-test.ts';
import { createProfilesArea, type ProfilesArea } from '../../../src/main/areas/profiles/profiles-area.ts';
import { appMigrations } from '../../../src/main/store/app-migrations/index.ts';
import { openDatabase } from '../../../src/main/store/open-database.ts';
import { listChannels } from '../../../src/shared/contract/index.ts';
import { createMemoryVault } from '../../../src/main/kernel/vault/memory-vault.ts';
import type { SecretVault } from '../../../src/main/kernel/vault/secret-vault.ts';
import {
  defaultProfileSettings,
  type CreatableEnvironment,
  type ProfileList,
  type ProfileSettings,
} from '../../../src/shared/contract/profiles.ts';

export const ctx = { shell: 'browser-harness' } as const;

export interface ProfilesFixture {
  dataDir: string;
  appDb: Database.Database;
  area: ProfilesArea;
  router: IpcRouter;
  vault: SecretVault;
  changes: ProfileList[];
  clock: { now: number };
  /** Closes app.db and opens a new area on the same folder and vault, as a restarted console would. */
  reopen(): ProfilesFixture;
  close(): void;
}

export interface FixtureOptions {
  dataDir?: string;
  vault?: SecretVault;
  simulatorBaseUrl?: string;
  environmentBaseUrls?: EnvironmentBaseUrls;
  connectionTest?: ConnectionTestOptions;
  clock?: { now: number };
}

/** The profiles area (service, guard, audit, handlers) over a real app.db in a fresh folder, behind a real router. */
export function profilesFixture(options: FixtureOptions = {}): ProfilesFixture {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'profiles-'));
  const vault = options.vault ?? createMemoryVault();
  const clock = options.clock ?? { now: Date.parse('2025-06-01T10:00:00.000Z') };
  const appDb = openDatabase(path.join(dataDir, 'app.db'), appMigrations);
  const changes: ProfileList[] = [];
  const area = createProfilesArea({
    appDb,
    dataDir,
    vault,
    simulatorBaseUrl: () => options.simulatorBaseUrl ?? 'http://127.0.0.1:9',
    environmentBaseUrls: options.environmentBaseUrls,
    confirmation: { now: () => clock.now },
    now: () => new Date(clock.now),
    testConnection: (profiles, profileId) =>
      runConnectionTest(profiles.connectionFor(profileId), options.connectionTest),
    onProfilesChanged: (list) => changes.push(list),
  });
  const router = createIpcRouter(withOtherAreasStubbed(area.handlers), { guard: area.guard });
  return {
    dataDir,
    appDb,
    area,
    router,
    vault,
    changes,
    clock,
    reopen() {
      appDb.close();
      return profilesFixture({ ...options, dataDir, vault, clock });
    },
    close() {
      if (appDb.open) appDb.close();
    },
  };
}

/** Other areas of the contract are not under test here: their handlers refuse, so the router can be built. */
function withOtherAreasStubbed(handlers: ProfilesArea['handlers']): Handlers {
  const all: Record<string, Record<string, unknown>> = { ...handlers };
  for (const channel of listChannels()) {
    const [areaName, name] = channel.split('.') as [string, string];
    all[areaName] ??= {};
    all[areaName][name] ??= () => {
      throw new Error(`${channel} is not part of the profiles fixture`);
    };
  }
  return all as unknown as Handlers;
}

export const settingsFor = (
  environment: CreatableEnvironment,
  name: string,
  extra: Partial<ProfileSettings> = {},
): ProfileSettings => ({
  ...defaultProfileSettings(environment, name),
  clientId: `${environment}-client`,
  ...(environment === 'custom' ? { baseUrl: 'https://hubble-proxy.example.com' } : {}),
  ...extra,
});

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
