import net from 'node:net';
import { beforeEach, describe, expect, it } from 'vitest';
import { order, useTestSim, type ApiAnswer, type TestSim } from './kit.ts';

const suite = useTestSim();
let t: TestSim;
let token: string;
beforeEach(() => {
  ({ sim: t, token } = suite);
});

function expectHubbleError(answer: ApiAnswer, status: number, id: string): void {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  expect(answer.body).toMatchObject({
    id,
    code: expect.any(String),
    message: expect.any(String),
    requestId: expect.any(String),
  });
}

/** After every abuse the simulator must still answer normally. */
async function stillServing(): Promise<void> {
  expect((await t.api('GET', '/v1/partners/wallet/balance', { token })).status).toBe(200);
}

describe('bad input never crashes the simulator', () => {
  it('malformed JSON, a JSON array, a bare string and a non-JSON content type each get a Hubble-shaped error', async () => {
    for (const rawBody of ['{', '{"productId": }', '[1,2', 'undefined', '\u0000\u0001']) {
      expectHubbleError(await t.api('POST', '/v1/partners/orders', { token, rawBody }), 400, 'E002');
    }
    expectHubbleError(
      await t.api('POST', '/v1/partners/orders', { token, body: [order(t.fixtures.fixed, 'x', [[500, 1]])] }),
      400,
      'E002',
    );
    expectHubbleError(await t.api('POST', '/v1/partners/orders', { token, body: 'a string' }), 400, 'E002');
    expectHubbleError(await t.api('POST', '/v1/partners/auth/login', { body: null }), 400, 'E002');
    expectHubbleError(
      await t.api('POST', '/v1/partners/orders', {
        token,
        rawBody: 'productId=1',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      415,
      'E007',
    );
    await stillServing();
  });

  it('wrong types anywhere in an order get 400 or E157, never a 500', async () => {
    const bodies = [
      { productId: null, referenceId: {}, amount: [], denominationDetails: 'x' },
      {
        productId: t.fixtures.fixed,
        referenceId: 'r',
        amount: Number.MAX_VALUE,
        denominationDetails: [{ denomination: 1e308, quantity: 1e308 }],
      },
      { productId: t.fixtures.fixed, referenceId: 'r', amount: 500, denominationDetails: [null] },
      {
        productId: t.fixtures.fixed,
        referenceId: 'r',
        amount: 500,
        denominationDetails: [{ denomination: 500, quantity: 1 }],
        customerDetails: 'me',
      },
      {
        productId: t.fixtures.fixed,
        referenceId: 'r',
        amount: 500.001,
        denominationDetails: [{ denomination: 500.001, quantity: 1 }],
      },
      {
        productId: t.fixtures.fixed,
        referenceId: 'r',
        amount: 500,
        denominationDetails: [{ denomination: 500, quantity: 1 }],
        deliveryDetails: [1],
      },
    ];
    for (const body of bodies) {
      const answer = await t.api('POST', '/v1/partners/orders', { token, body });
      expect(answer.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(answer.status, JSON.stringify(body)).toBeLessThan(500);
      expect(answer.body).toMatchObject({ id: expect.stringMatching(/^E(002|15\d)$/) });
    }
    await stillServing();
  });

  it("a body over the 1 MiB limit gets 413 in Hubble's shape, on the API and on the controls", async () => {
    const huge = JSON.stringify({ padding: 'x'.repeat(2 * 1024 * 1024) });
    expectHubbleError(await t.api('POST', '/v1/partners/orders', { token, rawBody: huge }), 413, 'E006');
    expectHubbleError(await t.api('POST', '/v1/partners/auth/login', { rawBody: huge }), 413, 'E006');
    expectHubbleError(await t.api('POST', '/__sim/config', { rawBody: huge }), 413, 'E006');
    await t.control.config({ bodyLimitBytes: 2048 });
    expectHubbleError(
      await t.api('POST', '/v1/partners/orders', { token, body: { padding: 'y'.repeat(4096) } }),
      413,
      'E006',
    );
    await stillServing();
  });

  it("unknown paths and wrong methods get 404 and 405 in Hubble's shape, on the API and on the controls", async () => {
    for (const path of [
      '/',
      '/v1',
      '/v1/partners',
      '/v1/partners/products/',
      '/v2/partners/products',
      '/v1/partners/orders/by-reference/',
      '/__sim/nope',
      '/favicon.ico',
    ]) {
      expectHubbleError(await t.api('GET', path, { token }), 404, 'E001');
    }
    for (const method of ['PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      const answer = await t.api(method, '/v1/partners/orders', { token, body: {} });
      expectHubbleError(answer, 405, 'E005');
      expect(answer.headers['allow']).toBe('POST');
    }
    expectHubbleError(await t.api('POST', '/v1/partners/wallet/balance', { token, body: {} }), 405, 'E005');
    expectHubbleError(await t.api('GET', '/__sim/reset'), 405, 'E005');
    expectHubbleError(await t.api('GET', '/v1/partners/orders/%E0%A4%A', { token }), 400, 'E002');
    await stillServing();
  });

  it('invalid control requests get 400 with subErrors and change nothing', async () => {
    const answer = await t.api<{ subErrors: Array<{ fieldName: string }> }>('POST', '/__sim/faults', {
      body: { kind: 'meteor', times: -1 },
    });
    expectHubbleError(answer, 400, 'E002');
    expect(answer.body.subErrors.map((error) => error.fieldName).sort()).toEqual(['kind', 'times']);
    expectHubbleError(
      await t.api('POST', '/__sim/clients/sim-staging-b2b', { body: { webhookUrl: 'ftp://nope', surprise: true } }),
      400,
      'E002',
    );
    expectHubbleError(await t.api('POST', '/__sim/clock/advance', { body: { seconds: -5 } }), 400, 'E002');
    expectHubbleError(await t.api('POST', '/__sim/config', { body: { errors: { X: { status: 200 } } } }), 400, 'E002');
    expectHubbleError(
      await t.api('POST', '/__sim/brands/01ZZZZZZZZZZZZZZZZZZZZZZZZ', { body: { status: 'ACTIVE' } }),
      404,
      'E001',
    );
    expect(await t.control.requests()).toHaveLength(1);
    await stillServing();
  });

  it('garbage on the socket gets a 400 and a closed connection, and the server keeps serving', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(new URL(t.base).port), '127.0.0.1', () =>
        socket.write('THIS IS NOT HTTP\r\n\r\n'),
      );
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    await stillServing();
  });

  it('many concurrent orders with one referenceId create exactly one order and one debit', async () => {
    const before = (await t.api<{ balance: number }>('GET', '/v1/partners/wallet/balance', { token })).body.balance;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.api<{ id: string }>('POST', '/v1/partners/orders', {
          token,
          body: order(t.fixtures.fixed, 'race', [[1000, 1]]),
        }),
      ),
    );
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    expect((await t.api<{ balance: number }>('GET', '/v1/partners/wallet/balance', { token })).body.balance).toBe(
      before - 1000,
    );
  });
});
