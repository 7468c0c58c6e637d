import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import type { CatalogHandlers } from '../../../src/main/areas/catalog/catalog-handlers.ts';
import { catalogArea } from '../../../src/main/areas/catalog/catalog-area.ts';
import type { Clock } from '../../../src/main/kernel/jobs/clock.ts';
import type { JobProgress } from '../../../src/main/kernel/jobs/job-scheduler.ts';
import { createKernel, type Kernel } from '../../../src/main/kernel/kernel.ts';
import { createMemoryVault } from '../../../src/main/kernel/vault/memory-vault.ts';
import type { RunningSimulator } from '../../../src/main/simulator/index.ts';
import { catalogOperations } from '../../../src/shared/contract/catalog.ts';

type Operations = typeof catalogOperations;
const ctx = { shell: 'browser-harness' } as const;

export interface CatalogConsole {
  kernel: Kernel;
  dataDir: string;
  /** One operation as the router serves it: input parsed by the contract, output checked against it. */
  call<K extends keyof Operations>(
    name: K,
    input?: z.input<Operations[K]['input']>,
  ): Promise<z.output<Operations[K]['output']>>;
  /** Resolves when the next catalog.sync run of the active profile ends, with how it ended. */
  nextSyncEnd(): Promise<JobProgress['state']>;
  close(): Promise<void>;
}

/**
 * The real kernel (scopes, scheduler, the built-in Simulator profile and its client) on a temp data dir with
 * the catalog area added as console-core adds areas, its profile pointing at a simulator the test runs.
 */
export async function catalogConsole(sim: RunningSimulator, options: { clock?: Clock } = {}): Promise<CatalogConsole> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-'));
  const errors: unknown[] = [];
  const kernel = createKernel({
    dataDir,
    vault: createMemoryVault(),
    clock: options.clock,
    client: { backoff: { baseDelayMs: 1, maxDelayMs: 4 } },
    simulator: {
      running: () => sim,
      baseUrl: () => sim.baseUrl,
      ensureStarted: async () => sim,
      close: async () => undefined,
    },
    onUnexpectedError: (_where, error) => errors.push(error),
  });
  const area = catalogArea.create(kernel);
  kernel.scopes.contribute('catalog', area.perProfile!);
  const handlers = (area.handlers as unknown as { catalog: CatalogHandlers }).catalog;
  const waiting: ((state: JobProgress['state']) => void)[] = [];
  kernel.jobs.onProgress((progress) => {
    if (progress.job === 'catalog.sync' && progress.state !== 'running')
      for (const done of waiting.splice(0)) done(progress.state);
  });
  await kernel.start();
  return {
    kernel,
    dataDir,
    async call(name, input) {
      const spec = catalogOperations[name];
      const parsed = spec.input.parse(input ?? {});
      const handler = handlers[name] as (input: unknown, context: typeof ctx) => unknown;
      return spec.output.parse(await handler(parsed, ctx)) as never;
    },
    nextSyncEnd: () => new Promise((resolve) => waiting.push(resolve)),
    async close() {
      await kernel.stop();
      await area.close?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
