import type { SecretKind, SecretStatus } from '../../../shared/contract/profiles.ts';
import { AppError } from '../../errors/app-error.ts';
import type { HubbleConnection } from '../../hubble/connection.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { SecretVault } from '../vault/secret-vault.ts';
import { SIMULATOR_CREDENTIALS, SIMULATOR_PROFILE_ID } from './builtin-simulator.ts';
import type { ProfileCatalog } from './profile-catalog.ts';
import type { SecretStatusRepository } from './secret-status-repository.ts';

export const SECRET_KINDS: readonly SecretKind[] = ['clientSecret', 'webhookSecret', 'teamDbPassword'];
const SECRET_LABELS: Record<SecretKind, string> = {
  clientSecret: 'client secret',
  webhookSecret: 'webhook secret',
  teamDbPassword: 'team database password',
};

/** A profile's secrets (in the vault, never kept in memory) and the connection main builds from them. */
export interface Credentials {
  setSecret(profileId: string, kind: SecretKind, value: string): Promise<SecretStatus>;
  clearSecret(profileId: string, kind: SecretKind): Promise<SecretStatus>;
  /** Removes every secret of a profile about to be deleted; fails (and nothing else happens) if the vault cannot. */
  forget(profileId: string): Promise<void>;
  /** For main's services only (webhook verification, the recorder's redaction): read when needed, never kept. */
  secretFor(profileId: string, kind: SecretKind): Promise<string | null>;
  connectionFor(profileId: string): HubbleConnection;
  /** A secret of this profile was set or cleared (what the call log strips by value changes). */
  onChanged(listener: (profileId: string) => void): () => void;
}

export function createCredentials(deps: {
  catalog: ProfileCatalog;
  vault: SecretVault;
  statuses: SecretStatusRepository;
  audit: AuditLog;
  now?: () => Date;
}): Credentials {
  const { catalog, vault, statuses, audit } = deps;
  const now = deps.now ?? (() => new Date());
  const listeners = new Set<(profileId: string) => void>();
  const changed = (profileId: string) => {
    for (const listener of listeners) listener(profileId);
    catalog.announce();
  };

  const secretFor = async (profileId: string, kind: SecretKind): Promise<string | null> => {
    const profile = catalog.get(profileId);
    if (profile.id === SIMULATOR_PROFILE_ID) return SIMULATOR_CREDENTIALS[kind];
    if (!statuses.of(profile.id)[kind].set) return null;
    return vault.get(profile.id, kind);
  };

  return {
    async setSecret(profileId, kind, value) {
      const profile = catalog.assertEditable(profileId, 'given secrets: it uses the simulator’s demo credentials');
      // Pasted secrets often carry a trailing newline or spaces that were never part of the secret.
      const secret = value.trim();
      if (!secret) throw new AppError('VALIDATION', `The ${SECRET_LABELS[kind]} is empty.`);
      await vault.set(profile.id, kind, secret);
      const status = statuses.markSet(profile.id, kind, now().toISOString());
      audit.record({
        action: 'secret.set',
        profileId: profile.id,
        profileName: profile.name,
        details: { kind, keychain: vault.description },
      });
      changed(profile.id);
      return status;
    },

    async clearSecret(profileId, kind) {
      const profile = catalog.assertEditable(profileId, 'given secrets');
      await vault.delete(profile.id, kind);
      const status = statuses.markCleared(profile.id, kind);
      audit.record({ action: 'secret.cleared', profileId: profile.id, profileName: profile.name, details: { kind } });
      changed(profile.id);
      return status;
    },

    async forget(profileId) {
      const profile = catalog.assertEditable(profileId, 'deleted');
      for (const kind of SECRET_KINDS) {
        try {
          await vault.delete(profile.id, kind);
        } catch (error) {
          // A keychain that is unreachable cannot hold what was never stored there.
          if (profile.secrets[kind].set) throw error;
        }
        statuses.markCleared(profile.id, kind);
      }
    },

    secretFor,

    connectionFor(profileId) {
      const profile = catalog.get(profileId);
      return {
        profileId: profile.id,
        environment: profile.environment,
        baseUrl: profile.baseUrl,
        clientId: profile.clientId,
        async clientSecret() {
          const secret = await secretFor(profile.id, 'clientSecret');
          if (!secret) {
            throw new AppError(
              'VALIDATION',
              `“${profile.name}” has no client secret yet: set it on the Profiles page.`,
              { profileId: profile.id },
            );
          }
          return secret;
        },
      };
    },

    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
