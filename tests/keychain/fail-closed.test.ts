import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../fixtures/temp-dir.ts';

const tempDir = useTempDir('no-keychain-');

const filesUnder = (dir: string): string[] =>
  (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((file) => path.join(dir, file))
    .filter((file) => fs.statSync(file).isFile());

describe('no Secret Service running', () => {
  it('fails closed: KEYCHAIN_UNAVAILABLE with the Linux explanation, and the secret is written nowhere', () => {
    const dataDir = tempDir();
    const home = tempDir();
    const secret = 'FAIL-CLOSED-SECRET-91c2';
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent',
      HOME: home,
      XDG_DATA_HOME: path.join(home, 'data'),
    };
    delete env['DISPLAY'];
    const child = spawnSync(
      process.execPath,
      [path.join(import.meta.dirname, 'no-secret-service-child.ts'), dataDir, secret],
      { env, encoding: 'utf8' },
    );
    expect(child.status, child.stderr).toBe(0);
    const { set, test, after } = JSON.parse(child.stdout);

    expect(set.ok).toBe(false);
    expect(set.error.kind).toBe('KEYCHAIN_UNAVAILABLE');
    expect(set.error.message).toContain('Secret Service');
    expect(set.error.message).toContain('gnome-keyring');
    expect(set.error.message).toContain('KWallet');
    expect(set.error.message).toContain('never keeps secrets in a file');
    expect(set.error.details).toMatchObject({ platform: 'linux' });
    expect(after.value.profiles[1].secrets.clientSecret).toEqual({ set: false, updatedAt: null });
    expect(test.value.diagnosis.kind).toBe('missing-secret');

    for (const file of [...filesUnder(dataDir), ...filesUnder(home)]) {
      expect(fs.readFileSync(file).includes(secret), file).toBe(false);
    }
    expect(child.stdout).not.toContain(secret);
    expect(child.stderr).not.toContain(secret);
  });
});
