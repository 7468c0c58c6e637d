import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/errors/app-error.ts';
import { createKeytarVault, type KeytarApi } from '../../../src/main/kernel/vault/keytar-vault.ts';
import { KEYCHAIN_SERVICE } from '../../../src/main/kernel/vault/secret-vault.ts';

function fakeKeytar() {
  const entries = new Map<string, string>();
  const calls: string[] = [];
  const api: KeytarApi = {
    async getPassword(service, account) {
      calls.push(`get ${service} ${account}`);
      return entries.get(`${service}/${account}`) ?? null;
    },
    async setPassword(service, account, password) {
      calls.push(`set ${service} ${account}`);
      entries.set(`${service}/${account}`, password);
    },
    async deletePassword(service, account) {
      calls.push(`delete ${service} ${account}`);
      return entries.delete(`${service}/${account}`);
    },
  };
  return { api, calls };
}

const failureOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a failure');
};

describe('keytar vault', () => {
  it('stores under one service with an account per profile and secret', async () => {
    const { api, calls } = fakeKeytar();
    const vault = createKeytarVault({ load: async () => api });
    await vault.set('01PROFILE', 'clientSecret', 'x');
    expect(await vault.get('01PROFILE', 'clientSecret')).toBe('x');
    expect(await vault.get('01PROFILE', 'webhookSecret')).toBeNull();
    expect(await vault.delete('01PROFILE', 'clientSecret')).toBe(true);
    expect(calls[0]).toBe(`set ${KEYCHAIN_SERVICE} 01PROFILE:clientSecret`);
    expect(KEYCHAIN_SERVICE).toBe('Hubble Ops Console');
  });

  it('loads keytar only when a secret is first needed', async () => {
    let loads = 0;
    const { api } = fakeKeytar();
    const vault = createKeytarVault({ load: async () => (loads++, api) });
    expect(loads).toBe(0);
    await vault.get('p', 'clientSecret');
    await vault.get('p', 'clientSecret');
    expect(loads).toBe(1);
  });

  it('fails closed with KEYCHAIN_UNAVAILABLE and an explanation for each OS', async () => {
    const cases = [
      ['linux', /gnome-keyring.*KWallet.*Secret Service/s],
      ['darwin', /macOS Keychain.*Keychain Access/s],
      ['win32', /Windows Credential Manager/],
    ] as const;
    for (const [platform, explanation] of cases) {
      const vault = createKeytarVault({
        platform,
        load: async () => Promise.reject(new Error('The name org.freedesktop.secrets was not provided')),
      });
      const error = await failureOf(vault.set('p', 'clientSecret', 'never-stored'));
      expect(error).toBeInstanceOf(AppError);
      expect(error.kind).toBe('KEYCHAIN_UNAVAILABLE');
      expect(error.message).toMatch(explanation);
      expect(error.message).toContain('never keeps secrets in a file');
      expect(JSON.stringify(error.toShape())).not.toContain('never-stored');
    }
  });

  it('maps a failing keychain call (locked, refused) the same way, and tries to load again next time', async () => {
    const { api } = fakeKeytar();
    let attempts = 0;
    const vault = createKeytarVault({
      platform: 'linux',
      load: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
        return {
          ...api,
          setPassword: async () => Promise.reject(new Error('Cannot create an item in a locked collection')),
        };
      },
    });
    expect((await failureOf(vault.get('p', 'clientSecret'))).kind).toBe('KEYCHAIN_UNAVAILABLE');
    const locked = await failureOf(vault.set('p', 'clientSecret', 'x'));
    expect(locked.kind).toBe('KEYCHAIN_UNAVAILABLE');
    expect(locked.details).toMatchObject({ platform: 'linux', cause: 'Cannot create an item in a locked collection' });
    expect(attempts).toBe(2);
  });
});
