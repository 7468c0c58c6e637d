import { AppError } from '../../errors/app-error.ts';
import type { ProfileList, SecretKind } from '../../../shared/contract/profiles.ts';
import type { WebhookSecretProfile, WebhookSecretSource } from './secret-source.ts';

const asSecretProfile = (profile: { id: string; name: string; environment: string }): WebhookSecretProfile => ({
  profileId: profile.id,
  name: profile.name,
  environment: profile.environment,
});

/** Webhook secrets through the profiles service: the keychain for operators' profiles, the demo secret for the Simulator. */
export function createProfileSecretSource(profiles: {
  list(): ProfileList;
  secretFor(profileId: string, kind: SecretKind): Promise<string | null>;
}): WebhookSecretSource {
  const find = (profileId: string) => profiles.list().profiles.find((profile) => profile.id === profileId) ?? null;
  return {
    async webhookSecretFor(profileId) {
      if (!find(profileId)) return null;
      try {
        return await profiles.secretFor(profileId, 'webhookSecret');
      } catch (error) {
        if (error instanceof AppError && error.kind === 'NOT_FOUND') return null;
        throw error;
      }
    },
    async otherProfiles(profileId) {
      return profiles
        .list()
        .profiles.filter((profile) => profile.id !== profileId)
        .map(asSecretProfile);
    },
    async describeProfile(profileId) {
      const profile = find(profileId);
      return profile ? asSecretProfile(profile) : null;
    },
  };
}
