import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isTrustedOrigin, originOf } from '../../../src/main/security/app-origin.ts';
import { isAllowedExternalUrl } from '../../../src/main/security/external-links.ts';
import { isTrustedSender } from '../../../src/main/security/sender-policy.ts';

describe('origins', () => {
  it('gives app:// its own origin instead of the opaque "null"', () => {
    expect(originOf('app://console/index.html')).toBe(APP_ORIGIN);
    expect(originOf('app://evil/index.html')).toBe('app://evil');
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });

  it('trusts only the listed origins', () => {
    expect(isTrustedOrigin('app://console/x', [APP_ORIGIN])).toBe(true);
    expect(isTrustedOrigin('app://console.evil/x', [APP_ORIGIN])).toBe(false);
    expect(isTrustedOrigin('https://console/x', [APP_ORIGIN])).toBe(false);
    expect(isTrustedOrigin('data:text/html,hi', [APP_ORIGIN])).toBe(false);
  });
});

describe('IPC sender check', () => {
  const trusted = [APP_ORIGIN];
  it('accepts our own top-level frame', () => {
    expect(isTrustedSender({ url: 'app://console/index.html', parent: null }, trusted)).toBe(true);
  });
  it('rejects a sub-frame even at our origin', () => {
    expect(isTrustedSender({ url: 'app://console/index.html', parent: {} }, trusted)).toBe(false);
  });
  it('rejects a foreign origin, a file:// page and a destroyed frame', () => {
    expect(isTrustedSender({ url: 'https://example.com/', parent: null }, trusted)).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/x.html', parent: null }, trusted)).toBe(false);
    expect(isTrustedSender(null, trusted)).toBe(false);
  });
});

describe('openExternal allowlist', () => {
  it.each(['https://myhubble.money/', 'https://docs.myhubble.money/api/go-live'])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });
  it.each([
    'http://docs.myhubble.money/',
    'https://docs.myhubble.money.evil.com/',
    'https://evil.com/?https://docs.myhubble.money',
    'https://user:pw@docs.myhubble.money/',
    'https://docs.myhubble.money:8443/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://share/x',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
