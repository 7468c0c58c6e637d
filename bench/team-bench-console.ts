// A real console for the team-mode bench (kernel and every area, its own data dir and memory vault, a staging
// profile on a local simulator), linked to a team database through its router as an operator would: the
// bench's equivalent of tests/team/team-fixture.ts, which needs vitest.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConsoleCore, type ConsoleCore } from '../src/main/app/console-core.ts';
import { createMemoryVault } from '../src/main/kernel/vault/memory-vault.ts';
import { DEMO_CLIENTS, type RunningSimulator } from '../src/main/simulator/index.ts';
import { defaultProfileSettings, type Profile } from '../src/shared/contract/profiles.ts';
import type { TeamLinkSettings, TeamStatus } from '../src/shared/contract/team.ts';

const ctx = { shell: 'browser-harness' } as const;

export interface BenchConsole {
  readonly core: ConsoleCore;
  readonly profile: Profile;
  call<T = unknown>(channel: string, input?: unknown): Promise<T>;
  link(settings: TeamLinkSettings, options?: { prepare?: boolean }): Promise<TeamStatus>;
  stop(): Promise<void>;
}

export async function openBenchConsole(sim: RunningSimulator, teamPassword: string): Promise<BenchConsole> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'team-bench-console-'));
  const core = createConsoleCore({
    dataDir,
    shell: 'browser-harness',
    version: 'bench',
    vault: createMemoryVault(),
    environmentBaseUrls: sim.environmentUrls,
    simulator: {
      running: () => sim,
      baseUrl: () => sim.baseUrl,
      ensureStarted: async () => sim,
      close: async () => undefined,
    },
  });
  await core.start();
  const call = async <T>(channel: string, input?: unknown): Promise<T> => {
    const result = await core.router.dispatch(channel, input, ctx);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as T;
  };
  const profile = await call<Profile>('profiles.create', {
    settings: { ...defaultProfileSettings('staging', 'Acme staging'), clientId: DEMO_CLIENTS.staging.clientId },
  });
  const secrets = {
    clientSecret: DEMO_CLIENTS.staging.clientSecret,
    webhookSecret: DEMO_CLIENTS.staging.webhookSecret,
    teamDbPassword: teamPassword,
  };
  for (const [kind, value] of Object.entries(secrets))
    await call('profiles.setSecret', { profileId: profile.id, kind, value });
  await call('profiles.setActive', { profileId: profile.id });
  // The profile is ready once the recovery of unknown outcomes that runs when it opens is done.
  for (;;) {
    const result = await core.router.dispatch('orders.batches', undefined, ctx);
    if (result.ok) break;
    if (result.error.kind !== 'UNAVAILABLE') throw new Error(result.error.message);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return {
    core,
    profile,
    call,
    async link(settings, options = {}) {
      await call('team.configure', { enabled: true, settings });
      if (options.prepare) await call('team.prepareDatabase');
      const status = await call<TeamStatus>('team.syncNow');
      if (status.state !== 'online') throw new Error(`the team link is ${status.state}: ${status.message}`);
      return status;
    },
    async stop() {
      await core.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
