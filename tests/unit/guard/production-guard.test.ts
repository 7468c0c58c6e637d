import { afterEach, describe, expect, it } from 'vitest';
import { CONFIRMATION_TTL_MS } from '../../../src/main/kernel/guard/confirmation-tokens.ts';
import { listChannels, findOperation } from '../../../src/shared/contract/index.ts';
import type { Profile, ProfileList } from '../../../src/shared/contract/profiles.ts';
import { valueOrThrow } from '../../fixtures/value-or-throw.ts';
import { ctx, profilesFixture, removeDir, settingsFor, type ProfilesFixture } from '../profiles/profiles-fixture.ts';

let fixture: ProfilesFixture;
afterEach(async () => {
  await fixture.close();
  removeDir(fixture.dataDir);
});

const dispatch = (channel: string, input?: unknown) => fixture.router.dispatch(channel, input, ctx);
const value = async <T>(channel: string, input?: unknown): Promise<T> =>
  valueOrThrow<T>(channel, await dispatch(channel, input));
const confirm = (profile: Profile, operation: string, typedName = profile.name) =>
  value<{ token: string; expiresAt: string }>('guard.confirm', { profileId: profile.id, operation, typedName });
const profileIds = async () => (await value<ProfileList>('profiles.list')).profiles.map((profile) => profile.id);

async function setUp() {
  fixture = profilesFixture();
  const production = await value<Profile>('profiles.create', {
    settings: settingsFor('production', 'Acme Production'),
  });
  const staging = await value<Profile>('profiles.create', { settings: settingsFor('staging', 'Acme Staging') });
  return { production, staging };
}

describe('the production guard, enforced in main', () => {
  it('refuses a production delete without a confirmation, even when called straight through the router', async () => {
    const { production } = await setUp();
    const result = await dispatch('profiles.delete', { profileId: production.id });
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'CONFIRMATION_REQUIRED',
        details: { profileId: production.id, profileName: 'Acme Production', operation: 'profiles.delete' },
      },
    });
    expect(await profileIds()).toContain(production.id);
    expect(fixture.kernel.audit.list()[0]).toMatchObject({
      action: 'guard.refused',
      profileId: production.id,
      details: { operation: 'profiles.delete' },
    });
  });

  it('lets staging through without a confirmation', async () => {
    const { staging } = await setUp();
    expect(await dispatch('guard.probe', { profileId: staging.id })).toEqual({
      ok: true,
      value: { allowed: true, profileId: staging.id },
    });
    expect(await dispatch('profiles.delete', { profileId: staging.id })).toMatchObject({ ok: true });
  });

  it('accepts a fresh token for this profile and operation exactly once', async () => {
    const { production } = await setUp();
    const { token, expiresAt } = await confirm(production, 'profiles.delete');
    expect(Date.parse(expiresAt) - fixture.clock.now).toBe(CONFIRMATION_TTL_MS);
    expect(await dispatch('profiles.delete', { profileId: production.id, confirmationToken: token })).toMatchObject({
      ok: true,
      value: { deleted: true },
    });
    expect(await profileIds()).not.toContain(production.id);
    expect(fixture.kernel.audit.list().map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['guard.confirmed', 'profile.deleted']),
    );
  });

  it('refuses a token that was already used', async () => {
    const { production } = await setUp();
    const { token } = await confirm(production, 'guard.probe');
    expect(await dispatch('guard.probe', { profileId: production.id, confirmationToken: token })).toMatchObject({
      ok: true,
    });
    expect(await dispatch('guard.probe', { profileId: production.id, confirmationToken: token })).toMatchObject({
      ok: false,
      error: { kind: 'CONFIRMATION_REQUIRED', message: expect.stringContaining('already used') },
    });
  });

  it('refuses an expired token', async () => {
    const { production } = await setUp();
    const { token } = await confirm(production, 'profiles.delete');
    fixture.clock.now += CONFIRMATION_TTL_MS;
    expect(await dispatch('profiles.delete', { profileId: production.id, confirmationToken: token })).toMatchObject({
      ok: false,
      error: { kind: 'CONFIRMATION_REQUIRED', message: expect.stringContaining('expired') },
    });
    expect(await profileIds()).toContain(production.id);
  });

  it('refuses a token confirmed for another operation or another profile', async () => {
    const { production } = await setUp();
    const otherProduction = await value<Profile>('profiles.create', {
      settings: settingsFor('production', 'Second Production'),
    });
    const forProbe = await confirm(production, 'guard.probe');
    expect(
      await dispatch('profiles.delete', { profileId: production.id, confirmationToken: forProbe.token }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'CONFIRMATION_REQUIRED', message: expect.stringContaining('another profile or operation') },
    });
    const forOther = await confirm(otherProduction, 'profiles.delete');
    expect(
      await dispatch('profiles.delete', { profileId: production.id, confirmationToken: forOther.token }),
    ).toMatchObject({ ok: false, error: { kind: 'CONFIRMATION_REQUIRED' } });
    expect(await profileIds()).toEqual(expect.arrayContaining([production.id, otherProduction.id]));
  });

  it('guards the active profile when an operation names none', async () => {
    const { production } = await setUp();
    await value('profiles.setActive', { profileId: production.id });
    expect(await dispatch('guard.probe')).toMatchObject({ ok: false, error: { kind: 'CONFIRMATION_REQUIRED' } });
    const { token } = await confirm(production, 'guard.probe');
    expect(await dispatch('guard.probe', { confirmationToken: token })).toEqual({
      ok: true,
      value: { allowed: true, profileId: production.id },
    });
  });

  it('issues a token only for the exact name and a guarded operation', async () => {
    const { production } = await setUp();
    for (const typedName of ['acme production', 'Acme', '']) {
      expect(
        await dispatch('guard.confirm', { profileId: production.id, operation: 'profiles.delete', typedName }),
      ).toMatchObject({
        ok: false,
        error: { kind: 'VALIDATION' },
      });
    }
    expect(
      await dispatch('guard.confirm', {
        profileId: production.id,
        operation: 'profiles.list',
        typedName: 'Acme Production',
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'VALIDATION' },
    });
    expect(
      await dispatch('guard.confirm', { profileId: 'nope', operation: 'profiles.delete', typedName: 'x' }),
    ).toMatchObject({ ok: false, error: { kind: 'NOT_FOUND' } });
  });

  it('covers every operation the contract marks as spending money', async () => {
    const guarded = listChannels().filter((channel) => findOperation(channel)?.confirmOnProduction);
    expect(guarded).toEqual(expect.arrayContaining(['profiles.delete', 'guard.probe']));
    const { production } = await setUp();
    await value('profiles.setActive', { profileId: production.id });
    for (const channel of guarded) {
      // Whatever else the input needs, the guard answers first for the active production profile.
      const result = await dispatch(channel, { profileId: production.id });
      if (result.ok === false && result.error.kind === 'VALIDATION') continue;
      expect(result, channel).toMatchObject({ ok: false, error: { kind: 'CONFIRMATION_REQUIRED' } });
    }
  });
});
