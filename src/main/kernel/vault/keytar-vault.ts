import type { SecretKind } from '../../../shared/contract/profiles.ts';
import { keychainNameFor, keychainUnavailable } from './keychain-unavailable.ts';
import { KEYCHAIN_SERVICE, keychainAccount, type SecretVault } from './secret-vault.ts';

/** The part of keytar the vault uses; injectable so the failure paths can be tested without an OS keychain. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeytarVaultOptions {
  service?: string;
  platform?: NodeJS.Platform;
  load?: () => Promise<KeytarApi>;
}

// keytar is a native module that talks to the Secret Service at load time on some systems: loading it
// lazily keeps a console without a keychain usable (Simulator profile) and turns the failure into an
// explanation at the moment a secret is actually needed.
const loadKeytar = async (): Promise<KeytarApi> => {
  const imported = (await import('keytar')) as unknown as KeytarApi & { default?: KeytarApi };
  return imported.default ?? imported;
};

export function createKeytarVault(options: KeytarVaultOptions = {}): SecretVault {
  const service = options.service ?? KEYCHAIN_SERVICE;
  const platform = options.platform ?? process.platform;
  const load = options.load ?? loadKeytar;
  let loaded: Promise<KeytarApi> | null = null;

  const keytar = (): Promise<KeytarApi> => {
    loaded ??= load().catch((error: unknown) => {
      loaded = null;
      throw error;
    });
    return loaded;
  };

  const withKeytar = async <T>(use: (api: KeytarApi) => Promise<T>): Promise<T> => {
    try {
      return await use(await keytar());
    } catch (error) {
      throw keychainUnavailable(platform, error);
    }
  };

  return {
    description: keychainNameFor(platform),
    get: (profileId: string, kind: SecretKind) =>
      withKeytar((api) => api.getPassword(service, keychainAccount(profileId, kind))),
    set: (profileId: string, kind: SecretKind, value: string) =>
      withKeytar((api) => api.setPassword(service, keychainAccount(profileId, kind), value)),
    delete: (profileId: string, kind: SecretKind) =>
      withKeytar((api) => api.deletePassword(service, keychainAccount(profileId, kind))),
  };
}
