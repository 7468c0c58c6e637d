import type { Environment } from '../../shared/contract/profiles.ts';

/**
 * Everything the Hubble client needs to know about a profile. The profiles service builds it (the secret
 * comes from the keychain on demand, never cached here); the built-in Simulator profile builds it from the
 * embedded simulator's URL and its demo client.
 */
export interface HubbleConnection {
  readonly profileId: string;
  readonly environment: Environment;
  readonly baseUrl: string;
  readonly clientId: string;
  clientSecret(): Promise<string>;
}
