import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runBatches } from '../../../src/main/areas/orders/batch-runner.ts';
import { brandFromHubble } from '../../../src/main/areas/orders/orders-handlers.ts';
import { AppError } from '../../../src/main/errors/app-error.ts';
import { TestClock } from '../../../src/main/kernel/jobs/clock.ts';
import { STAGING, useSimulator } from '../hubble/simulator-fixture.ts';
import { batchFixture, csvOf, posts, PROFILE } from './batch-fixture.ts';
import { rows, useOrdersDatabase } from './orders-fixture.ts';

const sim = useSimulator();
const orders = useOrdersDatabase();

const appError = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe('running a batch', () => {
  it('places 48 good rows of 50 in the background with jobs.progress, and writes a result CSV without card data', async () => {
    const { handlers, progress, settled, port, audit } = batchFixture(sim, orders);
    const csv = csvOf('Croma', 48) + 'Croma,600,,,X-1\nNobody,500,,,X-2\n';
    const report = await handlers.batchImport({ csv, name: 'Fifty' });
    expect(report).toMatchObject({ rows: 50, validRows: 48, totalPaise: 48 * 50_000 });
    expect((await appError(handlers.batchRun({ batchId: report.batchId, expectedTotalPaise: 1 }))).kind).toBe(
      'CONFLICT',
    );
    const started = await handlers.batchRun({ batchId: report.batchId, expectedTotalPaise: report.totalPaise });
    expect(started.state).toBe('running');
    expect(
      (await appError(handlers.batchRun({ batchId: report.batchId, expectedTotalPaise: report.totalPaise }))).kind,
    ).toBe('CONFLICT');
    await settled(report.batchId);

    const summary = (await handlers.batches(undefined)).batches[0]!;
    expect(summary).toMatchObject({
      state: 'done',
      placedPaise: 48 * 50_000,
      counts: { succeeded: 48, invalid: 2, pending: 0, inFlight: 0, failed: 0 },
    });
    const batchEvents = progress.filter((event) => event.job === 'orders.batch' && event.profileId === PROFILE);
    expect(batchEvents.at(-1)).toMatchObject({ state: 'done', done: 48, total: 48 });
    expect(batchEvents.filter((event) => event.state === 'running').length).toBeGreaterThan(10);
    expect(batchEvents.every((event) => event.message === null || event.message.startsWith(report.batchId))).toBe(true);

    const placed = rows<{ source: string; batch_id: string; status: string }>(
      port.db,
      'SELECT source, batch_id, status FROM orders',
    );
    expect(placed).toHaveLength(48);
    expect(new Set(placed.map((row) => `${row.source}|${row.batch_id}|${row.status}`))).toEqual(
      new Set([`batch|${report.batchId}|SUCCESS`]),
    );
    expect(await posts(sim)).toHaveLength(48);
    expect(audit.map((entry) => entry.action)).toEqual(['orders.batch-import', 'orders.batch-run']);

    const result = await handlers.batchResultCsv({ batchId: report.batchId });
    const records = parse(result.csv, { columns: true }) as Array<Record<string, string>>;
    expect(records).toHaveLength(50);
    expect(records[0]).toMatchObject({
      line: '2',
      partner_reference: 'REF-0',
      outcome: 'SUCCESS',
      amount_inr: '500.00',
    });
    expect(records.find((record) => record['line'] === '50')).toMatchObject({
      outcome: 'NOT_SENT',
      error: 'NO_DENOMINATION_SPLIT',
    });
    expect(records.find((record) => record['line'] === '51')).toMatchObject({ outcome: 'NOT_SENT', error: 'E101' });
    // No card number or PIN: the simulator's cards for these orders appear nowhere in it.
    const cards = (
      await Promise.all(records.slice(0, 5).map((record) => sim.client().getOrder(record['order_id']!)))
    ).flatMap((answer) => (answer.outcome === 'ok' ? answer.value.vouchers : []));
    expect(cards.length).toBe(5);
    for (const card of cards) {
      expect(result.csv).not.toContain(card.cardNumber!);
      expect(result.csv).not.toContain(card.cardPin!);
    }
    expect(result.csv.split('\n')[0]).not.toMatch(/card|pin/i);
  });

  it('pauses, resumes and cancels; cancelled rows are never sent', async () => {
    const { handlers, settled, progress } = batchFixture(sim, orders, { minIntervalMs: 15 });
    const report = await handlers.batchImport({ csv: csvOf('Croma', 40) });
    await handlers.batchRun({ batchId: report.batchId, expectedTotalPaise: report.totalPaise });
    while (progress.filter((event) => event.message?.includes('SUCCESS')).length < 3)
      await new Promise((resolve) => setTimeout(resolve, 2));
    const paused = await handlers.batchPause({ batchId: report.batchId });
    expect(paused).toMatchObject({ state: 'paused', pauseReason: 'Paused by the operator.' });
    await settled(report.batchId);
    const atPause = (await posts(sim)).length;
    expect(atPause).toBeGreaterThanOrEqual(3);
    expect(atPause).toBeLessThan(40);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await posts(sim)).toHaveLength(atPause);
    expect((await appError(handlers.batchPause({ batchId: report.batchId }))).kind).toBe('CONFLICT');

    await handlers.batchResume({ batchId: report.batchId });
    await settled(report.batchId);
    expect((await handlers.batch({ batchId: report.batchId, offset: 0, limit: 100 })).counts).toMatchObject({
      succeeded: 40,
      pending: 0,
    });
    expect(await posts(sim)).toHaveLength(40);

    const second = await handlers.batchImport({ csv: csvOf('Croma', 40, '1000') });
    await handlers.batchRun({ batchId: second.batchId, expectedTotalPaise: second.totalPaise });
    while ((await posts(sim)).length < 43) await new Promise((resolve) => setTimeout(resolve, 2));
    const cancelled = await handlers.batchCancel({ batchId: second.batchId });
    expect(cancelled.state).toBe('cancelled');
    await settled(second.batchId);
    const after = await handlers.batch({ batchId: second.batchId, offset: 0, limit: 100 });
    const sent = after.counts.succeeded;
    expect(after.counts.cancelled).toBe(40 - sent);
    expect(after.counts.pending + after.counts.inFlight).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await posts(sim)).toHaveLength(40 + sent);
    expect((await appError(handlers.batchResume({ batchId: second.batchId }))).kind).toBe('CONFLICT');
    const csv = await handlers.batchResultCsv({ batchId: second.batchId });
    expect(csv.csv).toContain('CANCELLED_BEFORE_SENDING');
  });

  it('pauses on E300 instead of burning through the rest, and goes on after a top-up', async () => {
    const { handlers, settled } = batchFixture(sim, orders, {
      // The dry run saw enough money; the wallet is drained before the batch runs.
      wallet: async () => ({ ok: true, balancePaise: 10_000_000_00 }),
    });
    const report = await handlers.batchImport({ csv: csvOf('Croma', 6) });
    await sim.control.setWallet(STAGING.clientId, 1_500);
    await handlers.batchRun({ batchId: report.batchId, expectedTotalPaise: report.totalPaise });
    await settled(report.batchId);
    const paused = await handlers.batch({ batchId: report.batchId, offset: 0, limit: 100 });
    expect(paused).toMatchObject({ state: 'paused', counts: { succeeded: 3, failed: 1, pending: 2 } });
    expect(paused.pauseReason).toMatch(/line 5 .*E300/);
    expect(paused.rows[3]).toMatchObject({ line: 5, orderStatus: 'REJECTED', errorId: 'E300' });
    await sim.control.setWallet(STAGING.clientId, 100_000);
    await handlers.batchResume({ batchId: report.batchId });
    await settled(report.batchId);
    expect((await handlers.batch({ batchId: report.batchId, offset: 0, limit: 100 })).counts).toMatchObject({
      succeeded: 5,
      failed: 1,
      pending: 0,
    });
  });

  it('paces under the profile’s rate limits: waits for the window instead of collecting E400s', async () => {
    const clock = new TestClock(Date.UTC(2025, 0, 6, 4, 40)); // 10:10 IST: the hourly window ends at 11:00 IST
    const { handlers, port, client } = batchFixture(sim, orders, { clock });
    const report = await handlers.batchImport({ csv: csvOf('Croma', 5) });
    const batches = new (await import('../../../src/main/areas/orders/batch-store.ts')).BatchStore(port.db);
    batches.transition(report.batchId, ['draft'], 'running', clock.now());
    const messages: string[] = [];
    const run = runBatches(
      {
        port,
        clock,
        brand: brandFromHubble(() => client),
        rateLimits: () => [
          { scope: 'partner', type: 'count', window: 'hourly', limit: 3 },
          { scope: 'brand', productId: null, brandScope: 'global', type: 'amount', window: 'daily', limit: 100_000 },
        ],
        minIntervalMs: 0,
      },
      { signal: new AbortController().signal, progress: (_done, _total, message) => messages.push(message ?? '') },
    );
    while (!messages.some((message) => message.includes('waiting until')))
      await new Promise((resolve) => setTimeout(resolve, 2));
    expect(await posts(sim)).toHaveLength(3);
    expect(messages.find((message) => message.includes('waiting until'))).toContain('2025-01-06T05:30:00.000Z');
    await clock.advance(49 * 60_000);
    expect(await posts(sim)).toHaveLength(3);
    await clock.advance(60_000);
    await run;
    expect(await posts(sim)).toHaveLength(5);
    expect(rows(port.db, `SELECT count(*) AS n FROM orders WHERE status = 'SUCCESS'`)).toEqual([{ n: 5 }]);
    expect(batches.state(report.batchId)).toBe('done');
  });
});
