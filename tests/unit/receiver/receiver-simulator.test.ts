import type Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifyPayload } from '../../../src/shared/webhooks/classify-payload.ts';
import { DEMO_CLIENTS, order, useTestSim, type TestSim } from '../simulator/kit.ts';
import { events, openProfileDb, startTestReceiver, tempDir, type TestReceiver } from './receiver-fixture.ts';

const suite = useTestSim();
let t: TestSim;
let token: string;
let db: Database.Database;
let receiver: TestReceiver;

beforeEach(async () => {
  ({ sim: t, token } = suite);
  db = openProfileDb(path.join(tempDir('receiver-'), 'staging.db'));
  receiver = await startTestReceiver({ db, profileId: 'staging', secret: DEMO_CLIENTS.staging.webhookSecret });
  await t.control.patchClient(DEMO_CLIENTS.staging.clientId, { webhookUrl: receiver.url });
});
afterEach(async () => {
  await receiver.close();
  db.close();
});

const place = (body: unknown) => t.api<{ id: string; status: string }>('POST', '/v1/partners/orders', { token, body });
const settled = async () => {
  await t.control.flushWebhooks();
  await receiver.runtime.drain();
};

describe('the receiver against the simulator’s signed webhooks (real HTTP)', () => {
  it('stores and applies all 11 webhook types, each delivery answered 200', async () => {
    await t.control.config({ webhooks: { sdkTransactions: true, sdkBrandEvents: true } });
    await t.control.setWallet(DEMO_CLIENTS.staging.clientId, 12_000);
    await t.control.patchClient(DEMO_CLIENTS.staging.clientId, { lowBalanceThreshold: 10_000 });
    await t.control.nextOutcome({ outcome: 'PROCESSING_THEN_SUCCESS', settleAfterSecs: 10 });
    await place(order(t.fixtures.fixed, 'slow-ok', [[1000, 1]]));
    await t.control.advanceClock(20);
    await t.control.nextOutcome({ outcome: 'FAILED' });
    await place(order(t.fixtures.fixed, 'failed', [[1000, 1]]));
    const reversed = await place(order(t.fixtures.fixed, 'reversed', [[1000, 1]]));
    await t.control.reverse(reversed.body.id);
    await place(order(t.fixtures.fixed, 'low', [[2000, 1]]));
    await t.control.changeBrand(t.fixtures.flexible, { discountPercentage: 8, discountValidTo: null });
    await t.control.changeBrand(t.fixtures.fixed, { status: 'INACTIVE' });
    await t.control.patchClient(DEMO_CLIENTS.staging.clientId, { enableBrands: [t.fixtures.notEnabledForStaging] });
    await settled();

    const deliveries = await t.control.deliveries();
    expect(deliveries.every((delivery) => delivery.responseStatus === 200)).toBe(true);
    const rows = events(db);
    expect(rows).toHaveLength(deliveries.length);
    expect(new Set(rows.map((row) => row.type))).toEqual(
      new Set([
        'order-terminal-state',
        'wallet-low-balance',
        'brand-updated',
        'brand-discount-update',
        'sdk-transaction-completed',
        'sdk-transaction-failed',
        'sdk-transaction-reversed',
        'sdk-user-discount-updated',
        'sdk-new-brand-created',
        'sdk-brand-disabled',
        'sdk-partner-discount-updated',
      ]),
    );
    expect(rows.every((row) => row.verdict === 'valid' && row.state === 'applied')).toBe(true);
    // The receiver's quick typing agrees with the signature debugger's full classifier on every delivery.
    expect(rows.map((row) => row.type)).toEqual(
      rows.map((row) => classifyPayload(JSON.parse(row.body!.toString('utf8'))).type),
    );
    // Exact bytes: what the simulator signed is what the table holds.
    expect(rows.map((row) => row.body!.toString('utf8'))).toEqual(deliveries.map((delivery) => delivery.body));
    expect(receiver.applied.map((event) => event.eventId)).toEqual(rows.map((row) => row.id));
  });

  it('a duplicate is answered 200, recorded as a duplicate of the first and applied once', async () => {
    await t.control.config({ webhooks: { duplicate: true } });
    await t.control.changeBrand(t.fixtures.fixed, { status: 'INACTIVE' });
    await settled();
    const deliveries = await t.control.deliveries();
    expect(deliveries.map((delivery) => delivery.responseStatus)).toEqual([200, 200]);
    const [first, second] = events(db);
    expect(first).toMatchObject({ state: 'applied', duplicate_of: null });
    expect(second).toMatchObject({ state: 'duplicate', duplicate_of: first!.id, dedupe_key: first!.dedupe_key });
    expect(receiver.applied).toHaveLength(1);
  });

  it('out-of-order deliveries are each stored and applied, in the order they arrived', async () => {
    await t.control.config({ webhooks: { outOfOrder: true } });
    await t.control.changeBrand(t.fixtures.fixed, { status: 'INACTIVE' });
    await t.control.changeBrand(t.fixtures.flexible, { status: 'INACTIVE' });
    await settled();
    const payloads = receiver.applied.map((event) => (event.payload as { id: string }).id);
    expect(payloads).toEqual([t.fixtures.flexible, t.fixtures.fixed]);
    expect(events(db).every((row) => row.state === 'applied')).toBe(true);
  });

  it('a bad signature is answered 401 and leaves only a rejection record: no body, nothing applied', async () => {
    await t.control.config({ webhooks: { badSignature: true } });
    await t.control.changeBrand(t.fixtures.fixed, { status: 'INACTIVE' });
    await settled();
    expect((await t.control.deliveries())[0]).toMatchObject({ responseStatus: 401, state: 'failed' });
    expect(events(db)).toEqual([
      expect.objectContaining({ verdict: 'invalid', state: 'rejected', body: null, type: null, dedupe_key: null }),
    ]);
    expect(receiver.applied).toHaveLength(0);
  });

  it("staging's secret on production's path is answered 401", async () => {
    const productionDb = openProfileDb(path.join(tempDir('receiver-'), 'production.db'));
    const production = await startTestReceiver({
      db: productionDb,
      profileId: 'production',
      secret: DEMO_CLIENTS.production.webhookSecret,
    });
    try {
      expect(production.url).toMatch(/\/hubble\/production$/);
      await t.control.patchClient(DEMO_CLIENTS.staging.clientId, { webhookUrl: production.url });
      await t.control.changeBrand(t.fixtures.fixed, { status: 'INACTIVE' });
      await t.control.flushWebhooks();
      expect((await t.control.deliveries())[0]).toMatchObject({ responseStatus: 401 });
      expect(events(productionDb).map((row) => row.verdict)).toEqual(['invalid']);
      expect(events(db)).toEqual([]);
      // The staging path on the production receiver does not exist at all.
      const wrongPath = production.url.replace('/production', '/staging');
      await t.control.patchClient(DEMO_CLIENTS.staging.clientId, { webhookUrl: wrongPath });
      await t.control.changeBrand(t.fixtures.fixed, { status: 'ACTIVE' });
      await t.control.flushWebhooks();
      expect((await t.control.deliveries())[1]).toMatchObject({ responseStatus: 404 });
    } finally {
      await production.close();
      productionDb.close();
    }
  });
});
