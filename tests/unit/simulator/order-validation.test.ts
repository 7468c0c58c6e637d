import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS, order, useTestSim, type ApiAnswer, type TestSim } from './kit.ts';

const suite = useTestSim();
let t: TestSim;
let token: string;
beforeEach(() => {
  ({ sim: t, token } = suite);
});

const place = (body: unknown, as = token) => t.api('POST', '/v1/partners/orders', { token: as, body });
/** Moves the clock and logs in again, since tokens expire after an hour. */
async function advance(seconds: number): Promise<void> {
  await t.control.advanceClock(seconds);
  token = await t.login();
}
const balance = async (as = token) =>
  (await t.api<{ balance: number }>('GET', '/v1/partners/wallet/balance', { token: as })).body.balance;

/** The business error, and proof that it changed nothing: no order for the referenceId, no debit. */
async function expectRejected(
  answer: ApiAnswer,
  id: string,
  referenceId: string,
  walletBefore: number,
  as = token,
): Promise<void> {
  expect(answer.status, answer.text).toBe(400);
  expect(answer.body).toMatchObject({
    id,
    requestId: expect.any(String),
    message: expect.any(String),
    code: expect.any(String),
  });
  expect((await t.api('GET', `/v1/partners/orders/by-reference/${referenceId}`, { token: as })).status).toBe(404);
  expect(await balance(as)).toBe(walletBefore);
}

describe('§14.4 placing orders: validation', () => {
  it('§14.18 a missing productId, referenceId, amount or denominationDetails gets 400 with subErrors naming each', async () => {
    const answer = await place({});
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ id: 'E002', code: 'BAD_REQUEST' });
    expect(
      (answer.body as { subErrors: Array<{ fieldName: string }> }).subErrors.map((error) => error.fieldName),
    ).toEqual(['productId', 'referenceId', 'amount', 'denominationDetails']);
    const typed = await place({ productId: 5, referenceId: 'x', amount: '500', denominationDetails: {} });
    expect((typed.body as { subErrors: Array<{ fieldName: string; message: string }> }).subErrors).toEqual([
      { fieldName: 'productId', message: 'productId must be a string' },
      { fieldName: 'amount', message: 'amount must be a number' },
      { fieldName: 'denominationDetails', message: 'denominationDetails must be an array' },
    ]);
    expect((await place([])).status).toBe(400);
  });

  it('§14.18 a referenceId longer than 40 characters gets 400; 40 is fine', async () => {
    const tooLong = await place(order(t.fixtures.fixed, 'r'.repeat(41), [[500, 1]]));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({
      subErrors: [{ fieldName: 'referenceId', message: 'referenceId must be at most 40 characters' }],
    });
    expect((await place(order(t.fixtures.fixed, 'r'.repeat(40), [[500, 1]]))).status).toBe(200);
  });

  it('§14.19 customerDetails is required for a B2C client and optional or null for a B2B client', async () => {
    const b2c = await t.login(DEMO_CLIENTS.b2c);
    const missing = await place(order(t.fixtures.flexible, 'b2c-1', [[500, 1]]), b2c);
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ subErrors: [{ fieldName: 'customerDetails' }] });
    const nameOnly = await place(
      order(t.fixtures.flexible, 'b2c-1', [[500, 1]], { customerDetails: { name: 'Asha' } }),
      b2c,
    );
    expect(nameOnly.status).toBe(400);
    const ok = await place(
      order(t.fixtures.flexible, 'b2c-1', [[500, 1]], {
        customerDetails: { name: 'Asha', phoneNumber: '9876543210', email: 'asha@example.in' },
      }),
      b2c,
    );
    expect(ok.status).toBe(200);
    expect((await place(order(t.fixtures.flexible, 'b2b-1', [[500, 1]], { customerDetails: null }))).status).toBe(200);
    expect((await place(order(t.fixtures.flexible, 'b2b-2', [[500, 1]]))).status).toBe(200);
    await t.control.patchClient(DEMO_CLIENTS.staging.clientId, { b2c: true });
    expect((await place(order(t.fixtures.flexible, 'b2b-3', [[500, 1]]))).status).toBe(400);
  });

  it('§14.20 brand checks: not enabled (or unknown) → E101, INACTIVE → E102, temporarily disabled → E100, with no order and no debit', async () => {
    const wallet = await balance();
    await expectRejected(
      await place(order(t.fixtures.notEnabledForStaging, 'e101', [[500, 1]])),
      'E101',
      'e101',
      wallet,
    );
    await expectRejected(
      await place(order('01ZZZZZZZZZZZZZZZZZZZZZZZZ', 'e101b', [[500, 1]])),
      'E101',
      'e101b',
      wallet,
    );
    const inactive = (
      await t.api<{ amountRestrictions: { minVoucherAmount: number } }>(
        'GET',
        `/v1/partners/products/${t.fixtures.inactive}`,
        { token },
      )
    ).body;
    await expectRejected(
      await place(order(t.fixtures.inactive, 'e102', [[inactive.amountRestrictions.minVoucherAmount, 1]])),
      'E102',
      'e102',
      wallet,
    );
    await expectRejected(
      await place(order(t.fixtures.temporarilyDisabled, 'e100', [[500, 1]])),
      'E100',
      'e100',
      wallet,
    );
    await t.control.changeBrand(t.fixtures.temporarilyDisabled, { temporarilyDisabled: false });
    expect((await place(order(t.fixtures.temporarilyDisabled, 'e100', [[500, 1]]))).status).not.toBe(400);
  });

  it('§14.21 amount checks E150–E157 each fire on their own trigger', async () => {
    const wallet = await balance();
    const { fixed, flexible, aboveMaxDenomination } = t.fixtures;
    // Croma (FIXED): [500, 1000, 2000, 5000], ≤ 5 vouchers, ≤ 3 per denomination, ≤ 2 distinct.
    await expectRejected(await place(order(fixed, 'e150', [[600, 1]])), 'E150', 'e150', wallet);
    await expectRejected(await place({ ...order(fixed, 'e151', [[500, 2]]), amount: 1500 }), 'E151', 'e151', wallet);
    // Tanishq (FIXED) lists 25000 but caps vouchers at 10000.
    await expectRejected(await place(order(aboveMaxDenomination, 'e152', [[25000, 1]])), 'E152', 'e152', wallet);
    await expectRejected(
      await place(
        order(fixed, 'e153', [
          [500, 1],
          [1000, 1],
          [2000, 1],
        ]),
      ),
      'E153',
      'e153',
      wallet,
    );
    await expectRejected(await place(order(fixed, 'e154', [[500, 4]])), 'E154', 'e154', wallet);
    // Zomato (FLEXIBLE): vouchers in [250, 10000], ≤ 4 vouchers.
    await expectRejected(await place(order(flexible, 'e155a', [[100, 1]])), 'E155', 'e155a', wallet);
    await expectRejected(await place(order(flexible, 'e155b', [[10001, 1]])), 'E155', 'e155b', wallet);
    await expectRejected(await place(order(flexible, 'e156', [[250, 5]])), 'E156', 'e156', wallet);
    for (const [index, details] of [
      [{ denomination: -500, quantity: 1 }],
      [{ denomination: '500', quantity: 1 }],
      [{ denomination: 500, quantity: 0 }],
      [{ denomination: 500, quantity: 1.5 }],
      ['500'],
    ].entries()) {
      await expectRejected(
        await place({ productId: fixed, referenceId: `e157-${index}`, amount: 500, denominationDetails: details }),
        'E157',
        `e157-${index}`,
        wallet,
      );
    }
    expect(
      (
        await place(
          order(fixed, 'fine', [
            [500, 3],
            [1000, 2],
          ]),
        )
      ).status,
    ).toBe(200);
  });

  it('§14.21 an order total outside [minOrderAmount, maxOrderAmount] gets the configurable E158', async () => {
    await t.control.changeBrand(t.fixtures.fixed, {
      amountRestrictions: { minOrderAmount: 1000, maxOrderAmount: 3000 },
    });
    const wallet = await balance();
    await expectRejected(await place(order(t.fixtures.fixed, 'low', [[500, 1]])), 'E158', 'low', wallet);
    await expectRejected(await place(order(t.fixtures.fixed, 'high', [[2000, 2]])), 'E158', 'high', wallet);
    await t.control.config({ errors: { ORDER_AMOUNT_OUT_OF_RANGE: { id: 'E199', code: 'ORDER_AMOUNT_LIMIT' } } });
    expect((await place(order(t.fixtures.fixed, 'low', [[500, 1]]))).body).toMatchObject({
      id: 'E199',
      code: 'ORDER_AMOUNT_LIMIT',
    });
  });

  it('§14.22 a wallet below the amount gets E300 {id, code, message, requestId}', async () => {
    await t.control.setWallet(DEMO_CLIENTS.staging.clientId, 999.5);
    const answer = await t.api('POST', '/v1/partners/orders', {
      token,
      body: order(t.fixtures.fixed, 'poor', [[1000, 1]]),
      headers: { 'x-request-id': 'e300-req' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      id: 'E300',
      code: 'INSUFFICIENT_BALANCE',
      message: 'Insufficient wallet balance',
      requestId: 'e300-req',
    });
    expect(await balance()).toBe(999.5);
    expect((await place(order(t.fixtures.fixed, 'fits', [[500, 1]]))).status).toBe(200);
  });

  it('§14.23 E-coded business errors use HTTP 400 by default, configurable per code', async () => {
    await t.control.setWallet(DEMO_CLIENTS.staging.clientId, 0);
    expect((await place(order(t.fixtures.fixed, 'x', [[500, 1]]))).status).toBe(400);
    await t.control.config({ errors: { INSUFFICIENT_BALANCE: { status: 422 }, BRAND_NOT_ACTIVE: { status: 409 } } });
    const e300 = await place(order(t.fixtures.fixed, 'x', [[500, 1]]));
    expect(e300.status).toBe(422);
    expect(e300.body).toMatchObject({ id: 'E300', code: 'INSUFFICIENT_BALANCE' });
    expect((await place(order(t.fixtures.inactive, 'y', [[500, 1]]))).status).toBe(409);
    expect((await place(order(t.fixtures.fixed, 'z', [[600, 1]]))).status).toBe(400);
  });
});

describe('§14.24 rate limits (Go Live): partner and brand level, amount and count, hourly/daily/monthly', () => {
  const E400 = {
    id: 'E400',
    code: 'RATE_LIMIT_EXCEEDED',
    message: 'Brand is temporarily unavailable, please try again later',
  };

  it('§14.24 a partner hourly count limit answers E400 (HTTP 400, never 429) and rolls with the hour', async () => {
    await t.control.patchClient(DEMO_CLIENTS.staging.clientId, {
      rateLimits: [{ scope: 'partner', type: 'count', window: 'hourly', limit: 2 }],
    });
    expect((await place(order(t.fixtures.fixed, 'c1', [[500, 1]]))).status).toBe(200);
    expect((await place(order(t.fixtures.flexible, 'c2', [[500, 1]]))).status).toBe(200);
    const wallet = await balance();
    const third = await place(order(t.fixtures.fixed, 'c3', [[500, 1]]));
    expect(third.status).toBe(400);
    expect(third.body).toMatchObject(E400);
    await expectRejected(third, 'E400', 'c3', wallet);
    // 10:00 IST + 1 h: the next hourly window.
    await advance(3600);
    expect((await place(order(t.fixtures.fixed, 'c3', [[500, 1]]))).status).toBe(200);
  });

  it('§14.24 a partner daily amount limit counts rupees across brands and rolls at IST midnight', async () => {
    await t.control.patchClient(DEMO_CLIENTS.staging.clientId, {
      rateLimits: [{ scope: 'partner', type: 'amount', window: 'daily', limit: 3000 }],
    });
    expect((await place(order(t.fixtures.fixed, 'a1', [[2000, 1]]))).status).toBe(200);
    expect((await place(order(t.fixtures.flexible, 'a2', [[1000.5, 1]]))).body).toMatchObject(E400);
    expect((await place(order(t.fixtures.flexible, 'a3', [[1000, 1]]))).status).toBe(200);
    await advance(13 * 3600);
    expect((await place(order(t.fixtures.flexible, 'a4', [[500, 1]]))).body).toMatchObject(E400);
    await advance(3600);
    expect((await place(order(t.fixtures.flexible, 'a4', [[500, 1]]))).status).toBe(200);
  });

  it('§14.24 a brand-level limit applies to one brand globally and leaves other brands alone; monthly windows roll with the month', async () => {
    await t.control.patchClient(DEMO_CLIENTS.staging.clientId, {
      rateLimits: [{ scope: 'brand', brandId: t.fixtures.fixed, type: 'amount', window: 'monthly', limit: 5000 }],
    });
    expect((await place(order(t.fixtures.fixed, 'm1', [[5000, 1]]))).status).toBe(200);
    expect((await place(order(t.fixtures.fixed, 'm2', [[500, 1]]))).body).toMatchObject(E400);
    expect((await place(order(t.fixtures.flexible, 'm3', [[9000, 1]]))).status).toBe(200);
    await advance(17 * 86_400);
    expect((await place(order(t.fixtures.fixed, 'm2', [[500, 1]]))).status).toBe(200);
  });

  it('§14.24 a brand-level count limit can be scoped per end-customer', async () => {
    const b2c = await t.login(DEMO_CLIENTS.b2c);
    await t.control.patchClient(DEMO_CLIENTS.b2c.clientId, {
      rateLimits: [{ scope: 'brand', type: 'count', window: 'daily', limit: 1, perCustomer: true }],
    });
    const forCustomer = (phoneNumber: string, referenceId: string, productId = t.fixtures.flexible) =>
      place(order(productId, referenceId, [[500, 1]], { customerDetails: { name: 'C', phoneNumber } }), b2c);
    expect((await forCustomer('9000000001', 'p1')).status).toBe(200);
    expect((await forCustomer('9000000001', 'p2')).body).toMatchObject(E400);
    expect((await forCustomer('9000000002', 'p3')).status).toBe(200);
    expect((await forCustomer('9000000001', 'p4', t.fixtures.fixed)).status).toBe(200);
  });

  it('§14.24 the rate-limited scenario sets partner and brand limits on every client', async () => {
    await t.control.reset({ scenario: 'rate-limited' });
    token = await t.login();
    const limits = (await t.control.client(DEMO_CLIENTS.staging.clientId))['rateLimits'] as Array<{ scope: string }>;
    expect(new Set(limits.map((limit) => limit.scope))).toEqual(new Set(['partner', 'brand']));
    let accepted = 0;
    for (let i = 0; i < 25; i += 1) {
      const answer = await place(
        order(t.fixtures.flexible, `rl-${i}`, [[250, 1]], {
          customerDetails: { phoneNumber: `90000000${String(i).padStart(2, '0')}` },
        }),
      );
      if (answer.status === 200) accepted += 1;
      else expect(answer.body).toMatchObject(E400);
    }
    expect(accepted).toBeLessThan(25);
  });
});
