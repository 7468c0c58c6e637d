import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNavigation } from '../../src/renderer/src/app/navigation-store.ts';
import { ProductionConfirmDialog } from '../../src/renderer/src/components/ProductionConfirmDialog.tsx';
import { useCalls } from '../../src/renderer/src/features/calls/calls-store.ts';
import { OrdersPage } from '../../src/renderer/src/features/orders/OrdersPage.tsx';
import { UNKNOWN_OUTCOME_TEXT } from '../../src/renderer/src/features/orders/order-status.ts';
import { useOrders } from '../../src/renderer/src/features/orders/orders-store.ts';
import { useProfiles } from '../../src/renderer/src/features/profiles/profiles-store.ts';
import type { OrderRequest } from '../../src/shared/contract/orders.ts';
import { simulatorOnlyProfiles } from './fake-hubble.ts';
import { giveOrdersTableASize, installOrdersHubble, orderOf, Refusal } from './orders-fake-hubble.ts';

let restoreSize: () => void = () => {};

const production = {
  activeProfileId: 'prd',
  profiles: [
    {
      id: 'prd',
      name: 'Acme Production',
      environment: 'production',
      baseUrl: 'https://api.myhubble.money',
      colour: '#dc2626',
      builtIn: false,
    },
  ],
};

beforeEach(() => {
  restoreSize = giveOrdersTableASize();
  window.location.hash = '#/orders';
  useNavigation.setState({ area: 'orders' });
  useOrders.setState(useOrders.getInitialState());
  useCalls.setState(useCalls.getInitialState());
  useProfiles.setState({ list: simulatorOnlyProfiles as never, error: null });
});
afterEach(() => {
  vi.useRealTimers();
  cleanup();
  restoreSize();
});

const page = () => render(<OrdersPage label="Orders" purpose="" />);
const found = () => screen.getByRole('status', { name: 'Orders found' });
const detail = () => screen.getByRole('complementary', { name: 'Order detail' });
const rowWith = (text: string) =>
  within(screen.getByRole('table', { name: 'Orders' }))
    .getByText(text)
    .closest<HTMLElement>('[role=row]')!;

/** A validate that knows Croma's FIXED denominations (₹500, ₹1,000, ₹2,000, ₹5,000) and nothing else. */
const CROMA = [50_000, 100_000, 200_000, 500_000];
function validateLikeMain(request: OrderRequest) {
  const lines = request.denominations ?? [{ denominationPaise: request.amountPaise!, quantity: 1 }];
  const issues = lines
    .filter((line) => request.denominations && !CROMA.includes(line.denominationPaise))
    .map((line) => ({
      id: 'E150',
      code: 'DENOMINATION_NOT_AVAILABLE',
      field: 'denominations[0].denominationPaise',
      message: `₹${line.denominationPaise / 100} is not one of Croma's denominations (₹500, ₹1,000, ₹2,000, ₹5,000).`,
    }));
  const amountPaise = lines.reduce((sum, line) => sum + line.denominationPaise * line.quantity, 0);
  return { issues, lines: issues.length ? null : lines, amountPaise };
}

describe('Orders list', () => {
  it('shows amounts in ₹ with Indian grouping and the identifiers, filters in main, and opens an order', async () => {
    const fake = installOrdersHubble({
      orders: [
        orderOf({ referenceId: 'ref-big', orderId: '01JBIG', amountPaise: 10_000_050, brandName: 'Tanishq' }),
        orderOf(),
      ],
    });
    page();
    await waitFor(() => expect(found().textContent).toBe('2 orders'));
    expect(within(rowWith('ref-big')).getByText('₹1,00,000.50')).toBeTruthy();
    expect(within(rowWith('ref-0001')).getByText('₹6,000')).toBeTruthy();
    expect(within(rowWith('ref-0001')).getByText('01JH0000000000000000000001')).toBeTruthy();

    await act(async () => fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'FAILED' } }));
    await waitFor(() => expect(found().textContent).toBe('0 orders match'));
    expect(fake.inputsOf('orders.search').at(-1)).toMatchObject({ filters: { status: 'FAILED' } });
    await act(async () => fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'STUCK' } }));
    expect(fake.inputsOf('orders.search').at(-1)).toMatchObject({ filters: { stuck: true } });
    await act(async () => fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'UNKNOWN' } }));
    expect(fake.inputsOf('orders.search').at(-1)).toMatchObject({ filters: { intentState: 'unknown' } });

    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'ref-big' } });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: '' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Search' })));
    await waitFor(() => expect(found().textContent).toBe('1 order match'));
    expect(fake.inputsOf('orders.search').at(-1)).toMatchObject({ filters: { text: 'ref-big' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Clear' })));
    await waitFor(() => expect(found().textContent).toBe('2 orders'));

    await act(async () => fireEvent.keyDown(rowWith('ref-0001'), { key: 'Enter' }));
    await waitFor(() => expect(within(detail()).getByRole('status').textContent).toContain('SUCCESS'));
    expect(fake.inputsOf('orders.get').at(-1)).toEqual({ referenceId: 'ref-0001' });
    expect(rowWith('ref-0001').getAttribute('aria-selected')).toBe('true');
    const timeline = within(detail()).getByRole('list', { name: 'Status timeline' });
    expect(
      within(timeline)
        .getAllByRole('listitem')
        .map((item) => item.textContent?.split(' ')[0]),
    ).toEqual(['INTENT', 'SUCCESS']);
    expect(detail().textContent).toContain('1 × ₹5,000, 1 × ₹1,000');
    expect(detail().textContent).toContain('98******10');

    fireEvent.keyDown(detail(), { key: 'Escape' });
    expect(screen.queryByRole('complementary', { name: 'Order detail' })).toBeNull();
  });

  it('opens the Calls page filtered to the X-REQUEST-ID an order lists, with that call selected', async () => {
    const requestId = '11111111-2222-4333-8444-555555555555';
    const call = { id: 42, requestId, at: 0 };
    const fake = installOrdersHubble({
      orders: [orderOf()],
      overrides: {
        'calls.search': (input: { filters: { requestId?: string }; offset: number }) => ({
          rows: input.filters.requestId === requestId ? [{ ...call }] : [],
          offset: input.offset,
          total: input.filters.requestId === requestId ? 1 : 0,
          snapshot: 1,
        }),
        'calls.get': () => ({ id: 42 }),
      },
    });
    page();
    await act(() => useOrders.getState().openOrder({ referenceId: 'ref-0001' }));
    const link = within(detail()).getByRole('button', { name: `Open call ${requestId} in Calls` });
    expect(link.textContent).toBe(requestId);
    await act(async () => fireEvent.click(link));
    await waitFor(() => expect(useNavigation.getState().area).toBe('calls'));
    expect(window.location.hash).toBe('#/calls');
    expect(useCalls.getState().filters).toEqual({ requestId });
    expect(useCalls.getState().selectedId).toBe(42);
    expect(fake.inputsOf('calls.get')).toEqual([{ id: 42 }]);
  });

  it('shows an unknown outcome plainly, offers no retry, and only re-reads it while main resolves it', async () => {
    vi.useFakeTimers();
    const unknown = orderOf({
      referenceId: 'ref-lost',
      orderId: null,
      status: 'INTENT',
      intentState: 'unknown',
      voucherIds: [],
      history: [{ status: 'INTENT', at: 0, source: 'intent' }],
    });
    const fake = installOrdersHubble({ orders: [unknown] });
    page();
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(within(rowWith('ref-lost')).getByText('UNKNOWN')).toBeTruthy();
    await act(() => useOrders.getState().openOrder({ referenceId: 'ref-lost' }));
    expect(within(detail()).getByRole('status').textContent).toContain(UNKNOWN_OUTCOME_TEXT);
    expect(within(detail()).queryByRole('button', { name: /Retry/ })).toBeNull();
    expect(within(detail()).getByRole('button', { name: 'Resolve now by referenceId' })).toBeTruthy();

    // Main's recovery job resolves it; the open detail picks that up by reading the store again, never by sending.
    fake.orders[0] = { ...unknown, orderId: '01JFOUND', status: 'SUCCESS', intentState: 'resolved' };
    await act(() => vi.advanceTimersByTimeAsync(3_100));
    expect(within(detail()).getByRole('status').textContent).toContain('SUCCESS');
    expect(fake.inputsOf('orders.lookup')).toEqual([]);
    expect(fake.inputsOf('orders.place')).toEqual([]);
  });

  it('re-reads a PROCESSING order while it is open (main’s watcher polls Hubble) and announces when it settles', async () => {
    vi.useFakeTimers();
    const processing = orderOf({
      status: 'PROCESSING',
      voucherIds: [],
      processingSince: Date.now() - 17 * 60_000,
      stuck: true,
    });
    const fake = installOrdersHubble({ orders: [processing] });
    page();
    await act(() => useOrders.getState().openOrder({ referenceId: 'ref-0001' }));
    const status = within(detail()).getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toContain('PROCESSING · stuck');
    expect(within(detail()).getByRole('note', { name: 'Processing time' }).textContent).toContain(
      'PROCESSING for 17 min',
    );
    await act(() => vi.advanceTimersByTimeAsync(3_100));
    expect(fake.inputsOf('orders.get').length).toBe(2);
    expect(within(detail()).getByRole('status').textContent).toContain('PROCESSING');

    fake.orders[0] = { ...processing, status: 'SUCCESS', stuck: false, processingSince: null };
    await act(() => vi.advanceTimersByTimeAsync(3_100));
    expect(within(detail()).getByRole('status').textContent).toContain('SUCCESS');
    expect(within(rowWith('ref-0001')).getByText('SUCCESS')).toBeTruthy();
    const reads = fake.inputsOf('orders.get').length;
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(fake.inputsOf('orders.get').length).toBe(reads);
    // The renderer never asks Hubble by itself; only the operator's button does.
    expect(fake.inputsOf('orders.lookup')).toEqual([]);
  });

  it('asks Hubble at once when the operator checks an order’s status', async () => {
    const processing = orderOf({ status: 'PROCESSING', voucherIds: [] });
    const fake = installOrdersHubble({
      orders: [processing],
      overrides: {
        'orders.lookup': () => ({
          found: 'local',
          order: { ...processing, status: 'FAILED', failureReason: 'Declined' },
        }),
      },
    });
    page();
    await act(() => useOrders.getState().openOrder({ referenceId: 'ref-0001' }));
    await act(async () => fireEvent.click(within(detail()).getByRole('button', { name: 'Check status with Hubble' })));
    expect(fake.inputsOf('orders.lookup')).toEqual([{ value: processing.orderId, live: true }]);
    expect(within(detail()).getByRole('status').textContent).toContain('FAILED');
    expect(within(detail()).getByRole('note', { name: 'Why it failed' }).textContent).toContain('Declined');
  });

  it('shows why an order failed with Hubble’s id and retries it on request with the customer details again', async () => {
    const failed = orderOf({
      referenceId: 'ref-fail',
      orderId: null,
      status: 'REJECTED',
      errorId: 'E300',
      errorCode: 'INSUFFICIENT_BALANCE',
      voucherIds: [],
      failure: {
        kind: 'business',
        requestId: '99999999-2222-4333-8444-555555555555',
        method: 'POST',
        path: '/v1/partners/orders',
        httpStatus: 400,
        errorId: 'E300',
        errorCode: 'INSUFFICIENT_BALANCE',
        hubbleMessage: 'Insufficient wallet balance',
        serverRequestId: null,
        title: 'Insufficient wallet balance (E300)',
        explanation: 'The wallet holds less than this order costs.',
        nextStep: 'Top up the wallet, then retry.',
        transient: false,
        timeoutPhase: null,
        detail: null,
      },
    });
    const retried = orderOf({ referenceId: 'ref-new', orderId: '01JNEW', retryOf: 'ref-fail' });
    const fake = installOrdersHubble({ orders: [failed], overrides: { 'orders.retry': () => retried } });
    page();
    await act(() => useOrders.getState().openOrder({ referenceId: 'ref-fail' }));
    const why = within(detail()).getByRole('note', { name: 'Why it failed' });
    expect(why.textContent).toContain('E300 INSUFFICIENT_BALANCE');
    expect(why.textContent).toContain('The wallet holds less than this order costs.');
    expect(within(why).getByRole('button', { name: /Open call 99999999-/ })).toBeTruthy();

    fireEvent.change(within(detail()).getByLabelText('Phone'), { target: { value: '9876543210' } });
    await act(async () =>
      fireEvent.click(within(detail()).getByRole('button', { name: 'Retry with a new referenceId' })),
    );
    await waitFor(() => expect(detail().textContent).toContain('ref-new'));
    expect(fake.inputsOf('orders.retry')).toEqual([
      { referenceId: 'ref-fail', customerDetails: { phoneNumber: '9876543210' }, confirmationToken: undefined },
    ]);
    expect(within(detail()).getByRole('button', { name: 'ref-fail' })).toBeTruthy();
  });
});

describe('New order', () => {
  it('sends exact paise, shows the brand’s rules with Hubble’s ids before sending, and opens the placed order', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const placed = orderOf({ referenceId: 'ref-placed', amountPaise: 10_000_029, brandName: 'Zomato' });
    const fake = installOrdersHubble({
      orders: [],
      overrides: {
        'orders.validate': (input: OrderRequest) => validateLikeMain(input),
        'orders.proposeSplit': () => ({ ok: false, reason: 'not-fixed', message: 'Zomato is FLEXIBLE' }),
        'orders.place': () => placed,
      },
    });
    page();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'New order' })));
    const form = screen.getByRole('complementary', { name: 'New order' });
    expect(document.activeElement).toBe(within(form).getByLabelText('Brand product ID'));
    fireEvent.change(within(form).getByLabelText('Brand product ID'), { target: { value: 'brand-zomato' } });

    // ₹1,00,000.29 is 10000029 paise; 100000.29 × 100 in floating point is 10000028.999999998.
    fireEvent.change(within(form).getByLabelText('Amount (₹)'), { target: { value: '₹1,00,000.29' } });
    await act(() => vi.advanceTimersByTimeAsync(400));
    expect(fake.inputsOf('orders.validate').at(-1)).toEqual({ productId: 'brand-zomato', amountPaise: 10_000_029 });
    expect(fake.inputsOf('orders.proposeSplit').at(-1)).toEqual({ productId: 'brand-zomato', amountPaise: 10_000_029 });
    expect(within(form).getByText('FLEXIBLE')).toBeTruthy();
    expect(within(form).getByTestId('order-would-send').textContent).toBe('Will send: 1 × ₹1,00,000.29 = ₹1,00,000.29');

    // Denominations that the brand does not sell: Hubble's id and reason, and nothing can be sent.
    fireEvent.click(within(form).getByRole('radio', { name: 'Denominations × quantities' }));
    fireEvent.change(within(form).getByLabelText('Line 1 Denomination (₹)'), { target: { value: '600' } });
    await act(() => vi.advanceTimersByTimeAsync(400));
    const problems = within(form).getByRole('alert', { name: 'Problems with this order' });
    expect(problems.textContent).toContain('E150');
    expect(problems.textContent).toContain("₹600 is not one of Croma's denominations");
    expect(within(form).getByRole('button', { name: /^Place order/ })).toHaveProperty('disabled', true);

    // A quantity that is not a whole number is Hubble's E157, told without asking main.
    const validations = fake.inputsOf('orders.validate').length;
    fireEvent.change(within(form).getByLabelText('Line 1 Quantity'), { target: { value: '1.5' } });
    await act(() => vi.advanceTimersByTimeAsync(400));
    expect(within(form).getByRole('alert', { name: 'Problems with this order' }).textContent).toContain('E157');
    expect(fake.inputsOf('orders.validate').length).toBe(validations);

    fireEvent.click(within(form).getByRole('radio', { name: /An amount/ }));
    await act(() => vi.advanceTimersByTimeAsync(400));
    expect(fake.inputsOf('orders.place')).toEqual([]);
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Place order for ₹1,00,000.29' })));
    await waitFor(() => expect(screen.getByRole('complementary', { name: 'Order detail' })).toBeTruthy());
    expect(fake.inputsOf('orders.place')).toEqual([
      { productId: 'brand-zomato', amountPaise: 10_000_029, confirmationToken: undefined },
    ]);
    expect(within(detail()).getByRole('status').textContent).toContain('SUCCESS');
  });

  it('shows main’s refusal with Hubble’s ids when the brand’s rules refuse the order at placement', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    installOrdersHubble({
      orders: [],
      overrides: {
        'orders.validate': () => ({
          issues: [],
          lines: [{ denominationPaise: 50_000, quantity: 1 }],
          amountPaise: 50_000,
        }),
        'orders.proposeSplit': () => ({ ok: true, lines: [{ denominationPaise: 50_000, quantity: 1 }], vouchers: 1 }),
        'orders.place': () => {
          throw new Refusal('VALIDATION', 'changed', {
            issues: [
              {
                id: 'E150',
                code: 'DENOMINATION_NOT_AVAILABLE',
                field: null,
                message: 'The brand no longer sells ₹500.',
              },
            ],
          });
        },
      },
    });
    page();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'New order' })));
    const form = screen.getByRole('complementary', { name: 'New order' });
    fireEvent.change(within(form).getByLabelText('Brand product ID'), { target: { value: 'brand-croma' } });
    fireEvent.change(within(form).getByLabelText('Amount (₹)'), { target: { value: '500' } });
    await act(() => vi.advanceTimersByTimeAsync(400));
    expect(within(form).getByText('FIXED')).toBeTruthy();
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Place order for ₹500' })));
    const refusal = await within(form).findByRole('alert', { name: 'Refused before sending' });
    expect(refusal.textContent).toContain('E150');
    expect(refusal.textContent).toContain('The brand no longer sells ₹500.');
  });

  it('on production asks for the typed profile name, naming brand and amount, and passes main’s token', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    useProfiles.setState({ list: production as never });
    const fake = installOrdersHubble({
      orders: [],
      profiles: production,
      overrides: {
        'orders.validate': (input: OrderRequest) => validateLikeMain(input),
        'orders.proposeSplit': () => ({ ok: true, lines: [{ denominationPaise: 500_000, quantity: 1 }], vouchers: 1 }),
        'guard.confirm': () => ({ token: 'single-use', expiresAt: '2025-06-01T10:01:00.000Z' }),
        'orders.place': () => orderOf(),
        // The catalog's copy of the brand names it in the form and in the confirmation.
        'catalog.brand': (input: { brandId: string }) => ({
          id: input.brandId,
          name: 'Croma',
          status: 'ACTIVE',
          denominationType: 'FIXED',
          denominationsPaise: CROMA,
          restrictionsText: '₹500–₹20,000 per order, at most 5 vouchers per order',
        }),
      },
    });
    render(
      <>
        <ProductionConfirmDialog />
        <OrdersPage label="Orders" purpose="" />
      </>,
    );
    act(() => useOrders.getState().startNewOrder({ productId: 'brand-croma' }));
    const form = screen.getByRole('complementary', { name: 'New order' });
    await act(() => vi.advanceTimersByTimeAsync(400));
    const brand = within(form).getByRole('group', { name: 'Brand' });
    expect(brand.textContent).toContain('Croma · FIXED');
    expect(brand.textContent).toContain('Denominations: ₹500, ₹1,000, ₹2,000, ₹5,000');
    fireEvent.change(within(form).getByLabelText('Amount (₹)'), { target: { value: '5000' } });
    await act(() => vi.advanceTimersByTimeAsync(400));
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Place order for ₹5,000' })));

    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('place an order of ₹5,000 for Croma');
    expect(dialog.textContent).toContain('Acme Production');
    expect(fake.inputsOf('orders.place')).toEqual([]);
    fireEvent.change(within(dialog).getByLabelText(/Type the profile name/), { target: { value: 'Acme Production' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm on production' })));
    await waitFor(() => expect(fake.inputsOf('orders.place').length).toBe(1));
    expect(fake.inputsOf('guard.confirm')).toEqual([
      { profileId: 'prd', operation: 'orders.place', typedName: 'Acme Production' },
    ]);
    expect(fake.inputsOf('orders.place')[0]).toEqual({
      productId: 'brand-croma',
      amountPaise: 500_000,
      confirmationToken: 'single-use',
    });
  });
});
