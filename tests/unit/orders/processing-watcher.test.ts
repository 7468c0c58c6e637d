import { describe, expect, it } from 'vitest';
import { createOrderHandlers, brandFromHubble } from '../../../src/main/areas/orders/orders-handlers.ts';
import type { OrdersPort } from '../../../src/main/areas/orders/orders-port.ts';
import { placeOrder } from '../../../src/main/areas/orders/place-order.ts';
import {
  POLL_BACKOFF_MS,
  processingWatcherJob,
  settleFromWebhook,
  WATCH_JOB,
  WATCH_TICK_MS,
} from '../../../src/main/areas/orders/processing-watcher.ts';
import { TestClock } from '../../../src/main/kernel/jobs/clock.ts';
import { createJobScheduler, type JobScheduler } from '../../../src/main/kernel/jobs/job-scheduler.ts';
import { ordersOperations } from '../../../src/shared/contract/orders.ts';
import { useSimulator } from '../hubble/simulator-fixture.ts';
import { rs } from './brands.ts';
import { liveBrand, rows, useOrdersDatabase } from './orders-fixture.ts';

const sim = useSimulator();
const orders = useOrdersDatabase();
const PROFILE = 'watched';
const MINUTE = 60_000;

/** The watcher on a TestClock: the port, the scheduler and the times at which it asked Hubble for an order. */
async function setup(onPoll?: (port: OrdersPort) => void) {
  const clock = new TestClock();
  const real = sim.client();
  const polledAt: number[] = [];
  const port: OrdersPort = orders.port(
    {
      ...real,
      getOrder: async (orderId) => {
        polledAt.push(clock.now());
        const result = await real.getOrder(orderId);
        onPoll?.(port);
        return result;
      },
    },
    { now: () => clock.now() },
  );
  const scheduler = createJobScheduler({ clock, progressIntervalMs: 0 });
  scheduler.register(
    PROFILE,
    processingWatcherJob(() => port),
  );
  scheduler.setActiveProfile(PROFILE);
  const fx = await sim.control.fixtures();
  return { clock, port, scheduler, polledAt, brand: await liveBrand(real, fx.fixed) };
}

/**
 * Moves the clock one watcher tick at a time, waiting after each for the run it started (real HTTP to the
 * simulator) to end, as time would pass for a console that is awake.
 */
async function advance(clock: TestClock, scheduler: JobScheduler, ms: number) {
  for (let left = ms; left > 0; left -= WATCH_TICK_MS) {
    await clock.advance(Math.min(WATCH_TICK_MS, left));
    while (scheduler.list(PROFILE).some((job) => job.name === WATCH_JOB && job.state === 'running'))
      await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

async function placeProcessing(port: OrdersPort, brand: Awaited<ReturnType<typeof setup>>['brand'], settle: string) {
  await sim.control.nextOutcome({ outcome: settle as 'PROCESSING_THEN_SUCCESS', settleAfterSecs: 600 });
  const placed = await placeOrder(port, { brand, amountPaise: rs(1000) });
  if (placed.kind !== 'placed') throw new Error('expected a placement');
  expect(placed.order.status).toBe('PROCESSING');
  return placed.order;
}

const historyOf = (port: OrdersPort, rowId: number) =>
  rows(port.db, 'SELECT status, source, at FROM order_status_history WHERE order_ref = ? ORDER BY id', rowId);

describe('the PROCESSING watcher (orders.watch-processing)', () => {
  it('polls a PROCESSING order with backoff until the simulator settles it to SUCCESS', async () => {
    const { clock, port, scheduler, polledAt, brand } = await setup();
    const start = clock.now();
    const order = await placeProcessing(port, brand, 'PROCESSING_THEN_SUCCESS');
    await advance(clock, scheduler, 5_000);
    expect(polledAt).toEqual([]);
    await advance(clock, scheduler, 5_000);
    expect(polledAt).toEqual([start + 10_000]);
    // Still PROCESSING at Hubble: the next poll comes 30 s later, then 1 min, then 2 min.
    await advance(clock, scheduler, 3 * MINUTE);
    expect(polledAt).toEqual([start + 10_000, start + 40_000, start + 100_000]);
    await sim.control.advanceClock(600);
    await advance(clock, scheduler, 2 * MINUTE);
    expect(polledAt.at(-1)).toBe(start + 220_000);
    expect(historyOf(port, order.rowId).map(({ status, source }) => [status, source])).toEqual([
      ['INTENT', 'intent'],
      ['PROCESSING', 'place'],
      ['SUCCESS', 'poll'],
    ]);
    const [stored] = rows<{ status: string; voucher_ids_json: string }>(
      port.db,
      'SELECT status, voucher_ids_json FROM orders WHERE id = ?',
      order.rowId,
    );
    expect(stored!.status).toBe('SUCCESS');
    expect(JSON.parse(stored!.voucher_ids_json)).toHaveLength(1);
    expect(rows(port.db, 'SELECT * FROM order_watch')).toEqual([]);
    // Terminal: never polled again.
    const polls = polledAt.length;
    await advance(clock, scheduler, 30 * MINUTE);
    expect(polledAt).toHaveLength(polls);
    expect(rows(port.db, `SELECT purpose FROM order_calls WHERE purpose = 'poll'`)).toHaveLength(polls);
    await scheduler.close();
  });

  it('settles PROCESSING → FAILED by polling, and caps the backoff', async () => {
    const { clock, port, scheduler, polledAt, brand } = await setup();
    const start = clock.now();
    const order = await placeProcessing(port, brand, 'PROCESSING_THEN_FAILED');
    await advance(clock, scheduler, 30 * MINUTE);
    const gaps = polledAt.map((at, index) => at - (index === 0 ? start : polledAt[index - 1]!));
    expect(gaps.slice(0, POLL_BACKOFF_MS.length)).toEqual([...POLL_BACKOFF_MS]);
    expect(new Set(gaps.slice(POLL_BACKOFF_MS.length))).toEqual(new Set([POLL_BACKOFF_MS.at(-1)]));
    await sim.control.advanceClock(600);
    await advance(clock, scheduler, 5 * MINUTE);
    expect(rows(port.db, 'SELECT status, failure_reason FROM orders WHERE id = ?', order.rowId)).toEqual([
      { status: 'FAILED', failure_reason: expect.any(String) },
    ]);
    await scheduler.close();
  });

  it('flags an order PROCESSING longer than the profile’s setting as stuck, and filters on it', async () => {
    const { clock, port, scheduler, brand } = await setup();
    const handlers = createOrderHandlers({ port: () => port, brand: brandFromHubble(() => sim.client()) });
    const order = await placeProcessing(port, brand, 'PROCESSING_THEN_SUCCESS');
    const stuckOnly = ordersOperations.search.input.parse({ filters: { stuck: true } });
    const notStuck = ordersOperations.search.input.parse({ filters: { stuck: false } });
    expect(await handlers.watchSettings(undefined)).toEqual({ stuckAfterMinutes: 15 });
    await advance(clock, scheduler, 14 * MINUTE);
    expect((await handlers.search(stuckOnly)).total).toBe(0);
    expect((await handlers.search(notStuck)).rows).toEqual([
      expect.objectContaining({ status: 'PROCESSING', stuck: false, processingSince: expect.any(Number) }),
    ]);
    await advance(clock, scheduler, MINUTE);
    const page = await handlers.search(stuckOnly);
    expect(page.rows).toEqual([expect.objectContaining({ referenceId: order.referenceId, stuck: true })]);
    expect(await handlers.get({ referenceId: order.referenceId! })).toMatchObject({ stuck: true });
    // Stored per profile: a longer threshold un-flags it.
    await handlers.setWatchSettings({ stuckAfterMinutes: 60 });
    expect((await handlers.search(stuckOnly)).total).toBe(0);
    expect(rows(port.db, 'SELECT key FROM orders_settings')).toEqual([{ key: 'watch' }]);
    // Settled orders are never stuck.
    await handlers.setWatchSettings({ stuckAfterMinutes: 1 });
    await sim.control.advanceClock(600);
    await advance(clock, scheduler, 5 * MINUTE);
    expect((await handlers.search(stuckOnly)).total).toBe(0);
    expect((await handlers.get({ referenceId: order.referenceId! })).stuck).toBe(false);
    await scheduler.close();
  });

  it('stops early when the terminal-state webhook settles the order (settleFromWebhook)', async () => {
    const { clock, port, scheduler, polledAt, brand } = await setup();
    const order = await placeProcessing(port, brand, 'PROCESSING_THEN_SUCCESS');
    await advance(clock, scheduler, 10_000);
    expect(polledAt).toHaveLength(1);
    expect(settleFromWebhook(port.db, { orderId: order.orderId!, status: 'SUCCESS', at: clock.now() })).toBe('settled');
    expect(settleFromWebhook(port.db, { orderId: order.orderId!, status: 'SUCCESS', at: clock.now() })).toBe(
      'unchanged',
    );
    expect(settleFromWebhook(port.db, { orderId: 'NO-SUCH-ORDER', status: 'FAILED', at: clock.now() })).toBe(
      'unknown-order',
    );
    await advance(clock, scheduler, 30 * MINUTE);
    expect(polledAt).toHaveLength(1);
    expect(historyOf(port, order.rowId).map(({ status, source }) => [status, source])).toEqual([
      ['INTENT', 'intent'],
      ['PROCESSING', 'place'],
      ['SUCCESS', 'webhook'],
    ]);
    await scheduler.close();
  });

  it('never lets a poll that was already out undo a webhook’s settlement', async () => {
    let settleDuringPoll = true;
    const { clock, port, scheduler, polledAt, brand } = await setup((current) => {
      if (!settleDuringPoll) return;
      settleDuringPoll = false;
      const orderId = rows<{ order_id: string }>(current.db, 'SELECT order_id FROM orders')[0]!.order_id;
      expect(settleFromWebhook(current.db, { orderId, status: 'SUCCESS', at: clock.now() })).toBe('settled');
    });
    const order = await placeProcessing(port, brand, 'PROCESSING_THEN_SUCCESS');
    await advance(clock, scheduler, 10_000);
    expect(polledAt).toHaveLength(1);
    expect(rows(port.db, 'SELECT status FROM orders WHERE id = ?', order.rowId)).toEqual([{ status: 'SUCCESS' }]);
    expect(rows(port.db, 'SELECT * FROM order_watch')).toEqual([]);
    await scheduler.close();
  });
});
