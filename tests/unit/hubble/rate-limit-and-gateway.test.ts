import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaceOrderRequest } from '../../../src/shared/hubble/order.ts';
import { startScriptedGateway, type ScriptedGateway } from './scripted-gateway.ts';
import { STAGING, useSimulator } from './simulator-fixture.ts';

const sim = useSimulator();
let gateway: ScriptedGateway;
beforeAll(async () => {
  gateway = await startScriptedGateway(sim.sim.baseUrl);
});
afterAll(async () => gateway.close());

const WALLET = '/v1/partners/wallet/balance';
const ORDERS = '/v1/partners/orders';
const E400_BODY = JSON.stringify({
  id: 'E400',
  code: 'RATE_LIMIT_EXCEEDED',
  message: 'Rate limit exceeded, please try after some time',
});
let refSeq = 0;
const order = (productId: string): PlaceOrderRequest => ({
  productId,
  referenceId: `gw-${Date.now().toString(36)}-${(refSeq += 1)}`,
  amount: 500,
  denominationDetails: [{ denomination: 500, quantity: 1 }],
});

/** A client through the gateway whose waits are recorded instead of slept. */
function gatewayClient(backoff: { maxRetries?: number; maxRetryAfterMs?: number } = {}) {
  const waits: number[] = [];
  const client = sim.client({
    connection: sim.connection({ baseUrl: gateway.url }),
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
    backoff: { baseDelayMs: 1, maxDelayMs: 4, rateLimitBaseDelayMs: 1_000, ...backoff },
  });
  return { client, waits };
}

const walletAttempts = () => sim.recorded.filter((call) => call.path === WALLET);

describe('GETs back off on RATE_LIMIT_EXCEEDED', () => {
  it('waits as long as Retry-After says, then retries with a fresh X-REQUEST-ID', async () => {
    const { client, waits } = gatewayClient();
    for (let i = 0; i < 2; i += 1)
      gateway.script({
        path: WALLET,
        status: 400,
        headers: { 'content-type': 'application/json', 'retry-after': '2' },
        body: E400_BODY,
      });
    const result = await client.walletBalance();
    expect(result.outcome).toBe('ok');
    expect(waits).toEqual([2_000, 2_000]);
    expect(result.call.attempts).toBe(3);
    expect(new Set(result.call.requestIds).size).toBe(3);
    expect(walletAttempts().map((call) => call.failure?.kind ?? 'ok')).toEqual(['rate-limit', 'rate-limit', 'ok']);
  });

  it('backs off with jitter from a longer base when there is no Retry-After (the simulator answering 429)', async () => {
    await sim.control.addFault({ path: WALLET, kind: 'http-5xx', status: 429 });
    const waits: number[] = [];
    const client = sim.client({
      sleep: async (ms) => {
        waits.push(ms);
      },
      random: () => 0.5,
      backoff: { rateLimitBaseDelayMs: 1_000 },
    });
    const result = await client.walletBalance();
    expect(result.outcome).toBe('ok');
    // equal jitter around the 1 s base: half kept, half random (0.5 here)
    expect(waits).toEqual([750]);
    expect(walletAttempts().map((call) => [call.httpStatus, call.failure?.kind ?? 'ok'])).toEqual([
      [429, 'rate-limit'],
      [200, 'ok'],
    ]);
  });

  it('stays within the retry budget and then reports the rate limit', async () => {
    const { client, waits } = gatewayClient();
    for (let i = 0; i < 5; i += 1)
      gateway.script({ path: WALLET, status: 400, headers: { 'content-type': 'application/json' }, body: E400_BODY });
    const result = await client.walletBalance();
    expect(result.outcome === 'failed' && result.failure).toMatchObject({ kind: 'rate-limit', errorId: 'E400' });
    expect(result.call.attempts).toBe(3);
    expect(waits).toHaveLength(2);
    // drain what the budget left unused, so the next test starts clean
    await gatewayClient({ maxRetries: 5 }).client.walletBalance();
  });

  it('reports at once when Retry-After asks for longer than a call may wait', async () => {
    const { client, waits } = gatewayClient({ maxRetryAfterMs: 10_000 });
    gateway.script({
      path: WALLET,
      status: 400,
      headers: { 'content-type': 'application/json', 'retry-after': '3600' },
      body: E400_BODY,
    });
    const result = await client.walletBalance();
    expect(result.outcome === 'failed' && result.failure.kind).toBe('rate-limit');
    expect(result.call.attempts).toBe(1);
    expect(waits).toEqual([]);
  });

  it('never resends a rate-limited place-order', async () => {
    const fx = await sim.control.fixtures();
    await sim.control.patchClient(STAGING.clientId, {
      rateLimits: [{ scope: 'partner', type: 'count', window: 'hourly', limit: 1 }],
    });
    const { client, waits } = gatewayClient();
    expect((await client.placeOrder(order(fx.fixed))).outcome).toBe('ok');
    const limited = await client.placeOrder(order(fx.fixed));
    expect(limited.outcome === 'failed' && limited.failure.kind).toBe('rate-limit');
    expect(limited.call.attempts).toBe(1);
    expect(waits).toEqual([]);
    expect(sim.recorded.filter((call) => call.method === 'POST' && call.path === ORDERS)).toHaveLength(2);
  });
});

describe('a 4xx without Hubble’s error body on place-order (issue 10.8)', () => {
  it.each([
    ['an HTML page', 400, '<html><body><h1>400 Bad Request</h1></body></html>', 'text/html'],
    ['an empty body', 413, '', 'text/plain'],
    ['JSON that is not a Hubble error', 404, '{"message":"Not Found"}', 'application/json'],
  ])(
    'is an unknown outcome when a gateway answers with %s after forwarding: by-reference finds the order',
    async (_name, status, body, contentType) => {
      const fx = await sim.control.fixtures();
      const { client } = gatewayClient();
      gateway.script({
        method: 'POST',
        path: ORDERS,
        status,
        headers: { 'content-type': contentType },
        body,
        afterForwarding: true,
      });
      const request = order(fx.fixed);
      const result = await client.placeOrder(request);
      expect(result.outcome).toBe('unknown');
      if (result.outcome === 'ok') return;
      expect(result.failure.httpStatus).toBe(status);
      expect(result.failure.explanation).toMatch(/do not resend/i);
      expect(result.call.attempts).toBe(1);
      const found = await client.getOrderByReference(request.referenceId);
      expect(found.outcome === 'ok' && found.value.referenceId).toBe(request.referenceId);
    },
  );

  it('stays a known business failure when the 4xx carries Hubble’s error JSON', async () => {
    const fx = await sim.control.fixtures();
    const { client } = gatewayClient();
    const result = await client.placeOrder({ ...order(fx.fixed), amount: 600 });
    expect(result.outcome === 'failed' && result.failure).toMatchObject({
      kind: 'business',
      errorId: 'E151',
      httpStatus: 400,
    });
  });
});
