import type { Profile } from '../../../shared/contract/profiles.ts';

/** What the guard needs to know about profiles (implemented by the profile service). */
export interface GuardProfiles {
  /** Throws NOT_FOUND for an unknown id. */
  get(profileId: string): Profile;
  activeProfileId(): string;
}

/** The profile a guarded operation acts on: the one it names, else the active one. */
export function targetProfileId(input: unknown, profiles: GuardProfiles): string {
  const named = input && typeof input === 'object' ? (input as { profileId?: unknown }).profileId : undefined;
  return typeof named === 'string' ? named : profiles.activeProfileId();
}

export function presentedToken(input: unknown): string | undefined {
  const token =
    input && typeof input === 'object' ? (input as { confirmationToken?: unknown }).confirmationToken : undefined;
  return typeof token === 'string' ? token : undefined;
}
