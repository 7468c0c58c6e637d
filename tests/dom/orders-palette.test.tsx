import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/src/app/App.tsx';
import { useNavigation } from '../../src/renderer/src/app/navigation-store.ts';
import { useCalls } from '../../src/renderer/src/features/calls/calls-store.ts';
import { useOrders } from '../../src/renderer/src/features/orders/orders-store.ts';
import { useProfiles } from '../../src/renderer/src/features/profiles/profiles-store.ts';
import { giveOrdersTableASize, installOrdersHubble, orderOf } from './orders-fake-hubble.ts';

let restoreSize: () => void = () => {};

beforeEach(() => {
  restoreSize = giveOrdersTableASize();
  window.location.hash = '';
  useNavigation.setState({ area: 'dashboard' });
  useProfiles.setState({ list: null, error: null });
  useOrders.setState(useOrders.getInitialState());
  useCalls.setState(useCalls.getInitialState());
});
afterEach(() => {
  cleanup();
  restoreSize();
});

const openPalette = () => act(() => void fireEvent.keyDown(window, { key: 'k', ctrlKey: true }));

describe('command palette and orders', () => {
  it('opens the order a pasted orderId names, from any page', async () => {
    const fake = installOrdersHubble({
      orders: [orderOf({ orderId: '01JPASTED0000000000000000', referenceId: 'ref-p' })],
    });
    render(<App />);
    openPalette();
    const dialog = screen.getByRole('dialog', { name: 'Go to anything' });
    fireEvent.change(within(dialog).getByRole('combobox'), { target: { value: '01JPASTED0000000000000000' } });
    const option = await within(dialog).findByRole('option', { name: /Open order 01JPASTED0000000000000000/ });
    expect(option.textContent).toContain('SUCCESS · Croma · ₹6,000');
    expect(fake.inputsOf('orders.lookup')).toContainEqual({ value: '01JPASTED0000000000000000', live: false });
    fireEvent.keyDown(within(dialog).getByRole('combobox'), { key: 'Enter' });

    expect(window.location.hash).toBe('#/orders');
    const detail = await screen.findByRole('complementary', { name: 'Order detail' });
    await waitFor(() => expect(within(detail).getByTestId('order-id').textContent).toBe('01JPASTED0000000000000000'));
  });

  it('offers a live lookup in Hubble for an id this console has never seen, and says when nobody has it', async () => {
    const fake = installOrdersHubble({ orders: [] });
    render(<App />);
    openPalette();
    const dialog = screen.getByRole('dialog', { name: 'Go to anything' });
    fireEvent.change(within(dialog).getByRole('combobox'), { target: { value: 'partner-ref-2025-77' } });
    await within(dialog).findByRole('option', { name: /Look up order partner-ref-2025-77 in Hubble/ });
    expect(fake.inputsOf('orders.lookup')).not.toContainEqual(expect.objectContaining({ live: true }));
    fireEvent.keyDown(within(dialog).getByRole('combobox'), { key: 'Enter' });

    expect(window.location.hash).toBe('#/orders');
    await waitFor(() =>
      expect(fake.inputsOf('orders.lookup')).toContainEqual({ value: 'partner-ref-2025-77', live: true }),
    );
    await waitFor(() =>
      expect(screen.getByRole('search', { name: 'Look up an order' }).textContent).toContain(
        'Neither this console nor Hubble has an order partner-ref-2025-77',
      ),
    );
  });
});
