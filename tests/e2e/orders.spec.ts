import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { simulatorControl, type SimulatorControl } from '../../src/main/simulator/control/client.ts';
import { repoRoot, startHarness, type Harness } from '../fixtures/harness.ts';

let harness: Harness;
let control: SimulatorControl;
let brands: { fixed: string; flexible: string };

test.beforeAll(async () => {
  harness = await startHarness();
  const simulator = await harness.core.kernel.simulator.ensureStarted();
  control = simulatorControl(simulator.baseUrl);
  brands = await control.fixtures();
});
test.afterAll(async () => harness.close());

const screenshot = (name: string) => path.join(repoRoot, 'docs/screenshots', `${name}.png`);

async function openOrders(page: Page) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${harness.url}#/orders`);
  await expect(page.getByRole('heading', { name: 'Orders', level: 1 })).toBeVisible();
}

const newOrder = (page: Page) => page.getByRole('complementary', { name: 'New order' });
const detail = (page: Page) => page.getByRole('complementary', { name: 'Order detail' });

async function startOrder(page: Page, productId: string) {
  await page.getByRole('button', { name: 'New order', exact: true }).click();
  await newOrder(page).getByLabel('Brand product ID').fill(productId);
}

test('a validation error is shown before sending, then an order is placed and seen SUCCESS, with its calls', async ({
  page,
}) => {
  await openOrders(page);
  await expect(page.getByRole('status', { name: 'Orders found' })).toHaveText('0 orders');
  const before = (await control.stats()).orders;

  await startOrder(page, brands.fixed);
  const form = newOrder(page);
  // Croma sells ₹500, ₹1,000, ₹2,000 and ₹5,000 cards: ₹600 is refused with Hubble's E150, before anything is sent.
  await form.getByRole('radio', { name: 'Denominations × quantities' }).check();
  await form.getByLabel('Line 1 Denomination (₹)').fill('600');
  const problems = form.getByRole('alert', { name: 'Problems with this order' });
  await expect(problems).toContainText('E150');
  await expect(problems).toContainText('not one of');
  await expect(form.getByRole('button', { name: /^Place order/ })).toBeDisabled();

  // An amount instead: the FIXED brand gets a proposed split.
  await form.getByRole('radio', { name: /An amount/ }).check();
  await form.getByLabel('Name').fill('Asha Rao');
  await form.getByLabel('Phone').fill('9876543210');
  await form.getByLabel('Amount (₹)').fill('6,000');
  await expect(form.getByTestId('order-would-send')).toHaveText('Will send: 1 × ₹5,000 + 1 × ₹1,000 = ₹6,000');
  await expect(form.getByText('Brand type: FIXED')).toBeVisible();
  await page.screenshot({ path: screenshot('orders-new') });
  expect((await control.stats()).orders).toBe(before);

  await form.getByRole('button', { name: 'Place order for ₹6,000' }).click();
  const order = detail(page);
  await expect(order.getByRole('status')).toContainText('SUCCESS');
  await expect(order).toContainText('1 × ₹5,000, 1 × ₹1,000');
  await expect(order).toContainText('2 vouchers');
  await expect(order).toContainText('98******10');
  await expect(order).not.toContainText('9876543210');
  await expect(order.getByRole('list', { name: 'Status timeline' })).toContainText('SUCCESS');
  await expect(page.getByRole('status', { name: 'Orders found' })).toHaveText('1 order');
  expect((await control.stats()).orders).toBe(before + 1);

  // Cards: fetched from Hubble only on request (audited), masked, and gone again on "Hide now".
  await order.getByRole('button', { name: 'Reveal cards (audited)' }).click();
  const cards = order.getByRole('list', { name: 'Revealed cards' });
  await expect(cards.getByLabel('Card number')).toHaveText([/^•••• •••• •••• \d{4}$/, /^•••• •••• •••• \d{4}$/]);
  await expect(cards.getByLabel('PIN').first()).toHaveText(/^•+$/);
  expect(harness.core.kernel.audit.all().map((entry) => entry.action)).toContain('orders.vouchers-revealed');
  await cards.getByRole('button', { name: 'Show card number' }).first().click();
  await expect(cards.getByLabel('Card number').first()).toHaveText(/^\d{16}$/);
  await order.getByRole('button', { name: 'Hide now' }).click();
  await expect(cards).toHaveCount(0);

  // Its X-REQUEST-ID opens the Calls page filtered to that call.
  const call = order.getByRole('list', { name: 'Calls behind it' }).getByRole('button').first();
  const requestId = (await call.textContent())!;
  await call.click();
  await expect(page.getByRole('heading', { name: 'Calls', level: 1 })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Calls found' })).toHaveText('1 call match');
  await expect(page.getByRole('complementary', { name: 'Call detail' }).getByTestId('detail-request-id')).toHaveText(
    requestId,
  );
});

test('a PROCESSING order is shown as such and settles on the page without a reload', async ({ page }) => {
  await openOrders(page);
  await control.nextOutcome({ outcome: 'PROCESSING_THEN_SUCCESS', settleAfterSecs: 3600 });
  await startOrder(page, brands.flexible);
  await newOrder(page).getByLabel('Amount (₹)').fill('1250.50');
  await expect(newOrder(page).getByText('Brand type: FLEXIBLE')).toBeVisible();
  await newOrder(page).getByRole('button', { name: 'Place order for ₹1,250.50' }).click();

  const order = detail(page);
  await expect(order.getByTestId('order-status')).toHaveText('PROCESSING');
  const orderId = (await order.getByTestId('order-id').textContent())!;
  expect((await control.order(orderId)).status).toBe('PROCESSING');

  await control.settle(orderId, 'SUCCESS');
  // Main's watcher polls it (first after 10 s); the open detail re-reads what it wrote, with no reload.
  await expect(order.getByTestId('order-status')).toHaveText('SUCCESS', { timeout: 30_000 });
  await expect(order.getByRole('list', { name: 'Status timeline' })).toContainText('PROCESSING');
  const row = page.getByRole('table', { name: 'Orders' }).getByRole('row', { selected: true });
  await expect(row).toContainText('SUCCESS');
  await expect(row).toContainText('₹1,250.50');
});

test('a FAILED order shows Hubble’s reason and is retried with a new, linked referenceId', async ({ page }) => {
  await openOrders(page);
  await control.nextOutcome({ outcome: 'FAILED', failureReason: 'Provider declined the voucher' });
  await startOrder(page, brands.flexible);
  await newOrder(page).getByLabel('Amount (₹)').fill('500');
  await newOrder(page).getByRole('button', { name: 'Place order for ₹500' }).click();

  const order = detail(page);
  await expect(order.getByTestId('order-status')).toHaveText('FAILED');
  await expect(order.getByRole('note', { name: 'Why it failed' })).toContainText('Provider declined the voucher');
  const original = (await order.getByTestId('order-reference-id').textContent())!;

  await order.getByRole('button', { name: 'Retry with a new referenceId' }).click();
  await expect(order.getByTestId('order-status')).toHaveText('SUCCESS');
  await expect(order.getByTestId('order-reference-id')).not.toHaveText(original);
  await expect(order.getByRole('button', { name: original })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(detail(page)).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Orders found' })).toHaveText('4 orders');
  await page.screenshot({ path: screenshot('orders-list') });

  await page.getByRole('table', { name: 'Orders' }).getByRole('row').nth(1).click();
  await expect(detail(page).getByTestId('order-status')).toHaveText('SUCCESS');
  await page.screenshot({ path: screenshot('orders-detail') });
});

test('an orderId pasted into the palette opens the order', async ({ page }) => {
  await openOrders(page);
  await expect(page.getByRole('status', { name: 'Orders found' })).toHaveText('4 orders');
  await page.getByRole('table', { name: 'Orders' }).getByRole('row').nth(2).click();
  const orderId = (await detail(page).getByTestId('order-id').textContent())!;
  await page.keyboard.press('Escape');
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Dashboard', exact: true }).click();

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Go to anything' });
  await palette.getByRole('combobox').fill(orderId);
  await expect(palette.getByRole('option', { name: new RegExp(`Open order ${orderId}`) })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Orders', level: 1 })).toBeVisible();
  await expect(detail(page).getByTestId('order-id')).toHaveText(orderId);
});

test('a batch of 50 rows with two bad ones: the dry run shows them, the run shows progress, the result downloads', async ({
  page,
}) => {
  await openOrders(page);
  const lines = ['brand,amount,name,phone,reference'];
  for (let row = 1; row <= 50; row += 1) {
    const brand = row === 7 ? 'No Such Brand Ltd' : brands.flexible;
    const amount = row === 31 ? '100' : String(250 + row);
    lines.push(`${brand},${amount},Customer ${row},98765${String(row).padStart(5, '0')},DIWALI-${row}`);
  }
  await page.getByRole('tab', { name: 'Batches' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Batches' });
  await panel.getByText('…or paste the CSV').click();
  await panel.getByLabel('CSV text').fill(lines.join('\n'));
  await panel.getByLabel('Batch name (optional)').fill('Diwali rewards');
  await panel.getByRole('button', { name: 'Check rows (dry run)' }).click();

  const batch = panel.getByRole('region', { name: 'Batch Diwali rewards' });
  await expect(batch.getByTestId('batch-totals')).toContainText('50 rows: 48 valid, 2 refused');
  const refused = batch.getByRole('table', { name: 'Refused rows' });
  await expect(refused.getByRole('row')).toHaveCount(3);
  await expect(refused.getByRole('row').nth(1)).toHaveText(/^8No Such Brand Ltd/);
  await expect(refused.getByRole('row').nth(2)).toHaveText(/^32Zomato₹100E155/);
  await page.screenshot({ path: screenshot('orders-batch-dry-run') });

  await batch.getByRole('button', { name: /^Run batch: 48 orders/ }).click();
  await expect(batch.getByTestId('batch-counts')).toContainText('48 of 48 sent', { timeout: 30_000 });
  await expect(batch.getByRole('progressbar', { name: 'Batch progress' })).toHaveAttribute('value', '48');
  await expect(batch.getByText('Done', { exact: true })).toBeVisible();

  const download = page.waitForEvent('download');
  await batch.getByRole('button', { name: 'Download result CSV' }).click();
  const file = await download;
  const csv = await (await file.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString('utf8');
  expect(text).toContain('DIWALI-1');
  expect(text).not.toMatch(/\b\d{16}\b/);
});
