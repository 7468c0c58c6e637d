import type { SecretKind } from '../../../shared/contract/profiles.ts';
import { keychainAccount, type SecretVault } from './secret-vault.ts';

/** A vault in this process's memory only, for tests; the app itself always uses the OS keychain. */
export function createMemoryVault(): SecretVault & { readonly size: number } {
  const entries = new Map<string, string>();
  return {
    description: 'in-memory test vault',
    get size() {
      return entries.size;
    },
    async get(profileId: string, kind: SecretKind) {
      return entries.get(keychainAccount(profileId, kind)) ?? null;
    },
    async set(profileId: string, kind: SecretKind, value: string) {
      entries.set(keychainAccount(profileId, kind), value);
    },
    async delete(profileId: string, kind: SecretKind) {
      return entries.delete(keychainAccount(profileId, kind));
    },
  };
}
