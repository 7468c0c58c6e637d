import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNavigation } from '../../src/renderer/src/app/navigation-store.ts';
import { useAlerts } from '../../src/renderer/src/features/alerts/alerts-store.ts';
import { useCalls } from '../../src/renderer/src/features/calls/calls-store.ts';
import { DashboardPage } from '../../src/renderer/src/features/dashboard/DashboardPage.tsx';
import { useDashboard } from '../../src/renderer/src/features/dashboard/dashboard-store.ts';
import { useOrders } from '../../src/renderer/src/features/orders/orders-store.ts';
import { useProfiles } from '../../src/renderer/src/features/profiles/profiles-store.ts';
import { useWebhooksTab } from '../../src/renderer/src/features/webhooks/webhooks-tab-store.ts';
import {
  dashboardAnswer,
  installDashboardHubble,
  metersAnswer,
  PROFILES,
  ruleAnswer,
  T0,
} from './dashboard-fake-hubble.ts';
import type { FakeHubble } from './fake-hubble.ts';

let hubble: FakeHubble;
const calls = (channel: string) => hubble.invocations.filter((call) => call.channel === channel);

async function renderDashboard() {
  render(<DashboardPage label="Dashboard" purpose="" />);
  await screen.findByRole('region', { name: 'Order success rate' });
}

beforeEach(async () => {
  window.location.hash = '#/dashboard';
  useNavigation.setState({ area: 'dashboard' });
  useDashboard.setState(useDashboard.getInitialState());
  useAlerts.setState(useAlerts.getInitialState());
  useCalls.setState(useCalls.getInitialState());
  useOrders.setState(useOrders.getInitialState());
  hubble = installDashboardHubble();
  useProfiles.setState({ list: PROFILES as never, error: null });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('Dashboard', () => {
  it('answers "is everything fine?" first: success rate, error rate, runway and alerts firing', async () => {
    hubble = installDashboardHubble({ 'alerts.list': { active: [], history: [], firing: 2 } });
    await renderDashboard();
    const health = screen.getByRole('region', { name: 'Health at a glance' });
    // 12 SUCCESS of 16 decided over both buckets; 4 failed of 40 calls
    expect(within(health).getByRole('group', { name: 'Order success rate' }).textContent).toContain('75.0%');
    expect(within(health).getByRole('group', { name: 'Order success rate' }).textContent).toContain('2 PROCESSING');
    expect(within(health).getByRole('group', { name: 'Error rate' }).textContent).toContain('10.0%');
    expect(within(health).getByRole('button', { name: /Wallet runway/ }).textContent).toContain('3 h 20 min');
    expect(within(health).getByRole('button', { name: /Alerts firing/ }).textContent).toContain('2');
  });

  it('puts the numbers behind each chart in a table, and each row opens the Orders of that minute', async () => {
    await renderDashboard();
    const panel = screen.getByRole('region', { name: 'Order success rate' });
    fireEvent.click(within(panel).getByText('Numbers behind this chart'));
    const rows = within(within(panel).getByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]!.textContent).toContain('75.0%');
    fireEvent.click(within(rows[2]!).getByRole('button', { name: 'Open the orders: orders of this bucket' }));
    await waitFor(() => expect(useNavigation.getState().area).toBe('orders'));
    expect(calls('orders.search').at(-1)!.input).toMatchObject({
      filters: { from: T0 + 7 * 60_000, to: T0 + 8 * 60_000 },
    });
    expect(useOrders.getState().filters).toEqual({ from: T0 + 7 * 60_000, to: T0 + 8 * 60_000 });
  });

  it('draws p95 over time per endpoint, its numbers per step in a table', async () => {
    await renderDashboard();
    const panel = screen.getByRole('region', { name: 'Response time per endpoint' });
    expect(within(panel).getByText('p95 per minute, per endpoint')).toBeTruthy();
    fireEvent.click(within(panel).getByText('Numbers behind this chart'));
    const trend = within(panel).getByRole('table', { name: 'p50 / p95 per minute and endpoint' });
    const rows = within(trend).getAllByRole('row');
    // a header and the two minutes with calls (the empty minutes are gaps in the chart, not rows)
    expect(rows).toHaveLength(3);
    expect(rows[1]!.textContent).toContain('370 ms / 880 ms');
    expect(rows[2]!.textContent).toContain('390 ms / 930 ms');
  });

  it('opens the failing calls from a top-error row, filtered to its error id and range', async () => {
    await renderDashboard();
    const table = screen.getByRole('table', { name: 'Top errors' });
    fireEvent.click(within(table).getByText('E503'));
    await waitFor(() => expect(useNavigation.getState().area).toBe('calls'));
    expect(useCalls.getState().filters).toEqual({ from: T0, to: T0 + 15 * 60_000, errorId: 'E503' });
    expect(calls('calls.search').at(-1)!.input).toMatchObject({ filters: { errorId: 'E503' } });
  });

  it('draws the threshold from the success-rate alert rule, and lets the operator move it', async () => {
    hubble = installDashboardHubble({
      'alerts.rules': {
        rules: [
          ruleAnswer({ condition: { kind: 'success-rate', belowPercent: 97.5, windowMinutes: 15, minSamples: 20 } }),
        ],
        muted: false,
      },
    });
    await renderDashboard();
    const panel = screen.getByRole('region', { name: 'Order success rate' });
    await waitFor(() => expect(within(panel).getByLabelText<HTMLInputElement>('Threshold %').value).toBe('97.5'));
    fireEvent.change(within(panel).getByLabelText('Threshold %'), { target: { value: '90' } });
    expect(within(panel).getByText(/Red line: 90\.0%/)).toBeTruthy();
  });

  it('asks main for the preset range picked, and refuses a custom range that ends before it starts', async () => {
    await renderDashboard();
    fireEvent.click(screen.getByRole('button', { name: '7 d' }));
    await waitFor(() => expect(calls('metrics.dashboard')).toHaveLength(2));
    const asked = calls('metrics.dashboard').at(-1)!.input as { from: number; to: number };
    expect(asked.to - asked.from).toBe(7 * 86_400_000);

    fireEvent.click(screen.getByRole('button', { name: 'Custom…' }));
    const form = screen.getByRole('form', { name: 'Custom time range' });
    fireEvent.change(within(form).getByLabelText(/^From/), { target: { value: '2026-11-26T10:00' } });
    fireEvent.change(within(form).getByLabelText('To'), { target: { value: '2026-11-26T09:00' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Apply range' }));
    expect(within(form).getByRole('alert').textContent).toBe('The end must be after the start.');
    expect(calls('metrics.dashboard')).toHaveLength(2);

    fireEvent.change(within(form).getByLabelText('To'), { target: { value: '2026-11-26T11:30' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Apply range' }));
    await waitFor(() => expect(calls('metrics.dashboard')).toHaveLength(3));
    const custom = calls('metrics.dashboard').at(-1)!.input as { from: number; to: number };
    expect(custom.to - custom.from).toBe(90 * 60_000);
  });

  it('refreshes on the interval chosen, and not at all when auto-refresh is off', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    await renderDashboard();
    fireEvent.change(screen.getByLabelText('Auto-refresh'), { target: { value: '5000' } });
    const before = calls('metrics.dashboard').length;
    await act(async () => vi.advanceTimersByTime(15_000));
    expect(calls('metrics.dashboard').length).toBe(before + 3);
    fireEvent.change(screen.getByLabelText('Auto-refresh'), { target: { value: '0' } });
    await act(async () => vi.advanceTimersByTime(600_000));
    expect(calls('metrics.dashboard').length).toBe(before + 3);
  });

  it('explains how to get data when the profile has none, and says plainly that no webhook receiver runs', async () => {
    hubble = installDashboardHubble({
      'metrics.dashboard': dashboardAnswer({
        sources: { calls: false, orders: false, walletSamples: false, alerts: false, webhooks: 'absent' },
        orders: [],
        errors: [],
        latency: [],
        topErrors: [],
        wallet: [],
        annotations: [],
      }),
    });
    await renderDashboard();
    const success = screen.getByRole('region', { name: 'Order success rate' });
    expect(success.textContent).toContain('No orders placed from this profile yet');
    const errors = screen.getByRole('region', { name: 'Errors by kind' });
    expect(errors.textContent).toContain('No Hubble calls recorded');
    expect(errors.textContent).toContain('Generate sample traffic');
    fireEvent.click(within(errors).getByRole('button', { name: 'import your API logs' }));
    expect(useNavigation.getState().area).toBe('webhooks');
    expect(useWebhooksTab.getState().tab).toBe('import');
    expect(screen.getByRole('region', { name: 'Webhook delivery' }).textContent).toContain(
      'No webhook receiver runs for this profile',
    );
  });

  it('turns a rate-limit meter amber once it crosses the rate-limit alert threshold', async () => {
    hubble = installDashboardHubble({
      'metrics.rateLimitMeters': metersAnswer(85),
      'alerts.rules': {
        rules: [ruleAnswer({ id: 6, name: 'Rate limit', condition: { kind: 'rate-limit', abovePercent: 80 } })],
        muted: false,
      },
    });
    await renderDashboard();
    const meter = screen.getByRole('meter', { name: 'Partner · orders · this hour, IST' });
    expect(meter.getAttribute('aria-valuenow')).toBe('85');
    expect(meter.getAttribute('aria-valuetext')).toContain('34 of 40');
    expect(meter.closest('li')!.getAttribute('data-level')).toBe('warning');
    const panel = screen.getByRole('region', { name: 'Rate limits' });
    expect(panel.textContent).toContain('E400 RATE_LIMIT_EXCEEDED: 2 this hour, 5 today');
  });

  it('lists the annotations of the range as text', async () => {
    await renderDashboard();
    const events = screen.getByRole('region', { name: 'Events in this range' });
    expect(events.textContent).toContain('Top-up');
    expect(events.textContent).toContain('Top-up ₹2,50,000');
  });
});
