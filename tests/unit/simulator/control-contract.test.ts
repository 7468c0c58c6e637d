import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { simulatorControl } from '../../../src/main/simulator/control-client.ts';
import { CONTROL_CONTRACT, type ControlOperationName } from '../../../src/main/simulator/control/contract.ts';
import { CONTROL_ROUTES } from '../../../src/main/simulator/control/handle-control-request.ts';
import { CONTROL_HANDLERS } from '../../../src/main/simulator/control/routes.ts';
import { DEMO_CLIENTS, order, useTestSim, type TestSim } from './kit.ts';

const suite = useTestSim();
let t: TestSim;
let token: string;
beforeEach(() => {
  ({ sim: t, token } = suite);
});

const names = Object.keys(CONTROL_CONTRACT) as ControlOperationName[];
const withBody = names.filter((name) => 'body' in CONTROL_CONTRACT[name]);
const STAGING = DEMO_CLIENTS.staging.clientId;

/** A concrete path for an operation, with real ids in its parameters. */
function pathOf(name: ControlOperationName, ids: { orderId: string; brandId: string }): string {
  return CONTROL_CONTRACT[name].path
    .replace(':clientId', STAGING)
    .replace(':brandId', ids.brandId)
    .replace(':orderId', ids.orderId)
    .replace(':kind', 'logo');
}

/** Everything the controls can show, read without changing anything. */
async function snapshot() {
  const control = t.control;
  return {
    config: await control.readConfig(),
    clients: await control.clients(),
    faults: await control.faults(),
    clock: await control.clock(),
    brand: await control.brand(t.fixtures.fixed),
    stats: await control.stats(),
    requests: await control.requests(),
    deliveries: await control.deliveries(),
  };
}

describe('the /__sim control contract', () => {
  it('every contract entry has exactly one route, one handler and one client method, and nothing else does', () => {
    expect(CONTROL_ROUTES.map((route) => route.name)).toEqual(names);
    expect(Object.keys(CONTROL_HANDLERS).sort()).toEqual([...names].sort());
    expect(Object.keys(simulatorControl('http://127.0.0.1:9')).sort()).toEqual([...names].sort());
    const signatures = names.map((name) => `${CONTROL_CONTRACT[name].method} ${CONTROL_CONTRACT[name].path}`);
    expect(new Set(signatures).size).toBe(names.length);
    for (const name of names) {
      const spec = CONTROL_CONTRACT[name];
      const inPath = [...spec.path.matchAll(/:(\w+)/g)].map((match) => match[1]).sort();
      const declared = 'params' in spec ? Object.keys(spec.params.shape).sort() : [];
      expect(declared, name).toEqual(inPath);
      expect(spec.path.startsWith('/__sim/'), name).toBe(true);
      if (spec.method === 'GET') expect('body' in spec, `${name}: a GET has no body`).toBe(false);
    }
  });

  it('every operation answers through the client in the shape its contract promises', async () => {
    await t.api('POST', '/v1/partners/orders', { token, body: order(t.fixtures.fixed, 'contract-1', [[500, 1]]) });
    await t.control.nextOutcome({ outcome: 'PROCESSING' });
    const pending = (
      await t.api<{ id: string }>('POST', '/v1/partners/orders', {
        token,
        body: order(t.fixtures.fixed, 'contract-2', [[500, 1]]),
      })
    ).body.id;
    const placed = (await t.control.requests()).length;
    const c = t.control;
    // Each call parses its answer with the operation's response schema and throws if it does not fit.
    const answers: Record<ControlOperationName, unknown> = {
      health: await c.health(),
      scenarios: await c.scenarios(),
      scenario: await c.scenario('calm'),
      readConfig: await c.readConfig(),
      config: await c.config({ brandCategoryField: 'category' }),
      clock: await c.clock(),
      advanceClock: await c.advanceClock(0),
      setWallet: await c.setWallet(STAGING, 1000),
      topUp: await c.topUp(STAGING, 1),
      clients: await c.clients(),
      client: await c.client(STAGING),
      patchClient: await c.patchClient(STAGING, { dynamicIp: false }),
      nextOutcome: await c.nextOutcome({ outcome: 'SUCCESS' }),
      addFault: await c.addFault({ kind: 'delay', delayMs: 0, path: '/v1/partners/none' }),
      faults: await c.faults(),
      clearFaults: await c.clearFaults(),
      latency: await c.latency({ fixedMs: 0 }),
      brand: await c.brand(t.fixtures.fixed),
      changeBrand: await c.changeBrand(t.fixtures.fixed, { outcome: null }),
      fixtures: await c.fixtures(),
      order: await c.order(pending),
      settle: await c.settle(pending, 'SUCCESS'),
      reverse: await c.reverse(pending),
      cancel: await c.cancel(
        (await t.api<{ id: string }>('GET', '/v1/partners/orders/by-reference/contract-1', { token })).body.id,
      ),
      requests: await c.requests(),
      deliveries: await c.deliveries(),
      flushWebhooks: await c.flushWebhooks(),
      stats: await c.stats(),
      brandArt: await c.brandArt('icon', t.fixtures.fixed),
      brandTerms: await c.brandTerms(t.fixtures.fixed),
      reset: await c.reset(),
    };
    expect(answers.health).toEqual({ ok: true });
    expect(answers.settle).toMatchObject({ id: pending, status: 'SUCCESS' });
    expect(answers.reverse).toMatchObject({ id: pending, status: 'REVERSED' });
    expect(answers.cancel).toMatchObject({ status: 'CANCELLED' });
    expect(answers.requests).toHaveLength(placed + 1);
    expect(answers.brandArt).toMatch(/^<svg/);
    expect(answers.brandTerms).toContain('Croma');
    expect(answers.reset).toEqual({ ok: true, seed: 7, scenario: 'calm' });
  });

  it.each(withBody)(
    '%s: a body its schema refuses gets 400 E002 naming the field, and changes nothing',
    async (name) => {
      const placed = await t.api<{ id: string }>('POST', '/v1/partners/orders', {
        token,
        body: order(t.fixtures.fixed, 'bad-body', [[500, 1]]),
      });
      const ids = { orderId: placed.body.id, brandId: t.fixtures.fixed };
      const before = await snapshot();
      const answer = await t.api<{ id: string; debugMessage: string; subErrors: Array<{ fieldName: string }> }>(
        CONTROL_CONTRACT[name].method,
        pathOf(name, ids),
        { body: { surprise: 'not in any control' } },
      );
      expect(answer.status).toBe(400);
      expect(answer.body.id).toBe('E002');
      expect(answer.body.debugMessage).toContain(`${CONTROL_CONTRACT[name].method} ${CONTROL_CONTRACT[name].path}`);
      expect(answer.body.subErrors.map((error) => error.fieldName)).toContain('surprise');
      expect(await snapshot()).toEqual(before);
    },
  );

  it('input the schema accepts but the settings forbid is refused the same way: a page size the API could never follow', async () => {
    const before = await snapshot();
    const answer = await t.api<{ id: string; debugMessage: string }>('POST', '/__sim/config', {
      body: { nextCursorShape: 'string', defaultPageSize: 500 },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.debugMessage).toMatch(/defaultPageSize 500 is above maxPageLimit 100/);
    expect(await snapshot()).toEqual(before);
    expect((await t.control.config({ maxPageLimit: 500, defaultPageSize: 500 })).defaultPageSize).toBe(500);
  });

  it('a bad query or an unknown enabled brand is refused before anything changes', async () => {
    const badSince = await t.api<{ subErrors: Array<{ fieldName: string }> }>('GET', '/__sim/requests?since=soon');
    expect(badSince.status).toBe(400);
    expect(badSince.body.subErrors.map((error) => error.fieldName)).toEqual(['since']);
    const before = await snapshot();
    const unknownBrand = await t.api('POST', `/__sim/clients/${STAGING}`, {
      body: { whitelisted: false, enableBrands: ['01ZZZZZZZZZZZZZZZZZZZZZZZZ'] },
    });
    expect(unknownBrand.status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it("the console's sample traffic drives the simulator through the typed client, never raw HTTP", () => {
    const source = fs.readFileSync(
      path.resolve(import.meta.dirname, '../../../src/main/areas/calls/sample-traffic.ts'),
      'utf8',
    );
    expect(source).toMatch(/from '\.\.\/\.\.\/simulator\/control\/client\.ts'/);
    expect(source).not.toMatch(/from 'undici'|\/__sim\//);
  });
});
