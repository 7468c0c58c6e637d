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
const newDataDir = useTempDir('keychain-team-');
const PASSWORD = 'TEAM-DB-PASSWORD-91c4';

async function value<T>(core: ReturnType<typeof createConsoleCore>, channel: string, input?: unknown): Promise<T> {
  return valueOrThrow<T>(channel, await core.router.dispatch(channel, input, ctx));
}

describe('the team database password on a real Secret Service', () => {
  it('lives in the keychain beside the profile’s other secrets, survives a restart, and goes with the profile', async () => {
    const dataDir = newDataDir();
    const first = createConsoleCore({ dataDir, shell: 'browser-harness', version: 'test' });
    await first.start();
    const profile = await value<Profile>(first, 'profiles.create', {
      settings: { ...defaultProfileSettings('staging', 'Team keychain'), clientId: 'team-client' },
    });
    await value(first, 'profiles.setSecret', { profileId: profile.id, kind: 'teamDbPassword', value: `${PASSWORD}\n` });
    // A linked profile's settings are in its database; the password only in the keychain.
    await value(first, 'profiles.setActive', { profileId: profile.id });
    await value(first, 'team.configure', {
      enabled: false,
      settings: {
        url: 'postgres://hubble_console@127.0.0.1:9/hubble_team',
        tls: 'disable',
        caCertPath: null,
        space: 'acme-staging',
        operator: 'Priya',
      },
    });
    await first.stop();

    const second = createConsoleCore({ dataDir, shell: 'browser-harness', version: 'test' });
    await second.start();
    try {
      expect(second.kernel.profiles.get(profile.id).secrets.teamDbPassword.set).toBe(true);
      expect(await createKeytarVault().get(profile.id, 'teamDbPassword')).toBe(PASSWORD);
      for (const file of fs.readdirSync(dataDir, { recursive: true }) as string[]) {
        const full = path.join(dataDir, file);
        if (fs.statSync(full).isFile()) expect(fs.readFileSync(full).includes(PASSWORD), file).toBe(false);
      }
      await value(second, 'profiles.delete', { profileId: profile.id });
      expect(await createKeytarVault().get(profile.id, 'teamDbPassword')).toBeNull();
    } finally {
      await second.stop();
    }
  });
});
