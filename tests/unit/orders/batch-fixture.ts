import { afterEach } from 'vitest';
import { BATCH_JOB, batchJob } from '../../../src/main/areas/orders/batch-runner.ts';
import {
  brandFromHubble,
  brandsFromHubble,
  createOrderHandlers,
  walletFromHubble,
} from '../../../src/main/areas/orders/orders-handlers.ts';
import type { WalletReading } from '../../../src/main/areas/orders/batch-dry-run.ts';
import type { OrdersPort } from '../../../src/main/areas/orders/orders-port.ts';
import { systemClock, type Clock } from '../../../src/main/kernel/jobs/clock.ts';
import { createJobScheduler, type JobProgress } from '../../../src/main/kernel/jobs/job-scheduler.ts';
import type { RateLimit } from '../../../src/shared/contract/profiles.ts';
import type { SimulatorFixture } from '../hubble/simulator-fixture.ts';
import type { PortFactory } from './orders-fixture.ts';

export const PROFILE = 'batches';

export interface BatchFixtureOptions {
  clock?: Clock;
  minIntervalMs?: number;
  rateLimits?: RateLimit[];
  /** replaces the wallet reading (e.g. to let a batch start that Hubble will then refuse with E300) */
  wallet?: () => Promise<WalletReading>;
}

/** The orders handlers over one profile database with the batch job on a real scheduler, as the area wires them. */
export function batchFixture(sim: SimulatorFixture, orders: PortFactory, options: BatchFixtureOptions = {}) {
  const clock = options.clock ?? systemClock;
  const client = sim.client();
  const port: OrdersPort = orders.port(client, { now: () => clock.now() });
  const scheduler = createJobScheduler({ clock, progressIntervalMs: 0 });
  const progress: JobProgress[] = [];
  scheduler.onProgress((event) => progress.push(event));
  scheduler.register(
    PROFILE,
    batchJob(() => ({
      port,
      clock,
      brand: brandFromHubble(() => client),
      rateLimits: () => options.rateLimits ?? [],
      minIntervalMs: options.minIntervalMs ?? 0,
    })),
  );
  scheduler.setActiveProfile(PROFILE);
  const audit: Array<{ action: string; details: Record<string, unknown> }> = [];
  const handlers = createOrderHandlers({
    port: () => port,
    brand: brandFromHubble(() => client),
    brands: brandsFromHubble(() => client),
    wallet: options.wallet ?? walletFromHubble(() => client),
    startBatches: () => scheduler.request(PROFILE, BATCH_JOB),
    audit: (action, details) => audit.push({ action, details }),
  });
  afterEach(() => scheduler.close());
  /** Resolves once the batch is no longer running (done, paused or cancelled) and the job is idle. */
  const settled = async (batchId: string) => {
    for (;;) {
      const { state } = (await handlers.batches(undefined)).batches.find((batch) => batch.batchId === batchId)!;
      const idle = scheduler.list(PROFILE).every((job) => job.state !== 'running');
      if (state !== 'running' && idle) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  return { client, port, scheduler, handlers, progress, audit, settled };
}

/** A CSV of `count` orders on one brand, one partner reference each (header on line 1). */
export function csvOf(brand: string, count: number, amount = '500', extra = ''): string {
  const lines = ['brand,amount,customer name,customer phone,partner reference'];
  for (let index = 0; index < count; index += 1)
    lines.push(`${brand},${amount},Person ${index},98765${String(index).padStart(5, '0')},REF-${index}${extra}`);
  return lines.join('\n') + '\n';
}

export const posts = async (sim: SimulatorFixture) =>
  ((await sim.control.requests()) as Array<{ method: string; path: string }>).filter(
    (entry) => entry.method === 'POST' && entry.path === '/v1/partners/orders',
  );
