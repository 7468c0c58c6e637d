import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listChannels } from '../../src/shared/contract/index.ts';
import { App } from '../../src/renderer/src/app/App.tsx';
import { areas } from '../../src/renderer/src/app/area-registry.tsx';
import { NOT_BUILT_ACTIONS } from '../../src/renderer/src/app/commands.ts';
import { fuzzyScore, rankByFuzzy } from '../../src/renderer/src/app/fuzzy-match.ts';
import { useNavigation } from '../../src/renderer/src/app/navigation-store.ts';
import { usePalette } from '../../src/renderer/src/app/palette-store.ts';
import { useOrders } from '../../src/renderer/src/features/orders/orders-store.ts';
import { useProfiles } from '../../src/renderer/src/features/profiles/profiles-store.ts';
import { useWebhooksTab } from '../../src/renderer/src/features/webhooks/webhooks-tab-store.ts';
import { installFakeHubble, simulatorOnlyProfiles, type FakeHubble } from './fake-hubble.ts';

const staging = {
  id: 'acme-staging',
  name: 'Acme staging',
  environment: 'staging',
  baseUrl: 'https://api.staging.example',
  colour: '#0ea5e9',
  builtIn: false,
};
const twoProfiles = { ...simulatorOnlyProfiles, profiles: [...simulatorOnlyProfiles.profiles, staging] };

let fake: FakeHubble;

beforeEach(() => {
  window.location.hash = '';
  localStorage.clear();
  useNavigation.setState({ area: 'dashboard' });
  useProfiles.setState({ list: null, error: null });
  useOrders.setState(useOrders.getInitialState());
  usePalette.setState({ dialog: null, recent: [], resolution: null });
  fake = installFakeHubble((channel, input) => {
    if (channel === 'profiles.list') return { ok: true, value: twoProfiles };
    if (channel === 'profiles.setActive')
      return { ok: true, value: { ...twoProfiles, activeProfileId: (input as { profileId: string }).profileId } };
    if (channel === 'calls.resolveIdentifier')
      return { ok: true, value: { value: (input as { value: string }).value, looksLike: 'other', matches: [] } };
    if (channel === 'orders.lookup') return { ok: true, value: { found: 'none', order: null } };
    return { ok: false, error: { kind: 'NOT_FOUND', message: channel } };
  });
});
afterEach(cleanup);

const openPalette = () => act(() => void fireEvent.keyDown(window, { key: 'k', ctrlKey: true }));
const palette = () => screen.getByRole('dialog', { name: 'Go to anything' });
const type = (value: string) => fireEvent.change(within(palette()).getByRole('combobox'), { target: { value } });
const optionNames = () =>
  within(palette())
    .queryAllByRole('option')
    .map((option) => option.querySelector('strong')!.textContent);

describe('fuzzy matching', () => {
  it('finds characters in order, word starts and runs first', () => {
    expect(fuzzyScore('wal', 'Go to Wallet')).not.toBeNull();
    expect(fuzzyScore('xyz', 'Go to Wallet')).toBeNull();
    expect(fuzzyScore('lw', 'Go to Wallet')).toBeNull();
    expect(rankByFuzzy('or', ['Go to Profiles', 'Go to Orders'], (text) => text)).toEqual([
      'Go to Orders',
      'Go to Profiles',
    ]);
    expect(rankByFuzzy('pl ord', ['Go to Profiles', 'Place an order…'], (text) => text)[0]).toBe('Place an order…');
  });
});

describe('command palette commands', () => {
  it('with nothing typed lists every area and every action, the not-built ones disabled', async () => {
    render(<App />);
    await screen.findByLabelText('Active profile');
    openPalette();
    const names = optionNames();
    for (const area of areas) expect(names).toContain(`Go to ${area.label}`);
    expect(names).toContain('Place an order…');
    expect(names).toContain('Switch profile to Acme staging');
    expect(names).not.toContain('Switch profile to Simulator');
    for (const action of NOT_BUILT_ACTIONS) {
      const option = within(palette()).getByRole('option', { name: new RegExp(action.label.replace(/[.…]/g, '.')) });
      expect(option.getAttribute('aria-disabled')).toBe('true');
      expect(option.textContent).toContain('Not built yet');
    }
  });

  it('"Import call logs…" opens the Import logs tab of the Webhooks page (nothing is imported until asked)', async () => {
    render(<App />);
    openPalette();
    type('import call logs');
    expect(optionNames()[0]).toBe('Import call logs…');
    const before = fake.invocations.length;
    fireEvent.keyDown(within(palette()).getByRole('combobox'), { key: 'Enter' });
    expect(window.location.hash).toBe('#/webhooks');
    expect(useWebhooksTab.getState().tab).toBe('import');
    expect(fake.invocations.slice(before).map((call) => call.channel)).not.toContain('logImport.start');
  });

  it('opens the Go-Live checklist', () => {
    render(<App />);
    openPalette();
    type('go-live checklist');
    expect(optionNames()[0]).toBe('Run the Go-Live checklist');
    fireEvent.keyDown(within(palette()).getByRole('combobox'), { key: 'Enter' });
    expect(window.location.hash).toBe('#/go-live');
  });

  it('syncs the catalog through main, from the Catalog page', async () => {
    render(<App />);
    openPalette();
    type('sync cat');
    fireEvent.keyDown(within(palette()).getByRole('combobox'), { key: 'Enter' });
    expect(window.location.hash).toBe('#/catalog');
    await waitFor(() => expect(fake.invocations.map((call) => call.channel)).toContain('catalog.syncNow'));
  });

  it("each not-built command's operation is really missing from the contract (wire it when it lands)", () => {
    for (const action of NOT_BUILT_ACTIONS) expect(listChannels()).not.toContain(action.operation);
    expect(listChannels()).toContain('orders.place');
    expect(listChannels()).toContain('profiles.setActive');
    expect(listChannels()).toContain('catalog.syncNow');
  });

  it('fuzzy "plc ordr" places an order: the Orders page with the new-order form', async () => {
    render(<App />);
    openPalette();
    type('plc ordr');
    expect(optionNames()[0]).toBe('Place an order…');
    fireEvent.keyDown(within(palette()).getByRole('combobox'), { key: 'Enter' });
    expect(screen.queryByRole('dialog', { name: 'Go to anything' })).toBeNull();
    expect(window.location.hash).toBe('#/orders');
    expect(useOrders.getState().panel.kind).toBe('new');
  });

  it('switches profile through main', async () => {
    render(<App />);
    await screen.findByLabelText('Active profile');
    openPalette();
    type('switch acme');
    fireEvent.click(within(palette()).getByRole('option', { name: /Switch profile to Acme staging/ }));
    await waitFor(() =>
      expect(fake.invocations).toContainEqual({ channel: 'profiles.setActive', input: { profileId: 'acme-staging' } }),
    );
  });

  it('puts recently run commands first, and remembers them across restarts', async () => {
    render(<App />);
    openPalette();
    type('webh');
    fireEvent.keyDown(within(palette()).getByRole('combobox'), { key: 'Enter' });
    expect(useNavigation.getState().area).toBe('webhooks');
    openPalette();
    const [first] = within(palette()).getAllByRole('option');
    expect(first!.textContent).toContain('Go to Webhooks');
    expect(first!.textContent).toContain('Recent');
    expect(JSON.parse(localStorage.getItem('hubble-ops.palette.recent')!)).toEqual(['area-webhooks']);
  });
});

describe('keyboard shortcut help and desktop commands', () => {
  it('? opens the shortcut help (not while typing in a field); Esc closes it and focus goes back', async () => {
    render(<App />);
    const sidebarButton = within(screen.getByRole('navigation', { name: 'Areas' })).getAllByRole('button')[0]!;
    sidebarButton.focus();
    act(() => void fireEvent.keyDown(sidebarButton, { key: '?' }));
    const help = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(help.textContent).toContain('+K');
    expect(help.textContent).toContain(`Go to ${areas[0]!.label}`);
    expect(document.activeElement).toBe(within(help).getByRole('button', { name: 'Close' }));
    fireEvent.keyDown(help, { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();
    expect(document.activeElement).toBe(sidebarButton);

    openPalette();
    act(() => void fireEvent.keyDown(within(palette()).getByRole('combobox'), { key: '?' }));
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();
  });

  it('follows what the native menu, tray or a deep link asks, and ignores an unknown area', async () => {
    render(<App />);
    act(() => fake.emit('desktop.command', { kind: 'go', area: 'calls' }));
    expect(useNavigation.getState().area).toBe('calls');
    act(() => fake.emit('desktop.command', { kind: 'go', area: 'no-such-area' }));
    expect(useNavigation.getState().area).toBe('calls');
    act(() => fake.emit('desktop.command', { kind: 'open-palette' }));
    expect(palette()).toBeTruthy();
    act(() => fake.emit('desktop.command', { kind: 'show-shortcuts' }));
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
    act(() => fake.emit('desktop.command', { kind: 'open-order', key: { referenceId: 'partner-ref-77' } }));
    expect(window.location.hash).toBe('#/orders');
    await waitFor(() =>
      expect(useOrders.getState().panel).toEqual({ kind: 'order', key: { referenceId: 'partner-ref-77' } }),
    );
  });
});
