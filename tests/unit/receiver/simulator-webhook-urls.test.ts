import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { webhookSeedOf } from '../../../src/main/simulator/webhooks/webhook-cli-flags.ts';
import { DEMO_CLIENTS, startReceiver, startTestSim, type Receiver, type TestSim } from '../simulator/kit.ts';

let receivers: Receiver[] = [];
let sims: TestSim[] = [];
beforeEach(async () => {
  receivers = await Promise.all([startReceiver(), startReceiver(), startReceiver()]);
});
afterEach(async () => {
  await Promise.all([...receivers.map((receiver) => receiver.close()), ...sims.map((sim) => sim.close())]);
  sims = [];
});
const sim = async (options: Parameters<typeof startTestSim>[0] = {}) => {
  const started = await startTestSim(options);
  sims.push(started);
  return started;
};
const lowBalance = async (t: TestSim) => {
  const token = await t.login();
  await t.control.setWallet(DEMO_CLIENTS.staging.clientId, 11_000);
  await t.control.patchClient(DEMO_CLIENTS.staging.clientId, { lowBalanceThreshold: 10_000 });
  const body = {
    productId: t.fixtures.fixed,
    referenceId: 'low-1',
    amount: 2000,
    denominationDetails: [{ denomination: 2000, quantity: 1 }],
  };
  expect((await t.api('POST', '/v1/partners/orders', { token, body })).status).toBe(200);
};

describe('simulator: webhook URLs per type, per client', () => {
  it('the control API sets a URL per webhook type beside the one for all; null removes it', async () => {
    const t = await sim();
    const [brands, all] = receivers as [Receiver, Receiver];
    const view = await t.control.patchClient(DEMO_CLIENTS.staging.clientId, {
      webhookUrl: all.url,
      webhookUrls: { BRAND_UPDATED: `${brands.url}/brand?env=staging` },
    });
    expect(view).toMatchObject({
      webhookUrl: all.url,
      webhookUrls: { BRAND_UPDATED: `${brands.url}/brand?env=staging` },
    });
    await lowBalance(t);
    await t.control.changeBrand(t.fixtures.fixed, { status: 'INACTIVE' });
    await t.control.flushWebhooks();
    expect(brands.received.map((delivery) => Object.keys(JSON.parse(delivery.body.toString())))).toEqual([
      ['id', 'denominationType', 'status', 'denominations', 'amountRestrictions'],
    ]);
    expect(all.received.map((delivery) => JSON.parse(delivery.body.toString()))).toEqual([
      { balance: 9000, threshold: 10000 },
    ]);
    const deliveries = await t.control.deliveries();
    expect(deliveries[1]!.url).toBe(`${brands.url}/brand?env=staging`);

    await t.control.patchClient(DEMO_CLIENTS.staging.clientId, { webhookUrls: { BRAND_UPDATED: null } });
    await t.control.changeBrand(t.fixtures.fixed, { status: 'ACTIVE' });
    await t.control.flushWebhooks();
    expect(all.received).toHaveLength(2);
  });

  it('one URL for all clients (what --webhook-url does) gets each brand webhook once, not once per demo client', async () => {
    const [shared] = receivers as [Receiver];
    const t = await sim({ webhook: { url: shared.url, secret: DEMO_CLIENTS.staging.webhookSecret } });
    await t.control.changeBrand(t.fixtures.flexible, { status: 'INACTIVE' });
    await t.control.flushWebhooks();
    expect(shared.received).toHaveLength(1);
  });

  it('per-client and per-type targets from the start options (the CLI flags), client overrides winning', async () => {
    const [typed, b2c] = receivers as [Receiver, Receiver];
    const seed = webhookSeedOf(
      {
        urlFor: [`brand_updated=${typed.url}`],
        clientUrl: [`${DEMO_CLIENTS.b2c.clientId}:BRAND_UPDATED=${b2c.url}`],
      },
      DEMO_CLIENTS.staging.webhookSecret,
    );
    const t = await sim({ webhook: seed });
    await t.control.changeBrand(t.fixtures.flexible, { status: 'INACTIVE' });
    await t.control.flushWebhooks();
    // staging and production share the per-type URL (one delivery); b2c has its own.
    expect(typed.received).toHaveLength(1);
    expect(b2c.received).toHaveLength(1);
    expect((await t.control.client(DEMO_CLIENTS.b2c.clientId)).webhookUrls).toEqual({ BRAND_UPDATED: b2c.url });
  });

  it('the CLI flags are checked: unknown types, unknown clients and bad URLs are refused', () => {
    expect(() => webhookSeedOf({ urlFor: ['NOPE=http://x'] }, 's')).toThrow(/not a webhook type/);
    expect(() => webhookSeedOf({ clientUrl: ['someone=http://x'] }, 's')).toThrow(/not a demo client/);
    expect(() => webhookSeedOf({ urlFor: ['BRAND_UPDATED=ftp://x'] }, 's')).toThrow(/http\(s\)/);
    expect(() => webhookSeedOf({ secret: 's' }, 's')).toThrow(/needs a webhook URL/);
    const cli = spawnSync(process.execPath, ['src/main/simulator/cli.ts', '--webhook-url-for', 'NOPE=http://x'], {
      encoding: 'utf8',
    });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toMatch(/--webhook-url-for: NOPE is not a webhook type/);
  });

  it('the request log keeps the query string as sent', async () => {
    const t = await sim();
    const token = await t.login();
    await t.api('GET', '/v1/partners/products?limit=5&q=a%20b', { token });
    const entries = (await t.control.requests()) as Array<{ path: string; query: string }>;
    expect(entries.at(-1)).toMatchObject({ path: '/v1/partners/products', query: 'limit=5&q=a%20b' });
  });
});
