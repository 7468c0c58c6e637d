import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useProfiles } from '../../src/renderer/src/features/profiles/profiles-store.ts';
import { WalletPage } from '../../src/renderer/src/features/wallet/WalletPage.tsx';
import { useWallet } from '../../src/renderer/src/features/wallet/wallet-store.ts';
import { installDashboardHubble, PROFILES, T0, walletSummaryAnswer } from './dashboard-fake-hubble.ts';
import type { FakeHubble } from './fake-hubble.ts';

let hubble: FakeHubble;
const calls = (channel: string) => hubble.invocations.filter((call) => call.channel === channel);

const samples = [
  { at: T0, balancePaise: 60_000_000, source: 'poll' },
  { at: T0 + 5 * 60_000, balancePaise: 55_000_050, source: 'order' },
  { at: T0 + 10 * 60_000, balancePaise: 80_000_050, source: 'manual' },
];

beforeEach(() => {
  useWallet.setState(useWallet.getInitialState());
  hubble = installDashboardHubble({
    'wallet.samples': { samples, topUps: [{ at: T0 + 10 * 60_000, amountPaise: 25_000_000 }], thinned: false },
    'wallet.sampleNow': { at: T0 + 11 * 60_000, balancePaise: 80_000_050, source: 'manual' },
    'wallet.exportCsv': { csv: 'time_utc,time_ist,balance_rupees,source\n', fileName: 'wallet-simulator.csv', rows: 3 },
  });
  useProfiles.setState({ list: PROFILES as never, error: null });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function renderPage() {
  render(<WalletPage label="Wallet" purpose="" />);
  await screen.findByRole('list', { name: 'Detected top-ups' });
}

describe('Wallet page', () => {
  it('shows balance, spend rate and runway to E300 and to the minimum, in rupees with Indian grouping', async () => {
    await renderPage();
    expect(screen.getByRole('group', { name: 'Balance' }).textContent).toContain('₹1,23,45,678.90');
    expect(screen.getByRole('group', { name: 'Spend rate' }).textContent).toContain('₹2,500/h');
    expect(screen.getByRole('group', { name: 'Runway to E300' }).textContent).toContain('3 h 20 min');
    expect(screen.getByRole('group', { name: 'Runway to E300' }).textContent).toContain('typical ₹1,000 order');
    expect(screen.getByRole('group', { name: 'Runway to the minimum' }).textContent).toContain('30 h');
    expect(screen.getByRole('group', { name: 'Runway to the minimum' }).textContent).toContain('threshold ₹1,00,000');
  });

  it('says when nothing is being spent and no minimum is set, instead of a number', async () => {
    hubble = installDashboardHubble({
      'wallet.summary': walletSummaryAnswer({
        minimumPaise: null,
        spendRatePaisePerHour: null,
        runway: { toE300Hours: null, toMinimumHours: null, toEmptyHours: null },
      }),
    });
    render(<WalletPage label="Wallet" purpose="" />);
    await waitFor(() =>
      expect(screen.getByRole('group', { name: 'Runway to E300' }).textContent).toContain('not draining'),
    );
    expect(screen.getByRole('group', { name: 'Runway to the minimum' }).textContent).toContain('no minimum set');
    expect(screen.getByRole('region', { name: 'Balance trend' }).textContent).toContain(
      'No balance sample in this range',
    );
  });

  it('lists the samples behind the trend and the detected top-ups', async () => {
    await renderPage();
    expect(screen.getByRole('list', { name: 'Detected top-ups' }).textContent).toContain('+₹2,50,000');
    const trend = screen.getByRole('region', { name: 'Balance trend' });
    fireEvent.click(within(trend).getByText('Numbers behind this chart'));
    const rows = within(within(trend).getByRole('table')).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'WhenBalanceRead',
      expect.stringContaining('₹8,00,000.50sampled by hand'),
      expect.stringContaining('₹5,50,000.50after an order'),
      expect.stringContaining('₹6,00,000scheduled'),
    ]);
  });

  it('samples now and reads the page again; exports the samples of the range as CSV', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:wallet';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    await renderPage();
    const summaries = calls('wallet.summary').length;
    fireEvent.click(screen.getByRole('button', { name: 'Sample now' }));
    expect(await screen.findByText('Balance read: ₹8,00,000.50.')).toBeTruthy();
    expect(calls('wallet.sampleNow')).toHaveLength(1);
    expect(calls('wallet.summary').length).toBe(summaries + 1);

    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('3 samples exported.')).toBeTruthy();
    const asked = calls('wallet.exportCsv')[0]!.input as { from: number; to: number };
    expect(asked.to - asked.from).toBe(24 * 3_600_000);
    expect(await created[0]!.text()).toBe('time_utc,time_ist,balance_rupees,source\n');
  });
});
