import { request } from 'undici';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../../src/main/simulator/catalogue/load-catalogue.ts';
import { DEMO_CLIENTS, order, startTestSim, useTestSim, type TestSim } from './kit.ts';

interface Voucher {
  id: string;
  cardType: string;
  cardNumber: string;
  cardPin: string;
  validTill: string;
  amount: number | string;
}
interface Order {
  id: string;
  referenceId: string;
  status: string;
  vouchers: Voucher[];
  failureReason: string | null;
}

const suite = useTestSim();
let t: TestSim;
let token: string;
beforeEach(() => {
  ({ sim: t, token } = suite);
});

const place = (body: unknown) => t.api<Order>('POST', '/v1/partners/orders', { token, body });
const byReference = (referenceId: string) =>
  t.api<Order>('GET', `/v1/partners/orders/by-reference/${referenceId}`, { token });
const balance = async () =>
  (await t.api<{ balance: number }>('GET', '/v1/partners/wallet/balance', { token })).body.balance;

describe('§14.5 placing orders: outcomes and idempotency', () => {
  it('§14.25 a first-time referenceId that passes validation creates exactly one order with a new ULID id', async () => {
    const before = (await t.control.stats()).orders;
    const answer = await place(order(t.fixtures.fixed, 'first-1', [[500, 1]]));
    expect(answer.status).toBe(200);
    expect(answer.body.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(answer.body.referenceId).toBe('first-1');
    expect((await t.control.stats()).orders).toBe(before + 1);
    const second = await place(order(t.fixtures.fixed, 'first-2', [[500, 1]]));
    expect(second.body.id).not.toBe(answer.body.id);
  });

  it('§14.26 SUCCESS at once: one voucher per unit of quantity, each worth its denomination, failureReason null', async () => {
    const answer = await place(
      order(t.fixtures.fixed, 'ok-1', [
        [500, 3],
        [2000, 2],
      ]),
    );
    expect(answer.body.status).toBe('SUCCESS');
    expect(answer.body.failureReason).toBeNull();
    expect(answer.body.vouchers.map((voucher) => voucher.amount).sort((a, b) => Number(a) - Number(b))).toEqual([
      500, 500, 500, 2000, 2000,
    ]);
    expect(new Set(answer.body.vouchers.map((voucher) => voucher.id)).size).toBe(5);
  });

  it('§14.26 PROCESSING with empty vouchers settles to SUCCESS after its delay on the simulator clock', async () => {
    await t.control.nextOutcome({ outcome: 'PROCESSING_THEN_SUCCESS', settleAfterSecs: 30 });
    const answer = await place(order(t.fixtures.fixed, 'slow-1', [[1000, 2]]));
    expect(answer.body).toEqual({
      id: answer.body.id,
      referenceId: 'slow-1',
      status: 'PROCESSING',
      vouchers: [],
      failureReason: null,
    });
    await t.control.advanceClock(29);
    expect((await byReference('slow-1')).body.status).toBe('PROCESSING');
    await t.control.advanceClock(1);
    const settled = (await byReference('slow-1')).body;
    expect(settled.status).toBe('SUCCESS');
    expect(settled.vouchers).toHaveLength(2);
  });

  it('§14.26 PROCESSING can settle to FAILED with a failureReason, and FAILED can come at once with no vouchers', async () => {
    await t.control.nextOutcome({
      outcome: 'PROCESSING_THEN_FAILED',
      settleAfterSecs: 10,
      failureReason: 'Provider declined',
    });
    await t.control.nextOutcome({ outcome: 'FAILED' });
    const slow = await place(order(t.fixtures.fixed, 'slow-fail', [[500, 1]]));
    const fast = await place(order(t.fixtures.fixed, 'fast-fail', [[500, 1]]));
    expect(slow.body.status).toBe('PROCESSING');
    expect(fast.body).toMatchObject({ status: 'FAILED', vouchers: [], failureReason: expect.any(String) });
    await t.control.advanceClock(10);
    expect((await byReference('slow-fail')).body).toMatchObject({
      status: 'FAILED',
      vouchers: [],
      failureReason: 'Provider declined',
    });
  });

  it('§14.26 a PROCESSING order also settles on a real timer when the clock follows the wall clock', async () => {
    const live = await startTestSim({ clock: undefined });
    try {
      const liveToken = await live.login();
      await live.control.nextOutcome({ outcome: 'PROCESSING_THEN_SUCCESS', settleAfterSecs: 0.05 });
      const placed = await live.api<Order>('POST', '/v1/partners/orders', {
        token: liveToken,
        body: order(live.fixtures.fixed, 'timer-1', [[500, 1]]),
      });
      expect(placed.body.status).toBe('PROCESSING');
      let status = placed.body.status;
      while (status === 'PROCESSING') {
        await new Promise((resolve) => setTimeout(resolve, 20));
        status = (await live.api<Order>('GET', `/v1/partners/orders/${placed.body.id}`, { token: liveToken })).body
          .status;
      }
      expect(status).toBe('SUCCESS');
    } finally {
      await live.close();
    }
  });

  it('§14.26 timeout: with the answer dropped after commit, by-reference finds the order and a resend returns it without a second debit', async () => {
    await t.control.addFault({ path: '/v1/partners/orders', method: 'POST', kind: 'drop-after-commit' });
    const wallet = await balance();
    const body = order(t.fixtures.fixed, 'lost-answer', [[1000, 1]]);
    await expect(
      request(`${t.base}/v1/partners/orders`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    ).rejects.toThrow();
    expect(await balance()).toBe(wallet - 1000);
    const found = await byReference('lost-answer');
    expect(found.status).toBe(200);
    expect(found.body.status).toBe('SUCCESS');
    const resent = await place(body);
    expect(resent.body.id).toBe(found.body.id);
    expect(await balance()).toBe(wallet - 1000);
    expect((await t.control.requests()).find((entry) => entry.fault === 'drop-after-commit')).toMatchObject({
      status: 0,
      path: '/v1/partners/orders',
    });
  });

  it('§14.26 deterministic triggers: SIM-* referenceId prefixes and a per-brand forced outcome', async () => {
    expect((await place(order(t.fixtures.fixed, 'SIM-FAILED-1', [[500, 1]]))).body.status).toBe('FAILED');
    expect((await place(order(t.fixtures.fixed, 'sim-processing-1', [[500, 1]]))).body.status).toBe('PROCESSING');
    expect((await place(order(t.fixtures.fixed, 'SIM-PROCESSING-FAILED-1', [[500, 1]]))).body.status).toBe(
      'PROCESSING',
    );
    await t.control.advanceClock(3600);
    token = await t.login();
    expect((await byReference('sim-processing-1')).body.status).toBe('SUCCESS');
    expect((await byReference('SIM-PROCESSING-FAILED-1')).body.status).toBe('FAILED');
    await t.control.changeBrand(t.fixtures.flexible, { outcome: 'FAILED' });
    expect((await place(order(t.fixtures.flexible, 'brand-forced', [[500, 1]]))).body.status).toBe('FAILED');
    expect((await place(order(t.fixtures.fixed, 'other-brand', [[500, 1]]))).body.status).toBe('SUCCESS');
  });

  it('§14.27 the wallet is debited by the gross amount on acceptance and refunded on FAILED (configurable)', async () => {
    const start = await balance();
    await place(order(t.fixtures.flexible, 'gross', [[1234.5, 2]]));
    expect(await balance()).toBe(start - 2469);
    await t.control.nextOutcome({ outcome: 'PROCESSING_THEN_FAILED', settleAfterSecs: 5 });
    await place(order(t.fixtures.fixed, 'refund-later', [[5000, 1]]));
    expect(await balance()).toBe(start - 2469 - 5000);
    await t.control.advanceClock(5);
    expect(await balance()).toBe(start - 2469);
    await t.control.nextOutcome({ outcome: 'FAILED' });
    await place(order(t.fixtures.fixed, 'refund-now', [[5000, 1]]));
    expect(await balance()).toBe(start - 2469);
    await t.control.config({ refundOn: { FAILED: false } });
    await t.control.nextOutcome({ outcome: 'FAILED' });
    await place(order(t.fixtures.fixed, 'no-refund', [[5000, 1]]));
    expect(await balance()).toBe(start - 2469 - 5000);
  });

  it('§14.28 a referenceId stays used up after a FAILED order: the same one returns that FAILED order, a new one places a new order', async () => {
    await t.control.nextOutcome({ outcome: 'FAILED' });
    const failed = await place(order(t.fixtures.fixed, 'used-up', [[500, 1]]));
    expect(failed.body.status).toBe('FAILED');
    const again = await place(order(t.fixtures.fixed, 'used-up', [[500, 1]]));
    expect(again.body).toEqual(failed.body);
    const fresh = await place(order(t.fixtures.fixed, 'used-up-2', [[500, 1]]));
    expect(fresh.body.status).toBe('SUCCESS');
    expect(fresh.body.id).not.toBe(failed.body.id);
  });

  it('§14.29 a repeated referenceId returns the existing order and never debits twice', async () => {
    const start = await balance();
    const first = await place(order(t.fixtures.fixed, 'dup-1', [[1000, 1]]));
    const orders = (await t.control.stats()).orders;
    const repeat = await place(order(t.fixtures.flexible, 'dup-1', [[9000, 1]]));
    expect(repeat.status).toBe(200);
    expect(repeat.body).toEqual(first.body);
    expect(await balance()).toBe(start - 1000);
    expect((await t.control.stats()).orders).toBe(orders);
  });

  it('§14.29 with the switch on, a repeated referenceId gets an error instead, and still no second order', async () => {
    await t.control.patchClient(DEMO_CLIENTS.staging.clientId, { duplicateReference: 'error' });
    const first = await place(order(t.fixtures.fixed, 'dup-2', [[1000, 1]]));
    const wallet = await balance();
    const repeat = await place(order(t.fixtures.fixed, 'dup-2', [[1000, 1]]));
    expect(repeat.status).toBe(409);
    expect(repeat.body).toMatchObject({ id: 'E008', code: 'DUPLICATE_REFERENCE_ID' });
    expect(await balance()).toBe(wallet);
    expect((await byReference('dup-2')).body.id).toBe(first.body.id);
  });

  it("§14.30 vouchers carry id, the brand's cardType, card number, PIN, validTill (YYYY-MM-DD) and amount; a switch sends amount as a string", async () => {
    const brand = loadCatalogue().brands.find((candidate) => candidate.id === t.fixtures.fixed)!;
    const [voucher] = (await place(order(t.fixtures.fixed, 'v-1', [[500, 1]]))).body.vouchers;
    expect(Object.keys(voucher!).sort()).toEqual(['amount', 'cardNumber', 'cardPin', 'cardType', 'id', 'validTill']);
    expect(voucher).toMatchObject({ cardType: brand.cardType, amount: 500 });
    expect(voucher!.cardNumber).toMatch(/^[1-9]\d{15}$/);
    expect(voucher!.cardPin).toMatch(/^\d{6}$/);
    const months = brand.voucherExpiryInMonths ?? 12;
    expect(voucher!.validTill).toBe(
      `${2025 + Math.floor(months / 12)}-${String(1 + (months % 12)).padStart(2, '0')}-15`,
    );
    await t.control.config({ voucherAmountAsString: true });
    expect((await place(order(t.fixtures.fixed, 'v-2', [[500, 1]]))).body.vouchers[0]!.amount).toBe('500');
  });
});
