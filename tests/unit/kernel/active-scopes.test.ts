import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createConsoleCore, type ConsoleCore } from '../../../src/main/app/console-core.ts';
import { createMemoryVault } from '../../../src/main/kernel/vault/memory-vault.ts';
import { defaultProfileSettings } from '../../../src/shared/contract/profiles.ts';

let core: ConsoleCore | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await core?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const ctx = { shell: 'browser-harness' } as const;

describe('the active profile and its scope', () => {
  it('opens the active profile’s scope, closes the others on a switch, and keeps a profile with a pinned job', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kernel-scopes-'));
    core = createConsoleCore({ dataDir, shell: 'browser-harness', version: 'test', vault: createMemoryVault() });
    await core.start();
    const { kernel } = core;
    expect(kernel.scopes.openProfileIds()).toEqual(['simulator']);
    expect(kernel.jobs.list('simulator').map((job) => job.name)).toContain('calls.retention');

    const create = (name: string) =>
      kernel.profiles.create({ ...defaultProfileSettings('staging', name), clientId: `${name}-client` });
    const [a, b, c] = [create('Team A'), create('Team B'), create('Team C')];
    const switchTo = async (profileId: string) => {
      const result = await core!.router.dispatch('profiles.setActive', { profileId }, ctx);
      expect(result.ok).toBe(true);
    };

    await switchTo(a.id);
    expect(kernel.scopes.openProfileIds()).toEqual([a.id]);
    expect(kernel.jobs.list('simulator')).toEqual([]);
    const scopeOfA = kernel.scopes.get(a.id);

    kernel.jobs.pin(a.id, 'calls.retention', true);
    await switchTo(b.id);
    expect(kernel.scopes.openProfileIds().sort()).toEqual([a.id, b.id].sort());
    expect(scopeOfA.db.open).toBe(true);

    kernel.jobs.pin(a.id, 'calls.retention', false);
    await switchTo(c.id);
    expect(kernel.scopes.openProfileIds()).toEqual([c.id]);
    expect(scopeOfA.db.open).toBe(false);
    expect(kernel.jobs.activeTimers(a.id)).toBe(0);
    expect(kernel.jobs.activeTimers(b.id)).toBe(0);
  });
});
