import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { createConsoleCore, type ConsoleCore } from '../../../../src/main/app/console-core.ts';
import { startSimulator, type RunningSimulator } from '../../../../src/main/simulator/index.ts';
import type { Result } from '../../../../src/shared/contract/result.ts';
import {
  defaultProfileSettings,
  type CreatableEnvironment,
  type Profile,
  type ProfileList,
} from '../../../../src/shared/contract/profiles.ts';
import { createMirroredVault, type MirroredVault } from './mirrored-vault.ts';
import { DatabaseReaders, takeSnapshot, type StateSnapshot } from './state-snapshot.ts';

/** Every secret this suite stores starts with this, and nothing else it sends does: no answer may ever contain it. */
export const CANARY_PREFIX = 'CANARY-';
export const newCanary = () => `${CANARY_PREFIX}${randomUUID()}`;

const ctx = { shell: 'browser-harness' } as const;
const SEEDED: readonly Exclude<CreatableEnvironment, never>[] = ['staging', 'production', 'custom'];

export interface FuzzedConsole {
  readonly dataDir: string;
  /** a Hubble stand-in on loopback: staging, production and custom profiles point here, never at the internet */
  readonly hubble: RunningSimulator;
  readonly vault: MirroredVault;
  /** what the console reported through onUnexpectedError (channel or background task, and the message) */
  readonly unexpectedErrors: string[];
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>;
  list(): Promise<ProfileList>;
  /**
   * Makes sure a staging, a production and a custom profile exist with canary secrets, the Simulator is
   * active and its log holds sample traffic; every other operator profile is deleted.
   */
  seed(): Promise<Record<'staging' | 'production' | 'custom', Profile>>;
  /** Lets the call log write what it queued, so the next snapshot sees only what the next call does. */
  settle(): Promise<void>;
  snapshot(): Promise<StateSnapshot>;
  stop(): Promise<void>;
}

const profileIdsWithDatabase = (dataDir: string) => {
  const folder = path.join(dataDir, 'profiles');
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('.db'))
    .map((file) => file.slice(0, -'.db'.length));
};

type Flush = (profileIds: readonly string[]) => void;

/**
 * How to write what the call log queued, without waiting for its timer: through the kernel's profile scopes
 * (or, before the kernel, the calls area). Null when the core exposes neither; settle() then waits 300 ms.
 */
function callLogFlusher(core: ConsoleCore): Flush | null {
  const exposed = core as unknown as {
    kernel?: { scopes?: { isOpen(id: string): boolean; get(id: string): { recorder: { flush(): number } } } };
    calls?: { calls?: { flush?: (profileId: string) => number } };
  };
  const scopes = exposed.kernel?.scopes;
  if (scopes) {
    return (ids) => {
      for (const id of ids) if (scopes.isOpen(id)) scopes.get(id).recorder.flush();
    };
  }
  const callLog = exposed.calls?.calls;
  if (callLog?.flush) return (ids) => ids.forEach((id) => callLog.flush?.(id));
  return null;
}

function valueOf<T>(result: Result<unknown>, what: string): T {
  if (!result.ok) throw new Error(`${what} failed while seeding: ${result.error.kind} ${result.error.message}`);
  return result.value as T;
}

/** The real console core over a fresh data folder and an in-memory vault, its Hubble environments on loopback. */
export async function startFuzzedConsole(): Promise<FuzzedConsole> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipc-fuzz-'));
  const hubble = await startSimulator();
  const vault = createMirroredVault();
  const unexpectedErrors: string[] = [];
  const core: ConsoleCore = createConsoleCore({
    dataDir,
    shell: 'browser-harness',
    version: 'test',
    vault,
    // Staging and production would otherwise reach Hubble over the internet (profiles.testConnection).
    environmentBaseUrls: hubble.environmentUrls,
    onUnexpectedError: (where, error) =>
      unexpectedErrors.push(`${where}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500)),
  });
  await core.start();
  const readers = new DatabaseReaders();
  const seeded = new Map<string, Profile>();
  let sampleTraffic = false;

  const dispatch = (channel: string, input: unknown) => core.router.dispatch(channel, input, ctx);
  const list = async () => valueOf<ProfileList>(await dispatch('profiles.list', undefined), 'profiles.list');
  const flushCallLogs = callLogFlusher(core);
  const settle = async () => {
    if (!flushCallLogs) await delay(300);
    else flushCallLogs(profileIdsWithDatabase(dataDir));
  };
  /** Runs a production-guarded operation the way the UI does: typed confirmation first when the guard asks. */
  const confirmed = async (channel: string, profile: Profile, input: Record<string, unknown>) => {
    const first = await dispatch(channel, input);
    if (first.ok || first.error.kind !== 'CONFIRMATION_REQUIRED') return first;
    const { token } = valueOf<{ token: string }>(
      await dispatch('guard.confirm', { profileId: profile.id, operation: channel, typedName: profile.name }),
      'guard.confirm',
    );
    return dispatch(channel, { ...input, confirmationToken: token });
  };

  return {
    dataDir,
    hubble,
    vault,
    unexpectedErrors,
    dispatch,
    list,
    async seed() {
      valueOf(await dispatch('profiles.setActive', { profileId: 'simulator' }), 'profiles.setActive');
      if (!sampleTraffic) {
        valueOf(await dispatch('calls.generateSampleTraffic', undefined), 'calls.generateSampleTraffic');
        sampleTraffic = true;
      }
      // What the previous channel's fuzz created goes, so each channel starts from the same small world.
      const keep = new Set([...seeded.values()].map((profile) => profile.id));
      for (const profile of (await list()).profiles) {
        if (profile.builtIn || keep.has(profile.id)) continue;
        await confirmed('profiles.delete', profile, { profileId: profile.id });
      }
      const present = new Set((await list()).profiles.map((profile) => profile.id));
      for (const environment of SEEDED) {
        if (present.has(seeded.get(environment)?.id ?? '')) continue;
        const settings = {
          ...defaultProfileSettings(environment, `Fuzz ${environment} ${randomUUID().slice(0, 8)}`),
          baseUrl: environment === 'custom' ? hubble.baseUrl : null,
          clientId: `fuzz-${environment}`,
        };
        const profile = valueOf<Profile>(await dispatch('profiles.create', { settings }), 'profiles.create');
        for (const kind of ['clientSecret', 'webhookSecret'] as const) {
          const input = { profileId: profile.id, kind, value: newCanary() };
          valueOf(await confirmed('profiles.setSecret', profile, input), 'profiles.setSecret');
        }
        // Its log now holds a login that carried the canary secret.
        valueOf(await dispatch('profiles.testConnection', { profileId: profile.id }), 'profiles.testConnection');
        seeded.set(environment, profile);
      }
      await settle();
      return {
        staging: seeded.get('staging')!,
        production: seeded.get('production')!,
        custom: seeded.get('custom')!,
      };
    },
    settle,
    async snapshot() {
      return takeSnapshot({ dataDir, readers, profileList: await list(), vault: vault.contents() });
    },
    async stop() {
      readers.closeAll();
      await core.stop();
      await hubble.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
