import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listChannels } from '../../../../src/shared/contract/index.ts';
import { defaultProfileSettings, type Profile } from '../../../../src/shared/contract/profiles.ts';
import type { Result } from '../../../../src/shared/contract/result.ts';
import { CANARY_PREFIX, startFuzzedConsole, type FuzzedConsole } from './console-under-fuzz.ts';

/**
 * Inputs the console accepts although they are hostile (a long name, a long non-ASCII URL, many profiles)
 * must leave it able to answer every read and export: whatever was stored can be listed and exported again.
 */

let fuzz: FuzzedConsole;

// A console of its own per case: one case's damage must not fail (or excuse) the next.
beforeEach(async () => {
  fuzz = await startFuzzedConsole();
  await fuzz.seed();
});

afterEach(async () => {
  await fuzz?.stop();
});

/** Every read and export, with the inputs the renderer sends; channels not in this version of the contract are skipped. */
async function everyReadAndExport(): Promise<Record<string, Result<unknown>>> {
  const { profiles } = await fuzz.list();
  const operatorIds = profiles.filter((profile) => !profile.builtIn).map((profile) => profile.id);
  const reads: [string, string, unknown][] = [
    ['app.info', 'app.info', undefined],
    ['profiles.list', 'profiles.list', undefined],
    ['profiles.export', 'profiles.export (all)', undefined],
    ['profiles.export', 'profiles.export (first 200 by id)', { profileIds: operatorIds.slice(0, 200) }],
    ['audit.list', 'audit.list', undefined],
    ['audit.list', 'audit.list (1000)', { limit: 1000 }],
    ['audit.export', 'audit.export (json)', { format: 'json' }],
    ['audit.export', 'audit.export (csv)', { format: 'csv' }],
    ['audit.retention', 'audit.retention', undefined],
    ['calls.search', 'calls.search', {}],
    ['calls.exportCsv', 'calls.exportCsv', {}],
    ['calls.retention', 'calls.retention', undefined],
    ['webhooks.examples', 'webhooks.examples', undefined],
  ];
  const answers: Record<string, Result<unknown>> = {};
  for (const [channel, label, input] of reads) {
    if (listChannels().includes(channel)) answers[label] = await fuzz.dispatch(channel, input);
  }
  for (const profile of profiles) {
    answers[`audit.export for ${profile.id}`] = await fuzz.dispatch('audit.export', {
      format: 'csv',
      profileId: profile.id,
    });
  }
  return answers;
}

async function expectEveryReadAndExportAnswers() {
  const answers = await everyReadAndExport();
  const internal = Object.entries(answers)
    .filter(([, answer]) => !answer.ok && answer.error.kind === 'INTERNAL')
    .map(([label]) => label);
  expect(internal, 'reads and exports that answered INTERNAL').toEqual([]);
  expect(JSON.stringify(answers)).not.toContain(CANARY_PREFIX);
}

const notInternal = (answer: Result<unknown>) => answer.ok || answer.error.kind !== 'INTERNAL';

async function create(settings: ReturnType<typeof defaultProfileSettings>): Promise<Result<unknown>> {
  return fuzz.dispatch('profiles.create', { settings: { ...settings, clientId: 'fuzz-client' } });
}

describe('0 INTERNAL after hostile but accepted inputs, followed by every read and export', () => {
  it('a 54-character name duplicated twice', async () => {
    const created = await create(defaultProfileSettings('staging', `${'Ω'.repeat(27)}${'n'.repeat(27)}`));
    expect(created).toMatchObject({ ok: true });
    const original = (created as { value: Profile }).value;
    for (let copy = 0; copy < 2; copy += 1) {
      const duplicated = await fuzz.dispatch('profiles.duplicate', { profileId: original.id });
      expect(notInternal(duplicated), `profiles.duplicate #${copy + 1}: ${JSON.stringify(duplicated)}`).toBe(true);
    }
    await expectEveryReadAndExportAnswers();
  });

  it('a 166-character non-ASCII custom URL', async () => {
    const prefix = 'https://127.0.0.1:9/';
    const baseUrl = `${prefix}${'ü路'.repeat(Math.ceil((166 - prefix.length) / 2))}`.slice(0, 166);
    expect(baseUrl).toHaveLength(166);
    const created = await create({ ...defaultProfileSettings('custom', 'Non-ASCII URL'), baseUrl });
    expect(notInternal(created), `profiles.create: ${JSON.stringify(created)}`).toBe(true);
    await expectEveryReadAndExportAnswers();
  });

  it('creating 205 profiles', async () => {
    const refused: string[] = [];
    for (let index = 0; index < 205; index += 1) {
      const answer = await create(defaultProfileSettings('staging', `Many ${index}`));
      expect(notInternal(answer), `profiles.create #${index}: ${JSON.stringify(answer)}`).toBe(true);
      if (!answer.ok) refused.push(`#${index} ${answer.error.kind}`);
    }
    await expectEveryReadAndExportAnswers();
  });
});
