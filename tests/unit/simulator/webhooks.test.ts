import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS, order, startReceiver, useTestSim, type Receiver, type TestSim } from './kit.ts';

const suite = useTestSim();
let t: TestSim;
let token: string;
let receiver: Receiver;
beforeEach(async () => {
  ({ sim: t, token } = suite);
  receiver = await startReceiver();
  await t.control.patchClient(DEMO_CLIENTS.staging.clientId, { webhookUrl: receiver.url });
});
afterEach(() => receiver.close());

const place = (body: unknown) => t.api<{ id: string; status: string }>('POST', '/v1/partners/orders', { token, body });
const hmac = (body: Buffer, secret: string) => crypto.createHmac('sha256', secret).update(body).digest('base64');
const received = () =>
  receiver.received.map((delivery) => JSON.parse(delivery.body.toString('utf8')) as Record<string, unknown>);

describe('§14.7 webhooks', () => {
  it("§14.37 webhooks are POSTed as JSON with X-Verify = base64(HMAC-SHA256(secret, exact bytes)), to each environment's own URL", async () => {
    const production = await startReceiver();
    try {
      await t.control.patchClient(DEMO_CLIENTS.production.clientId, { webhookUrl: production.url });
      await t.control.changeBrand(t.fixtures.flexible, { status: 'INACTIVE' });
      await t.control.flushWebhooks();
      const [staging] = receiver.received;
      expect(staging!.headers['content-type']).toBe('application/json');
      expect(staging!.headers['x-verify']).toBe(hmac(staging!.body, DEMO_CLIENTS.staging.webhookSecret));
      expect(staging!.headers['x-verify']).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      const [prod] = production.received;
      expect(prod!.headers['x-verify']).toBe(hmac(prod!.body, DEMO_CLIENTS.production.webhookSecret));
      expect(prod!.headers['x-verify']).not.toBe(hmac(prod!.body, DEMO_CLIENTS.staging.webhookSecret));
    } finally {
      await production.close();
    }
  });

  it('§14.37 the bad-signature switch sends an X-Verify that does not match, and the log says so', async () => {
    await t.control.config({ webhooks: { badSignature: true } });
    await t.control.changeBrand(t.fixtures.fixed, { status: 'INACTIVE' });
    const [log] = await t.control.flushWebhooks();
    const [delivery] = receiver.received;
    expect(delivery!.headers['x-verify']).not.toBe(hmac(delivery!.body, DEMO_CLIENTS.staging.webhookSecret));
    expect(log).toMatchObject({ signatureValid: false, signature: delivery!.headers['x-verify'] });
  });

  it('§14.38 Order Reached Terminal State {id, status} is sent when a PROCESSING order settles, and never for orders that were SUCCESS or FAILED at once', async () => {
    await place(order(t.fixtures.fixed, 'instant-ok', [[500, 1]]));
    await t.control.nextOutcome({ outcome: 'FAILED' });
    await place(order(t.fixtures.fixed, 'instant-fail', [[500, 1]]));
    await t.control.nextOutcome({ outcome: 'PROCESSING_THEN_SUCCESS', settleAfterSecs: 20 });
    const slowOk = (await place(order(t.fixtures.fixed, 'slow-ok', [[500, 1]]))).body;
    await t.control.nextOutcome({ outcome: 'PROCESSING_THEN_FAILED', settleAfterSecs: 10 });
    const slowFail = (await place(order(t.fixtures.fixed, 'slow-fail', [[500, 1]]))).body;
    await t.control.flushWebhooks();
    expect(receiver.received).toHaveLength(0);
    await t.control.advanceClock(30);
    await t.control.flushWebhooks();
    expect(received()).toEqual([
      { id: slowFail.id, status: 'FAILED' },
      { id: slowOk.id, status: 'SUCCESS' },
    ]);
    expect((await t.control.deliveries()).map((delivery) => delivery.type)).toEqual([
      'ORDER_TERMINAL_STATE',
      'ORDER_TERMINAL_STATE',
    ]);
  });

  it('§14.39 Wallet Low Balance {balance, threshold} is sent once per crossing of the threshold, again after a top-up re-arms it', async () => {
    await t.control.setWallet(DEMO_CLIENTS.staging.clientId, 12_000);
    await t.control.patchClient(DEMO_CLIENTS.staging.clientId, { lowBalanceThreshold: 10_000 });
    await place(order(t.fixtures.fixed, 'w1', [[1000, 1]]));
    await place(order(t.fixtures.fixed, 'w2', [[2000, 1]]));
    await place(order(t.fixtures.fixed, 'w3', [[1000, 1]]));
    await place(order(t.fixtures.fixed, 'w4', [[500, 1]]));
    await t.control.topUp(DEMO_CLIENTS.staging.clientId, 5000);
    await place(order(t.fixtures.fixed, 'w5', [[5000, 1]]));
    await t.control.flushWebhooks();
    expect(received()).toEqual([
      { balance: 9000, threshold: 10000 },
      { balance: 7500, threshold: 10000 },
    ]);
  });

  it('§14.40 Brand Updated carries {id, denominationType, status, denominations, amountRestrictions} with denominations at the top level', async () => {
    await t.control.changeBrand(t.fixtures.fixed, { denominations: [500, 1000, 2000] });
    await t.control.changeBrand(t.fixtures.fixed, { temporarilyDisabled: true });
    await t.control.changeBrand(t.fixtures.fixed, { amountRestrictions: { maxVouchersPerOrder: 2 } });
    await t.control.flushWebhooks();
    const payloads = received();
    expect(payloads).toHaveLength(2);
    expect(payloads[0]).toEqual({
      id: t.fixtures.fixed,
      denominationType: 'FIXED',
      status: 'ACTIVE',
      denominations: [500, 1000, 2000],
      amountRestrictions: {
        minOrderAmount: 500,
        maxOrderAmount: 20000,
        minVoucherAmount: 500,
        maxVoucherAmount: 5000,
        maxVouchersPerOrder: 5,
        maxVouchersPerDenomination: 3,
        maxDenominationsPerOrder: 2,
      },
    });
    expect(payloads[1]).toMatchObject({ amountRestrictions: { maxVouchersPerOrder: 2 } });
    expect((await t.control.deliveries()).every((delivery) => delivery.type === 'BRAND_UPDATED')).toBe(true);
  });

  it('§14.40 Brand Updated goes only to the clients the brand is enabled for', async () => {
    await t.control.changeBrand(t.fixtures.notEnabledForStaging, { status: 'INACTIVE' });
    await t.control.patchClient(DEMO_CLIENTS.b2c.clientId, { webhookUrl: receiver.url });
    await t.control.changeBrand(t.fixtures.flexible, { status: 'INACTIVE' });
    await t.control.flushWebhooks();
    expect((await t.control.deliveries()).map((delivery) => delivery.clientId)).toEqual([
      DEMO_CLIENTS.staging.clientId,
      DEMO_CLIENTS.b2c.clientId,
    ]);
  });

  it('§14.41 Brand Discount Update sends {brandId, subventionPercentage, validFrom, validTo?}; SDK brand events follow when switched on', async () => {
    await t.control.changeBrand(t.fixtures.flexible, { discountPercentage: 8, discountValidTo: '2025-02-28' });
    await t.control.changeBrand(t.fixtures.fixed, { discountPercentage: 3.5, discountValidTo: null });
    await t.control.flushWebhooks();
    expect(received()).toEqual([
      { brandId: t.fixtures.flexible, subventionPercentage: 8, validFrom: '2025-01-15', validTo: '2025-02-28' },
      { brandId: t.fixtures.fixed, subventionPercentage: 3.5, validFrom: '2025-01-15' },
    ]);
    receiver.received.length = 0;
    await t.control.config({ webhooks: { sdkBrandEvents: true } });
    await t.control.changeBrand(t.fixtures.flexible, { discountPercentage: 5 });
    await t.control.flushWebhooks();
    expect(received()).toEqual([
      { brandId: t.fixtures.flexible, subventionPercentage: 5, validFrom: '2025-01-15', validTo: '2025-02-28' },
      { event: 'USER_DISCOUNT_UPDATED', details: { id: t.fixtures.flexible, name: 'Zomato', discountPercentage: 5 } },
      {
        event: 'PARTNER_DISCOUNT_UPDATED',
        details: {
          brandId: t.fixtures.flexible,
          subventionPercentage: 5,
          validFrom: '2025-01-15',
          validTo: '2025-02-28',
        },
      },
    ]);
  });

  it('§14.42 only HTTP 200 counts as delivered; by default a failed delivery is not retried, as Hubble says', async () => {
    receiver.status = 500;
    await t.control.changeBrand(t.fixtures.fixed, { status: 'INACTIVE' });
    const [delivery] = await t.control.flushWebhooks();
    expect(delivery).toMatchObject({ state: 'failed', attempts: 1, responseStatus: 500 });
    expect(receiver.received).toHaveLength(1);
    receiver.status = 204;
    await t.control.changeBrand(t.fixtures.fixed, { status: 'ACTIVE' });
    expect((await t.control.flushWebhooks())[1]).toMatchObject({ state: 'failed', responseStatus: 204 });
  });

  it('§14.42 the retries switch retries with backoff and records every attempt', async () => {
    await t.control.config({ webhooks: { retries: 2, retryBackoffMs: 5 } });
    receiver.status = 503;
    await t.control.changeBrand(t.fixtures.fixed, { status: 'INACTIVE' });
    const [failed] = await t.control.flushWebhooks();
    expect(failed).toMatchObject({ state: 'failed', attempts: 3 });
    expect(failed!.attemptLog.map((attempt) => attempt.status)).toEqual([503, 503, 503]);
    receiver.status = 200;
    await t.control.changeBrand(t.fixtures.fixed, { status: 'ACTIVE' });
    expect((await t.control.flushWebhooks())[1]).toMatchObject({
      state: 'delivered',
      attempts: 1,
      responseStatus: 200,
    });
  });

  it('§14.42 the duplicate switch delivers every webhook twice, byte for byte', async () => {
    await t.control.config({ webhooks: { duplicate: true } });
    await t.control.changeBrand(t.fixtures.fixed, { status: 'INACTIVE' });
    const log = await t.control.flushWebhooks();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]!.body.equals(receiver.received[1]!.body)).toBe(true);
    expect(log[1]!.duplicateOf).toBe(log[0]!.seq);
  });

  it('§14.42 the out-of-order switch delivers each pair of webhooks in swapped order', async () => {
    await t.control.config({ webhooks: { outOfOrder: true } });
    await t.control.changeBrand(t.fixtures.fixed, { status: 'INACTIVE' });
    await t.control.changeBrand(t.fixtures.flexible, { status: 'INACTIVE' });
    await t.control.changeBrand(t.fixtures.aboveMaxDenomination, { status: 'INACTIVE' });
    await t.control.flushWebhooks();
    expect(received().map((payload) => payload['id'])).toEqual([
      t.fixtures.flexible,
      t.fixtures.fixed,
      t.fixtures.aboveMaxDenomination,
    ]);
  });

  it("§14.43 the delivery log shows what was sent, its signature and the receiver's answer", async () => {
    await t.control.changeBrand(t.fixtures.fixed, { status: 'INACTIVE' });
    const [log] = await t.control.flushWebhooks();
    const [delivery] = receiver.received;
    expect(log).toMatchObject({
      seq: 1,
      url: receiver.url,
      clientId: DEMO_CLIENTS.staging.clientId,
      type: 'BRAND_UPDATED',
      body: delivery!.body.toString('utf8'),
      signature: delivery!.headers['x-verify'],
      signatureValid: true,
      attempts: 1,
      responseStatus: 200,
      state: 'delivered',
    });
    expect(log!.at).toBe('2025-01-15T04:30:00.000Z');
    expect(await t.control.deliveries(1)).toEqual([]);
  });

  it('§14.42 optional SDK transaction webhooks report COMPLETED, FAILED and REVERSED with the SDK payload', async () => {
    await t.control.config({ webhooks: { sdkTransactions: true } });
    const done = (await place(order(t.fixtures.fixed, 'sdk-ok', [[500, 2]]))).body;
    await t.control.nextOutcome({ outcome: 'FAILED' });
    await place(order(t.fixtures.fixed, 'sdk-fail', [[500, 1]]));
    await t.control.reverse(done.id);
    await t.control.flushWebhooks();
    const [completed, failed, reversed] = received();
    expect(completed).toMatchObject({
      transactionReferenceId: done.id,
      orderStatus: 'COMPLETED',
      amount: 1000,
      partnerCoinReversalTransactionId: null,
      brandName: 'Croma',
      timestamp: '2025-01-15T04:30:00',
    });
    expect(completed!['vouchers']).toHaveLength(2);
    expect(failed).toMatchObject({ orderStatus: 'FAILED', vouchers: [] });
    expect(reversed).toMatchObject({
      transactionReferenceId: done.id,
      orderStatus: 'REVERSED',
      vouchers: [],
      partnerCoinReversalTransactionId: expect.any(String),
    });
  });
});
