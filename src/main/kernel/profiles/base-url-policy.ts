import { domainToUnicode } from 'node:url';
import {
  BASE_URL_MAX,
  HUBBLE_BASE_URLS,
  type CreatableEnvironment,
  type Environment,
} from '../../../shared/contract/profiles.ts';
import { AppError } from '../../errors/app-error.ts';
import { confusableKey } from './profile-names.ts';

export type EnvironmentBaseUrls = Partial<Record<'staging' | 'production', string>>;

/** What a host is to Hubble: one of its two API hosts, another host of its domain, a look-alike, or none of these. */
export type HubbleHostKind = 'production' | 'staging' | 'hubble-domain' | 'look-alike' | null;

const HUBBLE_DOMAIN = 'myhubble.money';
const PRODUCTION_HOST = new URL(HUBBLE_BASE_URLS.production).hostname;
const STAGING_HOST = new URL(HUBBLE_BASE_URLS.staging).hostname;
const HUBBLE_DOMAIN_KEY = confusableKey(HUBBLE_DOMAIN);
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

const invalid = (message: string) =>
  new AppError('VALIDATION', message, { issues: [{ path: 'settings.baseUrl', message }] });

/**
 * The host as DNS will resolve it. WHATWG parsing already lower-cases, percent-decodes, maps full-width dots
 * and IDNA (punycode) and canonicalises IPv4/IPv6 literals; what it keeps is the trailing root dot
 * (`api.myhubble.money.` is the same machine as `api.myhubble.money`), so that is stripped here.
 */
export function normaliseHostname(url: URL): string {
  return url.hostname.replace(/\.+$/, '');
}

/**
 * Classifies a normalised host. Every host of Hubble's domain counts (a port, a sub-domain or another alias
 * still reaches Hubble), and so does a host whose Unicode form reads like Hubble's domain (a homograph
 * operators cannot tell apart from it).
 */
export function hubbleHostKind(hostname: string): HubbleHostKind {
  if (hostname === PRODUCTION_HOST) return 'production';
  if (hostname === STAGING_HOST) return 'staging';
  if (hostname === HUBBLE_DOMAIN || hostname.endsWith(`.${HUBBLE_DOMAIN}`)) return 'hubble-domain';
  const readable = confusableKey(domainToUnicode(hostname) || hostname);
  if (readable === HUBBLE_DOMAIN_KEY || readable.endsWith(`.${HUBBLE_DOMAIN_KEY}`)) return 'look-alike';
  return null;
}

/** The Hubble environment a URL reaches, whatever its spelling; null for an unparsable or non-Hubble URL. */
export function hubbleHostKindOfUrl(raw: string): HubbleHostKind {
  try {
    return hubbleHostKind(normaliseHostname(new URL(raw.trim())));
  } catch {
    return null;
  }
}

function refuseHubbleHost(kind: Exclude<HubbleHostKind, null>, hostname: string): never {
  switch (kind) {
    case 'production':
      throw invalid(
        `${hostname} is Hubble production: create a Production profile for it instead (it gets the red frame and the typed confirmation)`,
      );
    case 'staging':
      throw invalid(`${hostname} is Hubble staging: create a Staging profile for it instead`);
    case 'hubble-domain':
      throw invalid(
        `${hostname} belongs to Hubble: use a Staging or Production profile, which always use Hubble's own URL`,
      );
    case 'look-alike':
      throw invalid(
        `${hostname} reads like Hubble's own domain (${HUBBLE_DOMAIN}) but is another host: check the URL you were given`,
      );
  }
}

function decodedPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname).toLowerCase();
  } catch {
    return pathname.toLowerCase();
  }
}

/**
 * A Custom profile's base URL, normalised to the form that is stored. It must not reach any of Hubble's hosts
 * however it is spelled (that profile would be production or staging in disguise, without the red frame or the
 * guard), must not carry credentials, may use plain http only on this machine (the client secret travels in the
 * login body), and must fit the contract's limit once normalised, so it can always be exported.
 */
export function normaliseCustomBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalid('The base URL must be a full URL such as https://hubble-proxy.example.com');
  }
  const hostname = normaliseHostname(url);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid('The base URL must use https:// (plain http:// is allowed only for 127.0.0.1 / localhost)');
  }
  // Before any other rule, so the operator learns the one thing that matters about this URL.
  const kind = hubbleHostKind(hostname);
  if (kind) refuseHubbleHost(kind, hostname);
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(hostname)) {
    throw invalid('The base URL must use https:// (plain http:// is allowed only for 127.0.0.1 / localhost)');
  }
  if (url.username || url.password) throw invalid('Put credentials in the secret fields, never in the base URL');
  if (url.search || url.hash || raw.includes('?') || raw.includes('#')) {
    throw invalid('The base URL cannot have a query or a fragment');
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (/\/v1\/partners?(\/|$)/.test(decodedPath(path))) {
    throw invalid('Give the base URL without the API path: the console adds /v1/partners/… itself');
  }
  const stored = `${url.protocol}//${hostname}${url.port ? `:${url.port}` : ''}${path}`;
  if (stored.length > BASE_URL_MAX) {
    throw invalid(
      `The base URL is ${stored.length} characters once encoded (non-ASCII characters take several); the limit is ${BASE_URL_MAX}`,
    );
  }
  return stored;
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
  const given = baseUrl?.trim();
  if (
    given &&
    given.replace(/\/+$/, '') !== fixedBaseUrl(environment, overrides) &&
    hubbleHostKindOfUrl(given) !== environment
  ) {
    throw invalid(
      `A ${environment} profile always uses ${HUBBLE_BASE_URLS[environment]}; create a Custom profile for another URL`,
    );
  }
  return null;
}

/**
 * The environment a stored profile really reaches. A Custom row written before hosts were normalised may point
 * at production (`https://api.myhubble.money.`) or at another host of Hubble's domain: it is production for the
 * guard and the red frame, because asking for a confirmation that was not needed costs far less than not asking.
 */
export function effectiveEnvironment(environment: Environment, customBaseUrl: string | null): Environment {
  if (environment !== 'custom' || !customBaseUrl) return environment;
  const kind = hubbleHostKindOfUrl(customBaseUrl);
  return kind === 'production' || kind === 'hubble-domain' ? 'production' : environment;
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
