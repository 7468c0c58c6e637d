import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useNavigation } from '../../src/renderer/src/app/navigation-store.ts';
import { CatalogPage } from '../../src/renderer/src/features/catalog/CatalogPage.tsx';
import { useCatalog } from '../../src/renderer/src/features/catalog/catalog-store.ts';
import { useOrders } from '../../src/renderer/src/features/orders/orders-store.ts';
import { useProfiles } from '../../src/renderer/src/features/profiles/profiles-store.ts';
import { brandRows, giveBrandTableASize, installCatalogHubble } from './catalog-fake-hubble.ts';

let restoreSize: () => void = () => {};

beforeEach(() => {
  restoreSize = giveBrandTableASize();
  useCatalog.setState(useCatalog.getInitialState());
  useProfiles.setState({
    list: {
      activeProfileId: 'p',
      profiles: [
        { id: 'p', name: 'Sim', environment: 'simulator', baseUrl: 'http://x', colour: '#000', builtIn: true },
      ],
    },
  } as never);
});
afterEach(() => {
  cleanup();
  restoreSize();
});

const found = () => screen.getByRole('status', { name: 'Brands found' }).textContent;
const bodyRows = () =>
  within(screen.getByRole('table', { name: 'Brands' }))
    .getAllByRole('row')
    .filter((row) => row.getAttribute('aria-rowindex') !== '1');
const search = () => screen.getByLabelText('Search brands by name');

async function openPage(size = 1_200, rows = brandRows(size)) {
  const fake = installCatalogHubble(rows);
  render(<CatalogPage label="Catalog" purpose="" />);
  await waitFor(() => expect(found()).toBe(`${(size - size / 50).toLocaleString('en-IN')} brands`));
  return fake;
}

describe('Catalog page: the brand browser', () => {
  it('reads the whole catalog in pages of at most 500, then filters per keystroke without asking main', async () => {
    const fake = await openPage();
    // Two reads: everything but INACTIVE (1,176 brands, 3 pages), then the INACTIVE ones (24, 1 page).
    expect(fake.searches().map((query) => [query.offset, query.limit, query.statuses ?? null])).toEqual([
      [0, 500, null],
      [500, 500, null],
      [1000, 500, null],
      [0, 500, ['INACTIVE']],
    ]);
    expect(bodyRows().length).toBeLessThan(40);
    const asked = fake.invocations.length;

    for (const text of ['b', 'br', 'brand 01', 'brand 011']) {
      fireEvent.change(search(), { target: { value: text } });
      const expected = text === 'brand 011' ? 10 : undefined;
      if (expected !== undefined) expect(found()).toBe(`${expected} brands match`);
      // every row on screen after this very keystroke matches it (no row of an earlier keystroke lingers)
      for (const row of bodyRows()) expect(row.textContent!.toLowerCase()).toContain(text);
    }
    const names = bodyRows().map((row) => row.querySelector<HTMLElement>('.brands-table__cell--name')!);
    // the cell's accessible name is the brand's name alone
    expect(
      names.map((cell) => within(cell.parentElement!).getByRole('cell', { name: cell.textContent! }) === cell),
    ).toEqual(Array.from({ length: 10 }, () => true));
    expect(names.map((cell) => cell.textContent)).toEqual(
      Array.from({ length: 10 }, (_, index) => `Brand 011${index}`),
    );
    expect(fake.invocations.length).toBe(asked);
  });

  it('shows other brands in the rows on a keystroke by changing texts only (no attribute, nothing to restyle)', async () => {
    await openPage();
    const body = screen.getByRole('table', { name: 'Brands' }).querySelector('.virtual-table__body')!;
    const changed = new Set<string>();
    const observer = new MutationObserver((records) => {
      // the body's own height follows the count of matches; its rows are what a keystroke must not restyle
      for (const record of records)
        if (record.target !== body)
          changed.add(record.type === 'attributes' ? `attribute ${record.attributeName}` : record.type);
    });
    observer.observe(body, { subtree: true, attributes: true, characterData: true, childList: true });
    fireEvent.change(search(), { target: { value: 'brand 02' } });
    await act(async () => {});
    observer.disconnect();
    expect(bodyRows()[0]!.querySelector<HTMLElement>('.brands-table__cell--name')!.textContent).toBe('Brand 0201');
    // a changed attribute a selector or attr() reads would restyle the row's cells, and every changed attribute
    // (a title) is one more DOM write per cell and keystroke; texts only lay out and paint
    expect([...changed].sort()).toEqual(['characterData']);
  });

  it('gives a cut cell its full text as its title when the pointer enters it, the text it shows then', async () => {
    await openPage();
    const nameCell = () => bodyRows()[0]!.querySelector<HTMLElement>('.brands-table__cell--name')!;
    // happy-dom lays nothing out: the cell says how wide its text is and how wide it is drawn
    const cut = (cell: HTMLElement, textWidth: number) => {
      Object.defineProperty(cell, 'scrollWidth', { configurable: true, value: textWidth });
      Object.defineProperty(cell, 'clientWidth', { configurable: true, value: 204 });
    };
    expect(nameCell().hasAttribute('title')).toBe(false);
    cut(nameCell(), 300);
    fireEvent.mouseOver(nameCell());
    expect(nameCell().title).toBe(nameCell().textContent);
    fireEvent.change(search(), { target: { value: 'brand 02' } });
    expect(nameCell().textContent).toBe('Brand 0201');
    fireEvent.mouseOver(nameCell());
    expect(nameCell().title).toBe('Brand 0201');
    // a text that fits has no title
    cut(nameCell(), 120);
    fireEvent.mouseOver(nameCell());
    expect(nameCell().hasAttribute('title')).toBe(false);
  });

  it('renders the rows in view on a keystroke and the overscan rows below them once that frame has painted', async () => {
    await openPage();
    // the list's first frame has painted: every row of the window is in the DOM
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    const window = bodyRows().length;
    expect(window).toBe(24);
    fireEvent.change(search(), { target: { value: 'brand 0' } });
    // the four overscan rows below the view are not laid out in the keystroke's frame, and none of the earlier
    // list's rows stays in the DOM meanwhile
    expect(bodyRows().length).toBe(window - 4);
    for (const row of bodyRows()) expect(row.textContent!.toLowerCase()).toContain('brand 0');
    await waitFor(() => expect(bodyRows().length).toBe(window));
    expect(bodyRows().map((row) => Number(row.getAttribute('aria-rowindex')))).toEqual(
      Array.from({ length: window }, (_, index) => index + 2),
    );
    for (const row of bodyRows()) expect(row.textContent!.toLowerCase()).toContain('brand 0');
  });

  it('keeps the name search in a form of its own that Enter does not submit', async () => {
    await openPage();
    fireEvent.change(search(), { target: { value: 'brand 011' } });
    const form = search().closest('form')!;
    // Chromium's autofill reads the whole form of a changed field: this one holds the name alone
    expect([...form.elements]).toEqual([search()]);
    // fireEvent answers false when a handler prevented the default (a submit would reload the page)
    expect(fireEvent.submit(form)).toBe(false);
    expect(found()).toBe('10 brands match');
  });

  it('hides INACTIVE brands until asked, then shows them greyed', async () => {
    await openPage();
    fireEvent.change(search(), { target: { value: 'jabong' } });
    expect(found()).toBe('0 brands match');
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'all' } });
    expect(found()).toBe('1 brand match');
    expect(bodyRows()[0]!.getAttribute('data-status')).toBe('INACTIVE');
    fireEvent.change(search(), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'inactive-only' } });
    expect(found()).toBe('24 brands match');
    for (const row of bodyRows()) expect(row.getAttribute('data-status')).toBe('INACTIVE');
  });

  it('filters by type and amount, sorts by discount, and marks a bound that does not read', async () => {
    await openPage();
    fireEvent.change(screen.getByLabelText('Denomination type'), { target: { value: 'FLEXIBLE' } });
    fireEvent.change(screen.getByLabelText('Amount from'), { target: { value: '₹2,000' } });
    for (const row of bodyRows()) expect(row.querySelector('.brands-table__cell--type')!.textContent).toBe('FLEXIBLE');
    fireEvent.change(screen.getByLabelText('Amount to'), { target: { value: '12.345' } });
    expect(screen.getByLabelText('Amount to').getAttribute('aria-invalid')).toBe('true');
    expect(useCatalog.getState().filters.amountToPaise).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: 'Discount' }));
    expect(screen.getByRole('columnheader', { name: /Discount/ }).getAttribute('aria-sort')).toBe('ascending');
    expect(bodyRows()[0]!.querySelector('.brands-table__cell--discount')!.textContent).toBe('0%');
    fireEvent.click(screen.getByRole('button', { name: /Discount/ }));
    expect(bodyRows()[0]!.querySelector('.brands-table__cell--discount')!.textContent).toBe('4%');
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(found()).toBe('1,176 brands');
    expect((screen.getByLabelText('Amount to') as HTMLInputElement).value).toBe('');
  });

  it('jumps to the last brand with End and back to the first with Home; a keystroke shows its matches from the top', async () => {
    await openPage();
    const listed = 1_200 - 1_200 / 50;
    const scroller = document.querySelector<HTMLElement>('.brands-table__scroll')!;
    const rowIndex = (element: Element | null) => element?.closest('[role=row]')?.getAttribute('aria-rowindex');
    bodyRows()[0]!.focus();
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    // The last row is rendered at its offset in the body (rows before it are not in the DOM) and takes focus.
    await waitFor(() => expect(rowIndex(document.activeElement)).toBe(String(listed + 1)));
    expect(scroller.scrollTop).toBeGreaterThan(0);
    expect(bodyRows().length).toBeLessThan(40);
    const body = scroller.querySelector<HTMLElement>('.virtual-table__body')!;
    const firstShown = Number(bodyRows()[0]!.getAttribute('aria-rowindex')) - 2;
    expect(body.style.paddingTop).toBe(`${firstShown * 32}px`);
    expect(body.style.height).toBe(`${listed * 32}px`);

    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    await waitFor(() => expect(rowIndex(document.activeElement)).toBe('2'));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    await waitFor(() => expect(rowIndex(document.activeElement)).toBe(String(listed + 1)));

    fireEvent.change(search(), { target: { value: 'cro' } });
    await waitFor(() => expect(scroller.scrollTop).toBe(0));
    expect(bodyRows()[0]!.getAttribute('aria-rowindex')).toBe('2');
    expect(bodyRows()[0]!.textContent).toContain('Croma');
    expect(body.style.paddingTop).toBe('0px');
  });

  it('opens a brand by keyboard, shows its rules in words, and orders it through the Orders page', async () => {
    await openPage();
    fireEvent.change(search(), { target: { value: 'croma' } });
    const row = bodyRows()[0]!;
    row.focus();
    fireEvent.keyDown(row, { key: 'Enter' });
    const panel = await screen.findByRole('complementary', { name: 'Brand detail' });
    await within(panel).findByRole('heading', { name: 'Croma', level: 2 });
    expect(within(panel).getByTestId('brand-restrictions').textContent).toContain('at most 5 vouchers per order');
    expect(panel.textContent).toContain('Not given by Hubble');
    expect(panel.textContent).toContain('valid from 2026-11-01, no end date given');
    await within(panel).findByRole('img', { name: 'Croma (no logo)' });

    fireEvent.click(within(panel).getByRole('button', { name: 'Order this brand' }));
    expect(useOrders.getState().panel).toMatchObject({
      kind: 'new',
      prefill: { productId: 'B00007', brandName: 'Croma' },
    });
    expect(useNavigation.getState().area).toBe('orders');

    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByRole('complementary', { name: 'Brand detail' })).toBeNull();
  });
});

describe('Catalog page: sync and what changed', () => {
  it('shows the sync progress from jobs.progress, cancels, and reloads the list when a sync ends', async () => {
    const fake = await openPage();
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    act(() =>
      fake.emit('jobs.progress', {
        job: 'catalog.sync',
        profileId: 'p',
        done: 300,
        total: 1200,
        message: null,
        state: 'running',
      }),
    );
    const bar = screen.getByRole('progressbar', { name: 'Catalog sync progress' });
    expect(bar.getAttribute('value')).toBe('300');
    expect(bar.getAttribute('max')).toBe('1200');
    expect(screen.getByText('300 of about 1,200 brands read')).toBeTruthy();
    // another profile's sync moves nothing here
    act(() =>
      fake.emit('jobs.progress', {
        job: 'catalog.sync',
        profileId: 'q',
        done: 900,
        total: 1200,
        message: null,
        state: 'running',
      }),
    );
    expect(bar.getAttribute('value')).toBe('300');

    fireEvent.click(screen.getByRole('button', { name: 'Cancel sync' }));
    await waitFor(() => expect(fake.invocations.map((call) => call.channel)).toContain('catalog.cancelSync'));
    const searchesBefore = fake.searches().length;
    await act(async () => fake.finishSync('done'));
    expect(await screen.findByRole('status', { name: 'Sync outcome' })).toBeTruthy();
    expect(screen.getByRole('status', { name: 'Sync outcome' }).textContent).toBe('Sync finished.');
    await waitFor(() => expect(fake.searches().length).toBe(searchesBefore + 4));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('flags a stale catalog and says how old it is', async () => {
    installCatalogHubble(brandRows(100), { lastSuccessAt: Date.now() - 30 * 3_600_000, stale: true });
    render(<CatalogPage label="Catalog" purpose="" />);
    const age = await screen.findByRole('status', { name: 'Catalog age' });
    await waitFor(() => expect(age.textContent).toBe('Synced 30 h ago' + 'Stale'));
  });

  it('lists the changes grouped with newly INACTIVE first, each opening its brand', async () => {
    await openPage();
    fireEvent.click(screen.getByRole('tab', { name: 'What changed' }));
    const view = screen.getByRole('tabpanel', { name: 'What changed' });
    await waitFor(() =>
      expect(within(view).getByRole('status', { name: 'Changes found' }).textContent).toMatch(/2 changes$/),
    );
    const headings = within(view)
      .getAllByRole('heading', { level: 2 })
      .map((heading) => heading.textContent);
    expect(headings).toEqual(['Became INACTIVE (orders fail with E102) (1)', 'Discount (1)']);
    fireEvent.click(within(view).getByRole('button', { name: 'Open Croma' }));
    const panel = await screen.findByRole('complementary', { name: 'Brand detail' });
    await within(panel).findByRole('heading', { name: 'Croma', level: 2 });
  });
});
