import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/src/app/App.tsx';
import { useCalls } from '../../src/renderer/src/features/calls/calls-store.ts';
import { useNavigation } from '../../src/renderer/src/app/navigation-store.ts';
import { useProfiles } from '../../src/renderer/src/features/profiles/profiles-store.ts';
import { giveScrollBoxASize, installCallsHubble } from './calls-fake-hubble.ts';
import { simulatorOnlyProfiles } from './fake-hubble.ts';

const TOTAL = 300;
const requestId = (index: number) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
const profiles = simulatorOnlyProfiles;
let restoreSize: () => void = () => {};

function install() {
  return installCallsHubble({
    total: TOTAL,
    overrides: {
      'profiles.list': () => profiles,
      'calls.resolveIdentifier': (input: { value: string }) => {
        const value = input.value.trim();
        if (value === requestId(7))
          return { value, matches: [{ kind: 'request-id', callId: TOTAL - 7, at: 0, calls: 1 }], looksLike: 'uuid' };
        if (value === 'ORD9')
          return { value, matches: [{ kind: 'order-id', callId: TOTAL - 9, at: 0, calls: 4 }], looksLike: 'other' };
        return { value, matches: [], looksLike: /^[0-9a-f-]{36}$/.test(value) ? 'uuid' : 'other' };
      },
    },
  });
}

beforeEach(() => {
  restoreSize = giveScrollBoxASize();
  window.location.hash = '';
  useNavigation.setState({ area: 'dashboard' });
  useProfiles.setState({ list: null, error: null });
  useCalls.setState(useCalls.getInitialState());
});
afterEach(() => {
  cleanup();
  restoreSize();
});

const openPalette = () => act(() => void fireEvent.keyDown(window, { key: 'k', ctrlKey: true }));

describe('command palette (Ctrl/Cmd+K)', () => {
  it('takes a pasted X-REQUEST-ID and lands on that call, opened, from any page', async () => {
    const fake = install();
    render(<App />);
    openPalette();
    const dialog = screen.getByRole('dialog', { name: 'Go to anything' });
    const input = within(dialog).getByRole('combobox');
    expect(document.activeElement).toBe(input);
    fireEvent.change(input, { target: { value: requestId(7) } });
    const option = await within(dialog).findByRole('option', { name: new RegExp(`X-REQUEST-ID ${requestId(7)}`) });
    expect(option.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'Enter' });

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(window.location.hash).toBe('#/calls');
    await waitFor(() =>
      expect(fake.searches().some((search) => search.filters['requestId'] === requestId(7))).toBe(true),
    );
    const panel = await screen.findByRole('complementary', { name: 'Call detail' });
    expect((await within(panel).findByTestId('detail-request-id')).textContent).toBe(requestId(7));
    expect((screen.getByLabelText('X-REQUEST-ID') as HTMLInputElement).value).toBe(requestId(7));
  });

  it('takes an orderId and shows every call of that order', async () => {
    const fake = install();
    render(<App />);
    openPalette();
    fireEvent.change(within(screen.getByRole('dialog')).getByRole('combobox'), { target: { value: 'ORD9' } });
    fireEvent.click(await screen.findByRole('option', { name: /Order ID ORD9.*4 calls/ }));
    await waitFor(() => expect(fake.searches().at(-1)!.filters).toEqual({ orderId: 'ORD9' }));
    expect(useNavigation.getState().area).toBe('calls');
  });

  it('says when an id is unknown to this profile, offers areas by name, and closes on Escape', async () => {
    install();
    render(<App />);
    openPalette();
    const input = within(screen.getByRole('dialog')).getByRole('combobox');
    fireEvent.change(input, { target: { value: 'ffffffff-0000-4000-8000-000000000000' } });
    expect(await screen.findByText(/Looks like an X-REQUEST-ID, but this profile has no call with it/)).toBeTruthy();
    fireEvent.change(input, { target: { value: 'wall' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(useNavigation.getState().area).toBe('wallet');
    openPalette();
    fireEvent.keyDown(within(screen.getByRole('dialog')).getByRole('combobox'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
