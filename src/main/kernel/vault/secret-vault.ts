import type { SecretKind } from '../../../shared/contract/profiles.ts';

/** The keychain entry name: one service for the whole console, one account per profile and secret. */
export const KEYCHAIN_SERVICE = 'Hubble Ops Console';

export const keychainAccount = (profileId: string, kind: SecretKind) => `${profileId}:${kind}`;

/**
 * Where profile secrets live. Implementations keep nothing on disk of their own: the OS keychain
 * (keytar-vault.ts) in the app, an in-memory map (memory-vault.ts) in tests. A failure to reach the
 * keychain is an AppError of kind KEYCHAIN_UNAVAILABLE, never a silent fallback.
 */
export interface SecretVault {
  /** e.g. "Secret Service (GNOME Keyring / KWallet)", for messages and docs. */
  readonly description: string;
  get(profileId: string, kind: SecretKind): Promise<string | null>;
  set(profileId: string, kind: SecretKind, value: string): Promise<void>;
  /** True when an entry existed and was removed. */
  delete(profileId: string, kind: SecretKind): Promise<boolean>;
}
