import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { WEBHOOK_TYPES } from '../../../src/main/simulator/webhooks/payloads.ts';
import type { Profile } from '../../../src/shared/contract/profiles.ts';
import { simulatorWebhookTypeSchema, type SimulatorWebhookUrls } from '../../../src/shared/contract/receiver.ts';
import { STAGING, useSimulator } from '../hubble/simulator-fixture.ts';
import { useOrdersConsole } from '../orders/console-fixture.ts';

const sim = useSimulator();
const openConsole = useOrdersConsole(sim);

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const simulatorClient = async () => {
  const client = await sim.control.client(STAGING.clientId);
  return { webhookUrl: client.webhookUrl, webhookUrls: client.webhookUrls };
};

describe("the Simulator profile's webhook URLs", () => {
  it('name the same webhook types as the simulator', () => {
    expect(simulatorWebhookTypeSchema.options).toEqual([...WEBHOOK_TYPES]);
  });

  it('are kept in the profile and point the embedded simulator per type, the rest at one URL or the receiver', async () => {
    const { call, core } = await openConsole();
    expect(await call('receiver.simulatorWebhookUrls')).toEqual({ urls: { all: null, byType: {} } });

    const urls: SimulatorWebhookUrls = {
      all: 'http://127.0.0.1:4000/hubble/all',
      byType: {
        ORDER_TERMINAL_STATE: 'http://127.0.0.1:4000/hubble/orders?key=abc',
        WALLET_LOW_BALANCE: 'https://partner.example/hooks/wallet',
      },
    };
    expect(await call('receiver.updateSimulatorWebhookUrls', { urls })).toEqual({ urls });
    expect(await call('receiver.simulatorWebhookUrls')).toEqual({ urls });
    // Audited by origin and path: a query string can carry the partner's token.
    const [audited] = core.kernel.audit.list().filter((entry) => entry.action === 'receiver.settings');
    expect(audited).toMatchObject({ profileId: 'simulator' });
    expect(JSON.stringify(audited!.details)).toContain('http://127.0.0.1:4000/hubble/orders');
    expect(JSON.stringify(audited!.details)).not.toContain('key=abc');
    expect(await simulatorClient()).toEqual({
      webhookUrl: 'http://127.0.0.1:4000/hubble/all',
      webhookUrls: {
        ORDER_TERMINAL_STATE: 'http://127.0.0.1:4000/hubble/orders?key=abc',
        WALLET_LOW_BALANCE: 'https://partner.example/hooks/wallet',
      },
    });

    // No URL for all: the rest go to the console's own receiver while it is on; a type removed is removed there too.
    const port = await freePort();
    const profile = await call<Profile>('profiles.updateSimulator', {
      settings: {
        colour: '#7c3aed',
        walletMinimum: null,
        polling: { walletSecs: 60, processingOrdersSecs: 5, catalogSyncHours: 1 },
        rateLimits: [],
        webhookReceiver: { enabled: true, port },
      },
    });
    expect(profile.webhookReceiver.enabled).toBe(true);
    await call('receiver.updateSimulatorWebhookUrls', {
      urls: { all: null, byType: { ORDER_TERMINAL_STATE: 'http://127.0.0.1:4000/hubble/orders' } },
    });
    expect(await simulatorClient()).toEqual({
      webhookUrl: `http://127.0.0.1:${port}/hubble/simulator`,
      webhookUrls: { ORDER_TERMINAL_STATE: 'http://127.0.0.1:4000/hubble/orders' },
    });
  });

  it('refuses a URL that is not http(s) or a type the simulator does not send, and changes nothing', async () => {
    const { call } = await openConsole();
    const refused = (urls: unknown) =>
      call('receiver.updateSimulatorWebhookUrls', { urls }).catch((error: { kind: string }) => error.kind);
    expect(await refused({ all: 'ftp://127.0.0.1/x', byType: {} })).toBe('VALIDATION');
    expect(await refused({ all: null, byType: { ORDER_UPDATED: 'http://127.0.0.1:4000/x' } })).toBe('VALIDATION');
    expect(await call('receiver.simulatorWebhookUrls')).toEqual({ urls: { all: null, byType: {} } });
    expect(await simulatorClient()).toEqual({ webhookUrl: null, webhookUrls: {} });
  });
});
