import { defaultProfileSettings, type Profile } from '../../src/shared/contract/profiles.ts';

export const UNSET = { set: false, updatedAt: null };

/** A profile as main's profiles.list answers it; override what a test is about. */
export function profileOf(
  id: string,
  name: string,
  environment: Profile['environment'],
  extra: Partial<Profile> = {},
): Profile {
  const settings = defaultProfileSettings(environment === 'simulator' ? 'custom' : environment, name);
  return {
    id,
    name,
    environment,
    baseUrl:
      environment === 'simulator'
        ? 'http://127.0.0.1:1'
        : environment === 'production'
          ? 'https://api.myhubble.money'
          : 'https://api.dev.myhubble.money',
    colour: settings.colour,
    builtIn: environment === 'simulator',
    clientId: `${id}-client`,
    walletMinimum: null,
    polling: settings.polling,
    rateLimits: [],
    webhookReceiver: settings.webhookReceiver,
    credentialSource: environment === 'simulator' ? 'built-in' : 'keychain',
    secrets: { clientSecret: UNSET, webhookSecret: UNSET, teamDbPassword: UNSET },
    createdAt: '2025-06-01T10:00:00.000Z',
    updatedAt: '2025-06-01T10:00:00.000Z',
    ...extra,
  };
}
