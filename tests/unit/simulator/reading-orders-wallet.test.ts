import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS, order, useTestSim, type TestSim } from './kit.ts';

interface Order {
  id: string;
  referenceId: string;
  status: string;
  vouchers: Array<{ id: string; amount: number }>;
  failureReason: string | null;
}

const suite = useTestSim();
let t: TestSim;
let token: string;
beforeEach(() => {
  ({ sim: t, token } = suite);
});

const place = (body: unknown, as = token) => t.api<Order>('POST', '/v1/partners/orders', { token: as, body });
const get = <T = Order>(path: string, as = token) => t.api<T>('GET', path, { token: as });
const balance = async () => (await get<{ balance: number }>('/v1/partners/wallet/balance')).body.balance;

describe('§14.6 reading orders and the wallet', () => {
  it("§14.31 GET /orders/:orderId returns the order; an unknown id or another client's order → 404 E001", async () => {
    const placed = (await place(order(t.fixtures.fixed, 'read-1', [[500, 1]]))).body;
    const read = await get(`/v1/partners/orders/${placed.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(placed);
    const unknown = await get('/v1/partners/orders/01ZZZZZZZZZZZZZZZZZZZZZZZZ');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ id: 'E001', code: 'RESOURCE_NOT_FOUND' });
    expect((await get(`/v1/partners/orders/${placed.id}`, await t.login(DEMO_CLIENTS.production))).status).toBe(404);
  });

  it('§14.32 GET /orders/by-reference/:referenceId returns the order, or 404 when none was created', async () => {
    expect((await get('/v1/partners/orders/by-reference/never-sent')).status).toBe(404);
    const placed = (await place(order(t.fixtures.fixed, 'ref/with space', [[500, 1]]))).body;
    const found = await get(`/v1/partners/orders/by-reference/${encodeURIComponent('ref/with space')}`);
    expect(found.status).toBe(200);
    expect(found.body).toEqual(placed);
    expect(
      (
        await get(
          `/v1/partners/orders/by-reference/${encodeURIComponent('ref/with space')}`,
          await t.login(DEMO_CLIENTS.production),
        )
      ).status,
    ).toBe(404);
  });

  it('§14.33 GET /orders/vouchers/:id returns that voucher; an unknown id → 404', async () => {
    const placed = (
      await place(
        order(t.fixtures.fixed, 'voucher-1', [
          [500, 1],
          [1000, 1],
        ]),
      )
    ).body;
    for (const voucher of placed.vouchers)
      expect((await get(`/v1/partners/orders/vouchers/${voucher.id}`)).body).toEqual(voucher);
    const unknown = await get('/v1/partners/orders/vouchers/01ZZZZZZZZZZZZZZZZZZZZZZZZ');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ id: 'E001' });
    expect(
      (await get(`/v1/partners/orders/vouchers/${placed.vouchers[0]!.id}`, await t.login(DEMO_CLIENTS.production)))
        .status,
    ).toBe(404);
  });

  it('§14.34 reads of a PROCESSING order show PROCESSING with empty vouchers until it reaches a terminal state', async () => {
    await t.control.nextOutcome({ outcome: 'PROCESSING_THEN_SUCCESS', settleAfterSecs: 60 });
    const placed = (await place(order(t.fixtures.fixed, 'pending-1', [[500, 2]]))).body;
    for (const path of [`/v1/partners/orders/${placed.id}`, '/v1/partners/orders/by-reference/pending-1']) {
      expect((await get(path)).body).toMatchObject({ status: 'PROCESSING', vouchers: [], failureReason: null });
    }
    await t.control.advanceClock(60);
    for (const path of [`/v1/partners/orders/${placed.id}`, '/v1/partners/orders/by-reference/pending-1']) {
      const read = (await get(path)).body;
      expect(read.status).toBe('SUCCESS');
      expect(read.vouchers).toHaveLength(2);
    }
  });

  it('§14.35 GET /wallet/balance is {balance} in rupees with decimals, reflects debits and refunds at once, and can be set or topped up', async () => {
    await t.control.setWallet(DEMO_CLIENTS.staging.clientId, 1000.5);
    const answer = await get<{ balance: number }>('/v1/partners/wallet/balance');
    expect(answer.body).toEqual({ balance: 1000.5 });
    await place(order(t.fixtures.flexible, 'spend', [[250.25, 1]]));
    expect(await balance()).toBe(750.25);
    await t.control.nextOutcome({ outcome: 'FAILED' });
    await place(order(t.fixtures.flexible, 'refunded', [[500, 1]]));
    expect(await balance()).toBe(750.25);
    await t.control.topUp(DEMO_CLIENTS.staging.clientId, 0.1);
    expect(await balance()).toBe(750.35);
    // Paise arithmetic: ten debits of 250.01 from 10000 leave exactly 7499.9, with no float drift.
    await t.control.setWallet(DEMO_CLIENTS.staging.clientId, 10000);
    for (let i = 0; i < 10; i += 1) await place(order(t.fixtures.flexible, `tiny-${i}`, [[250.01, 1]]));
    expect(await balance()).toBe(7499.9);
  });

  it('§14.36 admin controls move a SUCCESS order to REVERSED (refunded) and an order to CANCELLED', async () => {
    const start = await balance();
    const done = (await place(order(t.fixtures.fixed, 'to-reverse', [[1000, 1]]))).body;
    const reversed = await t.control.reverse(done.id);
    expect(reversed).toMatchObject({ status: 'REVERSED', refunded: 1000 });
    expect((await get(`/v1/partners/orders/${done.id}`)).body).toMatchObject({ status: 'REVERSED', vouchers: [] });
    expect(await balance()).toBe(start);

    await t.control.nextOutcome({ outcome: 'PROCESSING_THEN_SUCCESS', settleAfterSecs: 30 });
    const pending = (await place(order(t.fixtures.fixed, 'to-cancel', [[500, 1]]))).body;
    await t.control.cancel(pending.id);
    await t.control.advanceClock(60);
    expect((await get(`/v1/partners/orders/${pending.id}`)).body).toMatchObject({ status: 'CANCELLED', vouchers: [] });
    expect(await balance()).toBe(start);
    await expect(t.control.reverse(pending.id)).rejects.toThrow(/409/);
  });
});
