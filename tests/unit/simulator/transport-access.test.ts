import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS, order, useTestSim, type TestSim } from './kit.ts';

const suite = useTestSim({}, { login: false });
let t: TestSim;
beforeEach(() => {
  t = suite.sim;
});

const LOGIN = '/v1/partners/auth/login';
const credentials = (client: { clientId: string; clientSecret: string }) => ({
  clientId: client.clientId,
  clientSecret: client.clientSecret,
});

/** Every authenticated endpoint, with ids that exist so that only auth can fail. */
async function authenticatedCalls(token: string) {
  const placed = await t.api<{ id: string; vouchers: Array<{ id: string }> }>('POST', '/v1/partners/orders', {
    token,
    body: order(t.fixtures.fixed, 'auth-probe', [[500, 1]]),
  });
  return [
    ['GET', '/v1/partners/products'],
    ['GET', `/v1/partners/products/${t.fixtures.fixed}`],
    ['POST', '/v1/partners/orders'],
    ['GET', `/v1/partners/orders/${placed.body.id}`],
    ['GET', '/v1/partners/orders/by-reference/auth-probe'],
    ['GET', `/v1/partners/orders/vouchers/${placed.body.vouchers[0]!.id}`],
    ['GET', '/v1/partners/wallet/balance'],
  ] as const;
}

describe('§14.1 transport, environments, access', () => {
  it('§14.1 staging and production have separate credentials, and each one gets 401 on the other environment', async () => {
    const { staging, production } = t.sim.environmentUrls;
    const stagingOnProduction = await t.api('POST', LOGIN, {
      base: production,
      body: credentials(DEMO_CLIENTS.staging),
    });
    expect(stagingOnProduction.status).toBe(401);
    expect(stagingOnProduction.body).toMatchObject({ code: 'UNAUTHORIZED' });
    const productionOnStaging = await t.api('POST', LOGIN, {
      base: staging,
      body: credentials(DEMO_CLIENTS.production),
    });
    expect(productionOnStaging.status).toBe(401);

    const stagingToken = await t.login(DEMO_CLIENTS.staging, staging);
    expect((await t.api('GET', '/v1/partners/wallet/balance', { base: staging, token: stagingToken })).status).toBe(
      200,
    );
    expect((await t.api('GET', '/v1/partners/wallet/balance', { base: production, token: stagingToken })).status).toBe(
      401,
    );
    await t.login(DEMO_CLIENTS.production, production);

    const mixedPair = await t.api('POST', LOGIN, {
      body: { clientId: DEMO_CLIENTS.staging.clientId, clientSecret: DEMO_CLIENTS.production.clientSecret },
    });
    expect(mixedPair.status).toBe(401);
  });

  it('§14.2 every path is under /v1/partners: /v1/partner/... and /v1/partners/brands are 404, and login answers only POST (405)', async () => {
    const token = await t.login();
    const singular = await t.api('GET', '/v1/partner/products', { token });
    expect(singular.status).toBe(404);
    expect(singular.body).toMatchObject({ id: 'E001', code: 'RESOURCE_NOT_FOUND' });
    expect((await t.api('POST', '/v1/partner/auth/login', { body: credentials(DEMO_CLIENTS.staging) })).status).toBe(
      404,
    );
    expect((await t.api('GET', '/v1/partners/brands', { token })).status).toBe(404);
    const getLogin = await t.api('GET', LOGIN);
    expect(getLogin.status).toBe(405);
    expect(getLogin.headers['allow']).toBe('POST');
    expect(getLogin.body).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
  });

  it('§14.3 a caller off the production allow-list gets 403 on every endpoint, login included; staging does not enforce it and dynamic IPs are exempt', async () => {
    const token = await t.login(DEMO_CLIENTS.production);
    const calls = await authenticatedCalls(token);
    await t.control.patchClient(DEMO_CLIENTS.production.clientId, { whitelisted: false });

    const login = await t.api('POST', LOGIN, { body: credentials(DEMO_CLIENTS.production) });
    expect(login.status).toBe(403);
    expect(login.body).toMatchObject({ code: 'FORBIDDEN', message: 'Invalid Access' });
    for (const [method, path] of calls) {
      const answer = await t.api(method, path, {
        token,
        body: method === 'POST' ? order(t.fixtures.fixed, 'blocked', [[500, 1]]) : undefined,
      });
      expect(answer.status, `${method} ${path}`).toBe(403);
    }
    expect(
      (
        await t.api('GET', '/v1/partners/orders/by-reference/blocked', {
          token: await loginAfter(() => t.control.patchClient(DEMO_CLIENTS.production.clientId, { dynamicIp: true })),
        })
      ).status,
    ).toBe(404);

    await t.control.patchClient(DEMO_CLIENTS.staging.clientId, { whitelisted: false });
    expect((await t.api('POST', LOGIN, { body: credentials(DEMO_CLIENTS.staging) })).status).toBe(200);
  });

  it('§14.4 every endpoint but login needs a valid Bearer token: missing, malformed, unknown or expired → 401', async () => {
    const token = await t.login();
    const calls = await authenticatedCalls(token);
    for (const [method, path] of calls) {
      for (const headers of [
        {},
        { authorization: `Token ${token}` },
        { authorization: 'Bearer' },
        { authorization: 'Bearer not-a-real-token' },
      ] as Array<Record<string, string>>) {
        const answer = await t.api(method, path, { headers, body: method === 'POST' ? {} : undefined });
        expect(answer.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(401);
        expect(answer.body).toMatchObject({ code: 'UNAUTHORIZED' });
      }
      expect(
        (
          await t.api(method, path, {
            token,
            body: method === 'POST' ? order(t.fixtures.fixed, 'auth-probe', [[500, 1]]) : undefined,
          })
        ).status,
      ).toBe(200);
    }
    await t.control.advanceClock(3600);
    for (const [method, path] of calls)
      expect((await t.api(method, path, { token, body: method === 'POST' ? {} : undefined })).status).toBe(401);
  });

  it('§14.5 X-REQUEST-ID is accepted in any case, echoed, and becomes the error body requestId; a missing one is generated as req_<uuid>', async () => {
    const mixedCase = await t.api('GET', '/v1/partners/wallet/balance', {
      headers: { 'x-ReQuEsT-iD': 'trace-Abc-123' },
    });
    expect(mixedCase.status).toBe(401);
    expect(mixedCase.headers['x-request-id']).toBe('trace-Abc-123');
    expect(mixedCase.body).toMatchObject({ requestId: 'trace-Abc-123' });

    const token = await t.login();
    const ok = await t.api('GET', '/v1/partners/wallet/balance', { token, headers: { 'X-Request-Id': 'ok-1' } });
    expect(ok.headers['x-request-id']).toBe('ok-1');

    const missing = await t.api('GET', '/v1/partners/products/unknown', { token });
    const generated = missing.headers['x-request-id'] as string;
    expect(generated).toMatch(/^req_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(missing.body).toMatchObject({ requestId: generated });

    const log = await t.control.requests();
    expect(log.find((entry) => entry.requestId === 'trace-Abc-123')).toMatchObject({
      requestIdSent: true,
      status: 401,
    });
    expect(log.find((entry) => entry.requestId === generated)).toMatchObject({ requestIdSent: false, status: 404 });
  });

  it('§14.5 strict mode: a request without X-REQUEST-ID gets 400 naming the header', async () => {
    await t.control.config({ strictRequestId: true });
    const missing = await t.api('POST', LOGIN, { body: credentials(DEMO_CLIENTS.staging) });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'BAD_REQUEST', subErrors: [{ fieldName: 'X-REQUEST-ID' }] });
    expect(
      (await t.api('POST', LOGIN, { body: credentials(DEMO_CLIENTS.staging), headers: { 'X-REQUEST-ID': 'strict-1' } }))
        .status,
    ).toBe(200);
  });

  it("§14.6 a malformed JSON body gets 400 in Hubble's error shape", async () => {
    const login = await t.api('POST', LOGIN, {
      rawBody: '{"clientId": "sim-staging-b2b",',
      headers: { 'x-request-id': 'bad-json' },
    });
    expect(login.status).toBe(400);
    expect(login.headers['content-type']).toMatch(/application\/json/);
    expect(login.body).toMatchObject({ id: 'E002', code: 'BAD_REQUEST', requestId: 'bad-json' });
    expect((login.body as { message: string }).message).toEqual(expect.any(String));
    expect((login.body as { debugMessage: string }).debugMessage).toMatch(/Malformed JSON/);
    const token = await t.login();
    const placed = await t.api('POST', '/v1/partners/orders', { token, rawBody: '{not json' });
    expect(placed.status).toBe(400);
    expect(placed.body).toMatchObject({ id: 'E002' });
  });
});

async function loginAfter(change: () => Promise<unknown>): Promise<string> {
  await change();
  return t.login(DEMO_CLIENTS.production);
}
