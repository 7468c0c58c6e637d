import type { ConnectionTestReport, Environment, NetworkAddress } from '../../../../shared/contract/profiles.ts';
import type { HubbleFailure } from '../../../../shared/hubble/failure.ts';
import { WHITELISTING_STEPS } from './go-live-steps.ts';

export type Diagnosis = ConnectionTestReport['diagnosis'];

export interface DiagnosisContext {
  environment: Environment;
  baseUrl: string;
  proxy: string | null;
  networkAddresses(): NetworkAddress[];
}

const TLS_CODE = /CERT|TLS|SSL|EPROTO|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;
const DNS_CODE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
const REFUSED_CODE = new Set(['ECONNREFUSED']);

const diagnosis = (
  kind: Diagnosis['kind'],
  title: string,
  explanation: string,
  actions: string[] = [],
  networkAddresses: NetworkAddress[] | null = null,
): Diagnosis => ({
  kind,
  title,
  explanation,
  actions,
  networkAddresses,
});

const codeOf = (failure: HubbleFailure) => (failure.detail ?? '').split(':')[0]?.trim() ?? '';
const hostOf = (baseUrl: string) => {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
};

function unauthorized(failure: HubbleFailure, context: DiagnosisContext): Diagnosis {
  const unknownClient =
    failure.errorCode?.toUpperCase() === 'RESOURCE_NOT_FOUND' || failure.errorId?.toUpperCase() === 'E001';
  const explanation = unknownClient
    ? `Hubble does not know this clientId on ${context.environment}: a typo, or the clientId of the other environment.`
    : context.environment === 'production'
      ? 'Hubble refused this clientId and client secret on production. Either one is wrong, or these are staging credentials: staging keys do not work on production.'
      : context.environment === 'staging'
        ? 'Hubble refused this clientId and client secret on staging. Either one is wrong, or these are production credentials: each environment has its own pair.'
        : 'The server refused this clientId and client secret.';
  return diagnosis('unauthorized', `Wrong credentials (HTTP ${failure.httpStatus ?? 401})`, explanation, [
    'Compare the clientId on this profile, character by character, with the one Hubble issued for this environment.',
    'Set the client secret again (paste it fresh from the integration portal or Hubble’s email).',
    'Make sure the profile’s environment matches the credentials: production and staging each have their own clientId and secret.',
  ]);
}

function network(failure: HubbleFailure, context: DiagnosisContext): Diagnosis {
  const code = codeOf(failure);
  const host = hostOf(context.baseUrl);
  const proxyNote = context.proxy
    ? [
        `This machine is configured for a proxy (${context.proxy}), but the console connects to Hubble directly: allow direct HTTPS to ${host} from this machine.`,
      ]
    : [];
  if (TLS_CODE.test(code)) {
    return diagnosis(
      'tls',
      'Secure connection failed (TLS)',
      `The TLS handshake with ${host} failed (${code}). A proxy, antivirus or firewall that inspects HTTPS often causes this.`,
      [
        `Check that ${host} is reached without HTTPS inspection, or that its certificate is trusted on this machine.`,
        'Check the system clock: a wrong date makes valid certificates look expired.',
        ...proxyNote,
      ],
    );
  }
  if (context.proxy) {
    return diagnosis(
      'proxy',
      'The network seems to require a proxy',
      `Connecting to ${host} failed (${code || failure.kind}) while this machine has a proxy configured.`,
      proxyNote,
    );
  }
  if (DNS_CODE.has(code)) {
    return diagnosis('dns', 'The host name does not resolve (DNS)', `${host} could not be found (${code}).`, [
      'Check the base URL for typos.',
      'Check that this machine has internet access and a working DNS server (try opening any website).',
    ]);
  }
  if (REFUSED_CODE.has(code)) {
    return diagnosis(
      'connection-refused',
      'Nothing answers at this address',
      `${host} refused the connection (${code}).`,
      ['Check the base URL and port.', 'If this is a local simulator (npm run simulator), start it.'],
    );
  }
  return diagnosis('network', 'Network error', `The connection to ${host} failed (${code || 'network error'}).`, [
    'Check this machine’s internet access, VPN and firewall.',
  ]);
}

/**
 * Plain-language cause of the first failed step: 401 (credentials or environment), 403 (IP whitelisting,
 * with this machine's addresses and the Go Live steps), wrong base URL (404 without a Hubble error body,
 * or HTML), DNS, TLS, timeout, proxy.
 */
export function diagnoseFailure(failure: HubbleFailure, context: DiagnosisContext): Diagnosis {
  // Checked before the kind, because the client reports a 404 on login as an auth failure.
  const html = (failure.detail ?? '').includes('HTML');
  if (failure.httpStatus === 407) {
    return diagnosis(
      'proxy',
      'A proxy asks for authentication (HTTP 407)',
      'Something between this machine and Hubble is a proxy that wants credentials.',
      ['Allow direct HTTPS from this machine to Hubble, or ask your network admin.'],
    );
  }
  // A 404 that is not Hubble's own error body means the URL is wrong. Hubble's RESOURCE_NOT_FOUND on login
  // means an unknown clientId, except on a Custom URL, where a wrong path answers the same way.
  const bareNotFound = failure.httpStatus === 404 && !failure.errorId && !failure.errorCode;
  const customNotFound =
    failure.httpStatus === 404 && context.environment === 'custom' && failure.path.endsWith('/auth/login');
  if (bareNotFound || customNotFound || html) {
    return diagnosis(
      'wrong-base-url',
      'This base URL does not serve Hubble’s API',
      html
        ? `${hostOf(context.baseUrl)} answered with a web page instead of Hubble's JSON: a wrong URL, a captive portal or a proxy page.`
        : customNotFound && !bareNotFound
          ? `${context.baseUrl} answered “not found” to the login: its path is wrong, or it does not know this clientId.`
          : `${context.baseUrl} answered 404 for Hubble’s API paths: the URL or its path is wrong.`,
      [
        'Use the host only, without any path: https://api.myhubble.money (production) or https://api.dev.myhubble.money (staging).',
        'The console adds /v1/partners/… itself; the docs warn against /v1/partner/ (singular).',
      ],
    );
  }
  switch (failure.kind) {
    case 'auth':
      return unauthorized(failure, context);
    case 'whitelisting':
      return diagnosis(
        'ip-not-whitelisted',
        'This machine’s IP is not whitelisted for this environment (HTTP 403)',
        `Hubble only accepts ${context.environment} requests from pre-approved IP addresses. The credentials were not even checked.`,
        [...WHITELISTING_STEPS],
        context.networkAddresses(),
      );
    case 'timeout':
      if (context.proxy) return network(failure, context);
      return diagnosis(
        'timeout',
        'Hubble did not answer in time',
        `No ${failure.timeoutPhase === 'connect' ? 'connection could be opened' : 'answer arrived'} within the time limit (${failure.timeoutPhase ?? 'timeout'}).`,
        [
          'Try again in a minute.',
          'Check that a firewall does not silently drop traffic to this host.',
          'If it persists, contact Hubble support with the X-REQUEST-ID above.',
        ],
      );
    case 'network':
      return network(failure, context);
    case 'server':
      return diagnosis(
        'server-error',
        `Hubble answered with a server error (HTTP ${failure.httpStatus ?? '5xx'})`,
        'The problem is on Hubble’s side, not in this profile.',
        ['Try again in a few minutes.', 'If it persists, send Hubble support the X-REQUEST-ID above.'],
      );
    default:
      break;
  }
  return diagnosis('unexpected-response', failure.title, `${failure.explanation} ${failure.nextStep}`.trim(), []);
}
