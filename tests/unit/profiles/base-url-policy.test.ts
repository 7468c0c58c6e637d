import { describe, expect, it } from 'vitest';
import {
  checkSettingsBaseUrl,
  effectiveEnvironment,
  hubbleHostKindOfUrl,
  normaliseCustomBaseUrl,
} from '../../../src/main/kernel/profiles/base-url-policy.ts';
import { BASE_URL_MAX } from '../../../src/shared/contract/profiles.ts';

const refusal = (raw: string): string => {
  try {
    return `accepted as ${normaliseCustomBaseUrl(raw)}`;
  } catch (error) {
    return (error as Error).message;
  }
};

describe('a Custom base URL can never reach Hubble production or staging', () => {
  it.each([
    ['https://api.myhubble.money'],
    ['https://api.myhubble.money.'],
    ['https://api.myhubble.money%2e/'],
    ['https://api.myhubble.money%2E'],
    ['https://api%2emyhubble%2emoney'],
    ['https://api.myhubble.mone%79'],
    ['https://API.MyHubble.MONEY/'],
    ['https://api.myhubble.money:443'],
    ['https://api.myhubble.money:8443/proxy'],
    ['https://api.myhubble.money..'],
    ['https://api。myhubble。money'],
    ['https://ａｐｉ.myhubble.money'],
    ['https://api.myhubble.money\u200b'],
    ['  https://api.myhubble.money.  '],
    ['https://ops@api.myhubble.money.'],
    ['https://ops:pw@api.myhubble.money'],
    ['http://api.myhubble.money'],
    ['https://api.myhubble.money/?x=1'],
  ])('%s is refused as production', (raw) => {
    expect(refusal(raw)).toMatch(/is Hubble production: create a Production profile/);
    expect(hubbleHostKindOfUrl(raw)).toBe('production');
  });

  it.each([
    ['https://api.dev.myhubble.money.'],
    ['https://api.dev.myhubble.money%2e/'],
    ['https://API.DEV.myhubble.money:443'],
    ['https://api%2Edev%2Emyhubble%2Emoney'],
  ])('%s is refused as staging', (raw) => {
    expect(refusal(raw)).toMatch(/is Hubble staging: create a Staging profile/);
  });

  it.each([
    ['https://myhubble.money', /belongs to Hubble/],
    ['https://api2.myhubble.money', /belongs to Hubble/],
    ['https://www.myhubble.money.', /belongs to Hubble/],
    // Cyrillic "а" and "у": a different host that operators cannot tell from Hubble's.
    ['https://api.myhubble.mоney', /reads like Hubble's own domain/],
    ['https://api.mуhubble.money', /reads like Hubble's own domain/],
    ['https://api.myhubble.rnoney', /reads like Hubble's own domain/],
  ])('%s is refused as a host of Hubble or a look-alike', (raw, message) => {
    expect(refusal(raw)).toMatch(message);
  });

  it.each([
    ['https://hubble-proxy.example.com', 'https://hubble-proxy.example.com'],
    ['https://Hubble-Proxy.Example.com./', 'https://hubble-proxy.example.com'],
    ['https://proxy.example.com:8443/hubble/', 'https://proxy.example.com:8443/hubble'],
    ['https://proxy.example.com:443', 'https://proxy.example.com'],
    ['http://localhost.:8080', 'http://localhost:8080'],
    ['http://0x7f000001:9000', 'http://127.0.0.1:9000'],
    ['http://[0:0::1]:9000', 'http://[::1]:9000'],
    ['https://myhubble.money.example.com', 'https://myhubble.money.example.com'],
  ])('%s is stored as %s', (raw, stored) => {
    expect(normaliseCustomBaseUrl(raw)).toBe(stored);
  });

  it.each([
    ['http://proxy.example.com', /must use https/],
    ['http://127.0.0.2.example.com', /must use https/],
    ['ftp://proxy.example.com', /must use https/],
    ['https://ops@proxy.example.com', /credentials/],
    ['https://proxy.example.com/?', /query or a fragment/],
    ['https://proxy.example.com/#', /query or a fragment/],
    ['https://proxy.example.com/V1/Partners', /without the API path/],
    ['https://proxy.example.com/v1%2Fpartners', /without the API path/],
    ['not a url', /full URL/],
  ])('%s is refused', (raw, message) => {
    expect(refusal(raw)).toMatch(message);
  });

  it('measures the limit on the stored, percent-encoded form', () => {
    const path = 'क'.repeat(166);
    const raw = `https://proxy.example.com/${path}`;
    expect(raw.length).toBeLessThan(BASE_URL_MAX);
    expect(refusal(raw)).toMatch(new RegExp(`the limit is ${BASE_URL_MAX}`));
    const longest = `https://proxy.example.com/${'a'.repeat(BASE_URL_MAX - 'https://proxy.example.com/'.length)}`;
    expect(normaliseCustomBaseUrl(longest)).toHaveLength(BASE_URL_MAX);
  });

  it('accepts Hubble’s own URL, however spelled, only for its own environment', () => {
    expect(checkSettingsBaseUrl('production', 'https://API.myhubble.money./')).toBeNull();
    expect(checkSettingsBaseUrl('staging', null)).toBeNull();
    expect(() => checkSettingsBaseUrl('production', 'https://api.dev.myhubble.money')).toThrow(/always uses/);
    expect(() => checkSettingsBaseUrl('staging', 'https://proxy.example.com')).toThrow(/always uses/);
    expect(() => checkSettingsBaseUrl('custom', 'https://api.myhubble.money%2e')).toThrow(/Hubble production/);
  });

  it('treats a stored Custom row that reaches Hubble as production', () => {
    expect(effectiveEnvironment('custom', 'https://api.myhubble.money.')).toBe('production');
    expect(effectiveEnvironment('custom', 'https://api2.myhubble.money')).toBe('production');
    expect(effectiveEnvironment('custom', 'https://proxy.example.com')).toBe('custom');
    expect(effectiveEnvironment('staging', null)).toBe('staging');
  });
});
