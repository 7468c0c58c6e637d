import { confirmedInput } from '../../fixtures/confirm.ts';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createConsoleCore, type ConsoleCore } from '../../../src/main/app/console-core.ts';
import { startSimulator, DEMO_CLIENTS, type RunningSimulator } from '../../../src/main/simulator/index.ts';
import { createMemoryVault } from '../../../src/main/kernel/vault/memory-vault.ts';
import type { Profile, ProfileList } from '../../../src/shared/contract/profiles.ts';
import { valueOrThrow } from '../../fixtures/value-or-throw.ts';
import { settingsFor } from './profiles-fixture.ts';

// Unique markers: if either shows up anywhere the renderer, a log or the disk can see, a secret leaked.
const CLIENT_MARKER = `CANARY-client-${crypto.randomBytes(6).toString('hex')}`;
const WEBHOOK_MARKER = `CANARY-webhook-${crypto.randomBytes(6).toString('hex')}`;
const MARKERS = [CLIENT_MARKER, WEBHOOK_MARKER];

const ctx = { shell: 'browser-harness' } as const;
let sim: RunningSimulator;
let dataDir: string;
let core: ConsoleCore;
const seen: string[] = [];
const logged: string[] = [];

beforeAll(async () => {
  sim = await startSimulator();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'canary-'));
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  }
  core = createConsoleCore({
    dataDir,
    shell: 'browser-harness',
    version: 'canary',
    vault: createMemoryVault(),
    environmentBaseUrls: sim.environmentUrls,
    onUnexpectedError: (where, error) =>
      logged.push(`${where} ${error instanceof Error ? `${error.message} ${error.stack}` : String(error)}`),
  });
  core.events.connect((name, payload) => seen.push(`event ${name} ${JSON.stringify(payload)}`));
  await core.start();
});

afterAll(async () => {
  await core.stop();
  await sim.close();
  vi.restoreAllMocks();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function dispatch(channel: string, input?: unknown) {
  const result = await core.router.dispatch(channel, input, ctx);
  seen.push(`${channel} ${JSON.stringify(result)}`);
  return result;
}
/** As the operator would: guarded changes of the production profile go through the typed confirmation. */
async function value<T>(channel: string, input?: unknown): Promise<T> {
  return valueOrThrow<T>(channel, await dispatch(channel, await confirmedInput(core.router, channel, input)));
}

function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((file) => path.join(dir, file))
    .filter((file) => fs.statSync(file).isFile());
}

function expectNoMarkerOnDisk(whileOpen: boolean) {
  const files = filesUnder(dataDir);
  // While the console runs, recent writes sit in the WAL file: it must be among the files searched.
  if (whileOpen) expect(files.some((file) => file.endsWith('app.db-wal'))).toBe(true);
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    for (const marker of MARKERS) {
      expect(bytes.includes(Buffer.from(marker, 'utf8')), `${marker} in ${file}`).toBe(false);
      expect(bytes.includes(Buffer.from(marker, 'utf16le')), `${marker} (UTF-16) in ${file}`).toBe(false);
    }
  }
}

describe('secret canary', () => {
  it('never lets a secret reach an IPC answer, an event, a log or a file in the data folder', async () => {
    const staging = await value<Profile>('profiles.create', {
      settings: settingsFor('staging', 'Canary staging', { clientId: DEMO_CLIENTS.staging.clientId }),
    });
    const production = await value<Profile>('profiles.create', {
      settings: settingsFor('production', 'Canary production', { clientId: DEMO_CLIENTS.production.clientId }),
    });
    const custom = await value<Profile>('profiles.create', {
      settings: settingsFor('custom', 'Canary custom', { baseUrl: `${sim.baseUrl}/gateway` }),
    });

    for (const profile of [staging, production, custom]) {
      await value('profiles.setSecret', { profileId: profile.id, kind: 'clientSecret', value: CLIENT_MARKER });
      await value('profiles.setSecret', { profileId: profile.id, kind: 'webhookSecret', value: WEBHOOK_MARKER });
      await value('profiles.setSecret', { profileId: profile.id, kind: 'clientSecret', value: `  ${CLIENT_MARKER}\n` });
      // A wrong secret goes all the way to the (simulated) Hubble login and back: a 401 to diagnose.
      const report = await value<{ diagnosis: { kind: string } }>('profiles.testConnection', { profileId: profile.id });
      expect(['unauthorized', 'wrong-base-url']).toContain(report.diagnosis.kind);
    }
    await value('profiles.setSecret', {
      profileId: staging.id,
      kind: 'clientSecret',
      value: DEMO_CLIENTS.staging.clientSecret,
    });
    expect((await value<{ ok: boolean }>('profiles.testConnection', { profileId: staging.id })).ok).toBe(true);
    await value('profiles.testConnection', { profileId: 'simulator' });

    await value('profiles.update', {
      profileId: staging.id,
      settings: settingsFor('staging', 'Canary staging 2', {
        clientId: DEMO_CLIENTS.staging.clientId,
        walletMinimum: 10,
      }),
    });
    await value('profiles.updateSimulator', {
      settings: {
        colour: '#112233',
        walletMinimum: 1,
        polling: { walletSecs: 60, processingOrdersSecs: 5, catalogSyncHours: 2 },
        rateLimits: [],
        webhookReceiver: { enabled: false, port: 8787 },
      },
    });
    const copy = await value<Profile>('profiles.duplicate', { profileId: production.id });
    await value('profiles.setActive', { profileId: production.id });
    await value('profiles.setActive', { profileId: staging.id });
    const exported = await value<{ json: string }>('profiles.export');
    await value('profiles.import', { json: exported.json });
    await value('profiles.dismissWelcome');
    await value('profiles.clearSecret', { profileId: custom.id, kind: 'webhookSecret' });

    // Secrets inside inputs that are refused must not come back in the refusal either.
    await dispatch('profiles.setSecret', { profileId: staging.id, kind: 'bogus', value: CLIENT_MARKER });
    await dispatch('profiles.setSecret', {
      profileId: staging.id,
      kind: 'clientSecret',
      value: CLIENT_MARKER.repeat(400),
    });
    await dispatch('profiles.setSecret', { profileId: 'no-such-profile', kind: 'clientSecret', value: CLIENT_MARKER });
    await dispatch('profiles.setSecret', { profileId: 'simulator', kind: 'clientSecret', value: CLIENT_MARKER });
    await dispatch('profiles.import', {
      json: JSON.stringify({
        format: 'hubble-ops-console/profiles',
        version: 1,
        profiles: [{ clientSecret: CLIENT_MARKER }],
      }),
    });
    await dispatch('profiles.import', { json: `{"broken": "${CLIENT_MARKER}"` });
    await dispatch('profiles.create', { settings: { ...settingsFor('staging', 'x'), clientSecret: CLIENT_MARKER } });
    await dispatch('guard.confirm', {
      profileId: production.id,
      operation: 'profiles.delete',
      typedName: CLIENT_MARKER,
    });

    await dispatch('profiles.delete', { profileId: production.id });
    const { token } = await value<{ token: string }>('guard.confirm', {
      profileId: production.id,
      operation: 'profiles.delete',
      typedName: 'Canary production',
    });
    await value('profiles.delete', { profileId: production.id, confirmationToken: token });
    await value('profiles.delete', {
      profileId: copy.id,
      confirmationToken: (
        await value<{ token: string }>('guard.confirm', {
          profileId: copy.id,
          operation: 'profiles.delete',
          typedName: copy.name,
        })
      ).token,
    });
    await value('guard.probe');
    await value('audit.list');
    await value('audit.export', { format: 'json' });
    await value('audit.export', { format: 'csv' });

    // Every other operation of the contract, as the renderer could call it.
    for (const channel of core.router.channels) {
      await dispatch(channel, undefined);
      await dispatch(channel, {});
    }
    expect((await value<ProfileList>('profiles.list')).profiles.length).toBeGreaterThanOrEqual(4);

    for (const text of [...seen, ...logged])
      for (const marker of MARKERS) expect(text.includes(marker), text.slice(0, 200)).toBe(false);
    expectNoMarkerOnDisk(true);
    await core.stop();
    // The connection tests' calls (login bodies included, redacted) are in the per-profile histories.
    expect(filesUnder(path.join(dataDir, 'profiles')).length, 'per-profile call logs to search').toBeGreaterThan(0);
    expectNoMarkerOnDisk(false);
    core = createConsoleCore({ dataDir, shell: 'browser-harness', version: 'canary', vault: createMemoryVault() });
  });
});
