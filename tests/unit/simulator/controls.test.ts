import { request } from 'undici';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS, order, useTestSim, type TestSim } from './kit.ts';

interface Order {
  id: string;
  status: string;
  vouchers: Array<{ id: string; cardNumber: string; cardPin: string }>;
}

const suite = useTestSim();
let t: TestSim;
let token: string;
beforeEach(() => {
  ({ sim: t, token } = suite);
});

const place = (body: unknown, as = token) => t.api<Order>('POST', '/v1/partners/orders', { token: as, body });
const balance = async () =>
  (await t.api<{ balance: number }>('GET', '/v1/partners/wallet/balance', { token })).body.balance;

describe('§14.8 inspection and reset', () => {
  it('§14.44 reset returns to the seeded initial state: orders, wallets, tokens, request log, deliveries, faults and clock offset', async () => {
    const initialWallet = await balance();
    const clockAtStart = (await t.control.clock()).now;
    await place(order(t.fixtures.fixed, 'before-reset', [[500, 1]]));
    await t.control.addFault({ kind: 'http-5xx', times: 5, path: '/v1/partners/products' });
    await t.control.advanceClock(120);
    await t.control.reset();
    expect((await t.control.clock()).now).toBe(clockAtStart);
    expect(await t.control.requests()).toEqual([]);
    expect((await t.api('GET', '/v1/partners/wallet/balance', { token })).status).toBe(401);
    token = await t.login();
    expect(await balance()).toBe(initialWallet);
    expect((await t.api('GET', '/v1/partners/orders/by-reference/before-reset', { token })).status).toBe(404);
    expect((await t.api('GET', '/v1/partners/products?pageNo=1&limit=1', { token })).status).toBe(200);
    expect((await t.control.stats()).orders).toBe(0);
  });

  it('§14.44 the same seed gives the same ids, card numbers and PINs; another seed gives others', async () => {
    const run = async (seed: number) => {
      await t.control.reset({ seed });
      const as = await t.login();
      return (await place(order(t.fixtures.fixed, 'seeded', [[500, 2]]), as)).body;
    };
    const first = await run(11);
    const again = await run(11);
    const other = await run(12);
    expect(again).toEqual(first);
    expect(other.id).not.toBe(first.id);
    expect(other.vouchers[0]!.cardNumber).not.toBe(first.vouchers[0]!.cardNumber);
  });

  it('§14.44 next-outcome forces the next accepted order (optionally of one client only), in queue order', async () => {
    const b2c = await t.login(DEMO_CLIENTS.b2c);
    await t.control.nextOutcome({ clientId: DEMO_CLIENTS.b2c.clientId, outcome: 'FAILED' });
    await t.control.nextOutcome({ outcome: 'PROCESSING' });
    expect((await place(order(t.fixtures.fixed, 'n1', [[500, 1]]))).body.status).toBe('PROCESSING');
    expect((await place(order(t.fixtures.fixed, 'n2', [[500, 1]]))).body.status).toBe('SUCCESS');
    expect(
      (
        await place(
          order(t.fixtures.flexible, 'n3', [[500, 1]], { customerDetails: { phoneNumber: '9000000000' } }),
          b2c,
        )
      ).body.status,
    ).toBe('FAILED');
    await expect(t.control.nextOutcome({ clientId: 'nobody', outcome: 'FAILED' })).rejects.toThrow(/404/);
  });

  it('§14.44 advancing the clock expires tokens, settles due PROCESSING orders and rolls rate-limit windows in one step', async () => {
    await t.control.patchClient(DEMO_CLIENTS.staging.clientId, {
      rateLimits: [{ scope: 'partner', type: 'count', window: 'hourly', limit: 1 }],
    });
    await t.control.nextOutcome({ outcome: 'PROCESSING_THEN_SUCCESS', settleAfterSecs: 3000 });
    const pending = (await place(order(t.fixtures.fixed, 'adv-1', [[500, 1]]))).body;
    expect((await place(order(t.fixtures.fixed, 'adv-2', [[500, 1]]))).body).toMatchObject({ id: 'E400' });
    const moved = await t.control.advanceClock(3600);
    expect(moved.iso).toBe('2025-01-15T05:30:00.000Z');
    expect((await t.api('GET', '/v1/partners/wallet/balance', { token })).status).toBe(401);
    token = await t.login();
    expect((await t.control.order(pending.id)).status).toBe('SUCCESS');
    expect((await place(order(t.fixtures.fixed, 'adv-2', [[500, 1]]))).body.status).toBe('SUCCESS');
  });

  it('§14.44 the request log lists every API request with the X-REQUEST-ID it carried, and /__sim calls are not in it', async () => {
    await t.api('GET', '/v1/partners/products?pageNo=1', { token, headers: { 'X-REQUEST-ID': 'log-1' } });
    await t.api('POST', '/v1/partners/orders', {
      token,
      body: order(t.fixtures.fixed, 'log-2', [[600, 1]]),
      headers: { 'X-REQUEST-ID': 'log-2' },
    });
    await t.control.stats();
    const log = await t.control.requests();
    expect(
      log.map((entry) => [entry.method, entry.path, entry.requestId, entry.status, entry.clientId, entry.errorId]),
    ).toEqual([
      ['POST', '/v1/partners/auth/login', log[0]!.requestId, 200, DEMO_CLIENTS.staging.clientId, null],
      ['GET', '/v1/partners/products', 'log-1', 200, DEMO_CLIENTS.staging.clientId, null],
      ['POST', '/v1/partners/orders', 'log-2', 400, DEMO_CLIENTS.staging.clientId, 'E150'],
    ]);
    expect(await t.control.requests(log[1]!.seq)).toHaveLength(1);
    expect((await t.control.stats()).requests).toBe(3);
  });

  it("§14.44 wallet controls set and top up a client's balance", async () => {
    expect((await t.control.setWallet(DEMO_CLIENTS.staging.clientId, 123.45)).balance).toBe(123.45);
    expect((await t.control.topUp(DEMO_CLIENTS.staging.clientId, 100)).balance).toBe(223.45);
    expect(await balance()).toBe(223.45);
    await expect(t.control.setWallet('nobody', 1)).rejects.toThrow(/404/);
  });
});

describe('faults and latency', () => {
  it("a queued http-5xx answers 503 in Hubble's shape and changes nothing; it is used up after `times` requests", async () => {
    await t.control.addFault({ path: '/v1/partners/orders', method: 'POST', kind: 'http-5xx', times: 2 });
    const wallet = await balance();
    for (let i = 0; i < 2; i += 1) {
      const answer = await place(order(t.fixtures.fixed, 'five-hundred', [[500, 1]]));
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({ id: 'E503', code: 'SERVICE_UNAVAILABLE', requestId: expect.any(String) });
    }
    expect(await balance()).toBe(wallet);
    expect((await t.api('GET', '/v1/partners/orders/by-reference/five-hundred', { token })).status).toBe(404);
    expect((await place(order(t.fixtures.fixed, 'five-hundred', [[500, 1]]))).status).toBe(200);
  });

  it('a reset fault cuts the connection before anything is processed', async () => {
    await t.control.addFault({ path: '/v1/partners/orders', kind: 'reset' });
    await expect(
      request(`${t.base}/v1/partners/orders`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(order(t.fixtures.fixed, 'reset-1', [[500, 1]])),
      }),
    ).rejects.toThrow();
    expect((await t.api('GET', '/v1/partners/orders/by-reference/reset-1', { token })).status).toBe(404);
  });

  it('html, empty-body, invalid-json and schema-mismatch faults return answers a tolerant client must survive', async () => {
    await t.control.addFault({ path: '/v1/partners/wallet', kind: 'html' });
    const html = await t.api('GET', '/v1/partners/wallet/balance', { token });
    expect(html.status).toBe(502);
    expect(html.headers['content-type']).toBe('text/html');
    await t.control.addFault({ path: '/v1/partners/wallet', kind: 'empty-body' });
    expect((await t.api('GET', '/v1/partners/wallet/balance', { token })).text).toBe('');
    await t.control.addFault({ path: '/v1/partners/wallet', kind: 'invalid-json' });
    const broken = await t.api('GET', '/v1/partners/wallet/balance', { token });
    expect(() => JSON.parse(broken.text)).toThrow();
    await t.control.addFault({ path: '/v1/partners/wallet', kind: 'schema-mismatch' });
    const odd = await t.api('GET', '/v1/partners/wallet/balance', { token });
    expect(odd.body).not.toHaveProperty('balance');
    expect(odd.body).toMatchObject({ result: { balance: expect.any(Number) } });
    expect((await t.api('GET', '/v1/partners/wallet/balance', { token })).body).toHaveProperty('balance');
  });

  it('a delay fault holds one answer back while later requests are answered first; DELETE /__sim/faults clears the queue', async () => {
    await t.control.addFault({ path: '/v1/partners/wallet', kind: 'delay', delayMs: 1500 });
    const finished: string[] = [];
    const slow = t.api('GET', '/v1/partners/wallet/balance', { token }).then(() => finished.push('slow'));
    await t.api('GET', '/v1/partners/products?pageNo=1&limit=1', { token }).then(() => finished.push('fast'));
    await slow;
    expect(finished).toEqual(['fast', 'slow']);
    await t.control.addFault({ kind: 'http-5xx' });
    await t.control.clearFaults();
    expect((await t.api('GET', '/v1/partners/wallet/balance', { token })).status).toBe(200);
  });

  it('the latency control adds delay to every API answer (fixed part and seeded jitter)', async () => {
    const settings = await t.control.latency({ fixedMs: 1500, jitterMs: 10, distribution: 'exponential' });
    expect(settings).toEqual({ fixedMs: 1500, jitterMs: 10, distribution: 'exponential' });
    const finished: string[] = [];
    const slowApi = t.api('GET', '/v1/partners/wallet/balance', { token }).then(() => finished.push('api'));
    await t.control.stats().then(() => finished.push('control'));
    await slowApi;
    expect(finished).toEqual(['control', 'api']);
  });
});

describe('scenarios', () => {
  it('busy and degraded set outcome mixes, latency and random faults; low-wallet sets wallets near their thresholds', async () => {
    await t.control.reset({ scenario: 'degraded' });
    token = await t.login();
    const degraded = (
      (await (await fetch(`${t.base}/__sim/scenarios`)).json()) as {
        scenarios: Array<{ name: string; latency: { fixedMs: number } }>;
      }
    ).scenarios;
    expect(degraded.map((scenario) => scenario.name)).toEqual([
      'calm',
      'busy',
      'degraded',
      'rate-limited',
      'low-wallet',
    ]);
    await t.control.latency({ fixedMs: 0, jitterMs: 0 });
    const statuses = new Map<number, number>();
    for (let i = 0; i < 60; i += 1) {
      const answer = await t.api('GET', '/v1/partners/wallet/balance', { token }).catch(() => ({ status: 0 }));
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    }
    expect(statuses.get(200)).toBeGreaterThan(40);
    expect([...statuses.keys()].some((status) => status !== 200)).toBe(true);

    await t.control.reset({ scenario: 'busy' });
    token = await t.login();
    await t.control.latency({ fixedMs: 0, jitterMs: 0 });
    const outcomes = new Set<string>();
    for (let i = 0; i < 60; i += 1)
      outcomes.add((await place(order(t.fixtures.flexible, `busy-${i}`, [[250, 1]]))).body.status);
    expect(outcomes).toEqual(new Set(['SUCCESS', 'PROCESSING', 'FAILED']));

    await t.control.reset({ scenario: 'low-wallet' });
    token = await t.login();
    expect(await balance()).toBe(12_000);
    expect(
      (
        await place(
          order(t.fixtures.fixed, 'lw-1', [
            [5000, 2],
            [2000, 2],
          ]),
        )
      ).body,
    ).toMatchObject({ id: 'E300' });
    expect(
      (
        await place(
          order(t.fixtures.fixed, 'lw-2', [
            [5000, 2],
            [2000, 1],
          ]),
        )
      ).body,
    ).toMatchObject({ status: 'SUCCESS' });
  });

  it('POST /__sim/scenario switches the scenario without a reset', async () => {
    await place(order(t.fixtures.fixed, 'keep-me', [[500, 1]]));
    await t.control.scenario('rate-limited');
    expect(((await t.control.client(DEMO_CLIENTS.staging.clientId))['rateLimits'] as unknown[]).length).toBe(4);
    expect((await t.api('GET', '/v1/partners/orders/by-reference/keep-me', { token })).status).toBe(200);
  });
});
