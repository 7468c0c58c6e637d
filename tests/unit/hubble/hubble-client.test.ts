import { describe, expect, it } from 'vitest';
import type { PlaceOrderRequest } from '../../../src/shared/hubble/order.ts';
import { DEMO_CLIENTS } from '../../../src/main/simulator/index.ts';
import { STAGING, useSimulator } from './simulator-fixture.ts';

const sim = useSimulator();
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
let refSeq = 0;
const order = (
  productId: string,
  details: [number, number][],
  amount = details.reduce((sum, [d, q]) => sum + d * q, 0),
): PlaceOrderRequest => ({
  productId,
  referenceId: `test-${Date.now().toString(36)}-${(refSeq += 1)}`,
  amount,
  denominationDetails: details.map(([denomination, quantity]) => ({ denomination, quantity })),
});

describe('token handling', () => {
  it('logs in once for many concurrent calls and reuses the token', async () => {
    const client = sim.client();
    const results = await Promise.all([
      ...Array.from({ length: 8 }, () => client.walletBalance()),
      client.listProducts(),
      client.getProduct((await sim.control.fixtures()).fixed),
    ]);
    expect(results.every((result) => result.outcome === 'ok')).toBe(true);
    for (let i = 0; i < 5; i += 1) expect((await client.walletBalance()).outcome).toBe('ok');
    expect((await sim.control.stats()).logins).toEqual({ [STAGING.clientId]: 1 });
  });

  it('re-logs in once and retries when Hubble expired the token (401)', async () => {
    const client = sim.client();
    expect((await client.walletBalance()).outcome).toBe('ok');
    await sim.control.advanceClock(3601);
    const result = await client.walletBalance();
    expect(result.outcome).toBe('ok');
    expect(result.call.attempts).toBe(2);
    expect((await sim.control.stats()).logins[STAGING.clientId]).toBe(2);
    const statuses = sim.recorded.map((call) => `${call.endpoint} ${call.httpStatus}`);
    expect(statuses).toEqual([
      'POST /v1/partners/auth/login 200',
      'GET /v1/partners/wallet/balance 200',
      'GET /v1/partners/wallet/balance 401',
      'POST /v1/partners/auth/login 200',
      'GET /v1/partners/wallet/balance 200',
    ]);
  });

  it('logs in again before the token expires, without a 401, when its own clock says so', async () => {
    let now = Date.now();
    const client = sim.client({ now: () => now });
    expect((await client.walletBalance()).outcome).toBe('ok');
    now += 3590 * 1000;
    await sim.control.advanceClock(3590);
    expect((await client.walletBalance()).outcome).toBe('ok');
    expect((await sim.control.stats()).logins[STAGING.clientId]).toBe(2);
    expect(sim.recorded.some((call) => call.httpStatus === 401)).toBe(false);
  });

  it('keeps the token out of what it records and the secret out of the login record', async () => {
    const client = sim.client();
    await client.walletBalance();
    const login = sim.recorded[0]!;
    expect(login.sensitive).toContain(STAGING.clientSecret);
    expect(JSON.stringify(login.responseJson)).toContain('token');
    expect(sim.recorded[1]!.sensitive.length).toBe(2);
  });
});

describe('access failures', () => {
  it('maps wrong credentials to auth (401), with the login X-REQUEST-ID, and does not loop', async () => {
    const client = sim.client({ connection: sim.connection({ secret: 'wrong-secret' }) });
    const result = await client.walletBalance();
    expect(result.outcome).toBe('failed');
    if (result.outcome === 'ok') return;
    expect(result.failure).toMatchObject({ kind: 'auth', httpStatus: 401, path: '/v1/partners/auth/login' });
    expect(result.failure.requestId).toBe(sim.recorded[0]!.requestId);
    expect(result.failure.explanation).toMatch(/staging keys do not work on production/);
    expect(sim.recorded).toHaveLength(1);
  });

  it('maps staging keys on the production host to auth', async () => {
    const client = sim.client({
      connection: sim.connection({ environment: 'production', baseUrl: sim.sim.environmentUrls.production }),
    });
    const result = await client.login();
    expect(result.outcome === 'failed' && result.failure.kind).toBe('auth');
  });

  it('maps a non-whitelisted IP to whitelisting (403) with the next step', async () => {
    await sim.control.patchClient(DEMO_CLIENTS.production.clientId, { whitelisted: false });
    const client = sim.client({
      connection: sim.connection({
        environment: 'production',
        clientId: DEMO_CLIENTS.production.clientId,
        secret: DEMO_CLIENTS.production.clientSecret,
      }),
    });
    const result = await client.walletBalance();
    expect(result.outcome).toBe('failed');
    if (result.outcome === 'ok') return;
    expect(result.failure).toMatchObject({ kind: 'whitelisting', httpStatus: 403 });
    expect(result.failure.title).toBe('This machine is not whitelisted (HTTP 403)');
    expect(result.failure.explanation).toContain("this machine's public IP is not whitelisted for this environment");
  });

  it('maps an unknown product to not-found with Hubble\u2019s id', async () => {
    const result = await sim.client().getProduct('01NOSUCHBRAND0000000000000');
    expect(result.outcome === 'failed' && result.failure).toMatchObject({
      kind: 'not-found',
      httpStatus: 404,
      errorId: 'E001',
      errorCode: 'RESOURCE_NOT_FOUND',
    });
  });
});

describe('Hubble business errors', () => {
  it('maps every documented E-code the simulator produces, keeping id, code, message and X-REQUEST-ID', async () => {
    const fx = await sim.control.fixtures();
    const client = sim.client();
    const cases: [string, PlaceOrderRequest][] = [
      ['E100', order(fx.temporarilyDisabled, [[500, 1]])],
      ['E101', order(fx.notEnabledForStaging, [[1000, 1]])],
      ['E102', order(fx.inactive, [[1000, 1]])],
      ['E150', order(fx.fixed, [[600, 1]])],
      ['E151', order(fx.fixed, [[500, 1]], 600)],
      ['E152', order(fx.aboveMaxDenomination, [[25000, 1]])],
      [
        'E153',
        order(fx.fixed, [
          [500, 1],
          [1000, 1],
          [2000, 1],
        ]),
      ],
      ['E154', order(fx.fixed, [[500, 4]])],
      ['E155', order(fx.flexible, [[100, 3]])],
      ['E156', order(fx.flexible, [[250, 5]])],
      ['E157', order(fx.fixed, [[500, 0]], 500)],
    ];
    for (const [errorId, request] of cases) {
      const result = await client.placeOrder(request);
      expect(result.outcome, errorId).toBe('failed');
      if (result.outcome === 'ok') continue;
      expect(result.failure.kind, errorId).toBe('business');
      expect(result.failure.errorId, errorId).toBe(errorId);
      expect(result.failure.errorCode, errorId).toBeTruthy();
      expect(result.failure.hubbleMessage, errorId).toBeTruthy();
      expect(result.failure.title, errorId).toContain(`(${errorId})`);
      expect(result.failure.requestId, errorId).toBe(result.call.requestId);
      expect(result.call.attempts, errorId).toBe(1);
    }
  });

  it('keeps an error id the console does not know exactly as Hubble sent it', async () => {
    const fx = await sim.control.fixtures();
    await sim.control.patchClient(STAGING.clientId, { duplicateReference: 'error' });
    const client = sim.client();
    const request = order(fx.fixed, [[500, 1]]);
    expect((await client.placeOrder(request)).outcome).toBe('ok');
    const again = await client.placeOrder(request);
    expect(again.outcome === 'failed' && again.failure).toMatchObject({
      kind: 'business',
      httpStatus: 409,
      errorId: 'E008',
      errorCode: 'DUPLICATE_REFERENCE_ID',
      title: 'Hubble error E008 DUPLICATE_REFERENCE_ID',
    });
    expect(again.outcome === 'failed' && again.failure.nextStep).toMatch(/support bundle/);
  });

  it('maps E300 INSUFFICIENT_BALANCE with the top-up advice', async () => {
    const fx = await sim.control.fixtures();
    await sim.control.setWallet(STAGING.clientId, 100);
    const result = await sim.client().placeOrder(order(fx.fixed, [[500, 1]]));
    expect(result.outcome === 'failed' && result.failure).toMatchObject({
      kind: 'business',
      errorId: 'E300',
      errorCode: 'INSUFFICIENT_BALANCE',
    });
    expect(result.outcome === 'failed' && result.failure.nextStep).toMatch(/Top up the wallet/);
  });

  it('maps E400 RATE_LIMIT_EXCEEDED to rate-limit, a business error in the body rather than HTTP 429', async () => {
    const fx = await sim.control.fixtures();
    await sim.control.patchClient(STAGING.clientId, {
      rateLimits: [{ scope: 'partner', type: 'count', window: 'hourly', limit: 1 }],
    });
    const client = sim.client();
    expect((await client.placeOrder(order(fx.fixed, [[500, 1]]))).outcome).toBe('ok');
    const limited = await client.placeOrder(order(fx.fixed, [[500, 1]]));
    expect(limited.outcome === 'failed' && limited.failure).toMatchObject({
      kind: 'rate-limit',
      errorId: 'E400',
      errorCode: 'RATE_LIMIT_EXCEEDED',
      transient: true,
    });
    expect(limited.call.httpStatus).not.toBe(429);
  });
});

describe('timeouts, malformed answers and retries', () => {
  it('times out a GET waiting for headers, retries it, and reports the timeout phase', async () => {
    await sim.control.addFault({ path: '/v1/partners/wallet/balance', kind: 'delay', delayMs: 1500, times: 3 });
    const client = sim.client({ timeouts: { headersMs: 150 } });
    const result = await client.walletBalance();
    expect(result.outcome).toBe('failed');
    if (result.outcome === 'ok') return;
    expect(result.failure).toMatchObject({ kind: 'timeout', timeoutPhase: 'headers', httpStatus: null });
    expect(result.call.attempts).toBe(3);
    expect(new Set(result.call.requestIds).size).toBe(3);
  });

  it('never resends a timed-out place-order: the outcome is unknown and by-reference finds the order', async () => {
    const fx = await sim.control.fixtures();
    await sim.control.addFault({ path: '/v1/partners/orders', method: 'POST', kind: 'delay', delayMs: 1500 });
    const client = sim.client({ timeouts: { headersMs: 150 } });
    const request = order(fx.fixed, [[500, 1]]);
    const result = await client.placeOrder(request);
    expect(result.outcome).toBe('unknown');
    if (result.outcome === 'ok') return;
    expect(result.failure.kind).toBe('timeout');
    expect(result.failure.explanation).toMatch(/do not resend/);
    expect(result.call.attempts).toBe(1);
    const found = await client.getOrderByReference(request.referenceId);
    expect(found.outcome === 'ok' && found.value.referenceId).toBe(request.referenceId);
    expect((await sim.control.stats()).orders).toBe(1);
  });

  it('reports a dropped place-order answer as unknown, and a 5xx one too, without resending', async () => {
    const fx = await sim.control.fixtures();
    const client = sim.client();
    await sim.control.addFault({ path: '/v1/partners/orders', method: 'POST', kind: 'drop-after-commit' });
    const dropped = order(fx.fixed, [[500, 1]]);
    const first = await client.placeOrder(dropped);
    expect(first.outcome === 'unknown' && first.failure.kind).toBe('network');
    expect((await client.getOrderByReference(dropped.referenceId)).outcome).toBe('ok');

    await sim.control.addFault({ path: '/v1/partners/orders', method: 'POST', kind: 'http-5xx', status: 502 });
    const failed = order(fx.fixed, [[500, 1]]);
    const second = await client.placeOrder(failed);
    expect(second.outcome === 'unknown' && second.failure).toMatchObject({ kind: 'server', httpStatus: 502 });
    expect(second.call.attempts).toBe(1);
    const lookup = await client.getOrderByReference(failed.referenceId);
    expect(lookup.outcome === 'failed' && lookup.failure.kind).toBe('not-found');
    expect((await sim.control.stats()).orders).toBe(1);
  });

  it.each([
    ['invalid-json', /not JSON/],
    ['empty-body', /empty body/],
    ['schema-mismatch', /schema mismatch: balance/],
  ] as const)('maps a %s answer to invalid-response and does not retry it', async (kind, detail) => {
    await sim.control.addFault({ path: '/v1/partners/wallet/balance', kind });
    const result = await sim.client().walletBalance();
    expect(result.outcome).toBe('failed');
    if (result.outcome === 'ok') return;
    expect(result.failure.kind).toBe('invalid-response');
    expect(result.failure.detail).toMatch(detail);
    expect(result.call.attempts).toBe(1);
  });

  it('notes an HTML page from a proxy: a 502 page is a server failure (retried), a 400 page an unreadable answer', async () => {
    await sim.control.addFault({ path: '/v1/partners/wallet/balance', kind: 'html' });
    const client = sim.client();
    expect((await client.walletBalance()).outcome).toBe('ok');
    expect(
      sim.recorded
        .filter((call) => call.endpoint.includes('wallet'))
        .map((call) => [call.httpStatus, call.failure?.kind, call.failure?.detail]),
    ).toEqual([
      [502, 'server', expect.stringMatching(/HTML instead of JSON/)],
      [200, undefined, undefined],
    ]);
    await sim.control.addFault({ path: '/v1/partners/wallet/balance', kind: 'html', status: 400 });
    const blocked = await client.walletBalance();
    expect(blocked.outcome === 'failed' && blocked.failure).toMatchObject({
      kind: 'invalid-response',
      httpStatus: 400,
      detail: expect.stringMatching(/HTML/),
    });
  });

  it('reports an unreadable place-order answer as unknown: the order may exist', async () => {
    const fx = await sim.control.fixtures();
    await sim.control.addFault({ path: '/v1/partners/orders', method: 'POST', kind: 'invalid-json' });
    const request = order(fx.fixed, [[500, 1]]);
    const result = await sim.client().placeOrder(request);
    expect(result.outcome === 'unknown' && result.failure.kind).toBe('invalid-response');
    expect((await sim.control.stats()).orders).toBe(1);
  });

  it('retries a GET after 5xx and a reset connection, with a fresh X-REQUEST-ID each time', async () => {
    await sim.control.addFault({ path: '/v1/partners/wallet/balance', kind: 'http-5xx', status: 503 });
    await sim.control.addFault({ path: '/v1/partners/wallet/balance', kind: 'reset' });
    const since = (await sim.control.requests()).length;
    const result = await sim.client().walletBalance();
    expect(result.outcome).toBe('ok');
    expect(result.call.attempts).toBe(3);
    const wallet = (await sim.control.requests(since)).filter(
      (request) => request.path === '/v1/partners/wallet/balance',
    );
    expect(wallet.map((request) => request.requestId)).toEqual(result.call.requestIds);
    expect(
      sim.recorded
        .filter((call) => call.path === '/v1/partners/wallet/balance')
        .map((call) => call.failure?.kind ?? 'ok'),
    ).toEqual(['server', 'network', 'ok']);
  });

  it('gives up after the retry budget and reports the last failure', async () => {
    await sim.control.addFault({ path: '/v1/partners/wallet/balance', kind: 'http-5xx', status: 500, times: 10 });
    const result = await sim.client().walletBalance();
    expect(result.outcome === 'failed' && result.failure).toMatchObject({
      kind: 'server',
      httpStatus: 500,
      errorId: 'E500',
    });
    expect(result.call.attempts).toBe(3);
  });

  it('reports a refused connection as a network failure that never reached Hubble', async () => {
    const client = sim.client({
      connection: sim.connection({ baseUrl: 'http://127.0.0.1:1' }),
      backoff: { maxRetries: 0 },
    });
    const result = await client.walletBalance();
    expect(result.outcome === 'failed' && result.failure).toMatchObject({
      kind: 'network',
      httpStatus: null,
      path: '/v1/partners/auth/login',
    });
  });
});

describe('X-REQUEST-ID', () => {
  it('sends a fresh UUID on every request and records every one of them', async () => {
    const fx = await sim.control.fixtures();
    await sim.control.addFault({ path: '/v1/partners/products', kind: 'http-5xx' });
    const client = sim.client();
    await client.walletBalance();
    await client.listProducts({ pageNo: 1, limit: 3 });
    await client.getProduct(fx.flexible);
    await client.placeOrder(order(fx.flexible, [[250, 1]]));
    await client.placeOrder(order(fx.fixed, [[600, 1]]));
    await client.getOrderByReference('test-never-placed');
    const requests = await sim.control.requests();
    expect(requests.length).toBe(sim.recorded.length);
    expect(requests.map((request) => request.requestId)).toEqual(sim.recorded.map((call) => call.requestId));
    expect(requests.map((request) => request.status)).toEqual(sim.recorded.map((call) => call.httpStatus));
    for (const call of sim.recorded) expect(call.requestId).toMatch(UUID_V4);
    expect(new Set(sim.recorded.map((call) => call.requestId)).size).toBe(sim.recorded.length);
  });
});
