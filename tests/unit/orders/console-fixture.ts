import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createConsoleCore, type ConsoleCore } from '../../../src/main/app/console-core.ts';
import { createMemoryVault } from '../../../src/main/kernel/vault/memory-vault.ts';
import type { SimulatorFixture } from '../hubble/simulator-fixture.ts';

const ctx = { shell: 'browser-harness' } as const;

/**
 * The real console core on a temp data dir, its built-in Simulator profile pointed at the test's simulator, every
 * Hubble call recorded in the profile's own call log, as in the app.
 */
export function useOrdersConsole(sim: SimulatorFixture) {
  const opened: Array<{ core: ConsoleCore; dataDir: string }> = [];
  afterEach(async () => {
    for (const { core, dataDir } of opened.splice(0)) {
      await core.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
  return async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'orders-console-'));
    const core = createConsoleCore({
      dataDir,
      shell: 'browser-harness',
      version: 'test',
      vault: createMemoryVault(),
      client: { backoff: { baseDelayMs: 1, maxDelayMs: 4 } },
      simulator: {
        running: () => sim.sim,
        baseUrl: () => sim.sim.baseUrl,
        ensureStarted: async () => sim.sim,
        close: async () => undefined,
      },
    });
    opened.push({ core, dataDir });
    await core.start();
    const call = async <T = Record<string, unknown>>(channel: string, input?: unknown): Promise<T> => {
      const result = await core.router.dispatch(channel, input, ctx);
      if (!result.ok) throw Object.assign(new Error(result.error.message), { kind: result.error.kind });
      return result.value as T;
    };
    // Placements wait for the recovery of unknown outcomes that runs when the profile opens.
    for (;;) {
      const result = await core.router.dispatch('orders.batches', undefined, ctx);
      if (result.ok) break;
      if (result.error.kind !== 'UNAVAILABLE') throw new Error(result.error.message);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const dbFile = path.join(dataDir, 'profiles', 'simulator.db');
    /** The profile database file and its WAL, as bytes on disk. */
    const diskBytes = () =>
      ['', '-wal']
        .map((suffix) => (fs.existsSync(dbFile + suffix) ? fs.readFileSync(dbFile + suffix).toString('latin1') : ''))
        .join('\n');
    return { core, call, dbFile, diskBytes, db: core.kernel.scopes.get('simulator').db };
  };
}
