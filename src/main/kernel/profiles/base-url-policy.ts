import { HUBBLE_BASE_URLS, type CreatableEnvironment, type Environment } from '../../../shared/contract/profiles.ts';
import { AppError } from '../../errors/app-error.ts';

export type EnvironmentBaseUrls = Partial<Record<'staging' | 'production', string>>;

const HUBBLE_HOSTS: Record<string, 'staging' | 'production'> = {
  [new URL(HUBBLE_BASE_URLS.staging).host]: 'staging',
  [new URL(HUBBLE_BASE_URLS.production).host]: 'production',
};
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

const invalid = (message: string) =>
  new AppError('VALIDATION', message, { issues: [{ path: 'settings.baseUrl', message }] });

/**
 * A Custom profile's base URL, normalised. It must not be one of Hubble's own hosts (that profile would be
 * production or staging in disguise, without the red frame or the guard), must not carry credentials,
 * and may use plain http only on this machine, because the client secret travels in the login body.
 */
export function normaliseCustomBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalid('The base URL must be a full URL such as https://hubble-proxy.example.com');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    throw invalid('The base URL must use https:// (plain http:// is allowed only for 127.0.0.1 / localhost)');
  }
  if (url.username || url.password) throw invalid('Put credentials in the secret fields, never in the base URL');
  if (url.search || url.hash) throw invalid('The base URL cannot have a query or a fragment');
  const environment = HUBBLE_HOSTS[url.host];
  if (environment) {
    throw invalid(
      `${url.host} is Hubble ${environment}: create a ${environment === 'production' ? 'Production' : 'Staging'} profile for it instead`,
    );
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (/\/v1\/partners?(\/|$)/.test(path)) {
    throw invalid('Give the base URL without the API path: the console adds /v1/partners/… itself');
  }
  return `${url.origin}${path}`;
}

/** Staging and production always use Hubble's own URL; only the tests' harness may point them at a simulator. */
export function fixedBaseUrl(
  environment: Exclude<CreatableEnvironment, 'custom'>,
  overrides: EnvironmentBaseUrls = {},
): string {
  return overrides[environment] ?? HUBBLE_BASE_URLS[environment];
}

export function checkSettingsBaseUrl(
  environment: CreatableEnvironment,
  baseUrl: string | null,
  overrides: EnvironmentBaseUrls = {},
): string | null {
  if (environment === 'custom') {
    if (!baseUrl) throw invalid('A Custom profile needs a base URL');
    return normaliseCustomBaseUrl(baseUrl);
  }
  const fixed = fixedBaseUrl(environment, overrides);
  if (
    baseUrl &&
    baseUrl.replace(/\/+$/, '') !== fixed &&
    baseUrl.replace(/\/+$/, '') !== HUBBLE_BASE_URLS[environment]
  ) {
    throw invalid(
      `A ${environment} profile always uses ${HUBBLE_BASE_URLS[environment]}; create a Custom profile for another URL`,
    );
  }
  return null;
}

export function resolveBaseUrl(
  environment: Environment,
  customBaseUrl: string | null,
  context: { simulatorBaseUrl: () => string; overrides?: EnvironmentBaseUrls },
): string {
  if (environment === 'simulator') return context.simulatorBaseUrl();
  if (environment === 'custom') return customBaseUrl ?? '';
  return fixedBaseUrl(environment, context.overrides);
}
