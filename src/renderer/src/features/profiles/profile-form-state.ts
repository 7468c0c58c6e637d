import {
  defaultProfileSettings,
  HUBBLE_BASE_URLS,
  type CreatableEnvironment,
  type Profile,
  type ProfileSettings,
  type RateLimit,
} from '../../../../shared/contract/profiles.ts';

export interface RateLimitDraft {
  scope: 'partner' | 'brand';
  productId: string;
  brandScope: 'global' | 'per-customer';
  type: 'amount' | 'count';
  window: 'hourly' | 'daily' | 'monthly';
  limit: string;
}

/** The form as typed: numbers stay text until submitted, so a field can be cleared and retyped. */
export interface ProfileFormState {
  name: string;
  environment: CreatableEnvironment;
  baseUrl: string;
  clientId: string;
  colour: string;
  walletMinimum: string;
  walletSecs: string;
  processingOrdersSecs: string;
  catalogSyncHours: string;
  webhookEnabled: boolean;
  webhookPort: string;
  rateLimits: RateLimitDraft[];
}

const draftOf = (limit: RateLimit): RateLimitDraft => ({
  scope: limit.scope,
  productId: limit.scope === 'brand' ? (limit.productId ?? '') : '',
  brandScope: limit.scope === 'brand' ? limit.brandScope : 'global',
  type: limit.type,
  window: limit.window,
  limit: String(limit.limit),
});

export const newRateLimitDraft = (): RateLimitDraft => ({
  scope: 'partner',
  productId: '',
  brandScope: 'global',
  type: 'amount',
  window: 'daily',
  limit: '',
});

export function formStateOf(settings: ProfileSettings): ProfileFormState {
  return {
    name: settings.name,
    environment: settings.environment,
    baseUrl: settings.baseUrl ?? '',
    clientId: settings.clientId,
    colour: settings.colour,
    walletMinimum: settings.walletMinimum === null ? '' : String(settings.walletMinimum),
    walletSecs: String(settings.polling.walletSecs),
    processingOrdersSecs: String(settings.polling.processingOrdersSecs),
    catalogSyncHours: String(settings.polling.catalogSyncHours),
    webhookEnabled: settings.webhookReceiver.enabled,
    webhookPort: String(settings.webhookReceiver.port),
    rateLimits: settings.rateLimits.map(draftOf),
  };
}

export const newProfileForm = (environment: CreatableEnvironment) => formStateOf(defaultProfileSettings(environment));

export function formStateOfProfile(profile: Profile): ProfileFormState {
  return formStateOf({
    name: profile.name,
    environment: profile.environment === 'simulator' ? 'custom' : profile.environment,
    baseUrl: profile.environment === 'custom' ? profile.baseUrl : null,
    clientId: profile.clientId,
    colour: profile.colour,
    walletMinimum: profile.walletMinimum,
    polling: profile.polling,
    rateLimits: profile.rateLimits,
    webhookReceiver: profile.webhookReceiver,
  });
}

// Text that is not a number becomes NaN, which main refuses with a field message; nothing is guessed here.
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

const limitOf = (draft: RateLimitDraft): RateLimit =>
  draft.scope === 'partner'
    ? { scope: 'partner', type: draft.type, window: draft.window, limit: numberOf(draft.limit) }
    : {
        scope: 'brand',
        productId: draft.productId.trim() || null,
        brandScope: draft.brandScope,
        type: draft.type,
        window: draft.window,
        limit: numberOf(draft.limit),
      };

export function settingsOf(form: ProfileFormState): ProfileSettings {
  return {
    name: form.name,
    environment: form.environment,
    baseUrl: form.environment === 'custom' ? form.baseUrl : null,
    clientId: form.clientId,
    colour: form.colour,
    walletMinimum: form.walletMinimum.trim() === '' ? null : numberOf(form.walletMinimum),
    polling: {
      walletSecs: numberOf(form.walletSecs),
      processingOrdersSecs: numberOf(form.processingOrdersSecs),
      catalogSyncHours: numberOf(form.catalogSyncHours),
    },
    rateLimits: form.rateLimits.map(limitOf),
    webhookReceiver: { enabled: form.webhookEnabled, port: numberOf(form.webhookPort) },
  };
}

export const fixedUrlOf = (environment: CreatableEnvironment) =>
  environment === 'custom' ? null : HUBBLE_BASE_URLS[environment];
