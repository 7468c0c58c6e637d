import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProfilesPage } from '../../src/renderer/src/features/profiles/ProfilesPage.tsx';
import { useProfiles } from '../../src/renderer/src/features/profiles/profiles-store.ts';
import { useSimulatorWebhookUrls } from '../../src/renderer/src/features/profiles/simulator-webhook-urls-store.ts';
import { defaultProfileSettings, type Profile, type ProfileList } from '../../src/shared/contract/profiles.ts';
import type { SimulatorWebhookUrls } from '../../src/shared/contract/receiver.ts';
import { installFakeHubble, type FakeHubble } from './fake-hubble.ts';

const UNSET = { set: false, updatedAt: null };
const settings = defaultProfileSettings('custom', 'Simulator');
const simulator: Profile = {
  id: 'simulator',
  name: 'Simulator',
  environment: 'simulator',
  baseUrl: 'http://127.0.0.1:1',
  colour: settings.colour,
  builtIn: true,
  clientId: 'sim-staging-b2b',
  walletMinimum: null,
  polling: settings.polling,
  rateLimits: [],
  webhookReceiver: settings.webhookReceiver,
  credentialSource: 'built-in',
  secrets: { clientSecret: UNSET, webhookSecret: UNSET, teamDbPassword: UNSET },
  createdAt: '2025-06-01T10:00:00.000Z',
  updatedAt: '2025-06-01T10:00:00.000Z',
};
const list: ProfileList = { activeProfileId: 'simulator', profiles: [simulator], welcomeDismissed: true };

let fake: FakeHubble;
let stored: SimulatorWebhookUrls;
beforeEach(() => {
  stored = { all: null, byType: { WALLET_LOW_BALANCE: 'http://127.0.0.1:4000/hooks/wallet' } };
  fake = installFakeHubble((channel, input) => {
    switch (channel) {
      case 'profiles.list':
        return { ok: true, value: list };
      case 'audit.list':
        return { ok: true, value: { entries: [] } };
      case 'profiles.updateSimulator':
        return { ok: true, value: simulator };
      case 'receiver.simulatorWebhookUrls':
        return { ok: true, value: { urls: stored } };
      case 'receiver.updateSimulatorWebhookUrls': {
        const { urls } = input as { urls: SimulatorWebhookUrls };
        if (urls.all?.startsWith('ftp:'))
          return {
            ok: false,
            error: {
              kind: 'VALIDATION',
              message: 'Invalid input for receiver.updateSimulatorWebhookUrls',
              details: { issues: [{ path: 'urls.all', message: 'Invalid URL' }] },
            },
          };
        stored = urls;
        return { ok: true, value: { urls } };
      }
      default:
        return { ok: false, error: { kind: 'NOT_FOUND', message: channel } };
    }
  });
  useProfiles.setState({ list: null, error: null });
  useSimulatorWebhookUrls.setState({ urls: null });
});
afterEach(cleanup);

const calls = (channel: string) => fake.invocations.filter((entry) => entry.channel === channel);

async function editSimulator() {
  await act(async () => useProfiles.getState().load());
  render(<ProfilesPage />);
  const item = screen.getByRole('listitem', { name: 'Simulator' });
  await act(async () => fireEvent.click(within(item).getByRole('button', { name: 'Edit' })));
  const form = screen.getByRole('form', { name: 'Edit Simulator' });
  await within(form).findByRole('group', { name: 'Where the simulator delivers webhooks' });
  return form;
}

describe("the Simulator profile's settings: webhook URLs per type", () => {
  it('shows the URLs main keeps, and saves one for all types and one per type with the profile', async () => {
    const form = await editSimulator();
    const field = (name: RegExp) => within(form).getByLabelText(name) as HTMLInputElement;
    expect(field(/^All types/).value).toBe('');
    expect(field(/WALLET_LOW_BALANCE/).value).toBe('http://127.0.0.1:4000/hooks/wallet');

    fireEvent.change(field(/^All types/), { target: { value: ' http://127.0.0.1:4000/hooks/all ' } });
    fireEvent.change(field(/ORDER_TERMINAL_STATE/), { target: { value: 'http://127.0.0.1:4000/hooks/orders' } });
    fireEvent.change(field(/WALLET_LOW_BALANCE/), { target: { value: '' } });
    await act(async () => fireEvent.submit(form));

    await waitFor(() => expect(calls('profiles.updateSimulator')).toHaveLength(1));
    expect(calls('receiver.updateSimulatorWebhookUrls').map((call) => call.input)).toEqual([
      {
        urls: {
          all: 'http://127.0.0.1:4000/hooks/all',
          byType: { ORDER_TERMINAL_STATE: 'http://127.0.0.1:4000/hooks/orders' },
        },
      },
    ]);
    expect(screen.queryByRole('form', { name: 'Edit Simulator' })).toBeNull();
  });

  it('a URL main refuses keeps the form open with the field named, and the profile is not saved', async () => {
    const form = await editSimulator();
    fireEvent.change(within(form).getByLabelText(/^All types/), { target: { value: 'ftp://127.0.0.1/x' } });
    await act(async () => fireEvent.submit(form));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('urls.all');
    expect(calls('profiles.updateSimulator')).toHaveLength(0);
  });

  it('saving without touching the URLs does not write them again', async () => {
    const form = await editSimulator();
    await act(async () => fireEvent.submit(form));
    await waitFor(() => expect(calls('profiles.updateSimulator')).toHaveLength(1));
    expect(calls('receiver.updateSimulatorWebhookUrls')).toHaveLength(0);
  });
});
