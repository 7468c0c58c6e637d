import { afterEach, describe, expect, it } from 'vitest';
import type { Profile, ProfileList } from '../../../src/shared/contract/profiles.ts';
import { valueOrThrow } from '../../fixtures/value-or-throw.ts';
import { ctx, profilesFixture, removeDir, settingsFor, type ProfilesFixture } from './profiles-fixture.ts';

let fixture: ProfilesFixture;
let other: ProfilesFixture | null = null;
afterEach(() => {
  for (const each of [fixture, other]) {
    if (!each) continue;
    each.close();
    removeDir(each.dataDir);
  }
  other = null;
});

const call = async <T>(target: ProfilesFixture, channel: string, input?: unknown): Promise<T> =>
  valueOrThrow<T>(channel, await target.router.dispatch(channel, input, ctx));

describe('profile import/export', () => {
  it('exports settings without secrets and imports them into another console', async () => {
    fixture = profilesFixture();
    const production = await call<Profile>(fixture, 'profiles.create', {
      settings: settingsFor('production', 'Acme production', {
        rateLimits: [
          { scope: 'brand', productId: null, brandScope: 'global', type: 'amount', window: 'hourly', limit: 10_000 },
        ],
        webhookReceiver: { enabled: true, port: 9200 },
      }),
    });
    await call(fixture, 'profiles.create', { settings: settingsFor('staging', 'Acme staging') });
    const { token } = await call<{ token: string }>(fixture, 'guard.confirm', {
      profileId: production.id,
      operation: 'profiles.setSecret',
      typedName: 'Acme production',
    });
    await call(fixture, 'profiles.setSecret', {
      profileId: production.id,
      kind: 'clientSecret',
      value: 'EXPORT-CANARY-123',
      confirmationToken: token,
    });
    const exported = await call<{ fileName: string; json: string }>(fixture, 'profiles.export');
    expect(exported.fileName).toBe('hubble-profiles-2025-06-01.json');
    expect(exported.json).not.toContain('EXPORT-CANARY-123');
    expect(exported.json).not.toMatch(/secret/i);
    const document = JSON.parse(exported.json);
    expect(document).toMatchObject({ format: 'hubble-ops-console/profiles', version: 1 });
    expect(document.profiles.map((profile: { name: string }) => profile.name)).toEqual([
      'Acme production',
      'Acme staging',
    ]);

    other = profilesFixture();
    await call(other, 'profiles.create', { settings: settingsFor('staging', 'Acme staging') });
    const { created } = await call<{ created: Profile[] }>(other, 'profiles.import', { json: exported.json });
    expect(created.map((profile) => [profile.name, profile.environment, profile.baseUrl])).toEqual([
      ['Acme production', 'production', 'https://api.myhubble.money'],
      ['Acme staging 2', 'staging', 'https://api.dev.myhubble.money'],
    ]);
    expect(created[0]).toMatchObject({
      rateLimits: production.rateLimits,
      webhookReceiver: { enabled: false, port: 9200 },
      secrets: { clientSecret: { set: false } },
    });
    expect(created[0]?.id).not.toBe(production.id);
  });

  it('refuses a file that carries a secret, without repeating it, and imports nothing', async () => {
    fixture = profilesFixture();
    const json = JSON.stringify({
      format: 'hubble-ops-console/profiles',
      version: 1,
      profiles: [{ ...settingsFor('staging', 'Leaky'), clientSecret: 'LEAKED-VALUE-9' }],
    });
    const result = await fixture.router.dispatch('profiles.import', { json }, ctx);
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'VALIDATION', message: expect.stringContaining('clientSecret') },
    });
    expect(JSON.stringify(result)).not.toContain('LEAKED-VALUE-9');
    expect((await call<ProfileList>(fixture, 'profiles.list')).profiles).toHaveLength(1);
  });

  it('refuses non-JSON, foreign formats and invalid profiles atomically', async () => {
    fixture = profilesFixture();
    const valid = settingsFor('staging', 'Fine');
    for (const json of [
      'not json',
      JSON.stringify({ format: 'something-else', version: 1, profiles: [valid] }),
      JSON.stringify({
        format: 'hubble-ops-console/profiles',
        version: 1,
        profiles: [valid, { ...valid, name: 'Bad', colour: 'red' }],
      }),
      JSON.stringify({
        format: 'hubble-ops-console/profiles',
        version: 1,
        profiles: [{ ...settingsFor('custom', 'Disguised'), baseUrl: 'https://api.myhubble.money' }],
      }),
    ]) {
      expect(await fixture.router.dispatch('profiles.import', { json }, ctx)).toMatchObject({
        ok: false,
        error: { kind: 'VALIDATION' },
      });
    }
    expect((await call<ProfileList>(fixture, 'profiles.list')).profiles).toHaveLength(1);
  });
});
