import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { createConsoleCore, type ConsoleCore } from '../../src/main/app/console-core.ts';
import { createMemoryVault } from '../../src/main/kernel/vault/memory-vault.ts';
import type { SecretVault } from '../../src/main/kernel/vault/secret-vault.ts';
import { DEMO_CLIENTS, type RunningSimulator } from '../../src/main/simulator/index.ts';
import type { Profile } from '../../src/shared/contract/profiles.ts';
import type { TeamLinkSettings, TeamStatus } from '../../src/shared/contract/team.ts';
import { databaseUrl, SUPERUSER_PASSWORD, type PostgresCluster } from '../fixtures/postgres-cluster.ts';
import { settingsFor } from '../unit/profiles/profiles-fixture.ts';

export const cluster = (): PostgresCluster => inject('postgresCluster');

const ctx = { shell: 'browser-harness' } as const;

/** A fresh database on the suite's cluster (each test file its own), and an admin client on it. */
export async function freshDatabase(prefix: string): Promise<{ name: string; admin: pg.Client }> {
  const name = `${prefix}_${crypto.randomBytes(4).toString('hex')}`;
  const server = new pg.Client(cluster().adminUrl);
  await server.connect();
  await server.query(`CREATE DATABASE ${name}`);
  await server.end();
  const admin = new pg.Client(databaseUrl(cluster(), name));
  await admin.connect();
  return { name, admin };
}

/** The link settings of a console logging in as `user` (the superuser, i.e. the database owner, by default). */
export const linkSettings = (
  database: string,
  operator: string,
  extra: Partial<TeamLinkSettings> = {},
  user = 'postgres',
): TeamLinkSettings => ({
  url: `postgres://${user}@127.0.0.1:${cluster().port}/${database}`,
  tls: 'disable',
  caCertPath: null,
  space: 'acme-staging',
  operator,
  ...extra,
});

export interface TeamConsole {
  core: ConsoleCore;
  dataDir: string;
  vault: SecretVault;
  profile: Profile;
  call<T = Record<string, unknown>>(channel: string, input?: unknown): Promise<T>;
  status(): Promise<TeamStatus>;
  db(): import('better-sqlite3').Database;
  stop(): Promise<void>;
}

/**
 * A real console (kernel and every area) on its own data dir with a staging profile on the shared simulator: two
 * of these are two operators' desktops of one partner. `dataDir`/`vault` reopen an existing console.
 */
export async function openTeamConsole(
  sim: RunningSimulator,
  options: { dataDir?: string; vault?: SecretVault; password?: string } = {},
): Promise<TeamConsole> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'team-console-'));
  const vault = options.vault ?? createMemoryVault();
  const core = createConsoleCore({
    dataDir,
    shell: 'browser-harness',
    version: 'test',
    vault,
    environmentBaseUrls: sim.environmentUrls,
    client: { backoff: { baseDelayMs: 1, maxDelayMs: 4 } },
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
    if (!result.ok) throw Object.assign(new Error(`${channel}: ${result.error.message}`), { kind: result.error.kind });
    return result.value as T;
  };
  let profile = core.kernel.profiles.all().find((each) => each.environment === 'staging');
  if (!profile) {
    profile = await call<Profile>('profiles.create', {
      settings: { ...settingsFor('staging', 'Acme staging'), clientId: DEMO_CLIENTS.staging.clientId },
    });
    await call('profiles.setSecret', {
      profileId: profile.id,
      kind: 'clientSecret',
      value: DEMO_CLIENTS.staging.clientSecret,
    });
    await call('profiles.setSecret', {
      profileId: profile.id,
      kind: 'webhookSecret',
      value: DEMO_CLIENTS.staging.webhookSecret,
    });
    await call('profiles.setSecret', {
      profileId: profile.id,
      kind: 'teamDbPassword',
      value: options.password ?? SUPERUSER_PASSWORD,
    });
  }
  await call('profiles.setActive', { profileId: profile.id });
  // Placements wait for the recovery of unknown outcomes that runs when the profile opens.
  for (;;) {
    const result = await core.router.dispatch('orders.batches', undefined, ctx);
    if (result.ok) break;
    if (result.error.kind !== 'UNAVAILABLE') throw new Error(result.error.message);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const profileId = profile.id;
  return {
    core,
    dataDir,
    vault,
    profile,
    call,
    status: () => call<TeamStatus>('team.status'),
    db: () => core.kernel.scopes.get(profileId).db,
    stop: () => core.stop(),
  };
}

/** Polls `read` until `done` holds (a teammate's row arrives through NOTIFY and a pull job, not synchronously). */
export async function eventually<T>(read: () => Promise<T> | T, done: (value: T) => boolean, what: string): Promise<T> {
  let last: T | undefined;
  for (let attempt = 0; attempt < 400; attempt += 1) {
    last = await read();
    if (done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${what} did not happen; last value: ${JSON.stringify(last)}`);
}
