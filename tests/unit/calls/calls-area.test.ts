import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createCallsArea, type CallsArea } from '../../../src/main/areas/calls/calls-area.ts';
import { EventBus } from '../../../src/main/kernel/event-bus.ts';
import { ProfileStores } from '../../../src/main/store/profile-store.ts';
import { STAGING, useSimulator } from '../hubble/simulator-fixture.ts';
import { useTempDir } from '../../fixtures/temp-dir.ts';

const sim = useSimulator();
const tempDir = useTempDir();
let area: CallsArea | undefined;
let stores: ProfileStores | undefined;
afterEach(async () => {
  await area?.close();
  stores?.closeAll();
});

describe('calls area', () => {
  it('records a profile\u2019s calls, announces them, strips its webhook secret by value, and deletes its history on request', async () => {
    stores = new ProfileStores(tempDir());
    const events = new EventBus();
    const announced: unknown[] = [];
    events.connect((name, payload) => announced.push([name, payload]));
    area = createCallsArea({
      stores,
      events,
      activeProfileId: () => 'simulator',
      connectionFor: () => sim.connection(),
      simulatorBaseUrl: () => sim.sim.baseUrl,
      secretValues: async () => [STAGING.webhookSecret, null],
    });
    const client = area.clients.clientFor(sim.connection());
    expect(area.clients.clientFor(sim.connection())).toBe(client);
    const fx = await sim.control.fixtures();
    await client.placeOrder({
      productId: fx.fixed,
      referenceId: 'area-1',
      amount: 500,
      denominationDetails: [{ denomination: 500, quantity: 1 }],
      customerDetails: { name: STAGING.webhookSecret },
    });
    const page = await area.handlers.calls.search(
      {
        filters: { referenceId: 'area-1' },
        sort: { by: 'at', direction: 'desc' },
        offset: 0,
        limit: 10,
        includeTotal: true,
      },
      { shell: 'browser-harness' },
    );
    expect(page.total).toBe(1);
    expect(announced).toEqual([['calls.recorded', { profileId: 'simulator', rows: 2, lastId: 2 }]]);
    const detail = area.calls.get('simulator', page.rows[0]!.id);
    expect(detail.requestBody).not.toContain(STAGING.webhookSecret);

    const file = stores.fileOf('simulator');
    expect(fs.existsSync(file)).toBe(true);
    await area.deleteProfileData('simulator');
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(area.clients.clientFor(sim.connection())).not.toBe(client);
  });
});

describe('calls area secrets', () => {
  it('strips a webhook secret set after the profile was opened, once told secrets changed', async () => {
    stores = new ProfileStores(tempDir());
    let current: string | null = null;
    area = createCallsArea({
      stores,
      events: new EventBus(),
      activeProfileId: () => 'simulator',
      connectionFor: () => sim.connection(),
      simulatorBaseUrl: () => sim.sim.baseUrl,
      secretValues: async () => [current],
    });
    const client = area.clients.clientFor(sim.connection());
    await client.walletBalance();
    current = 'late-webhook-secret-4f1c';
    area.refreshSecrets();
    await new Promise<void>((resolve) => setImmediate(resolve));
    const fx = await sim.control.fixtures();
    await client.placeOrder({
      productId: fx.fixed,
      referenceId: 'late-secret-1',
      amount: 500,
      denominationDetails: [{ denomination: 500, quantity: 1 }],
      customerDetails: { name: current },
    });
    const page = await area.handlers.calls.search(
      {
        filters: { referenceId: 'late-secret-1' },
        sort: { by: 'at', direction: 'desc' },
        offset: 0,
        limit: 10,
        includeTotal: true,
      },
      { shell: 'browser-harness' },
    );
    const detail = area.calls.get('simulator', page.rows[0]!.id);
    expect(detail.requestBody).toBeTruthy();
    expect(detail.requestBody).not.toContain('late-webhook-secret-4f1c');
  });
});
