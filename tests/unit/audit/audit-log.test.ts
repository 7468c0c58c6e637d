import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../../src/shared/contract/profiles.ts';
import { auditToCsv } from '../../../src/main/kernel/audit/audit-export.ts';
import { valueOrThrow } from '../../fixtures/value-or-throw.ts';
import { ctx, profilesFixture, removeDir, settingsFor, type ProfilesFixture } from '../profiles/profiles-fixture.ts';

let fixture: ProfilesFixture;
afterEach(async () => {
  await fixture.close();
  removeDir(fixture.dataDir);
});

const value = async <T>(channel: string, input?: unknown): Promise<T> =>
  valueOrThrow<T>(channel, await fixture.router.dispatch(channel, input, ctx));

describe('audit log', () => {
  it('records every profile change, secret set/clear and confirmation with the OS user and time', async () => {
    fixture = profilesFixture();
    // Staging, so the changes need no typed confirmation (tests/unit/guard/ covers production's).
    const profile = await value<Profile>('profiles.create', { settings: settingsFor('staging', 'Prod') });
    await value('profiles.update', {
      profileId: profile.id,
      settings: settingsFor('staging', 'Prod', { walletMinimum: 5 }),
    });
    await value('profiles.setSecret', { profileId: profile.id, kind: 'clientSecret', value: 'AUDIT-CANARY' });
    await value('profiles.clearSecret', { profileId: profile.id, kind: 'clientSecret' });
    await value('profiles.setActive', { profileId: profile.id });
    await value('profiles.duplicate', { profileId: profile.id });
    await value('guard.confirm', { profileId: profile.id, operation: 'profiles.delete', typedName: 'Prod' });

    const { entries } = await value<{
      entries: {
        action: string;
        user: string;
        at: string;
        profileName: string | null;
        details: Record<string, unknown>;
      }[];
    }>('audit.list');
    expect(entries.map((entry) => entry.action)).toEqual([
      'guard.confirmed',
      'profile.duplicated',
      'profile.activated',
      'secret.cleared',
      'secret.set',
      'profile.updated',
      'profile.created',
    ]);
    expect(new Set(entries.map((entry) => entry.user))).toEqual(new Set([os.userInfo().username]));
    expect(entries.every((entry) => entry.at === '2025-06-01T10:00:00.000Z')).toBe(true);
    expect(entries.find((entry) => entry.action === 'profile.updated')?.details).toEqual({
      changed: ['walletMinimum'],
    });
    expect(entries.find((entry) => entry.action === 'secret.set')?.details).toMatchObject({ kind: 'clientSecret' });
    expect(JSON.stringify(entries)).not.toContain('AUDIT-CANARY');
  });

  it('lists per profile and pages back by id', async () => {
    fixture = profilesFixture();
    const a = await value<Profile>('profiles.create', { settings: settingsFor('staging', 'A') });
    await value<Profile>('profiles.create', { settings: settingsFor('staging', 'B') });
    await value('profiles.setActive', { profileId: a.id });
    const mine = await value<{ entries: { id: number; profileId: string }[] }>('audit.list', { profileId: a.id });
    expect(mine.entries.map((entry) => entry.profileId)).toEqual([a.id, a.id]);
    const page = await value<{ entries: { id: number }[] }>('audit.list', { limit: 1, beforeId: mine.entries[0]!.id });
    expect(page.entries).toHaveLength(1);
    expect(page.entries[0]!.id).toBeLessThan(mine.entries[0]!.id);
  });

  it('redacts credential-like detail keys whoever records them', () => {
    fixture = profilesFixture();
    const entry = fixture.kernel.audit.record({
      action: 'calls.export',
      details: { amount: 500, nested: { clientSecret: 'x', cardPin: '1234', token: 't' } },
    });
    expect(entry.details).toEqual({
      amount: 500,
      nested: { clientSecret: '[redacted]', cardPin: '[redacted]', token: '[redacted]' },
    });
  });

  it('exports JSON and CSV text, neutralising spreadsheet formulas in names', async () => {
    fixture = profilesFixture();
    await value('profiles.create', { settings: settingsFor('staging', '=HYPERLINK("http://evil")') });
    const json = await value<{ fileName: string; mimeType: string; text: string; count: number }>('audit.export', {
      format: 'json',
    });
    expect(json).toMatchObject({
      fileName: 'hubble-audit-2025-06-01-10-00-00.json',
      mimeType: 'application/json',
      count: 1,
    });
    expect(JSON.parse(json.text)).toMatchObject({
      format: 'hubble-ops-console/audit-log',
      entries: [{ action: 'profile.created' }],
    });
    const csv = await value<{ text: string; count: number }>('audit.export', { format: 'csv' });
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('id,at,lastAt,count,user,action,profileId,profileName,details');
    expect(csv.count).toBe(2);
    expect(csv.text).toContain(`'=HYPERLINK`);
    expect(csv.text).not.toMatch(/,=HYPERLINK/);
    expect(auditToCsv([])).toBe('id,at,lastAt,count,user,action,profileId,profileName,details\n');
  });
});
