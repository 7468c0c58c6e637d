import { describe, expect, it } from 'vitest';
import {
  assertDistinctName,
  confusableKey,
  copyNameFor,
  findConfusable,
  freeNameFor,
  normaliseProfileName,
} from '../../../src/main/kernel/profiles/profile-names.ts';
import { PROFILE_NAME_MAX, profileNameSchema } from '../../../src/shared/contract/profiles.ts';

describe('profile names operators can tell apart', () => {
  it.each([
    ['  Acme   Production ', 'Acme Production'],
    ['Acme\u200bProduction', 'AcmeProduction'],
    ['Acme \u202eProduction\u202c', 'Acme Production'],
    ['Acme\u2066 Prod\u2069', 'Acme Prod'],
    ['\ufeffAcme\u00adProd', 'AcmeProd'],
    ['Acme\u00a0Prod\u3000EU', 'Acme Prod EU'],
    ['Ａｃｍｅ Ｐｒｏｄ', 'Acme Prod'],
    ['Acme\tProd\nEU', 'Acme Prod EU'],
    ['Acme\u3164Prod', 'AcmeProd'],
  ])('normalises %j to %j', (raw, stored) => {
    expect(normaliseProfileName(raw)).toBe(stored);
    expect(profileNameSchema.parse(raw)).toBe(stored);
  });

  it.each([
    ['Acme Production', 'Acme Pr\u043eduction'], // Cyrillic о
    ['Acme Production', 'АСМЕ PRODUCTION'], // Cyrillic capitals
    ['Acme Production', 'acme production'],
    ['Acme Production', 'Acme Prοduction'], // Greek ο
    ['Acme Production', 'Acme Pr0duction'],
    ['Acme Production', 'Acmé Production'],
    ['Acme Production', 'Acme\u200b Production'],
    ['Prod 1', 'Prod l'],
    ['Prod 1', 'Prod I'],
    ['Prod I', 'prod i'],
    ['Straße', 'STRASSE'],
    ['Acme-Prod', 'Acme\u2013Prod'],
    ['Acme Prod', 'Acme Prοd'],
    ['Modem', 'Modern'],
    ['Hubble', 'Ηubble'], // Greek capital eta
  ])('%j and %j collide', (a, b) => {
    expect(confusableKey(a)).toBe(confusableKey(b));
    expect(findConfusable(b, ['Other', a])).toBe(a);
  });

  it.each([
    ['Acme Production', 'Acme Staging'],
    ['Acme Prod EU', 'Acme Prod US'],
    ['Prod 1', 'Prod 2'],
    ['Acme Prod', 'AcmeProd'],
  ])('%j and %j stay distinct', (a, b) => {
    expect(confusableKey(a)).not.toBe(confusableKey(b));
    expect(findConfusable(b, [a])).toBeNull();
  });

  it('refuses a look-alike name with a CONFLICT that names the profile it resembles', () => {
    const profiles = [
      { id: 'a', name: 'Acme Production' },
      { id: 'b', name: 'Acme Staging' },
    ];
    expect(() => assertDistinctName('Acme Pr\u043eduction', profiles)).toThrow(
      expect.objectContaining({ kind: 'CONFLICT', message: expect.stringContaining('“Acme Production”') }),
    );
    expect(() => assertDistinctName('Acme Production', profiles)).toThrow(/already exists/);
    // Renaming a profile to a variant of its own name is fine.
    expect(() => assertDistinctName('ACME Production', profiles, 'a')).not.toThrow();
  });
});

describe('derived names stay within the name limit', () => {
  const base54 = 'N'.repeat(54);

  it('names a duplicate of a 54-character name within the limit', () => {
    const taken = new Set<string>();
    const isTaken = (name: string) => findConfusable(name, taken) !== null;
    for (let i = 0; i < 12; i += 1) {
      const name = copyNameFor(base54, isTaken);
      expect(name.length).toBeLessThanOrEqual(PROFILE_NAME_MAX);
      expect(profileNameSchema.safeParse(name).success).toBe(true);
      expect(isTaken(name)).toBe(false);
      taken.add(name);
    }
    expect([...taken].slice(0, 3)).toEqual([
      `${'N'.repeat(53)} (copy)`,
      `${'N'.repeat(51)} (copy) 2`,
      `${'N'.repeat(51)} (copy) 3`,
    ]);
  });

  it('keeps short names whole and never splits a character', () => {
    expect(copyNameFor('Acme', () => false)).toBe('Acme (copy)');
    // Each flag is two code points (four UTF-16 units): cutting inside one would leave half a flag.
    const flags = '🇮🇳'.repeat(20);
    const name = copyNameFor(flags, () => false);
    expect(name).toBe(`${'🇮🇳'.repeat(13)} (copy)`);
    expect(name.length).toBeLessThanOrEqual(PROFILE_NAME_MAX);
  });

  it('renames an import on a clash, within the limit', () => {
    expect(freeNameFor('Acme', () => false)).toBe('Acme');
    const long = 'L'.repeat(PROFILE_NAME_MAX);
    const clash = freeNameFor(long, (name) => name === long);
    expect(clash).toBe(`${'L'.repeat(PROFILE_NAME_MAX - 2)} 2`);
  });
});
