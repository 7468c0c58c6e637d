import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/src/app/App.tsx';
import { useNavigation } from '../../src/renderer/src/app/navigation-store.ts';
import { useToasts } from '../../src/renderer/src/components/toast-store.ts';
import { useAlerts } from '../../src/renderer/src/features/alerts/alerts-store.ts';
import { AlertsPage } from '../../src/renderer/src/features/alerts/AlertsPage.tsx';
import { useDashboard } from '../../src/renderer/src/features/dashboard/dashboard-store.ts';
import { useProfiles } from '../../src/renderer/src/features/profiles/profiles-store.ts';
import type { AlertFired } from '../../src/shared/contract/alerts.ts';
import { installDashboardHubble, PROFILES, ruleAnswer, T0 } from './dashboard-fake-hubble.ts';
import type { FakeHubble } from './fake-hubble.ts';

let hubble: FakeHubble;
const calls = (channel: string) => hubble.invocations.filter((call) => call.channel === channel);

const firing = ruleAnswer({ state: 'firing', value: 71.9, since: T0 + 5 * 60_000 });
const fired: AlertFired = {
  profileId: 'simulator',
  ruleId: 1,
  ruleName: 'Order success rate below 95%',
  kind: 'success-rate',
  event: 'fired',
  value: 71.9,
  threshold: 95,
  message: 'Success rate 71.9% over 15 min (9 of 32 orders FAILED); threshold 95%',
  at: T0 + 5 * 60_000,
  explain: { from: T0 - 10 * 60_000, to: T0 + 6 * 60_000 },
};

beforeEach(() => {
  window.location.hash = '#/alerts';
  useNavigation.setState({ area: 'alerts' });
  useAlerts.setState(useAlerts.getInitialState());
  useDashboard.setState(useDashboard.getInitialState());
  useToasts.setState({ toasts: [] });
  useProfiles.setState({ list: null, error: null });
  hubble = installDashboardHubble({
    'alerts.rules': { rules: [firing], muted: false },
    'alerts.list': {
      active: [firing],
      history: [
        {
          id: 7,
          ruleId: 1,
          ruleName: firing.name,
          kind: 'success-rate',
          event: 'fired',
          value: 71.9,
          threshold: 95,
          message: fired.message,
          at: T0 + 5 * 60_000,
        },
      ],
      firing: 1,
    },
    'alerts.saveRule': (input: unknown) => ruleAnswer({ ...(input as object), id: 9 }),
    'alerts.acknowledge': () => ({ ...firing, acknowledgedAt: T0 + 6 * 60_000 }),
    'alerts.snooze': () => ({ ...firing, snoozedUntil: T0 + 65 * 60_000 }),
    'alerts.setMute': (input: unknown) => input,
    'alerts.deleteRule': () => ({ deleted: true }),
  });
});
afterEach(cleanup);

async function renderPage() {
  useProfiles.setState({ list: PROFILES as never, error: null });
  render(<AlertsPage label="Alerts" purpose="" />);
  await screen.findByRole('listitem', { name: `${firing.name}: Firing` });
}

describe('Alerts page', () => {
  it('lists what fires now, the rules with their state and the history', async () => {
    await renderPage();
    const active = screen.getByRole('listitem', { name: `${firing.name}: Firing` });
    expect(active.textContent).toContain('Now 71.9%');
    expect(active.textContent).toContain('below 95% over 15 min (at least 20 decided orders)');
    const rules = screen.getByRole('table', { name: 'Alert rules' });
    expect(within(rules).getAllByRole('row')[1]!.textContent).toContain('Firing');
    expect(screen.getByRole('table', { name: 'Alert history' }).textContent).toContain('Fired');
  });

  it('acknowledges, snoozes for the chosen time and mutes the profile, reading the list again each time', async () => {
    await renderPage();
    const active = screen.getByRole('listitem', { name: `${firing.name}: Firing` });
    fireEvent.click(within(active).getByRole('button', { name: 'Acknowledge' }));
    await waitFor(() =>
      expect(calls('alerts.acknowledge')).toEqual([{ channel: 'alerts.acknowledge', input: { id: 1 } }]),
    );
    fireEvent.change(within(active).getByLabelText(`Snooze ${firing.name} for`), { target: { value: '240' } });
    fireEvent.click(within(active).getByRole('button', { name: 'Snooze' }));
    await waitFor(() => expect(calls('alerts.snooze').at(-1)!.input).toEqual({ id: 1, minutes: 240 }));
    fireEvent.click(screen.getByLabelText('Mute notifications for this profile'));
    await waitFor(() => expect(calls('alerts.setMute').at(-1)!.input).toEqual({ muted: true }));
    expect(calls('alerts.rules').length).toBeGreaterThanOrEqual(4);
  });

  it('creates a rule with its thresholds, window and timing', async () => {
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'New rule' }));
    const form = screen.getByRole('form', { name: 'New alert rule' });
    fireEvent.change(within(form).getByLabelText('Watches'), { target: { value: 'error-spike' } });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Errors tripled' } });
    fireEvent.change(within(form).getByLabelText(/^Fires at/), { target: { value: '2.5' } });
    fireEvent.change(within(form).getByLabelText(/^Window/), { target: { value: '30' } });
    fireEvent.change(within(form).getByLabelText(/^Fires after the breach lasts/), { target: { value: '0' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create rule' }));
    await waitFor(() => expect(calls('alerts.saveRule')).toHaveLength(1));
    expect(calls('alerts.saveRule')[0]!.input).toEqual({
      name: 'Errors tripled',
      enabled: true,
      forMinutes: 0,
      reNotifyMinutes: 60,
      condition: { kind: 'error-spike', factor: 2.5, windowMinutes: 30, minCalls: 50 },
    });
    await waitFor(() => expect(screen.queryByRole('form', { name: 'New alert rule' })).toBeNull());
  });

  it('edits a rule in place and deletes one only after confirming', async () => {
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: `Edit ${firing.name}` }));
    const form = screen.getByRole('form', { name: `Edit rule ${firing.name}` });
    fireEvent.change(within(form).getByLabelText(/^Fires below/), { target: { value: '90' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save rule' }));
    await waitFor(() => expect(calls('alerts.saveRule')).toHaveLength(1));
    expect(calls('alerts.saveRule')[0]!.input).toMatchObject({
      id: 1,
      condition: { kind: 'success-rate', belowPercent: 90, windowMinutes: 15, minSamples: 20 },
    });

    fireEvent.click(screen.getByRole('button', { name: `Delete ${firing.name}` }));
    expect(calls('alerts.deleteRule')).toHaveLength(0);
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete rule' }));
    await waitFor(() =>
      expect(calls('alerts.deleteRule')).toEqual([{ channel: 'alerts.deleteRule', input: { id: 1 } }]),
    );
  });
});

describe('notifications and the sidebar badge', () => {
  it('counts firing alerts in the sidebar and follows alerts.changed', async () => {
    render(<App />);
    const nav = screen.getByRole('navigation', { name: 'Areas' });
    const button = await within(nav).findByRole('button', { name: 'Alerts (1 firing)' });
    expect(within(button).getByTestId('alerts-firing-badge').textContent).toContain('1');
    await screen.findByLabelText('Active profile');
    act(() => hubble.emit('alerts.changed', { profileId: 'simulator', firing: 3 }));
    expect(within(nav).getByRole('button', { name: 'Alerts (3 firing)' })).toBeTruthy();
    act(() => hubble.emit('alerts.changed', { profileId: 'other', firing: 9 }));
    expect(within(nav).getByRole('button', { name: 'Alerts (3 firing)' })).toBeTruthy();
    act(() => hubble.emit('alerts.changed', { profileId: 'simulator', firing: 0 }));
    expect(within(nav).getByRole('button', { name: 'Alerts' })).toBeTruthy();
  });

  it('raises a toast when an alert fires; clicking it opens the Dashboard on the range that explains it', async () => {
    const observed: AlertFired[] = [];
    const listener = (event: Event) => observed.push((event as CustomEvent<AlertFired>).detail);
    window.addEventListener('hubble:alert-fired', listener);
    render(<App />);
    await screen.findByLabelText('Active profile');
    act(() => hubble.emit('alerts.fired', { ...fired, profileId: 'another-profile' }));
    expect(document.querySelector('[data-toast="alerts.fired"]')).toBeNull();

    act(() => hubble.emit('alerts.fired', fired));
    const toast = document.querySelector<HTMLElement>('[data-toast="alerts.fired"]')!;
    expect(toast.textContent).toContain('Alert: Order success rate below 95%');
    expect(toast.textContent).toContain('9 of 32 orders FAILED');
    expect(observed).toEqual([fired]);
    window.removeEventListener('hubble:alert-fired', listener);

    fireEvent.click(within(toast).getByRole('button', { name: 'Show why on the Dashboard' }));
    await screen.findByRole('heading', { name: 'Dashboard', level: 1 });
    expect(useDashboard.getState().range).toEqual({ kind: 'absolute', ...fired.explain });
    await waitFor(() =>
      expect(calls('metrics.dashboard').at(-1)!.input).toEqual({ from: fired.explain.from, to: fired.explain.to }),
    );
    expect((await screen.findByRole('note', { name: 'Alert explained' })).textContent).toContain(fired.message);
    expect(document.querySelector('[data-toast="alerts.fired"]')).toBeNull();
  });
});
