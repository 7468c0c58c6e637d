import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOperation, listChannels } from '../../../../src/shared/contract/index.ts';
import type { ProfileList } from '../../../../src/shared/contract/profiles.ts';
import { prototypeShape, violations, type ObservedCall } from './call-invariants.ts';
import { casesFor } from './channel-cases.ts';
import { CANARY_PREFIX, startFuzzedConsole, type FuzzedConsole } from './console-under-fuzz.ts';
import { fieldHints } from './field-hints.ts';
import type { StateSnapshot } from './state-snapshot.ts';

/** Each channel gets at least this many generated inputs (and a fresh seed of profiles and secrets first). */
const RUNS_PER_CHANNEL = 200;

/**
 * Channels left out of the fuzz, with the reason. Empty on purpose: every handler's side effects stay in
 * the data folder or on loopback (staging, production and custom profiles point at a local simulator).
 */
const EXCLUDED: Readonly<Record<string, string>> = {};

let fuzz: FuzzedConsole;

beforeAll(async () => {
  fuzz = await startFuzzedConsole();
  await fuzz.seed();
});

afterAll(async () => {
  await fuzz?.stop();
});

describe('every IPC channel under hostile input (real console core, property-based)', () => {
  it.each(listChannels().filter((channel) => !Object.hasOwn(EXCLUDED, channel)))('%s', async (channel) => {
    const spec = findOperation(channel)!;
    await fuzz.seed();
    const hints = fieldHints(channel, await fuzz.list(), fuzz.hubble.baseUrl);
    // A refused call changed nothing (or the property fails), so its "after" is the next call's "before".
    let unchanged: StateSnapshot | null = null;
    await fc.assert(
      fc.asyncProperty(casesFor(spec, hints), async (fuzzCase) => {
        const prototypesBefore = prototypeShape();
        const before = unchanged ?? (await fuzz.snapshot());
        unchanged = null;
        let outcome: ObservedCall['outcome'];
        try {
          outcome = { answer: await fuzz.dispatch(channel, fuzzCase.input) };
        } catch (thrown) {
          outcome = { thrown };
        }
        await fuzz.settle();
        const refused = 'answer' in outcome && !outcome.answer.ok;
        const after = refused ? await fuzz.snapshot() : before;
        const listBefore = JSON.parse(before.profileList) as ProfileList;
        const found = violations({
          channel,
          spec,
          fuzz: fuzzCase,
          outcome,
          before,
          after,
          listBefore,
          prototypesBefore,
        });
        if (found.length > 0) throw new Error(`${channel}: ${found.join(' | ')}`);
        if (refused) unchanged = after;
      }),
      { numRuns: RUNS_PER_CHANNEL },
    );
  });

  it('excludes no channel without a reason, and knows every channel it excludes', () => {
    for (const [channel, reason] of Object.entries(EXCLUDED)) {
      expect(listChannels()).toContain(channel);
      expect(reason.length).toBeGreaterThan(10);
    }
  });

  it('leaves no secret in plaintext anywhere in the data folder after the fuzz', async () => {
    await fuzz.settle();
    const holding: string[] = [];
    for (const entry of fs.readdirSync(fuzz.dataDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      if (fs.readFileSync(file).includes(CANARY_PREFIX)) holding.push(path.relative(fuzz.dataDir, file));
    }
    expect(holding).toEqual([]);
  });

  it('reports no unexpected error from any background task during the fuzz', () => {
    // INTERNAL answers already fail their channel above (the router reports them by channel name); this
    // catches failures no answer carried: call-log flushes, jobs, scopes.
    const channels = new Set(listChannels());
    const background = fuzz.unexpectedErrors.filter((report) => !channels.has(report.slice(0, report.indexOf(':'))));
    expect(background, background.slice(0, 5).join('\n')).toEqual([]);
  });
});
