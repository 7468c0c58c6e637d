import { createMemoryVault } from '../../../../src/main/kernel/vault/memory-vault.ts';
import type { SecretVault } from '../../../../src/main/kernel/vault/secret-vault.ts';

export interface MirroredVault extends SecretVault {
  /** Every entry as `profileId:kind=value`, sorted: the vault's whole state, for before/after comparisons. */
  contents(): string[];
}

/** The real memory vault, with its entries mirrored so a test can compare the vault before and after a call. */
export function createMirroredVault(): MirroredVault {
  const vault = createMemoryVault();
  const mirror = new Map<string, string>();
  return {
    description: vault.description,
    get: (profileId, kind) => vault.get(profileId, kind),
    async set(profileId, kind, value) {
      await vault.set(profileId, kind, value);
      mirror.set(`${profileId}:${kind}`, value);
    },
    async delete(profileId, kind) {
      mirror.delete(`${profileId}:${kind}`);
      return vault.delete(profileId, kind);
    },
    contents: () => [...mirror].map(([account, value]) => `${account}=${value}`).sort(),
  };
}
