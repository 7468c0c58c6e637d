import { afterEach, describe, expect, it } from 'vitest';
import { findOperation } from '../../../src/shared/contract/index.ts';
import { defaultProfileSettings, type Profile } from '../../../src/shared/contract/profiles.ts';
import { valueOrThrow } from '../../fixtures/value-or-throw.ts';
import { ctx, guardRouterFixture, type GuardRouterFixture } from './guard-router-fixture.ts';

let fixture: GuardRouterFixture | undefined;
afterEach(() => {
  fixture?.close();
  fixture = undefined;
});

const dispatch = (channel: string, input: unknown) => fixture!.router.dispatch(channel, input, ctx);

/** Each change of a production profile that decides where real money goes, with an input the contract accepts. */
const changes = (profile: Profile) =>
  [
    [
      'profiles.update',
      {
        profileId: profile.id,
        settings: { ...defaultProfileSettings('production', profile.name), clientId: 'another-client' },
      },
    ],
    ['profiles.setSecret', { profileId: profile.id, kind: 'clientSecret', value: 'new-secret' }],
    ['profiles.clearSecret', { profileId: profile.id, kind: 'clientSecret' }],
  ] as const;

async function confirm(profile: Profile, operation: string): Promise<string> {
  const result = await dispatch('guard.confirm', { profileId: profile.id, operation, typedName: profile.name });
  return valueOrThrow<{ token: string }>('guard.confirm', result).token;
}

describe('changing a production profile is guarded in main', () => {
  it('marks update, setSecret and clearSecret as guarded in the contract', () => {
    for (const channel of ['profiles.update', 'profiles.setSecret', 'profiles.clearSecret']) {
      expect(findOperation(channel)?.confirmOnProduction, channel).toBe(true);
    }
  });

  it('refuses each change without a confirmation: the handler never runs and the refusal is audited', async () => {
    fixture = guardRouterFixture();
    const production = fixture.add('production', 'Acme Production');
    for (const [channel, input] of changes(production)) {
      expect(await dispatch(channel, input), channel).toMatchObject({
        ok: false,
        error: {
          kind: 'CONFIRMATION_REQUIRED',
          details: { profileId: production.id, profileName: 'Acme Production', operation: channel },
        },
      });
    }
    expect(fixture.handled).toEqual([]);
    expect(fixture.audit.all().map((entry) => [entry.action, entry.details['operation']])).toEqual([
      ['guard.refused', 'profiles.update'],
      ['guard.refused', 'profiles.setSecret'],
      ['guard.refused', 'profiles.clearSecret'],
    ]);
  });

  it('runs each change with a token confirmed for that profile and operation', async () => {
    fixture = guardRouterFixture();
    const production = fixture.add('production', 'Acme Production');
    for (const [channel, input] of changes(production)) {
      const confirmationToken = await confirm(production, channel);
      expect(await dispatch(channel, { ...input, confirmationToken }), channel).toMatchObject({ ok: true });
    }
    expect(fixture.handled).toEqual(['profiles.update', 'profiles.setSecret', 'profiles.clearSecret']);
  });

  it('refuses a token confirmed for another of these operations', async () => {
    fixture = guardRouterFixture();
    const production = fixture.add('production', 'Acme Production');
    const forClear = await confirm(production, 'profiles.clearSecret');
    const [, setSecret] = changes(production)[1];
    expect(await dispatch('profiles.setSecret', { ...setSecret, confirmationToken: forClear })).toMatchObject({
      ok: false,
      error: { kind: 'CONFIRMATION_REQUIRED' },
    });
    expect(fixture.handled).toEqual([]);
  });

  it('does not ask on a staging or custom profile', async () => {
    fixture = guardRouterFixture();
    for (const profile of [fixture.add('staging', 'Acme Staging'), fixture.add('custom', 'Acme Proxy')]) {
      for (const [channel, input] of changes(profile)) {
        const settings = 'settings' in input ? { ...input.settings, environment: profile.environment } : undefined;
        expect(await dispatch(channel, settings ? { ...input, settings } : input), channel).toMatchObject({ ok: true });
      }
    }
    expect(fixture.handled).toHaveLength(6);
  });

  it('guards a Custom profile stored with a spelling of the production host', async () => {
    fixture = guardRouterFixture();
    const disguised = fixture.add('custom', 'Old Proxy', 'https://api.myhubble.money.');
    expect(await dispatch('profiles.clearSecret', { profileId: disguised.id, kind: 'clientSecret' })).toMatchObject({
      ok: false,
      error: { kind: 'CONFIRMATION_REQUIRED' },
    });
    expect(fixture.handled).toEqual([]);
  });
});
