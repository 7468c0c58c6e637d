import { confirmedInput } from '../../fixtures/confirm.ts';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SIMULATOR_PROFILE_ID } from '../../../src/main/kernel/profiles/builtin-simulator.ts';
import type { Profile, ProfileList } from '../../../src/shared/contract/profiles.ts';
import { valueOrThrow } from '../../fixtures/value-or-throw.ts';
import { ctx, profilesFixture, removeDir, settingsFor, type ProfilesFixture } from './profiles-fixture.ts';

let fixture: ProfilesFixture;
afterEach(async () => {
  await fixture.close();
  removeDir(fixture.dataDir);
});

const call = async <T>(channel: string, input?: unknown): Promise<T> =>
  valueOrThrow<T>(channel, await fixture.router.dispatch(channel, input, ctx));
const failure = async (channel: string, input?: unknown) => {
  const result = await fixture.router.dispatch(channel, input, ctx);
  if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return result.error;
};

describe('profiles', () => {
  it('starts on the built-in Simulator profile, which needs no credentials', async () => {
    fixture = profilesFixture({ simulatorBaseUrl: 'http://127.0.0.1:4555' });
    const list = await call<ProfileList>('profiles.list');
    expect(list.activeProfileId).toBe(SIMULATOR_PROFILE_ID);
    expect(list.welcomeDismissed).toBe(false);
    expect(list.profiles).toEqual([
      expect.objectContaining({
        id: 'simulator',
        environment: 'simulator',
        builtIn: true,
        baseUrl: 'http://127.0.0.1:4555',
        credentialSource: 'built-in',
        clientId: 'sim-staging-b2b',
      }),
    ]);
  });

  it('creates staging, production and custom profiles with Hubble’s URLs and every setting', async () => {
    fixture = profilesFixture();
    const staging = await call<Profile>('profiles.create', { settings: settingsFor('staging', 'Acme staging') });
    const production = await call<Profile>('profiles.create', {
      settings: settingsFor('production', 'Acme production', {
        walletMinimum: 50_000,
        polling: { walletSecs: 120, processingOrdersSecs: 10, catalogSyncHours: 12 },
        rateLimits: [
          { scope: 'partner', type: 'amount', window: 'daily', limit: 500_000 },
          {
            scope: 'brand',
            productId: 'amazon',
            brandScope: 'per-customer',
            type: 'count',
            window: 'monthly',
            limit: 5,
          },
        ],
        webhookReceiver: { enabled: true, port: 9123 },
      }),
    });
    const custom = await call<Profile>('profiles.create', {
      settings: settingsFor('custom', 'Proxy', { baseUrl: 'https://hubble-proxy.example.com/gateway/' }),
    });
    expect(staging).toMatchObject({
      environment: 'staging',
      baseUrl: 'https://api.dev.myhubble.money',
      credentialSource: 'keychain',
      builtIn: false,
    });
    expect(production).toMatchObject({
      environment: 'production',
      baseUrl: 'https://api.myhubble.money',
      walletMinimum: 50_000,
      polling: { walletSecs: 120, processingOrdersSecs: 10, catalogSyncHours: 12 },
      webhookReceiver: { enabled: true, port: 9123 },
      secrets: {
        clientSecret: { set: false, updatedAt: null },
        webhookSecret: { set: false, updatedAt: null },
        teamDbPassword: { set: false, updatedAt: null },
      },
    });
    expect(production.rateLimits).toHaveLength(2);
    expect(custom.baseUrl).toBe('https://hubble-proxy.example.com/gateway');
    expect((await call<ProfileList>('profiles.list')).profiles.map((profile) => profile.name)).toEqual([
      'Simulator',
      'Acme staging',
      'Acme production',
      'Proxy',
    ]);
    expect(fixture.changes.length).toBe(3);
  });

  it('refuses confusing profiles: a duplicate name, a production URL disguised as Custom, an API path in the URL', async () => {
    fixture = profilesFixture();
    await call('profiles.create', { settings: settingsFor('production', 'Production') });
    expect(await failure('profiles.create', { settings: settingsFor('staging', 'PRODUCTION') })).toMatchObject({
      kind: 'CONFLICT',
    });
    expect(
      await failure('profiles.create', {
        settings: settingsFor('custom', 'Sneaky', { baseUrl: 'https://api.myhubble.money' }),
      }),
    ).toMatchObject({
      kind: 'VALIDATION',
      message: expect.stringContaining('Production profile'),
    });
    expect(
      await failure('profiles.create', {
        settings: settingsFor('custom', 'Path', { baseUrl: 'https://proxy.example.com/v1/partners' }),
      }),
    ).toMatchObject({ kind: 'VALIDATION' });
    expect(
      await failure('profiles.create', {
        settings: settingsFor('custom', 'Plain', { baseUrl: 'http://proxy.example.com' }),
      }),
    ).toMatchObject({ kind: 'VALIDATION' });
    expect(
      await failure('profiles.create', {
        settings: settingsFor('custom', 'Creds', { baseUrl: 'https://user:pw@proxy.example.com' }),
      }),
    ).toMatchObject({ kind: 'VALIDATION' });
    expect(
      await failure('profiles.create', {
        settings: settingsFor('staging', 'Elsewhere', { baseUrl: 'https://example.com' }),
      }),
    ).toMatchObject({ kind: 'VALIDATION' });
    expect((await call<ProfileList>('profiles.list')).profiles).toHaveLength(2);
  });

  it('rejects malformed settings in the router and changes nothing', async () => {
    fixture = profilesFixture();
    const bad = [
      { settings: { ...settingsFor('staging', 'x'), environment: 'simulator' } },
      { settings: { ...settingsFor('staging', 'x'), colour: 'red' } },
      { settings: { ...settingsFor('staging', 'x'), clientSecret: 'should-not-be-here' } },
      {
        settings: {
          ...settingsFor('staging', 'x'),
          rateLimits: [{ scope: 'partner', type: 'count', window: 'daily', limit: 2.5 }],
        },
      },
      {
        settings: {
          ...settingsFor('staging', 'x'),
          rateLimits: [
            { scope: 'partner', type: 'amount', window: 'daily', limit: 1 },
            { scope: 'partner', type: 'amount', window: 'daily', limit: 2 },
          ],
        },
      },
      { settings: { ...settingsFor('staging', 'x'), webhookReceiver: { enabled: true, port: 80 } } },
      { settings: { ...settingsFor('staging', '   ') } },
    ];
    for (const input of bad) expect(await failure('profiles.create', input)).toMatchObject({ kind: 'VALIDATION' });
    expect((await call<ProfileList>('profiles.list')).profiles).toHaveLength(1);
    expect(fixture.changes).toEqual([]);
  });

  it('edits a profile but never its environment, and keeps webhook ports unique', async () => {
    fixture = profilesFixture();
    const staging = await call<Profile>('profiles.create', {
      settings: settingsFor('staging', 'Staging', { webhookReceiver: { enabled: true, port: 9000 } }),
    });
    const other = await call<Profile>('profiles.create', { settings: settingsFor('custom', 'Other') });
    const renamed = await call<Profile>('profiles.update', {
      profileId: staging.id,
      settings: settingsFor('staging', 'Staging EU', {
        colour: '#123456',
        webhookReceiver: { enabled: true, port: 9000 },
      }),
    });
    expect(renamed).toMatchObject({
      id: staging.id,
      name: 'Staging EU',
      colour: '#123456',
      createdAt: staging.createdAt,
    });
    expect(
      await failure('profiles.update', { profileId: staging.id, settings: settingsFor('production', 'Staging EU') }),
    ).toMatchObject({
      kind: 'VALIDATION',
      message: expect.stringContaining('environment is fixed'),
    });
    expect(
      await failure('profiles.update', {
        profileId: other.id,
        settings: settingsFor('custom', 'Other', { webhookReceiver: { enabled: true, port: 9000 } }),
      }),
    ).toMatchObject({
      kind: 'CONFLICT',
    });
    expect(
      await failure('profiles.update', { profileId: 'simulator', settings: settingsFor('custom', 'Sim') }),
    ).toMatchObject({ kind: 'VALIDATION' });
    const simulator = await call<Profile>('profiles.updateSimulator', {
      settings: {
        colour: '#00ff00',
        walletMinimum: 100,
        polling: { walletSecs: 60, processingOrdersSecs: 5, catalogSyncHours: 1 },
        rateLimits: [],
        webhookReceiver: { enabled: false, port: 9000 },
      },
    });
    expect(simulator).toMatchObject({ id: 'simulator', name: 'Simulator', colour: '#00ff00', walletMinimum: 100 });
  });

  it('duplicates settings without secrets, history or the webhook port', async () => {
    fixture = profilesFixture();
    const source = await call<Profile>('profiles.create', {
      settings: settingsFor('staging', 'Staging', { webhookReceiver: { enabled: true, port: 9100 } }),
    });
    await call('profiles.setSecret', { profileId: source.id, kind: 'clientSecret', value: 'copy-me-not' });
    const copy = await call<Profile>('profiles.duplicate', { profileId: source.id });
    const second = await call<Profile>('profiles.duplicate', { profileId: source.id });
    expect(copy).toMatchObject({
      name: 'Staging (copy)',
      environment: 'staging',
      clientId: source.clientId,
      webhookReceiver: { enabled: false, port: 9100 },
    });
    expect(second.name).toBe('Staging (copy) 2');
    expect(copy.secrets.clientSecret.set).toBe(false);
    expect(await fixture.vault.get(copy.id, 'clientSecret')).toBeNull();
    expect(await failure('profiles.duplicate', { profileId: 'simulator' })).toMatchObject({ kind: 'VALIDATION' });
  });

  it('switches the active profile, tells listeners, and remembers it after a restart', async () => {
    fixture = profilesFixture();
    const staging = await call<Profile>('profiles.create', { settings: settingsFor('staging', 'Staging') });
    const seen: string[] = [];
    fixture.kernel.active.onChanged(async (active, previous) => {
      await Promise.resolve();
      seen.push(`${previous.id}→${active.id}`);
    });
    const list = await call<ProfileList>('profiles.setActive', { profileId: staging.id });
    expect(list.activeProfileId).toBe(staging.id);
    expect(seen).toEqual([`simulator→${staging.id}`]);
    expect(fixture.changes.at(-1)?.activeProfileId).toBe(staging.id);
    expect(await failure('profiles.setActive', { profileId: 'no-such-profile' })).toMatchObject({ kind: 'NOT_FOUND' });

    fixture = await fixture.reopen();
    expect((await call<ProfileList>('profiles.list')).activeProfileId).toBe(staging.id);
  });

  it('deletes a profile with its secrets and its history files, falling back to the Simulator when it was active', async () => {
    fixture = profilesFixture();
    const staging = await call<Profile>('profiles.create', { settings: settingsFor('staging', 'Staging') });
    await call('profiles.setSecret', { profileId: staging.id, kind: 'clientSecret', value: 's1' });
    await call('profiles.setSecret', { profileId: staging.id, kind: 'webhookSecret', value: 'w1' });
    await call('profiles.setActive', { profileId: staging.id });
    const history = path.join(fixture.dataDir, 'profiles', `${staging.id}.db`);
    // Its scope is open (its database with the WAL and shared-memory files), as it is while a profile is in use.
    fixture.kernel.scopes.get(staging.id).db.prepare('SELECT 1').get();
    const other = path.join(fixture.dataDir, 'profiles', 'someone-else.db');
    fs.writeFileSync(other, 'keep');
    const deleting: string[] = [];
    fixture.kernel.scopes.contribute('test', (scope) => () => void deleting.push(scope.profileId));

    expect(await call('profiles.delete', { profileId: staging.id })).toEqual({ deleted: true, removedFiles: 3 });
    expect(deleting).toEqual([staging.id]);
    expect(fs.existsSync(history)).toBe(false);
    expect(fs.existsSync(`${history}-wal`)).toBe(false);
    expect(fs.existsSync(other)).toBe(true);
    expect(await fixture.vault.get(staging.id, 'clientSecret')).toBeNull();
    expect(await fixture.vault.get(staging.id, 'webhookSecret')).toBeNull();
    const list = await call<ProfileList>('profiles.list');
    expect(list.activeProfileId).toBe('simulator');
    expect(list.profiles.map((profile) => profile.id)).toEqual(['simulator']);
    expect(await failure('profiles.delete', { profileId: 'simulator' })).toMatchObject({ kind: 'VALIDATION' });
    expect(await failure('profiles.delete', { profileId: '../../etc' })).toMatchObject({ kind: 'NOT_FOUND' });
  });

  it('sets and clears secrets in the vault, answering only {set, updatedAt}', async () => {
    fixture = profilesFixture();
    const staging = await call<Profile>('profiles.create', { settings: settingsFor('staging', 'Staging') });
    const status = await call('profiles.setSecret', {
      profileId: staging.id,
      kind: 'clientSecret',
      value: '  pasted-with-newline\n',
    });
    expect(status).toEqual({ set: true, updatedAt: '2025-06-01T10:00:00.000Z' });
    expect(await fixture.vault.get(staging.id, 'clientSecret')).toBe('pasted-with-newline');
    expect(await fixture.kernel.credentials.connectionFor(staging.id).clientSecret()).toBe('pasted-with-newline');
    expect((await call<ProfileList>('profiles.list')).profiles[1]?.secrets.clientSecret).toEqual(status);
    expect(await call('profiles.clearSecret', { profileId: staging.id, kind: 'clientSecret' })).toEqual({
      set: false,
      updatedAt: null,
    });
    expect(await fixture.vault.get(staging.id, 'clientSecret')).toBeNull();
    await expect(fixture.kernel.credentials.connectionFor(staging.id).clientSecret()).rejects.toMatchObject({
      kind: 'VALIDATION',
    });
    expect(
      await failure('profiles.setSecret', { profileId: staging.id, kind: 'clientSecret', value: '   ' }),
    ).toMatchObject({ kind: 'VALIDATION' });
    expect(
      await failure('profiles.setSecret', { profileId: 'simulator', kind: 'clientSecret', value: 'x' }),
    ).toMatchObject({ kind: 'VALIDATION' });
    expect(await failure('profiles.setSecret', { profileId: staging.id, kind: 'apiKey', value: 'x' })).toMatchObject({
      kind: 'VALIDATION',
    });
  });

  it('gives per-profile services a connection: Hubble’s URL, the clientId and the secret on demand', async () => {
    fixture = profilesFixture({ simulatorBaseUrl: 'http://127.0.0.1:7000' });
    const production = await call<Profile>('profiles.create', { settings: settingsFor('production', 'Prod') });
    const setSecret = { profileId: production.id, kind: 'clientSecret', value: 'prod-secret' };
    await call('profiles.setSecret', await confirmedInput(fixture.router, 'profiles.setSecret', setSecret));
    const connection = fixture.kernel.credentials.connectionFor(production.id);
    expect(connection).toMatchObject({
      profileId: production.id,
      environment: 'production',
      baseUrl: 'https://api.myhubble.money',
      clientId: 'production-client',
    });
    expect(JSON.stringify(connection)).not.toContain('prod-secret');
    expect(await connection.clientSecret()).toBe('prod-secret');
    const simulator = fixture.kernel.credentials.connectionFor('simulator');
    expect(simulator).toMatchObject({
      environment: 'simulator',
      baseUrl: 'http://127.0.0.1:7000',
      clientId: 'sim-staging-b2b',
    });
    expect(await simulator.clientSecret()).toBe('sim-staging-secret');
  });

  it('remembers that the welcome was dismissed', async () => {
    fixture = profilesFixture();
    expect((await call<ProfileList>('profiles.dismissWelcome')).welcomeDismissed).toBe(true);
    fixture = await fixture.reopen();
    expect((await call<ProfileList>('profiles.list')).welcomeDismissed).toBe(true);
  });
});
