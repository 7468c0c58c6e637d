import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConsoleCore } from '../../src/main/app/console-core.ts';
import { createKeytarVault } from '../../src/main/kernel/vault/keytar-vault.ts';
import type { Profile } from '../../src/shared/contract/profiles.ts';
import { defaultProfileSettings } from '../../src/shared/contract/profiles.ts';
import { useTempDir } from '../fixtures/temp-dir.ts';
import { valueOrThrow } from '../fixtures/value-or-throw.ts';

// Runs on the private, unlocked gnome-keyring of scripts/with-keyring.sh (npm run test:keychain).
const ctx = { shell: 'browser-harness' } as const;
const newDataDir = useTempDir('keychain-');

async function value<T>(core: ReturnType<typeof createConsoleCore>, channel: string, input?: unknown): Promise<T> {
  return valueOrThrow<T>(channel, await core.router.dispatch(channel, input, ctx));
}

describe('keytar vault on a real Secret Service', () => {
  it('has a Secret Service to talk to', () => {
    expect(process.env['DBUS_SESSION_BUS_ADDRESS'], 'run through scripts/with-keyring.sh').toBeTruthy();
  });

  it('sets, replaces and clears a secret', async () => {
    const vault = createKeytarVault({ service: 'Hubble Ops Console (test)' });
    await vault.set('p-set', 'clientSecret', 'first');
    expect(await vault.get('p-set', 'clientSecret')).toBe('first');
    await vault.set('p-set', 'clientSecret', 'second');
    expect(await vault.get('p-set', 'clientSecret')).toBe('second');
    expect(await vault.delete('p-set', 'clientSecret')).toBe(true);
    expect(await vault.get('p-set', 'clientSecret')).toBeNull();
    expect(await vault.delete('p-set', 'clientSecret')).toBe(false);
  });

  it('keeps each profile’s and each kind’s secret apart', async () => {
    const vault = createKeytarVault({ service: 'Hubble Ops Console (test)' });
    await vault.set('p-a', 'clientSecret', 'a-client');
    await vault.set('p-a', 'webhookSecret', 'a-webhook');
    await vault.set('p-b', 'clientSecret', 'b-client');
    expect(await vault.get('p-a', 'clientSecret')).toBe('a-client');
    expect(await vault.get('p-a', 'webhookSecret')).toBe('a-webhook');
    expect(await vault.get('p-b', 'clientSecret')).toBe('b-client');
    expect(await vault.get('p-b', 'webhookSecret')).toBeNull();
    await vault.delete('p-a', 'clientSecret');
    expect(await vault.get('p-b', 'clientSecret')).toBe('b-client');
    expect(await vault.get('p-a', 'webhookSecret')).toBe('a-webhook');
  });

  it('survives a restart: a new console on the same data folder reads the secret from the keychain, never from the folder', async () => {
    const dataDir = newDataDir();
    const first = createConsoleCore({ dataDir, shell: 'browser-harness', version: 'test' });
    await first.start();
    const profile = await value<Profile>(first, 'profiles.create', {
      settings: { ...defaultProfileSettings('staging', 'Keychain restart'), clientId: 'restart-client' },
    });
    const status = await value<{ set: boolean; updatedAt: string }>(first, 'profiles.setSecret', {
      profileId: profile.id,
      kind: 'clientSecret',
      value: 'RESTART-SECRET-7f3a',
    });
    expect(status.set).toBe(true);
    await first.stop();

    const second = createConsoleCore({ dataDir, shell: 'browser-harness', version: 'test' });
    await second.start();
    try {
      const again = second.kernel.profiles.get(profile.id);
      expect(again.secrets.clientSecret).toEqual(status);
      expect(await second.kernel.credentials.connectionFor(profile.id).clientSecret()).toBe('RESTART-SECRET-7f3a');
      expect(await createKeytarVault().get(profile.id, 'clientSecret')).toBe('RESTART-SECRET-7f3a');
      for (const file of fs.readdirSync(dataDir, { recursive: true }) as string[]) {
        const full = path.join(dataDir, file);
        if (fs.statSync(full).isFile()) expect(fs.readFileSync(full).includes('RESTART-SECRET-7f3a'), file).toBe(false);
      }
      expect(await value(second, 'profiles.delete', { profileId: profile.id })).toMatchObject({ deleted: true });
      expect(await createKeytarVault().get(profile.id, 'clientSecret')).toBeNull();
    } finally {
      await second.stop();
    }
  });
});
