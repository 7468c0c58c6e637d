import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/src/app/App.tsx';
import { useNavigation } from '../../src/renderer/src/app/navigation-store.ts';
import { usePalette } from '../../src/renderer/src/app/palette-store.ts';
import { useProfiles } from '../../src/renderer/src/features/profiles/profiles-store.ts';
import { NO_FILTERS, useReceived } from '../../src/renderer/src/features/webhooks/received-store.ts';
import { WebhooksPage } from '../../src/renderer/src/features/webhooks/WebhooksPage.tsx';
import { useWebhooks } from '../../src/renderer/src/features/webhooks/webhooks-store.ts';
import { useWebhooksTab } from '../../src/renderer/src/features/webhooks/webhooks-tab-store.ts';
import { DEFAULT_RECEIVER_SETTINGS, type ReceivedEventSummary } from '../../src/shared/contract/receiver.ts';
import { installFakeHubble, type FakeHubble } from './fake-hubble.ts';

// CRLF and a trailing space: bytes a text box would not keep, and the signature covers them.
const BODY = '{"id":"ord_1","status":"SUCCESS"}\r\n ';
const SIGNATURE = 'c2lnbmVkLWJ5LWh1YmJsZQ==';

const simulator = {
  id: 'simulator',
  name: 'Simulator',
  environment: 'simulator',
  baseUrl: 'http://127.0.0.1:1',
  colour: '#7c3aed',
  builtIn: true,
  clientId: 'sim-staging-b2b',
  walletMinimum: null,
  polling: { walletSecs: 300, processingOrdersSecs: 30, catalogSyncHours: 24 },
  rateLimits: [],
  webhookReceiver: { enabled: false, port: 8787 },
  credentialSource: 'built-in',
  secrets: {},
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};
const profiles = { activeProfileId: 'simulator', profiles: [simulator], welcomeDismissed: true };

const summary = (id: number, patch: Partial<ReceivedEventSummary> = {}): ReceivedEventSummary => ({
  id,
  receivedAt: Date.UTC(2025, 4, 1, 10, 0, id),
  sourceIp: '127.0.0.1',
  verdict: 'valid',
  reason: null,
  type: 'order-terminal-state',
  state: 'applied',
  duplicateOf: null,
  bodyBytes: BODY.length,
  changes: ['order ord_1 → SUCCESS'],
  error: null,
  ...patch,
});

/** happy-dom lays nothing out: the list's scroll box gets a real viewport so the virtualizer has rows to show. */
function giveListASize(height = 480, width = 900): () => void {
  const proto = HTMLElement.prototype;
  const originals = (['clientHeight', 'clientWidth'] as const).map(
    (name) => [name, Object.getOwnPropertyDescriptor(proto, name)] as const,
  );
  for (const [name] of originals) {
    const inherited = Object.getOwnPropertyDescriptor(Element.prototype, name);
    Object.defineProperty(proto, name, {
      configurable: true,
      get(this: HTMLElement) {
        if (this.classList.contains('rx-table__scroll')) return name === 'clientHeight' ? height : width;
        return (inherited?.get?.call(this) as number | undefined) ?? 0;
      },
    });
  }
  return () => {
    for (const [name, descriptor] of originals)
      if (descriptor) Object.defineProperty(proto, name, descriptor);
      else delete (proto as unknown as Record<string, unknown>)[name];
  };
}

let restoreLayout: () => void;
let fake: FakeHubble;
let stored: ReceivedEventSummary[];
let enabled: boolean;

const status = () => ({
  enabled,
  state: enabled ? 'listening' : 'off',
  url: enabled ? 'http://127.0.0.1:8787/hubble/simulator' : null,
  error: null,
  settings: DEFAULT_RECEIVER_SETTINGS,
  pending: 0,
});

beforeEach(() => {
  restoreLayout = giveListASize();
  enabled = false;
  stored = [summary(3, { state: 'failed', error: 'orders area unavailable', changes: [] }), summary(2), summary(1)];
  fake = installFakeHubble((channel, input) => {
    const value = (() => {
      const given = input as Record<string, unknown> | undefined;
      switch (channel) {
        case 'profiles.list':
          return profiles;
        case 'receiver.status':
          return status();
        case 'receiver.list': {
          const matching = stored.filter(
            (event) =>
              (!given?.['verdict'] || event.verdict === given['verdict']) &&
              (!given?.['type'] || event.type === given['type']),
          );
          return { events: matching.slice(0, (given?.['limit'] as number | undefined) ?? 200) };
        }
        case 'receiver.get': {
          const event = stored.find((candidate) => candidate.id === given!['id'])!;
          return {
            ...event,
            body: BODY,
            bodyIsExact: true,
            headers: { 'content-type': 'application/json', 'x-verify': SIGNATURE },
            dedupeKey: 'order:ord_1:SUCCESS',
          };
        }
        case 'receiver.missingTerminalWebhooks':
          return { orders: [], listeningSince: null, graceMs: 600_000 };
        case 'receiver.retry':
          return summary(3, { state: 'applied' });
        case 'receiver.replay':
          return { status: 200, error: null, durationMs: 12 };
        case 'receiver.updateSettings':
          return { ...status(), settings: (given as { settings: unknown }).settings };
        case 'profiles.updateSimulator':
          enabled = (given as { settings: { webhookReceiver: { enabled: boolean } } }).settings.webhookReceiver.enabled;
          return { ...simulator, webhookReceiver: { enabled, port: 8787 } };
        case 'webhooks.verify':
          return {
            verdict: 'valid',
            bodyBytes: BODY.length,
            headerPresent: true,
            secretLabel: 'the webhook secret of profile "Simulator" (simulator)',
            expectedSignature: SIGNATURE,
            findings: [],
            diff: null,
            checked: [],
          };
        case 'webhooks.classify':
          return null;
        default:
          return undefined;
      }
    })();
    return value === undefined ? { ok: false, error: { kind: 'NOT_FOUND', message: channel } } : { ok: true, value };
  });
  useProfiles.setState({ list: profiles as never, error: null });
  useReceived.setState({ ...useReceived.getInitialState(), filters: NO_FILTERS });
  useWebhooks.setState(useWebhooks.getInitialState());
  useWebhooksTab.setState({ tab: 'received' });
});
afterEach(() => {
  cleanup();
  restoreLayout();
});

const calls = (channel: string) => fake.invocations.filter((call) => call.channel === channel);
const rows = () =>
  within(screen.getByRole('table', { name: 'Received webhooks' }))
    .getAllByRole('row')
    .slice(1);

async function openReceived() {
  render(<WebhooksPage />);
  await waitFor(() => expect(rows()).toHaveLength(3));
}

describe('Webhooks → Received', () => {
  it('shows the receiver off with its endpoint, the last event and the received list, newest first', async () => {
    await openReceived();
    expect(screen.getByRole('tab', { name: 'Received' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('switch', { name: 'Webhook receiver on' }).getAttribute('aria-checked')).toBe('false');
    expect(screen.getByRole('status', { name: 'Receiver state' }).textContent).toBe('Off');
    expect(screen.getByLabelText('Receiver URL').textContent).toContain('/hubble/simulator');
    expect(screen.getByLabelText('Last event').textContent).toContain('Order Reached Terminal State');
    expect(rows().map((row) => row.querySelector('.rx-cell--id')!.textContent)).toEqual(['3', '2', '1']);
    expect(rows()[0]!.textContent).toContain('Failed');
  });

  it('turns the receiver on through the Simulator profile settings and shows it listening', async () => {
    await openReceived();
    fireEvent.click(screen.getByRole('switch', { name: 'Webhook receiver on' }));
    await waitFor(() => expect(screen.getByRole('status', { name: 'Receiver state' }).textContent).toBe('Listening'));
    expect(calls('profiles.updateSimulator').at(-1)!.input).toMatchObject({
      settings: { webhookReceiver: { enabled: true, port: 8787 } },
    });
    expect(screen.getByLabelText('Receiver URL').textContent).toBe('http://127.0.0.1:8787/hubble/simulator');
  });

  it('filters by verdict and type through main', async () => {
    await openReceived();
    const filters = screen.getByRole('form', { name: 'Filter received webhooks' });
    fireEvent.change(within(filters).getByLabelText('Verdict'), { target: { value: 'invalid' } });
    await waitFor(() => expect(calls('receiver.list').at(-1)!.input).toMatchObject({ verdict: 'invalid' }));
    fireEvent.change(within(filters).getByLabelText('Type'), { target: { value: 'wallet-low-balance' } });
    await waitFor(() =>
      expect(calls('receiver.list').at(-1)!.input).toEqual({
        verdict: 'invalid',
        type: 'wallet-low-balance',
        limit: 200,
      }),
    );
    await screen.findByText(/No webhooks received yet/);
    fireEvent.change(within(filters).getByLabelText('Received'), { target: { value: '1h' } });
    await waitFor(() => expect(calls('receiver.list').at(-1)!.input).toHaveProperty('from'));
  });

  it('a new delivery (receiver.received) goes on top without a reload', async () => {
    await openReceived();
    stored = [summary(4, { type: 'wallet-low-balance' }), ...stored];
    act(() => fake.emit('receiver.received', { profileId: 'simulator', lastId: 4, received: 1 }));
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(rows()[0]!.textContent).toContain('Wallet Low Balance');
    act(() => fake.emit('receiver.received', { profileId: 'another-profile', lastId: 9, received: 1 }));
    expect(rows()).toHaveLength(4);
  });

  it('opens an event by keyboard and loads its exact bytes and X-Verify into the signature debugger', async () => {
    await openReceived();
    const row = rows()[1]!;
    row.focus();
    fireEvent.keyDown(row, { key: 'Enter' });
    const detail = await screen.findByRole('complementary', { name: 'Received webhook detail' });
    await within(detail).findByText('order:ord_1:SUCCESS');
    expect(within(detail).getByRole('list', { name: 'What it changed' }).textContent).toContain('ord_1 → SUCCESS');
    fireEvent.click(within(detail).getByRole('button', { name: 'Open in signature debugger' }));

    expect(useWebhooksTab.getState().tab).toBe('debugger');
    await screen.findByRole('region', { name: 'Signature debugger' });
    await waitFor(() => expect(calls('webhooks.verify')).toHaveLength(1));
    const verify = calls('webhooks.verify')[0]!.input as { body: { base64: string }; signatureHeader: string };
    expect(Buffer.from(verify.body.base64, 'base64').toString('utf8')).toBe(BODY);
    expect(verify).toMatchObject({ signatureHeader: SIGNATURE, secret: { kind: 'profile', profileId: 'simulator' } });
    expect((await screen.findByRole('status', { name: 'Verdict' })).textContent).toContain('Signature valid');
    expect(screen.getByRole('group', { name: 'Body file in use' }).textContent).toContain(
      `Verifying the exact ${BODY.length} bytes of received webhook #2`,
    );
  });

  it('retries a failed event; replay needs the idempotency acknowledgement', async () => {
    await openReceived();
    fireEvent.click(rows()[0]!);
    const detail = await screen.findByRole('complementary', { name: 'Received webhook detail' });
    fireEvent.click(await within(detail).findByRole('button', { name: 'Retry processing' }));
    await waitFor(() => expect(calls('receiver.retry')).toEqual([{ channel: 'receiver.retry', input: { id: 3 } }]));

    const replay = within(detail).getByRole('form', { name: 'Replay to a URL' });
    fireEvent.change(within(replay).getByLabelText('Replay URL'), {
      target: { value: 'https://staging.example/hook' },
    });
    const send = within(replay).getByRole('button', { name: 'Replay' });
    expect((send as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(replay).getByRole('checkbox', { name: /act on this event again unless it is idempotent/ }));
    fireEvent.click(send);
    expect((await within(replay).findByRole('status', { name: 'Replay result' })).textContent).toBe(
      'Answered HTTP 200 in 12 ms.',
    );
    expect(calls('receiver.replay')[0]!.input).toEqual({
      id: 3,
      url: 'https://staging.example/hook',
      acknowledgeIdempotency: true,
    });
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByRole('complementary', { name: 'Received webhook detail' })).toBeNull();
  });

  it('binding beyond 127.0.0.1 is saved only after the exposure warning is acknowledged', async () => {
    await openReceived();
    const form = await screen.findByRole('form', { name: 'Receiver settings' });
    fireEvent.change(within(form).getByLabelText('Bind address'), { target: { value: '0.0.0.0' } });
    const warning = within(form).getByRole('alert', { name: 'Exposure warning' });
    expect(warning.textContent).toContain('reverse proxy or a tunnel');
    const save = within(form).getByRole('button', { name: 'Save receiver settings' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(warning).getByRole('checkbox'));
    fireEvent.click(save);
    await waitFor(() => expect(calls('receiver.updateSettings')).toHaveLength(1));
    expect(calls('receiver.updateSettings')[0]!.input).toEqual({
      settings: { ...DEFAULT_RECEIVER_SETTINGS, bindAddress: '0.0.0.0' },
      acknowledgeExposure: true,
    });
    expect(calls('profiles.updateSimulator')).toHaveLength(0);
  });
});

describe('palette → Start or stop the webhook receiver', () => {
  it('goes to the Received tab and turns the receiver on', async () => {
    window.location.hash = '';
    useNavigation.setState({ area: 'dashboard' });
    usePalette.setState({ dialog: null, recent: [], resolution: null });
    useWebhooksTab.setState({ tab: 'debugger' });
    render(<App />);
    act(() => void fireEvent.keyDown(window, { key: 'k', ctrlKey: true }));
    const palette = screen.getByRole('dialog', { name: 'Go to anything' });
    fireEvent.change(within(palette).getByRole('combobox'), { target: { value: 'webhook receiver' } });
    const option = within(palette).getByRole('option', { name: /Start or stop the webhook receiver/ });
    expect(option.getAttribute('aria-disabled')).not.toBe('true');
    fireEvent.click(option);
    expect(window.location.hash).toBe('#/webhooks');
    expect(useWebhooksTab.getState().tab).toBe('received');
    await waitFor(() =>
      expect(calls('profiles.updateSimulator').at(-1)?.input).toMatchObject({
        settings: { webhookReceiver: { enabled: true } },
      }),
    );
  });
});
