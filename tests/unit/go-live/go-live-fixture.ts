import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { createConsoleCore, type ConsoleCore } from '../../../src/main/app/console-core.ts';
import { alertsArea } from '../../../src/main/areas/alerts/alerts-area.ts';
import { goLiveArea } from '../../../src/main/areas/go-live/go-live-area.ts';
import type { GoLiveHandlers } from '../../../src/main/areas/go-live/go-live-handlers.ts';
import { systemClock } from '../../../src/main/kernel/jobs/clock.ts';
import { createMemoryVault } from '../../../src/main/kernel/vault/memory-vault.ts';
import { simulatorControl, type SimulatorControl } from '../../../src/main/simulator/control-client.ts';
import { startSimulator, type RunningSimulator } from '../../../src/main/simulator/index.ts';
import { goLiveOperations, type GoLiveItemId, type GoLiveRun } from '../../../src/shared/contract/goLive.ts';
import { defaultProfileSettings, type Profile, type ProfileSettings } from '../../../src/shared/contract/profiles.ts';
import { confirmedInput } from '../../fixtures/confirm.ts';

const ctx = { shell: 'browser-harness' } as const;

export const ADDRESSES = [{ interface: 'eth0', address: '203.0.113.7', family: 'IPv4' as const }];

export interface GoLiveWorld {
  sim: RunningSimulator;
  control: SimulatorControl;
  core: ConsoleCore;
  dataDir: string;
  clock: { now: number };
  /** the HTML each PDF export printed (the Electron port's input) */
  printed: string[];
  /** a contract call through the real router (every registered area) */
  call<T = unknown>(channel: string, input?: unknown): Promise<T>;
  /** a goLive.* call, input and output parsed by the contract's schemas as the router will once it is registered */
  goLive<K extends keyof GoLiveHandlers>(name: K, input: unknown): Promise<Awaited<ReturnType<GoLiveHandlers[K]>>>;
  createProfile(
    settings: Partial<ProfileSettings> & Pick<ProfileSettings, 'environment' | 'name' | 'clientId'>,
  ): Promise<Profile>;
  updateProfile(profile: Profile, change: Partial<ProfileSettings>): Promise<Profile>;
  setSecret(profile: Profile, kind: 'clientSecret' | 'webhookSecret', value: string): Promise<void>;
  clearSecret(profile: Profile, kind: 'clientSecret' | 'webhookSecret'): Promise<void>;
  db(profile: Profile): Database.Database;
  close(): Promise<void>;
}

/** Every byte under a folder, as text (for canaries: a secret must be in none of it). */
export function folderBytes(dir: string): string {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name)).toString('latin1'))
    .join('\n');
}

/** A free loopback port for a profile's webhook receiver. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The real console core (kernel and every listed area, plus alerts and go-live as console-core will list them)
 * on a temp folder, with staging and production pointed at the simulator's two environment listeners.
 */
export async function goLiveWorld(): Promise<GoLiveWorld> {
  const sim = await startSimulator({ seed: 11 });
  const control = simulatorControl(sim.baseUrl);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'go-live-'));
  const clock = { now: Date.now() };
  const core = createConsoleCore({
    dataDir,
    shell: 'browser-harness',
    version: 'test',
    vault: createMemoryVault(),
    environmentBaseUrls: sim.environmentUrls,
    clock: { now: () => clock.now, setTimer: systemClock.setTimer },
    client: { backoff: { baseDelayMs: 1, maxDelayMs: 4 } },
    simulator: {
      running: () => sim,
      baseUrl: () => sim.baseUrl,
      ensureStarted: async () => sim,
      close: async () => undefined,
    },
  });
  const printed: string[] = [];
  // The alerts area's default rules, as console-core gives them once it lists the area.
  const alerts = core.router.channels.includes('alerts.rules') ? null : alertsArea.create(core.kernel);
  if (alerts) core.kernel.scopes.contribute('alerts', alerts.perProfile!);
  const goLive = goLiveArea({
    networkAddresses: () => ADDRESSES,
    printToPdf: async (html) => {
      printed.push(html);
      return new TextEncoder().encode(`%PDF-1.7 fake of ${html.length} characters`);
    },
  }).create(core.kernel).handlers as unknown as { goLive: GoLiveHandlers };
  await core.start();

  const call = async <T>(channel: string, input?: unknown): Promise<T> => {
    const result = await core.router.dispatch(channel, await confirmedInput(core.router, channel, input), ctx);
    if (!result.ok) throw Object.assign(new Error(`${channel}: ${result.error.message}`), { kind: result.error.kind });
    return result.value as T;
  };

  return {
    sim,
    control,
    core,
    dataDir,
    clock,
    printed,
    call,
    async goLive(name, input) {
      const spec = goLiveOperations[name];
      const handler = goLive.goLive[name] as (input: unknown) => unknown;
      return spec.output.parse(await handler(spec.input.parse(input))) as never;
    },
    async createProfile(settings) {
      return call<Profile>('profiles.create', {
        settings: { ...defaultProfileSettings(settings.environment, settings.name), ...settings },
      });
    },
    async updateProfile(profile, change) {
      const current = core.kernel.profiles.get(profile.id);
      const settings: ProfileSettings = {
        name: current.name,
        environment: current.environment as ProfileSettings['environment'],
        baseUrl: current.environment === 'custom' ? current.baseUrl : null,
        clientId: current.clientId,
        colour: current.colour,
        walletMinimum: current.walletMinimum,
        polling: current.polling,
        rateLimits: current.rateLimits,
        webhookReceiver: current.webhookReceiver,
        ...change,
      };
      return call<Profile>('profiles.update', { profileId: profile.id, settings });
    },
    async setSecret(profile, kind, value) {
      await call('profiles.setSecret', { profileId: profile.id, kind, value });
    },
    async clearSecret(profile, kind) {
      await call('profiles.clearSecret', { profileId: profile.id, kind });
    },
    db: (profile) => core.kernel.scopes.get(profile.id).db,
    async close() {
      await core.stop();
      await alerts?.close?.();
      await sim.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const itemOf = (run: GoLiveRun, id: GoLiveItemId) => {
  const item = run.items.find((candidate) => candidate.id === id);
  if (!item) throw new Error(`no item ${id}`);
  return item;
};

export const statusesOf = (run: GoLiveRun) => Object.fromEntries(run.items.map((item) => [item.id, item.status]));

/** A verified delivery as the receiver stores it (webhook_events belongs to the receiver area). */
export function storeVerifiedWebhook(db: Database.Database, type: string, receivedAt: number): number {
  return Number(
    db
      .prepare(
        `INSERT INTO webhook_events (received_at, source_ip, verdict, body, body_bytes, headers_json, type, dedupe_key, state)
         VALUES (?, '127.0.0.1', 'valid', ?, 2, '{}', ?, ?, 'recorded')`,
      )
      .run(receivedAt, Buffer.from('{}'), type, `${type}:${receivedAt}:${Math.random()}`).lastInsertRowid,
  );
}
