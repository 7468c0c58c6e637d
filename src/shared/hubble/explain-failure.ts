import { catalogueEntry } from './error-catalogue.ts';
import type { FailureKind, HubbleFailure, TimeoutPhase } from './failure.ts';

type Explained = Pick<HubbleFailure, 'title' | 'explanation' | 'nextStep' | 'transient'>;

export interface FailureFacts {
  kind: FailureKind;
  httpStatus: number | null;
  errorId: string | null;
  errorCode: string | null;
  hubbleMessage: string | null;
  timeoutPhase: TimeoutPhase | null;
  environment: string;
  /** the request that failed may have changed something at Hubble (a POST whose answer was lost) */
  unsafeToRepeat: boolean;
}

const lost = (facts: FailureFacts) =>
  facts.unsafeToRepeat
    ? ' Hubble may have acted on the request before the answer was lost: do not resend it; resolve the order by its referenceId (GET /orders/by-reference) first.'
    : '';

/** The words an operator reads for each kind of failure: what happened, and what to do next. */
export function explainFailure(facts: FailureFacts): Explained {
  const env = facts.environment;
  switch (facts.kind) {
    case 'auth':
      return {
        title: 'Hubble refused the credentials (HTTP 401)',
        explanation: `Wrong clientId or clientSecret for ${env}, or credentials of another environment: staging keys do not work on production and vice versa.`,
        nextStep:
          'Check the clientId and secret stored for this profile, and that the profile points at the environment those credentials were issued for.',
        transient: false,
      };
    case 'whitelisting':
      return {
        title: 'This machine is not whitelisted (HTTP 403)',
        explanation: `Hubble only accepts ${env} calls from pre-approved IP addresses, and this machine's public IP is not whitelisted for this environment.`,
        nextStep:
          'Share this machine\u2019s static outgoing IP with Hubble (integration portal); check no VPN or proxy changed it. Production IPs are whitelisted separately from staging.',
        transient: false,
      };
    case 'not-found':
      return {
        title: `Not found (HTTP ${facts.httpStatus ?? 404})`,
        explanation: facts.hubbleMessage ?? 'Hubble has nothing at this path for this account.',
        nextStep:
          catalogueEntry(facts.errorId)?.nextStep ??
          'Check the id and that this profile is the environment it belongs to. For an order by referenceId, a 404 means the order was not created.',
        transient: false,
      };
    case 'rate-limit':
      return {
        title: 'Rate limit exceeded (E400)',
        explanation:
          facts.hubbleMessage ??
          'A partner- or brand-level limit on order amount or count was reached for the current window.',
        nextStep: catalogueEntry('E400')!.nextStep,
        transient: true,
      };
    case 'business': {
      const entry = catalogueEntry(facts.errorId);
      const id = facts.errorId ?? facts.errorCode ?? 'error';
      return entry
        ? {
            title: `${entry.title} (${entry.id})`,
            explanation: facts.hubbleMessage ?? entry.title,
            nextStep: entry.nextStep,
            transient: entry.id === 'E100',
          }
        : {
            title: `Hubble error ${id}${facts.errorCode && facts.errorCode !== id ? ` ${facts.errorCode}` : ''}`,
            explanation:
              facts.hubbleMessage ?? 'Hubble rejected the request with an error this console does not know yet.',
            nextStep:
              'Copy the support bundle (it holds the X-REQUEST-ID and the error body) and send it to Hubble support.',
            transient: false,
          };
    }
    case 'server':
      return {
        title: `Hubble server error (HTTP ${facts.httpStatus ?? '5xx'})`,
        explanation: `Hubble (or a proxy in front of it) failed while handling the request.${lost(facts)}`,
        nextStep: facts.unsafeToRepeat
          ? 'Look the order up by its referenceId before doing anything else.'
          : 'Try again shortly; if it persists, send the support bundle to Hubble.',
        transient: true,
      };
    case 'timeout':
      return {
        title: `Hubble did not answer in time (${facts.timeoutPhase ?? 'request'} timeout)`,
        explanation:
          facts.timeoutPhase === 'connect'
            ? 'No connection could be opened to Hubble within the connect timeout; the request was not sent.'
            : `The request was sent but the answer did not arrive within the ${facts.timeoutPhase ?? ''} timeout.${lost(facts)}`,
        nextStep: facts.unsafeToRepeat
          ? 'Look the order up by its referenceId before doing anything else.'
          : 'Check this machine\u2019s network and try again.',
        transient: true,
      };
    case 'network':
      return {
        title: 'Network failure talking to Hubble',
        explanation: `The connection failed or was cut before a complete answer arrived.${lost(facts)}`,
        nextStep: facts.unsafeToRepeat
          ? 'Look the order up by its referenceId before doing anything else.'
          : 'Check the base URL, DNS, proxy and this machine\u2019s connectivity, then try again.',
        transient: true,
      };
    case 'invalid-response':
      return {
        title: `Unreadable answer from Hubble${facts.httpStatus ? ` (HTTP ${facts.httpStatus})` : ''}`,
        explanation: `The answer was not the JSON the API documents (an HTML page from a proxy, an empty body, or an unexpected shape).${lost(facts)}`,
        nextStep: facts.unsafeToRepeat
          ? 'Look the order up by its referenceId before doing anything else, then send the support bundle to Hubble.'
          : 'Check that the base URL points at Hubble\u2019s API and not at a proxy or login page; send the support bundle if it persists.',
        transient: false,
      };
  }
}
