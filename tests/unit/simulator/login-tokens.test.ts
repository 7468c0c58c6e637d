import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS, startTestSim, useTestSim, type TestSim } from './kit.ts';

const suite = useTestSim({}, { login: false });
let t: TestSim;
beforeEach(() => {
  t = suite.sim;
});

const LOGIN = '/v1/partners/auth/login';

describe('§14.2 login and tokens', () => {
  it('§14.7 a valid pair gets 200 {token, expiresInSecs} with the default TTL of 3600', async () => {
    const answer = await t.api<{ token: string; expiresInSecs: number }>('POST', LOGIN, {
      body: { clientId: DEMO_CLIENTS.staging.clientId, clientSecret: DEMO_CLIENTS.staging.clientSecret },
    });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual(['expiresInSecs', 'token']);
    expect(answer.body.expiresInSecs).toBe(3600);
    expect(answer.body.token).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('§14.7 the TTL is configurable, at start and at run time', async () => {
    const short = await startTestSim({ tokenTtlSecs: 5 });
    try {
      const answer = await short.api<{ expiresInSecs: number }>('POST', LOGIN, {
        body: { clientId: DEMO_CLIENTS.b2c.clientId, clientSecret: DEMO_CLIENTS.b2c.clientSecret },
      });
      expect(answer.body.expiresInSecs).toBe(5);
    } finally {
      await short.close();
    }
    await t.control.config({ tokenTtlSecs: 42 });
    const answer = await t.api<{ expiresInSecs: number }>('POST', LOGIN, {
      body: { clientId: DEMO_CLIENTS.staging.clientId, clientSecret: DEMO_CLIENTS.staging.clientSecret },
    });
    expect(answer.body.expiresInSecs).toBe(42);
  });

  it('§14.8 a missing clientId or clientSecret gets 400 with subErrors naming the field', async () => {
    const noSecret = await t.api('POST', LOGIN, { body: { clientId: DEMO_CLIENTS.staging.clientId } });
    expect(noSecret.status).toBe(400);
    expect(noSecret.body).toMatchObject({
      id: 'E002',
      code: 'BAD_REQUEST',
      subErrors: [{ fieldName: 'clientSecret', message: 'clientSecret is required' }],
    });
    const neither = await t.api<{ subErrors: Array<{ fieldName: string }> }>('POST', LOGIN, { body: {} });
    expect(neither.body.subErrors.map((error) => error.fieldName)).toEqual(['clientId', 'clientSecret']);
    const wrongType = await t.api('POST', LOGIN, {
      body: { clientId: 42, clientSecret: DEMO_CLIENTS.staging.clientSecret },
    });
    expect(wrongType.body).toMatchObject({
      subErrors: [{ fieldName: 'clientId', message: 'clientId must be a string' }],
    });
    expect((await t.api('POST', LOGIN)).status).toBe(400);
  });

  it('§14.9 a wrong secret and an unknown clientId get 401; optionally the unknown clientId gets 404 RESOURCE_NOT_FOUND', async () => {
    const wrongSecret = await t.api('POST', LOGIN, {
      body: { clientId: DEMO_CLIENTS.staging.clientId, clientSecret: 'nope' },
    });
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.body).toMatchObject({ code: 'UNAUTHORIZED' });
    const typo = await t.api('POST', LOGIN, { body: { clientId: 'sim-stagign-b2b', clientSecret: 'x' } });
    expect(typo.status).toBe(401);
    await t.control.config({ unknownClient: 'not-found' });
    const typo404 = await t.api('POST', LOGIN, { body: { clientId: 'sim-stagign-b2b', clientSecret: 'x' } });
    expect(typo404.status).toBe(404);
    expect(typo404.body).toMatchObject({ id: 'E001', code: 'RESOURCE_NOT_FOUND' });
    expect(
      (await t.api('POST', LOGIN, { body: { clientId: DEMO_CLIENTS.staging.clientId, clientSecret: 'nope' } })).status,
    ).toBe(401);
  });

  it('§14.10 a token stops working after expiresInSecs, several tokens are valid at once, and there is no refresh endpoint', async () => {
    const first = await t.login();
    await t.control.advanceClock(1800);
    const second = await t.login();
    expect(second).not.toBe(first);
    for (const token of [first, second])
      expect((await t.api('GET', '/v1/partners/wallet/balance', { token })).status).toBe(200);
    await t.control.advanceClock(1799);
    expect((await t.api('GET', '/v1/partners/wallet/balance', { token: first })).status).toBe(200);
    await t.control.advanceClock(1);
    const expired = await t.api('GET', '/v1/partners/wallet/balance', { token: first });
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ code: 'UNAUTHORIZED', debugMessage: expect.stringMatching(/expired/) });
    expect((await t.api('GET', '/v1/partners/wallet/balance', { token: second })).status).toBe(200);
    expect((await t.api('POST', '/v1/partners/auth/refresh', { token: second, body: {} })).status).toBe(404);
  });

  it('§14.11 login calls are counted per client, so a test can check that a client caches its token', async () => {
    await t.login();
    await t.login();
    await t.login(DEMO_CLIENTS.b2c);
    await t.api('POST', LOGIN, { body: { clientId: DEMO_CLIENTS.staging.clientId, clientSecret: 'wrong' } });
    const stats = await t.control.stats();
    expect(stats.logins).toEqual({ [DEMO_CLIENTS.staging.clientId]: 2, [DEMO_CLIENTS.b2c.clientId]: 1 });
  });
});
