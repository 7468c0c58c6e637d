import type { Environment } from '../../../shared/contract/profiles.ts';

export interface WebhookSecretProfile {
  profileId: string;
  name: string;
  environment: Environment | string;
}

/**
 * Where the debugger gets profiles' webhook secrets (the keychain, through the profiles service). The
 * debugger only ever uses them as HMAC keys in main; no operation returns one.
 */
export interface WebhookSecretSource {
  /** The profile's webhook secret, or null when the profile has none (or does not exist). */
  webhookSecretFor(profileId: string): Promise<string | null>;
  /** Every profile except `profileId` (all of them when it is omitted), for the other-environment check. */
  otherProfiles(profileId?: string): Promise<WebhookSecretProfile[]>;
  /** The profile's display name and environment, or null when there is no such profile. */
  describeProfile?(profileId: string): Promise<WebhookSecretProfile | null>;
}
