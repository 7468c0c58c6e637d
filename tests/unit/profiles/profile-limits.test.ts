import { describe, expect, it } from 'vitest';
import { normaliseCustomBaseUrl } from '../../../src/main/kernel/profiles/base-url-policy.ts';
import { copyNameFor } from '../../../src/main/kernel/profiles/profile-names.ts';
import {
  assertRoomForProfiles,
  parseExportJson,
  toExportJson,
} from '../../../src/main/kernel/profiles/profile-transfer.ts';
import {
  BASE_URL_MAX,
  defaultProfileSettings,
  MAX_PROFILES,
  PROFILE_NAME_MAX,
  profileOperations,
  profileSettingsSchema,
  type ProfileSettings,
} from '../../../src/shared/contract/profiles.ts';

const customAt = (name: string, baseUrl: string): ProfileSettings => ({
  ...defaultProfileSettings('custom', name),
  baseUrl,
  clientId: 'client',
});

const appErrorOf = (run: () => unknown): { kind: string; message: string } => {
  try {
    run();
  } catch (error) {
    return error as { kind: string; message: string };
  }
  throw new Error('expected a refusal');
};

describe('one set of limits for create, update, duplicate, import and export', () => {
  it('exports and re-imports the largest profiles the console can store', () => {
    const prefix = 'https://proxy.example.com/';
    const url = normaliseCustomBaseUrl(`${prefix}${'p'.repeat(BASE_URL_MAX - prefix.length)}`);
    const profiles = Array.from({ length: MAX_PROFILES }, (_, i) => {
      const name = copyNameFor(`${String(i).padStart(3, '0')}${'n'.repeat(60)}`, () => false);
      return profileSettingsSchema.parse(customAt(name, url));
    });
    expect(profiles[0]!.name).toHaveLength(PROFILE_NAME_MAX);
    expect(parseExportJson(toExportJson(profiles, '2025-06-01T10:00:00.000Z'))).toEqual(profiles);
  });

  it('answers VALIDATION naming the profile when a stored row breaks the export schema (never INTERNAL)', () => {
    const tooLong = `${'N'.repeat(54)} (copy)`;
    const error = appErrorOf(() =>
      toExportJson(
        [customAt('Fine', 'https://proxy.example.com'), customAt(tooLong, 'https://proxy.example.com')],
        'now',
      ),
    );
    expect(error).toMatchObject({ kind: 'VALIDATION', message: expect.stringContaining(tooLong) });
    const encoded = `https://proxy.example.com/${'%E0%A4%95'.repeat(93)}`;
    expect(appErrorOf(() => toExportJson([customAt('Encoded', encoded)], 'now'))).toMatchObject({
      kind: 'VALIDATION',
      message: expect.stringContaining('Encoded'),
    });
  });

  it('bounds the count: an export holds every profile the console may have', () => {
    const many = Array.from({ length: MAX_PROFILES + 1 }, (_, i) => customAt(`P${i}`, 'https://proxy.example.com'));
    expect(appErrorOf(() => toExportJson(many, 'now'))).toMatchObject({ kind: 'VALIDATION' });
    expect(() => assertRoomForProfiles(MAX_PROFILES - 1, 1)).not.toThrow();
    expect(appErrorOf(() => assertRoomForProfiles(MAX_PROFILES, 1))).toMatchObject({
      kind: 'VALIDATION',
      message: expect.stringContaining(`at most ${MAX_PROFILES} profiles`),
    });
    expect(appErrorOf(() => assertRoomForProfiles(MAX_PROFILES - 2, 5)).message).toContain('only 2 can be added');
    expect(profileOperations.export.input.safeParse({ profileIds: many.map((_, i) => `id${i}`) }).success).toBe(false);
  });

  it('counts a name’s length after normalisation, so what is stored always fits', () => {
    expect(profileSettingsSchema.safeParse(customAt(`  ${'a'.repeat(60)}\u200b  `, 'https://x.example')).success).toBe(
      true,
    );
    // U+FDFA is one character that NFKC spells in 18.
    expect(profileSettingsSchema.safeParse(customAt('\ufdfa'.repeat(4), 'https://x.example')).success).toBe(false);
    expect(profileSettingsSchema.safeParse(customAt('\u200b\u202e', 'https://x.example')).success).toBe(false);
  });
});
