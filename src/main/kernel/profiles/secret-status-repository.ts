import type Database from 'better-sqlite3';
import type { SecretKind, SecretStatus } from '../../../shared/contract/profiles.ts';

export type SecretStatuses = Record<SecretKind, SecretStatus>;

const UNSET: SecretStatus = { set: false, updatedAt: null };

/** When each profile's secrets were stored in the keychain; never the secrets themselves. */
export interface SecretStatusRepository {
  of(profileId: string): SecretStatuses;
  markSet(profileId: string, kind: SecretKind, at: string): SecretStatus;
  markCleared(profileId: string, kind: SecretKind): SecretStatus;
}

export function createSecretStatusRepository(db: Database.Database): SecretStatusRepository {
  const select = db.prepare('SELECT kind, updated_at FROM profile_secrets WHERE profile_id = ?');
  const upsert = db.prepare(
    'INSERT INTO profile_secrets (profile_id, kind, updated_at) VALUES (?, ?, ?) ON CONFLICT (profile_id, kind) DO UPDATE SET updated_at = excluded.updated_at',
  );
  const remove = db.prepare('DELETE FROM profile_secrets WHERE profile_id = ? AND kind = ?');
  return {
    of(profileId) {
      const statuses: SecretStatuses = { clientSecret: UNSET, webhookSecret: UNSET, teamDbPassword: UNSET };
      for (const row of select.all(profileId) as { kind: SecretKind; updated_at: string }[]) {
        statuses[row.kind] = { set: true, updatedAt: row.updated_at };
      }
      return statuses;
    },
    markSet(profileId, kind, at) {
      upsert.run(profileId, kind, at);
      return { set: true, updatedAt: at };
    },
    markCleared(profileId, kind) {
      remove.run(profileId, kind);
      return UNSET;
    },
  };
}
