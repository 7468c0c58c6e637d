import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNavigation } from '../../src/renderer/src/app/navigation-store.ts';
import { ProductionConfirmDialog } from '../../src/renderer/src/components/ProductionConfirmDialog.tsx';
import { useBatches } from '../../src/renderer/src/features/orders/batches-store.ts';
import { OrdersPage } from '../../src/renderer/src/features/orders/OrdersPage.tsx';
import { useOrders } from '../../src/renderer/src/features/orders/orders-store.ts';
import { useProfiles } from '../../src/renderer/src/features/profiles/profiles-store.ts';
import type { BatchDetail, BatchReport, BatchSummary } from '../../src/shared/contract/orders.ts';
import { giveOrdersTableASize, installOrdersHubble } from './orders-fake-hubble.ts';

const production = {
  activeProfileId: 'prd',
  profiles: [
    {
      id: 'prd',
      name: 'Acme Production',
      environment: 'production',
      baseUrl: 'https://x',
      colour: '#dc2626',
      builtIn: false,
    },
  ],
};

const badRow = (line: number, id: string | null, message: string) => ({
  line,
  partnerReference: `P-${line}`,
  brandId: 'brand-croma',
  brandName: 'Croma',
  amountPaise: 60_000,
  denominations: null,
  customer: null,
  referenceId: null,
  valid: false,
  issues: [{ id, code: 'X', field: null, message }],
  warnings: [],
});

const report: BatchReport = {
  batchId: 'b1',
  name: 'Diwali rewards',
  rows: 50,
  validRows: 48,
  invalidRows: 2,
  totalPaise: 4_800_000,
  vouchers: 48,
  brands: [{ brandId: 'brand-zomato', brandName: 'Zomato', rows: 48, totalPaise: 4_800_000 }],
  wallet: {
    checked: true,
    balancePaise: 50_000_000,
    shortfallPaise: null,
    predictedE300: false,
    firstShortLine: null,
    message: 'The wallet (₹5,00,000) covers the batch (₹48,000).',
  },
  badRows: [
    badRow(7, 'E150', '₹600 is not one of Croma’s denominations.'),
    badRow(31, null, 'No brand is called “Cromaa”.'),
  ],
  warnedRows: [],
  ignoredColumns: ['notes'],
};

const counts = { pending: 48, inFlight: 0, succeeded: 0, processing: 0, failed: 0, other: 0, invalid: 2, cancelled: 0 };
let summary: BatchSummary;
const detailOf = (): BatchDetail => ({
  ...summary,
  report,
  rowsOffset: 0,
  rows: [
    {
      line: 2,
      partnerReference: 'P-2',
      brandId: 'brand-zomato',
      brandName: 'Zomato',
      amountPaise: 100_000,
      referenceId: 'ref-b1-2',
      rowState: summary.state === 'draft' ? 'pending' : 'placed',
      orderId: null,
      orderStatus: summary.state === 'draft' ? null : 'SUCCESS',
      intentState: summary.state === 'draft' ? null : 'resolved',
      errorId: null,
      failureReason: null,
      issues: [],
    },
  ],
});

let restoreSize: () => void = () => {};
beforeEach(() => {
  restoreSize = giveOrdersTableASize();
  useNavigation.setState({ area: 'orders' });
  useOrders.setState(useOrders.getInitialState());
  useBatches.setState(useBatches.getInitialState());
  useProfiles.setState({ list: production as never, error: null });
  summary = {
    batchId: 'b1',
    name: 'Diwali rewards',
    state: 'draft',
    pauseReason: null,
    rowsTotal: 50,
    rowsValid: 48,
    totalPaise: 4_800_000,
    placedPaise: 0,
    counts,
    createdAt: 0,
    startedAt: null,
    finishedAt: null,
    updatedAt: 0,
    vouchersExported: false,
  };
  URL.createObjectURL = vi.fn(() => 'blob:x');
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => {
  cleanup();
  restoreSize();
});

describe('batch wizard', () => {
  it('imports, shows the dry run with bad rows by line, runs once confirmed with the total, and shows progress', async () => {
    let imported = false;
    const fake = installOrdersHubble({
      orders: [],
      profiles: production,
      overrides: {
        'orders.batches': () => ({ batches: imported ? [summary] : [] }),
        'orders.batchImport': () => {
          imported = true;
          return report;
        },
        'orders.batch': () => detailOf(),
        'guard.confirm': () => ({ token: 'batch-token', expiresAt: '2025-06-01T10:01:00.000Z' }),
        'orders.batchRun': () => {
          summary = { ...summary, state: 'running', startedAt: 1 };
          return summary;
        },
        'orders.batchPause': () => {
          summary = { ...summary, state: 'paused', pauseReason: 'Paused by the operator.' };
          return summary;
        },
        'orders.batchResultCsv': () => ({ csv: 'line,referenceId\n', fileName: 'diwali-result.csv', rows: 50 }),
        'orders.exportBatchVouchers': () => {
          summary = { ...summary, vouchersExported: true };
          return { text: 'cards', fileName: 'diwali-cards.txt', orders: 10, vouchers: 10 };
        },
      },
    });
    render(
      <>
        <ProductionConfirmDialog />
        <OrdersPage label="Orders" purpose="" />
      </>,
    );
    const tab = screen.getByRole('tab', { name: 'Batches' });
    await act(async () => fireEvent.click(tab));
    expect(tab.getAttribute('aria-selected')).toBe('true');
    const panel = screen.getByRole('tabpanel', { name: 'Batches' });

    fireEvent.change(within(panel).getByLabelText('CSV text'), { target: { value: 'brand,amount\nZomato,1000\n' } });
    fireEvent.change(within(panel).getByLabelText('Batch name (optional)'), { target: { value: 'Diwali rewards' } });
    await act(async () => fireEvent.click(within(panel).getByRole('button', { name: 'Check rows (dry run)' })));
    expect(fake.inputsOf('orders.batchImport')).toEqual([
      { csv: 'brand,amount\nZomato,1000\n', name: 'Diwali rewards' },
    ]);

    const batch = await within(panel).findByRole('region', { name: 'Batch Diwali rewards' });
    expect(within(batch).getByTestId('batch-totals').textContent).toBe(
      '50 rows: 48 valid, 2 refused · ₹48,000 in 48 vouchers',
    );
    const refused = within(batch).getByRole('table', { name: 'Refused rows' });
    const lines = within(refused)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent);
    expect(lines[0]).toMatch(/^7Croma₹600E150 ₹600 is not one of/);
    expect(lines[1]).toMatch(/^31Croma₹600No brand is called/);
    expect(within(batch).getByLabelText('Wallet check').textContent).toContain('covers the batch');
    expect(fake.inputsOf('orders.batchRun')).toEqual([]);

    await act(async () =>
      fireEvent.click(within(batch).getByRole('button', { name: 'Run batch: 48 orders, ₹48,000' })),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('run the batch “Diwali rewards”: 48 orders, ₹48,000 in total');
    fireEvent.change(within(dialog).getByLabelText(/Type the profile name/), { target: { value: 'Acme Production' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm on production' })));
    await waitFor(() =>
      expect(fake.inputsOf('orders.batchRun')).toEqual([
        { batchId: 'b1', expectedTotalPaise: 4_800_000, confirmationToken: 'batch-token' },
      ]),
    );
    expect(fake.inputsOf('guard.confirm')).toEqual([
      { profileId: 'prd', operation: 'orders.batchRun', typedName: 'Acme Production' },
    ]);

    // Progress arrives as jobs.progress of the batch job; the page reads the batch again.
    summary = {
      ...summary,
      placedPaise: 1_200_000,
      counts: { ...counts, pending: 34, inFlight: 1, succeeded: 12, processing: 1 },
    };
    await act(async () =>
      fake.emit('jobs.progress', {
        job: 'orders.batch',
        profileId: 'prd',
        done: 14,
        total: 48,
        message: null,
        state: 'running',
      }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('batch-counts').textContent).toContain('14 of 48 sent · 12 succeeded · 1 processing'),
    );
    expect(screen.getByRole('progressbar', { name: 'Batch progress' }).getAttribute('value')).toBe('14');

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Pause' })));
    expect(fake.inputsOf('orders.batchPause')).toEqual([{ batchId: 'b1' }]);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Resume' })).toBeTruthy());
    expect(screen.getByRole('note').textContent).toBe('Paused by the operator.');

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Download result CSV' })));
    expect(fake.inputsOf('orders.batchResultCsv')).toEqual([{ batchId: 'b1' }]);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Export cards (once)…' })));
    const warning = screen.getByRole('dialog');
    expect(warning.textContent).toContain('Anyone with that file can spend the cards');
    expect(fake.inputsOf('orders.exportBatchVouchers')).toEqual([]);
    await act(async () => fireEvent.click(within(warning).getByRole('button', { name: 'Export cards to a file' })));
    expect(fake.inputsOf('orders.exportBatchVouchers')).toEqual([{ batchId: 'b1' }]);
    await waitFor(() => expect(screen.getByText('Cards were exported once already.')).toBeTruthy());
  });
});
