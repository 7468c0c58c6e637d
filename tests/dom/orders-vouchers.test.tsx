import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNavigation } from '../../src/renderer/src/app/navigation-store.ts';
import { OrdersPage } from '../../src/renderer/src/features/orders/OrdersPage.tsx';
import { REVEAL_SECONDS } from '../../src/renderer/src/features/orders/VoucherReveal.tsx';
import { useOrders } from '../../src/renderer/src/features/orders/orders-store.ts';
import { useProfiles } from '../../src/renderer/src/features/profiles/profiles-store.ts';
import { simulatorOnlyProfiles } from './fake-hubble.ts';
import { giveOrdersTableASize, installOrdersHubble, orderOf } from './orders-fake-hubble.ts';

const CARD = '4111222233334821';
const PIN = '739164';
let restoreSize: () => void = () => {};

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  restoreSize = giveOrdersTableASize();
  useNavigation.setState({ area: 'orders' });
  useOrders.setState(useOrders.getInitialState());
  useProfiles.setState({ list: simulatorOnlyProfiles as never, error: null });
});
afterEach(() => {
  cleanup();
  restoreSize();
  vi.useRealTimers();
});

const detail = () => screen.getByRole('complementary', { name: 'Order detail' });

describe('cards of an order', () => {
  it('are fetched only on request, masked, shown one field at a time, and dropped after a short time', async () => {
    const fake = installOrdersHubble({
      orders: [orderOf()],
      overrides: {
        'orders.revealVouchers': () => ({
          orderId: '01JH0000000000000000000001',
          referenceId: 'ref-0001',
          status: 'SUCCESS',
          vouchers: [
            {
              id: 'v1',
              cardType: 'CARD_AND_PIN',
              cardNumber: CARD,
              cardPin: PIN,
              validTill: '2026-01-15',
              amountPaise: 500_000,
            },
          ],
        }),
      },
    });
    render(<OrdersPage label="Orders" purpose="" />);
    await act(() => useOrders.getState().openOrder({ referenceId: 'ref-0001' }));
    expect(fake.inputsOf('orders.revealVouchers')).toEqual([]);

    await act(async () => fireEvent.click(within(detail()).getByRole('button', { name: 'Reveal cards (audited)' })));
    expect(fake.inputsOf('orders.revealVouchers')).toEqual([{ referenceId: 'ref-0001' }]);
    const cards = within(detail()).getByRole('list', { name: 'Revealed cards' });
    expect(within(cards).getByLabelText('Card number').textContent).toBe('•••• •••• •••• 4821');
    expect(within(cards).getByLabelText('PIN').textContent).toBe('••••••');
    expect(document.body.textContent).not.toContain(CARD);
    expect(document.body.textContent).not.toContain(PIN);
    // Never kept in the page's store: only the component showing them holds them.
    expect(JSON.stringify(useOrders.getState())).not.toContain(CARD);

    fireEvent.click(within(cards).getByRole('button', { name: 'Show card number' }));
    expect(within(cards).getByLabelText('Card number').textContent).toBe(CARD);
    expect(document.body.textContent).not.toContain(PIN);

    await act(() => vi.advanceTimersByTimeAsync(REVEAL_SECONDS * 1000 + 100));
    expect(document.body.textContent).not.toContain(CARD);
    expect(within(detail()).getByRole('button', { name: 'Reveal cards (audited)' })).toBeTruthy();
  });

  it('copies a support bundle that main builds only when asked', async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    const fake = installOrdersHubble({
      orders: [orderOf()],
      overrides: {
        'orders.bundle': () => ({
          text: 'BUNDLE ref-0001',
          json: '{}',
          fileName: 'order-ref-0001',
          calls: 1,
          timeline: 2,
        }),
      },
    });
    render(<OrdersPage label="Orders" purpose="" />);
    await act(() => useOrders.getState().openOrder({ referenceId: 'ref-0001' }));
    expect(fake.inputsOf('orders.bundle')).toEqual([]);
    await act(async () => fireEvent.click(within(detail()).getByRole('button', { name: 'Copy support bundle' })));
    expect(fake.inputsOf('orders.bundle')).toEqual([{ referenceId: 'ref-0001' }]);
    expect(writeText).toHaveBeenCalledWith('BUNDLE ref-0001');
  });
});
