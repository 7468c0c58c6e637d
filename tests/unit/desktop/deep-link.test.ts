import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { desktopCommandSchema } from '../../../src/shared/contract/events.ts';
import { deepLinkInArgv, parseDeepLink } from '../../../src/main/desktop/deep-link.ts';

describe('hubble-ops:// deep links', () => {
  it.each([
    [
      'hubble-ops://order/01JPASTED0000000000000000',
      { kind: 'open-order', key: { orderId: '01JPASTED0000000000000000' } },
    ],
    ['hubble-ops://order?ref=partner-ref-77', { kind: 'open-order', key: { referenceId: 'partner-ref-77' } }],
    [
      'hubble-ops://call/0f8e3c5e-1d2b-4c4a-9a57-5b6f1c2d3e4f',
      { kind: 'open-call', requestId: '0f8e3c5e-1d2b-4c4a-9a57-5b6f1c2d3e4f' },
    ],
    ['hubble-ops://page/go-live', { kind: 'go', area: 'go-live' }],
    ['HUBBLE-OPS://PAGE/calls/', { kind: 'go', area: 'calls' }],
  ])('%s opens what it names', (link, command) => {
    expect(parseDeepLink(link)).toEqual({ ok: true, command });
  });

  it.each([
    'https://console.example/order/1',
    'hubble-ops://page/settings',
    'hubble-ops://page/',
    'hubble-ops://order/../../etc/passwd',
    'hubble-ops://order/%2e%2e%2fsecrets',
    'hubble-ops://order/a%2Fb',
    'hubble-ops://order/01J?ref=other',
    'hubble-ops://order?ref=a&ref=b',
    'hubble-ops://order?ref=',
    'hubble-ops://order/1/2',
    'hubble-ops://call/x?then=delete',
    'hubble-ops://user:pw@call/abc',
    'hubble-ops://call/abc#fragment',
    'hubble-ops://place-order?amount=100000',
    `hubble-ops://call/${'a'.repeat(600)}`,
    'hubble-ops://order/%E0%A4%A',
    'not a url',
  ])('refuses %s', (link) => {
    expect(parseDeepLink(link).ok).toBe(false);
  });

  it('never produces anything but a valid desktop command, whatever the link', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl().map((url) => url.replace(/^https?/, 'hubble-ops')),
          fc
            .tuple(fc.constantFrom('order', 'call', 'page'), fc.string())
            .map(([host, rest]) => `hubble-ops://${host}/${rest}`),
        ),
        (link) => {
          const result = parseDeepLink(link);
          if (result.ok) expect(desktopCommandSchema.safeParse(result.command).success).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds the link in a launch command line (Windows and Linux)', () => {
    expect(deepLinkInArgv(['/opt/app', '--flag', 'hubble-ops://page/calls'])).toBe('hubble-ops://page/calls');
    expect(deepLinkInArgv(['/opt/app', '--flag'])).toBeNull();
  });
});
