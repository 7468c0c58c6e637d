import { describe, expect, it } from 'vitest';
import { diagnoseFailure, type DiagnosisContext } from '../../../src/main/areas/profiles/connection-test/diagnose.ts';
import { machineNetworkAddresses } from '../../../src/main/areas/profiles/connection-test/network-addresses.ts';
import { configuredProxy } from '../../../src/main/areas/profiles/connection-test/proxy-settings.ts';
import type { HubbleFailure } from '../../../src/shared/hubble/failure.ts';

const failure = (facts: Partial<HubbleFailure>): HubbleFailure => ({
  kind: 'network',
  requestId: 'req-1',
  method: 'POST',
  path: '/v1/partners/auth/login',
  httpStatus: null,
  errorId: null,
  errorCode: null,
  hubbleMessage: null,
  serverRequestId: null,
  title: 'Network error',
  explanation: 'x',
  nextStep: 'y',
  transient: true,
  timeoutPhase: null,
  detail: null,
  ...facts,
});

const context = (extra: Partial<DiagnosisContext> = {}): DiagnosisContext => ({
  environment: 'production',
  baseUrl: 'https://api.myhubble.money',
  proxy: null,
  networkAddresses: () => [],
  ...extra,
});

describe('connection diagnosis', () => {
  it('names DNS, TLS and refused connections from the transport error code', () => {
    expect(
      diagnoseFailure(failure({ detail: 'ENOTFOUND: getaddrinfo ENOTFOUND api.myhubble.money' }), context()).kind,
    ).toBe('dns');
    expect(diagnoseFailure(failure({ detail: 'EAI_AGAIN: getaddrinfo EAI_AGAIN' }), context()).kind).toBe('dns');
    const tls = diagnoseFailure(
      failure({ detail: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE: unable to verify the first certificate' }),
      context(),
    );
    expect(tls.kind).toBe('tls');
    expect(tls.actions.join(' ')).toContain('system clock');
    expect(
      diagnoseFailure(
        failure({ detail: 'SELF_SIGNED_CERT_IN_CHAIN: self-signed certificate in certificate chain' }),
        context(),
      ).kind,
    ).toBe('tls');
    expect(diagnoseFailure(failure({ detail: 'ECONNREFUSED: connect ECONNREFUSED' }), context()).kind).toBe(
      'connection-refused',
    );
    expect(diagnoseFailure(failure({ detail: 'ECONNRESET: socket hang up' }), context()).kind).toBe('network');
  });

  it('suspects the proxy when one is configured and the direct connection fails or times out', () => {
    const withProxy = context({ proxy: 'proxy.corp:3128' });
    const dns = diagnoseFailure(failure({ detail: 'ENOTFOUND: getaddrinfo ENOTFOUND' }), withProxy);
    expect(dns.kind).toBe('proxy');
    expect(dns.actions.join(' ')).toContain('proxy.corp:3128');
    expect(
      diagnoseFailure(
        failure({ kind: 'timeout', timeoutPhase: 'connect', detail: 'UND_ERR_CONNECT_TIMEOUT: x' }),
        withProxy,
      ).kind,
    ).toBe('proxy');
    expect(diagnoseFailure(failure({ kind: 'invalid-response', httpStatus: 407 }), context()).kind).toBe('proxy');
  });

  it('tells a wrong URL from wrong credentials on a 404', () => {
    expect(diagnoseFailure(failure({ kind: 'auth', httpStatus: 404 }), context()).kind).toBe('wrong-base-url');
    const unknownClient = diagnoseFailure(
      failure({ kind: 'auth', httpStatus: 404, errorId: 'E001', errorCode: 'RESOURCE_NOT_FOUND' }),
      context(),
    );
    expect(unknownClient.kind).toBe('unauthorized');
    expect(unknownClient.explanation).toContain('does not know this clientId');
    expect(
      diagnoseFailure(
        failure({
          kind: 'invalid-response',
          httpStatus: 200,
          detail: 'HTML instead of JSON (a proxy, captive portal or gateway page?)',
        }),
        context(),
      ).kind,
    ).toBe('wrong-base-url');
  });

  it('reports server errors and anything else in Hubble’s words', () => {
    expect(diagnoseFailure(failure({ kind: 'server', httpStatus: 503 }), context()).kind).toBe('server-error');
    expect(
      diagnoseFailure(
        failure({ kind: 'business', httpStatus: 400, errorId: 'E300', title: 'Insufficient balance' }),
        context(),
      ),
    ).toMatchObject({
      kind: 'unexpected-response',
      title: 'Insufficient balance',
    });
  });

  it('lists this machine’s external addresses and hides a proxy’s credentials', () => {
    const addresses = machineNetworkAddresses({
      lo: [
        {
          address: '127.0.0.1',
          netmask: '255.0.0.0',
          family: 'IPv4',
          mac: '00:00:00:00:00:00',
          internal: true,
          cidr: '127.0.0.1/8',
        },
      ],
      eth0: [
        {
          address: '10.1.2.3',
          netmask: '255.0.0.0',
          family: 'IPv4',
          mac: 'aa:bb:cc:dd:ee:ff',
          internal: false,
          cidr: '10.1.2.3/8',
        },
        {
          address: 'fe80::1',
          netmask: 'ffff:ffff:ffff:ffff::',
          family: 'IPv6',
          mac: 'aa:bb:cc:dd:ee:ff',
          internal: false,
          cidr: 'fe80::1/64',
          scopeid: 2,
        },
        {
          address: '2001:db8::5',
          netmask: 'ffff:ffff:ffff:ffff::',
          family: 'IPv6',
          mac: 'aa:bb:cc:dd:ee:ff',
          internal: false,
          cidr: '2001:db8::5/64',
          scopeid: 0,
        },
      ],
    });
    expect(addresses).toEqual([
      { interface: 'eth0', address: '10.1.2.3', family: 'IPv4' },
      { interface: 'eth0', address: '2001:db8::5', family: 'IPv6' },
    ]);
    expect(configuredProxy({ HTTPS_PROXY: 'http://alice:s3cret@proxy.corp:3128' })).toBe('proxy.corp:3128');
    expect(configuredProxy({})).toBeNull();
  });
});
