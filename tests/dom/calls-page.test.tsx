import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallsPage } from '../../src/renderer/src/features/calls/CallsPage.tsx';
import { ROW_HEIGHT } from '../../src/renderer/src/features/calls/CallsTable.tsx';
import { MAX_CACHED_PAGES, PAGE_SIZE, useCalls } from '../../src/renderer/src/features/calls/calls-store.ts';
import { useProfiles } from '../../src/renderer/src/features/profiles/profiles-store.ts';
import { giveScrollBoxASize, installCallsHubble } from './calls-fake-hubble.ts';

const MILLION = 1_000_000;
let restoreSize: () => void = () => {};

function activeProfile(environment: 'simulator' | 'staging') {
  useProfiles.setState({
    list: {
      activeProfileId: 'p',
      profiles: [
        {
          id: 'p',
          name: environment,
          environment,
          baseUrl: 'http://x',
          colour: '#000',
          builtIn: environment === 'simulator',
        },
      ],
    },
  } as never);
}

beforeEach(() => {
  restoreSize = giveScrollBoxASize();
  useCalls.setState(useCalls.getInitialState());
  activeProfile('simulator');
});
afterEach(() => {
  cleanup();
  restoreSize();
});

const rowsShown = () => screen.getAllByRole('row').filter((row) => row.getAttribute('aria-rowindex') !== '1');
const requestIdCell = (index: number) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;

describe('Calls page with a million calls', () => {
  it('shows the total, renders only the rows in view and fetches only the pages near them', async () => {
    const fake = installCallsHubble({ total: MILLION });
    render(<CallsPage />);
    expect(await screen.findByText(requestIdCell(0))).toBeTruthy();
    expect(screen.getByRole('status', { name: 'Calls found' }).textContent).toBe('1,000,000 calls');
    expect(screen.getByRole('table', { name: 'Calls' }).getAttribute('aria-rowcount')).toBe(String(MILLION + 1));
    expect(rowsShown().length).toBeLessThan(60);
    // With no call selected the table has the whole width: no empty detail panel takes columns away.
    expect(screen.queryByRole('complementary', { name: 'Call detail' })).toBeNull();

    const scroller = document.querySelector<HTMLElement>('.calls-table__scroll')!;
    await act(async () => {
      scroller.scrollTop = 543_210 * ROW_HEIGHT;
      scroller.dispatchEvent(new Event('scroll'));
    });
    expect(await screen.findByText(requestIdCell(543_215))).toBeTruthy();
    expect(screen.getByText(requestIdCell(543_215)).closest('[role=row]')!.getAttribute('aria-rowindex')).toBe(
      String(543_215 + 2),
    );
    expect(rowsShown().length).toBeLessThan(60);

    const fetched = fake.searches().reduce((sum, search) => sum + search.limit, 0);
    expect(fetched).toBeLessThanOrEqual(5 * PAGE_SIZE);
    expect(
      fake
        .searches()
        .filter((search) => search.offset > 0)
        .every((search) => search.offset % PAGE_SIZE === 0),
    ).toBe(true);
    expect(useCalls.getState().pages.size).toBeLessThanOrEqual(MAX_CACHED_PAGES);
    // Deep pages ask main for the list the first page counted (keyset paging within one snapshot).
    const deep = fake.searches().filter((search) => search.offset > 0);
    expect(deep.length).toBeGreaterThan(0);
    expect(deep.every((search) => search.snapshot === MILLION)).toBe(true);
    // One time policy: the zone is named once in the header; each time shows ISO 8601 on hover.
    expect(screen.getAllByRole('columnheader').map((header) => header.textContent)).toContainEqual(
      expect.stringMatching(/^Time \(.+\)/),
    );
    const shownTime = screen.getByText(requestIdCell(543_215)).closest('[role=row]')!.querySelector('time')!;
    expect(shownTime.getAttribute('title')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(shownTime.getAttribute('title')).toBe(shownTime.getAttribute('datetime'));
  });

  it('sorts in main when a sortable header is clicked', async () => {
    const fake = installCallsHubble({ total: 500 });
    render(<CallsPage />);
    await screen.findByText(requestIdCell(0));
    fireEvent.click(within(screen.getByRole('table', { name: 'Calls' })).getByRole('button', { name: /Latency/ }));
    await waitFor(() => expect(fake.searches().at(-1)!.sort).toEqual({ by: 'latency', direction: 'desc' }));
    expect(screen.getByRole('columnheader', { name: /Latency/ }).getAttribute('aria-sort')).toBe('descending');
  });

  it('searches by a pasted X-REQUEST-ID and other filters on Enter, not on every keystroke', async () => {
    const fake = installCallsHubble({ total: 500 });
    render(<CallsPage />);
    await screen.findByText(requestIdCell(0));
    const before = fake.searches().length;
    fireEvent.change(screen.getByLabelText('X-REQUEST-ID'), { target: { value: `  ${requestIdCell(42)} ` } });
    fireEvent.change(screen.getByLabelText('HTTP status'), { target: { value: '5xx' } });
    fireEvent.change(screen.getByLabelText('Error'), { target: { value: 'E300' } });
    expect(fake.searches().length).toBe(before);
    fireEvent.submit(screen.getByRole('search', { name: 'Filter calls' }));
    await waitFor(() =>
      expect(fake.searches().at(-1)!.filters).toEqual({
        requestId: requestIdCell(42),
        statusClass: '5xx',
        errorId: 'E300',
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(fake.searches().at(-1)!.filters).toEqual({}));
    expect((screen.getByLabelText('X-REQUEST-ID') as HTMLInputElement).value).toBe('');
  });

  it('opens a call in the detail panel and copies its X-REQUEST-ID and support bundle', async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    installCallsHubble({ total: 500 });
    render(<CallsPage />);
    fireEvent.click((await screen.findByText(requestIdCell(3))).closest('[role=row]')!);
    const panel = await screen.findByRole('complementary', { name: 'Call detail' });
    await within(panel).findByText('Insufficient wallet balance (E300)');
    expect(within(panel).getByLabelText('Response body').textContent).toContain('"code": "INSUFFICIENT_BALANCE"');
    expect(within(panel).getByLabelText('Request body').textContent).toContain('98******10');
    fireEvent.click(within(panel).getByRole('button', { name: 'Copy X-REQUEST-ID' }));
    await waitFor(() => expect(writeText).toHaveBeenLastCalledWith(requestIdCell(3)));
    fireEvent.click(within(panel).getByRole('button', { name: 'Copy support bundle' }));
    await waitFor(() => expect(writeText).toHaveBeenLastCalledWith(`BUNDLE for call ${500 - 3}`));
    expect(await within(panel).findAllByRole('button', { name: 'Copied ✓' })).toHaveLength(2);
  });

  it('offers sample traffic on the Simulator profile only, and refreshes after it', async () => {
    const fake = installCallsHubble({
      total: 5,
      overrides: {
        'calls.generateSampleTraffic': () => ({ calls: 38, orders: 10, outcomes: { ok: 26 }, durationMs: 1200 }),
      },
    });
    const { unmount } = render(<CallsPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Generate sample traffic' }));
    expect(await screen.findByText('Recorded 38 calls (10 orders) in 1.2 s.')).toBeTruthy();
    await waitFor(() => expect(fake.searches().length).toBeGreaterThanOrEqual(2));
    unmount();
    activeProfile('staging');
    render(<CallsPage />);
    await screen.findByRole('status', { name: 'Calls found' });
    expect(screen.queryByRole('button', { name: 'Generate sample traffic' })).toBeNull();
  });

  it('announces calls recorded while the page is open and shows them on request', async () => {
    const fake = installCallsHubble({ total: 5 });
    render(<CallsPage />);
    await screen.findByText(requestIdCell(0));
    act(() => fake.emit('calls.recorded', { profileId: 'p', rows: 3, lastId: 8 }));
    act(() => fake.emit('calls.recorded', { profileId: 'other', rows: 9, lastId: 1 }));
    const button = await screen.findByRole('button', { name: '3 new calls: show' });
    const before = fake.searches().length;
    fireEvent.click(button);
    await waitFor(() => expect(fake.searches().length).toBe(before + 1));
  });
});
