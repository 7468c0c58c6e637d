import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const child = path.join(import.meta.dirname, 'vault-child.ts');
const profileId = 'daemon-restart-profile';

/**
 * Each keychain operation runs in a fresh process, as the console does after a restart: libsecret keeps
 * its connection to the daemon it first met, so a process that outlives the daemon fails closed
 * (KEYCHAIN_UNAVAILABLE) until it is restarted itself.
 */
const vaultInFreshProcess = (operation: 'set' | 'get' | 'delete', value = '') =>
  JSON.parse(execFileSync(process.execPath, [child, operation, profileId, value], { encoding: 'utf8' })) as {
    found: boolean;
    matches: boolean;
  };

/** Replaces the running gnome-keyring daemon with a new one that loads the keyring from disk. */
function restartSecretService(): void {
  // The private keyring of scripts/with-keyring.sh is unlocked with this password.
  const restart = spawnSync('gnome-keyring-daemon', ['--replace', '--unlock', '--components=secrets'], {
    input: 'pw',
    encoding: 'utf8',
  });
  expect(restart.status).toBe(0);
}

afterAll(() => vaultInFreshProcess('delete'));

describe('the keychain across a restart of the Secret Service itself', () => {
  it('a secret stored before the daemon restarts is read back after it', () => {
    const secret = `restart-marker-${process.pid}`;
    expect(vaultInFreshProcess('set', secret)).toEqual({ found: true, matches: true });
    restartSecretService();
    expect(vaultInFreshProcess('get', secret)).toEqual({ found: true, matches: true });
  });

  it('a secret cleared before the restart stays cleared after it', () => {
    expect(vaultInFreshProcess('delete')).toEqual({ found: false, matches: false });
    restartSecretService();
    expect(vaultInFreshProcess('get', 'anything')).toEqual({ found: false, matches: false });
  });
});
