import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { simulatorControl, type SimulatorControl } from '../../src/main/simulator/control/client.ts';
import { repoRoot, startHarness, type Harness } from '../fixtures/harness.ts';

let harness: Harness;
let control: SimulatorControl;
let fixtures: Awaited<ReturnType<SimulatorControl['fixtures']>>;

test.beforeAll(async () => {
  harness = await startHarness();
  const simulator = await harness.core.kernel.simulator.ensureStarted();
  control = simulatorControl(simulator.baseUrl);
  fixtures = await control.fixtures();
});
test.afterAll(async () => harness.close());

const screenshot = (name: string) => path.join(repoRoot, 'docs/screenshots', `${name}.png`);
const found = (page: Page) => page.getByRole('status', { name: 'Brands found' });
const detail = (page: Page) => page.getByRole('complementary', { name: 'Brand detail' });
const brands = (page: Page) => page.getByRole('table', { name: 'Brands' });
const search = (page: Page) => page.getByLabel('Search brands by name');

async function openCatalog(page: Page) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${harness.url}#/catalog`);
  await expect(page.getByRole('heading', { name: 'Catalog', level: 1 })).toBeVisible();
}

async function syncNow(page: Page) {
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('status', { name: 'Sync outcome' })).toHaveText('Sync finished.', { timeout: 30_000 });
}

/** The number in "N brands" / "N brands match". */
async function brandCount(page: Page): Promise<number> {
  const text = (await found(page).textContent()) ?? '';
  return Number(/^([\d,]+) brand/.exec(text)?.[1]?.replaceAll(',', '') ?? NaN);
}

test('sync with progress, search as you type, filters, INACTIVE hidden then shown greyed, brand detail', async ({
  page,
}) => {
  await openCatalog(page);
  // A catalog that never synced syncs as soon as its profile opens (docs/catalog.md, "Schedule").
  await expect(page.getByRole('status', { name: 'Catalog age' })).toHaveText(/^Synced \d+ s ago$/, {
    timeout: 30_000,
  });

  // Slow pages, so the bar is seen moving: 201 brands arrive in three pages of 100.
  await control.latency({ fixedMs: 700 });
  await page.getByRole('button', { name: 'Sync now' }).click();
  const bar = page.getByRole('progressbar', { name: 'Catalog sync progress' });
  await expect(bar).toBeVisible();
  await expect(page.getByText(/^\d+ brands read$|of about/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel sync' })).toBeVisible();
  await page.screenshot({ path: screenshot('catalog-sync-progress') });
  await expect(page.getByRole('status', { name: 'Sync outcome' })).toHaveText('Sync finished.', { timeout: 30_000 });
  await control.latency({ fixedMs: 0 });
  await expect(bar).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Catalog age' })).toHaveText(/^Synced \d+ s ago$/);

  // INACTIVE brands are hidden by default: the list counts every other brand.
  const status = await harness.core.router.dispatch('catalog.status', {}, { shell: 'browser-harness' } as never);
  const { brands: total, inactive } = (status as { ok: true; value: { brands: number; inactive: number } }).value;
  expect(inactive).toBeGreaterThan(0);
  await expect(found(page)).toHaveText(`${total - inactive} brands`);
  await page.screenshot({ path: screenshot('catalog-brands') });

  // Search as you type: each keystroke narrows the list.
  await search(page).pressSequentially('crom');
  await expect(found(page)).toHaveText('1 brand match');
  await expect(brands(page).getByRole('row').nth(1)).toContainText('Croma');

  // Jabong is INACTIVE: not found until INACTIVE brands are asked for, then shown greyed.
  await search(page).fill('jabong');
  await expect(found(page)).toHaveText('0 brands match');
  await page.getByLabel('Status').selectOption({ label: 'All, INACTIVE greyed' });
  await expect(found(page)).toHaveText('1 brand match');
  const jabong = brands(page).getByRole('row').nth(1);
  await expect(jabong).toContainText('Jabong');
  await expect(jabong).toHaveAttribute('data-status', 'INACTIVE');
  expect(Number(await jabong.evaluate((row) => getComputedStyle(row).opacity))).toBeLessThan(1);
  await search(page).fill('');
  await expect(found(page)).toHaveText(`${total} brands match`);
  await page.getByLabel('Status').selectOption({ label: 'Only INACTIVE' });
  await expect(found(page)).toHaveText(`${inactive} ${inactive === 1 ? 'brand' : 'brands'} match`);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(found(page)).toHaveText(`${total - inactive} brands`);

  // Filters: FIXED brands that issue a ₹5,000 voucher, then a discount range.
  await page.getByLabel('Denomination type').selectOption('FIXED');
  await page.getByLabel('Amount from').fill('5000');
  await page.getByLabel('Amount to').fill('5,000');
  const fixedAt5000 = await brandCount(page);
  expect(fixedAt5000).toBeGreaterThan(0);
  expect(fixedAt5000).toBeLessThan(total - inactive);
  for (const cell of await brands(page).locator('[role="cell"].brands-table__cell--type').all())
    await expect(cell).toHaveText('FIXED');
  for (const cell of await brands(page).locator('[role="cell"].brands-table__cell--faceValues').all())
    await expect(cell).toContainText('₹5,000');
  await page.getByLabel('Discount from').fill('4');
  expect(await brandCount(page)).toBeLessThanOrEqual(fixedAt5000);
  await search(page).fill('croma');
  await expect(found(page)).toHaveText('1 brand match');
  await page.screenshot({ path: screenshot('catalog-filters') });

  // Keyboard: the row takes focus, Enter opens the detail, Esc closes it.
  const croma = brands(page).getByRole('row').nth(1);
  await croma.focus();
  await page.keyboard.press('Enter');
  const panel = detail(page);
  await expect(panel.getByRole('heading', { name: 'Croma', level: 2 })).toBeVisible();
  await expect(panel.getByTestId('brand-restrictions')).toContainText('at most 5 vouchers per order');
  await expect(panel.getByTestId('brand-restrictions')).toContainText('order total ₹500–₹20,000');
  await expect(panel).toContainText('FIXED: ₹500, ₹1,000, ₹2,000, ₹5,000');
  await expect(panel).toContainText('Retail modes');
  await expect(panel.getByRole('img', { name: /Croma/ })).toBeVisible();
  await page.screenshot({ path: screenshot('catalog-detail') });
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  expect(fixtures.fixed).toBeTruthy();
});

test('what changed after a control-API change: newly INACTIVE first, each linked to its brand', async ({ page }) => {
  await openCatalog(page);
  await syncNow(page);
  // Through the simulator's control API: one brand turns INACTIVE, Zomato's discount changes.
  await search(page).fill('amazon');
  const amazonRow = brands(page).getByRole('row').nth(1);
  await expect(amazonRow).toBeVisible();
  const amazonName = (await amazonRow.locator('.brands-table__cell--name').textContent())!;
  await amazonRow.click();
  const amazonId = (await detail(page).locator('dt:text-is("Product ID") + dd').textContent())!;
  await page.keyboard.press('Escape');
  await control.changeBrand(amazonId, { status: 'INACTIVE' });
  await control.changeBrand(fixtures.flexible, { discountPercentage: 7.5 });

  await syncNow(page);
  await page.getByRole('tab', { name: 'What changed' }).click();
  const view = page.getByRole('tabpanel', { name: 'What changed' });
  await expect(view.getByRole('status', { name: 'Changes found' })).toContainText('2 changes');
  const groups = view.getByRole('heading', { level: 2 });
  await expect(groups.first()).toHaveText('Became INACTIVE (orders fail with E102) (1)');
  await expect(view.getByRole('list', { name: /^Became INACTIVE/ })).toContainText('ACTIVE → INACTIVE');
  await expect(view.getByRole('list', { name: /^Discount/ })).toContainText('Zomato');
  await page.screenshot({ path: screenshot('catalog-changes') });

  await view.getByRole('button', { name: `Open ${amazonName}` }).click();
  const panel = detail(page);
  await expect(panel.getByRole('heading', { name: amazonName, level: 2 })).toBeVisible();
  await expect(panel.getByRole('list', { name: 'Change history' })).toContainText('ACTIVE → INACTIVE');
  await expect(panel.getByRole('button', { name: 'Order this brand' })).toBeDisabled();
  await control.changeBrand(amazonId, { status: 'ACTIVE' });
});

test('a sync can be cancelled and leaves the catalog as it was', async ({ page }) => {
  await openCatalog(page);
  await expect(found(page)).toHaveText(/^[1-9][\d,]* brands$/);
  const before = await brandCount(page);
  await control.latency({ fixedMs: 1500 });
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByRole('button', { name: 'Cancel sync' }).click();
  await expect(page.getByRole('status', { name: 'Sync outcome' })).toHaveText(/^Sync cancelled/, { timeout: 30_000 });
  await control.latency({ fixedMs: 0 });
  expect(await brandCount(page)).toBe(before);
});

test('order from the catalog: the new-order form opens with the brand', async ({ page }) => {
  await openCatalog(page);
  await search(page).fill('croma');
  await brands(page).getByRole('row').nth(1).click();
  await detail(page).getByRole('button', { name: 'Order this brand' }).click();
  await expect(page.getByRole('heading', { name: 'Orders', level: 1 })).toBeVisible();
  const form = page.getByRole('complementary', { name: 'New order' });
  await expect(form.getByLabel('Brand product ID')).toHaveValue(fixtures.fixed);
  await expect(form).toContainText('Croma');
});
