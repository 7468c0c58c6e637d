import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Profile } from '../../src/shared/contract/profiles.ts';
import { simulatorControl, type SimulatorControl } from '../../src/main/simulator/control/client.ts';
import { repoRoot, startHarness, type Harness } from '../fixtures/harness.ts';

/*
 * The console's front page end to end: the Simulator turns degraded, orders fail, the success-rate alert fires,
 * its toast leads to the Dashboard and from there to the failing calls; a rate-limit meter crosses its
 * threshold; the wallet trend shows a top-up. Screenshots for the README are taken on the way.
 */

test.describe.configure({ mode: 'serial' });

let harness: Harness;
let control: SimulatorControl;
let flexibleBrand: string;
let simulator: Profile;

const screenshot = (name: string) => path.join(repoRoot, 'docs/screenshots', `${name}.png`);
const ctx = { shell: 'browser-harness' } as never;

async function dispatch(channel: string, input: unknown) {
  const result = (await harness.core.router.dispatch(channel as never, input, ctx)) as {
    ok: boolean;
    value?: unknown;
    error?: { message: string };
  };
  return result;
}

const runJob = (name: string) => harness.core.kernel.jobs.runNow('simulator', name);

async function placeOrders(count: number) {
  for (let index = 0; index < count; index += 1)
    await dispatch('orders.place', { productId: flexibleBrand, amountPaise: 50_000 + index * 1_000 });
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Areas' });

test.beforeAll(async () => {
  harness = await startHarness();
  const sim = await harness.core.kernel.simulator.ensureStarted();
  control = simulatorControl(sim.baseUrl);
  flexibleBrand = (await control.fixtures()).flexible;
  const list = (await dispatch('profiles.list', undefined)).value as { profiles: Profile[] };
  simulator = list.profiles.find((profile) => profile.id === 'simulator')!;
  // The allocations Hubble would have given: 40 orders an hour (the meter under test) and ₹50 lakh a day.
  const updated = await dispatch('profiles.updateSimulator', {
    settings: {
      colour: simulator.colour,
      walletMinimum: 50_000,
      polling: simulator.polling,
      webhookReceiver: simulator.webhookReceiver,
      rateLimits: [
        { scope: 'partner', type: 'count', window: 'hourly', limit: 40 },
        { scope: 'partner', type: 'amount', window: 'daily', limit: 5_000_000 },
      ],
    },
  });
  expect(updated.ok).toBe(true);
});
test.afterAll(async () => harness.close());

test('degraded Simulator: the success rate falls, the alert fires, its toast explains it and drills into the failing calls', async ({
  page,
}) => {
  // 38 orders against a degraded Simulator (≈ 400 ms each, some retried)
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${harness.url}#/dashboard`);
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  const hourly = page.getByRole('meter', { name: /Partner · orders · this hour, IST/ });
  await expect(hourly).toHaveAttribute('aria-valuenow', '0');
  await expect(page.locator('.meter').first()).toHaveAttribute('data-level', 'ok');

  // The go-live default rule waits for 20 decided orders and 2 minutes: make it fire at the first evaluation.
  await nav(page).getByRole('button', { name: 'Alerts', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Alerts', level: 1 })).toBeVisible();
  const rules = page.getByRole('table', { name: 'Alert rules' });
  const successRule = rules.getByRole('row').filter({ hasText: 'decided orders' });
  const ruleName = (await successRule.getByRole('cell').nth(1).textContent())!;
  await successRule.getByRole('button', { name: /^Edit/ }).click();
  const editor = page.getByRole('form', { name: `Edit rule ${ruleName}` });
  await editor.getByLabel('At least').fill('10');
  await editor.getByLabel('Fires after the breach lasts').fill('0');
  await editor.getByRole('button', { name: 'Save rule' }).click();
  await expect(editor).toBeHidden();
  await expect(successRule).toContainText('at least 10 decided orders');

  // Degraded: 15 % FAILED at once, 10 % PROCESSING → FAILED, 5 % 503; three place-order 503s for certain.
  await control.scenario('degraded');
  await control.addFault({ path: '/v1/partners/orders', method: 'POST', kind: 'http-5xx', status: 503, times: 3 });
  await placeOrders(24);
  // A few failures for certain, so the rate is below 95 % whatever the mix drew.
  for (let index = 0; index < 4; index += 1)
    await control.nextOutcome({ clientId: simulator.clientId, outcome: 'FAILED' });
  await placeOrders(14);

  await runJob('metrics.rollup');
  await runJob('alerts.evaluate');
  const toast = page.locator('[data-toast="alerts.fired"]').filter({ hasText: ruleName });
  await expect(toast).toBeVisible();
  await expect(nav(page).getByTestId('alerts-firing-badge')).toBeVisible();
  const active = page.getByRole('listitem', { name: `${ruleName}: Firing` });
  await expect(active).toBeVisible();
  await expect(page.getByRole('table', { name: 'Alert history' })).toContainText('Fired');
  await page.screenshot({ path: screenshot('alerts') });

  await toast.getByRole('button', { name: 'Show why on the Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.getByRole('note', { name: 'Alert explained' })).toContainText(ruleName);
  const health = page.getByRole('region', { name: 'Health at a glance' });
  await expect(health.getByRole('group', { name: 'Order success rate' })).not.toContainText('—');

  // The rate-limit meter crossed the rate-limit alert's 80 %: 38 accepted-or-refused orders of 40 an hour.
  const meterValue = Number(await hourly.getAttribute('aria-valuenow'));
  expect(meterValue).toBeGreaterThanOrEqual(80);
  await expect(page.locator('.meter').first()).not.toHaveAttribute('data-level', 'ok');

  // Drill down: the top error row opens the Calls page filtered to those failing calls.
  const topErrors = page.getByRole('table', { name: 'Top errors' });
  const serverRow = topErrors
    .getByRole('row')
    .filter({ hasText: /server|E\d+/i })
    .first();
  const errorKey = (await serverRow.getByRole('cell').first().textContent())!.trim();
  await serverRow.getByRole('button', { name: /Open the calls/ }).click();
  await expect(page.getByRole('heading', { name: 'Calls', level: 1 })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Calls found' })).toHaveText(/^\d+ calls? match$/);
  await expect(page.getByRole('search', { name: 'Filter calls' }).getByLabel('Error')).toHaveValue(errorKey);
});

test('wallet: Sample now, a top-up on the Simulator shows as an annotation on the balance trend', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${harness.url}#/wallet`);
  await expect(page.getByRole('heading', { name: 'Wallet', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Sample now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Balance read' })).toBeVisible();
  await control.topUp(simulator.clientId, 250_000);
  await page.getByRole('button', { name: 'Sample now' }).click();
  // ₹2,50,000 less what the orders still settling from the degraded run debited meanwhile
  await expect(page.getByRole('list', { name: 'Detected top-ups' })).toContainText(/\+₹2,[45]\d,\d{3}/);
  const trend = page.getByRole('region', { name: 'Balance trend' });
  await expect(trend.locator('.recharts-surface').getByText(/▲ \+₹2\.[45] L/)).toBeVisible();
  await expect(page.getByRole('group', { name: 'Runway to the minimum' })).toBeVisible();
  await page.getByRole('button', { name: '15 m', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Refresh', exact: true })).toBeVisible();
  await expect(trend.locator('.recharts-surface').getByText(/▲ \+₹2\.[45] L/)).toBeVisible();
  await page.screenshot({ path: screenshot('wallet') });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
});

test('the Dashboard over the last 15 minutes, every panel with data, numbers behind each chart', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1400 });
  await page.goto(`${harness.url}#/dashboard`);
  // The first-start welcome sits above the panels until dismissed.
  await page.getByRole('note', { name: 'Welcome' }).getByRole('button', { name: 'Dismiss' }).click();
  await page.getByRole('button', { name: '15 m', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Order success rate' })).toBeVisible();
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Webhook delivery' })).toContainText('No webhook receiver runs');
  // The text alternative: a data table per chart, reachable by keyboard.
  const success = page.getByRole('region', { name: 'Order success rate' });
  await success.getByText('Numbers behind this chart').focus();
  await page.keyboard.press('Enter');
  await expect(success.getByRole('table')).toContainText('SUCCESS');
  await page.keyboard.press('Enter');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: screenshot('dashboard') });

  // A row of a panel's table drills into the Orders of that minute.
  await success.getByText('Numbers behind this chart').click();
  await success
    .getByRole('button', { name: /Open the orders/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: 'Orders', level: 1 })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Orders found' })).toHaveText(/match/);
});
