import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConsoleCore, type ConsoleCore } from '../../../src/main/app/console-core.ts';
import type { ConnectionTestOptions } from '../../../src/main/areas/profiles/connection-test/run-connection-test.ts';
import type { IpcRouter } from '../../../src/main/ipc/router.ts';
import { systemClock } from '../../../src/main/kernel/jobs/clock.ts';
import type { Kernel } from '../../../src/main/kernel/kernel.ts';
import type { EnvironmentBaseUrls } from '../../../src/main/kernel/profiles/base-url-policy.ts';
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
  core: ConsoleCore;
  kernel: Kernel;
  router: IpcRouter;
  vault: SecretVault;
  changes: ProfileList[];
  clock: { now: number };
  /** Stops this console and starts a new one on the same folder and vault, as a restarted console would. */
  reopen(): Promise<ProfilesFixture>;
  close(): Promise<void>;
}

export interface FixtureOptions {
  dataDir?: string;
  vault?: SecretVault;
  simulatorBaseUrl?: string;
  environmentBaseUrls?: EnvironmentBaseUrls;
  connectionTest?: Omit<ConnectionTestOptions, 'recorder'>;
  clock?: { now: number };
}

/**
 * The real console core (kernel and every area) over a real app.db in a fresh folder, behind the real router,
 * with a memory vault and a clock the test moves. The embedded simulator is not started: the Simulator profile
 * points at `simulatorBaseUrl`.
 */
export function profilesFixture(options: FixtureOptions = {}): ProfilesFixture {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'profiles-'));
  const vault = options.vault ?? createMemoryVault();
  const clock = options.clock ?? { now: Date.parse('2025-06-01T10:00:00.000Z') };
  const simulatorBaseUrl = options.simulatorBaseUrl ?? 'http://127.0.0.1:9';
  const core = createConsoleCore({
    dataDir,
    shell: 'browser-harness',
    version: 'test',
    vault,
    environmentBaseUrls: options.environmentBaseUrls,
    connectionTest: options.connectionTest,
    clock: { now: () => clock.now, setTimer: systemClock.setTimer },
    simulator: {
      running: () => null,
      baseUrl: () => simulatorBaseUrl,
      ensureStarted: () => Promise.reject(new Error('the profiles fixture runs no simulator')),
      close: async () => undefined,
    },
  });
  const changes: ProfileList[] = [];
  core.events.connect((name, payload) => {
    if (name === 'profiles.changed') changes.push(payload as ProfileList);
  });
  return {
    dataDir,
    core,
    kernel: core.kernel,
    router: core.router,
    vault,
    changes,
    clock,
    async reopen() {
      await core.stop();
      return profilesFixture({ ...options, dataDir, vault, clock });
    },
    close: () => core.stop(),
  };
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
