import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useProfiles } from '../../src/renderer/src/features/profiles/profiles-store.ts';
import { MissingTerminalWebhooksPanel } from '../../src/renderer/src/features/webhooks/MissingTerminalWebhooksPanel.tsx';
import {
  useMissingWebhooks,
  type MissingWebhookReport,
} from '../../src/renderer/src/features/webhooks/missing-webhooks-store.ts';
import { installFakeHubble, simulatorOnlyProfiles, type FakeHubble } from './fake-hubble.ts';

const LISTENING_SINCE = Date.UTC(2025, 4, 1, 9, 0, 0);
let fake: FakeHubble;
let report: MissingWebhookReport;

beforeEach(() => {
  report = {
    orders: [
      {
        orderId: '01JORDERPOLLED',
        referenceId: 'ref-polled',
        status: 'SUCCESS',
        settledAt: Date.UTC(2025, 4, 1, 10, 0, 0),
        source: 'poll',
      },
      {
        orderId: '01JORDERLOOKED',
        referenceId: null,
        status: 'FAILED',
        settledAt: Date.UTC(2025, 4, 1, 9, 30, 0),
        source: 'lookup',
      },
    ],
    listeningSince: LISTENING_SINCE,
    graceMs: 600_000,
  };
  fake = installFakeHubble((channel) =>
    channel === 'receiver.missingTerminalWebhooks'
      ? { ok: true, value: report }
      : { ok: false, error: { kind: 'NOT_FOUND', message: channel } },
  );
  useProfiles.setState({ list: simulatorOnlyProfiles as never, error: null });
  useMissingWebhooks.setState(useMissingWebhooks.getInitialState());
});
afterEach(cleanup);

const table = () => screen.getByRole('table', { name: 'Orders without a terminal-state webhook' });

describe('Received → Terminal state seen by polling, webhook never arrived', () => {
  it('lists the orders main reports, with why and where to look', async () => {
    render(<MissingTerminalWebhooksPanel />);
    await waitFor(() => expect(within(table()).getAllByRole('row')).toHaveLength(3));
    expect(screen.getByRole('heading', { name: 'Terminal state seen by polling, webhook never arrived' })).toBeTruthy();
    const [first, second] = within(table()).getAllByRole('row').slice(1);
    expect(first!.textContent).toContain('01JORDERPOLLED');
    expect(first!.textContent).toContain('ref-polled');
    expect(first!.textContent).toContain('SUCCESS');
    expect(first!.textContent).toContain('Polling');
    expect(second!.textContent).toContain('01JORDERLOOKED');
    expect(second!.textContent).toContain('Lookup');
    const explanation = screen.getByText(/Hubble does not retry webhook deliveries/);
    expect(explanation.textContent).toContain('configured in Hubble’s portal');
    expect(explanation.textContent).toContain('last 10 minutes');
    expect(fake.invocations.filter((call) => call.channel === 'receiver.missingTerminalWebhooks')).toHaveLength(1);
  });

  it('says none are missing, and checks again on demand', async () => {
    report = { ...report, orders: [] };
    render(<MissingTerminalWebhooksPanel />);
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('None'));
    expect(screen.queryByRole('table')).toBeNull();
    report = {
      ...report,
      orders: [{ orderId: '01JLATE', referenceId: 'r', status: 'REVERSED', settledAt: 1, source: 'poll' }],
    };
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(table().textContent).toContain('01JLATE'));
  });

  it('tells the operator the receiver never listened', async () => {
    report = { orders: [], listeningSince: null, graceMs: 600_000 };
    render(<MissingTerminalWebhooksPanel />);
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('never listened'));
  });
});
