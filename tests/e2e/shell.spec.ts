import path from 'node:path';
import { expect, test } from '@playwright/test';
import { contract, events } from '../../src/shared/contract/index.ts';
import { repoRoot, startHarness, type Harness } from '../fixtures/harness.ts';

let harness: Harness;
test.beforeAll(async () => {
  harness = await startHarness();
});
test.afterAll(async () => harness.close());

const screenshot = (name: string) => path.join(repoRoot, 'docs/screenshots', `${name}.png`);

test('window.hubble exposes exactly the contract: one function per operation and `on`', async ({ page }) => {
  await page.goto(harness.url);
  const exposed = await page.evaluate(() => {
    const api = window.hubble as unknown as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(api).map((key) => [
        key,
        typeof api[key] === 'function' ? 'function' : Object.keys(api[key] as object).sort(),
      ]),
    );
  });
  const expected = Object.fromEntries(Object.entries(contract).map(([area, ops]) => [area, Object.keys(ops).sort()]));
  expect(exposed).toEqual({ ...expected, on: 'function' });
  expect(await page.evaluate(() => Object.isFrozen(window.hubble))).toBe(true);
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
  expect(Object.keys(events).length).toBeGreaterThan(0);
});

test('the CSP is served and blocks remote network, inline script and eval', async ({ page }) => {
  const response = await page.goto(harness.url);
  expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
  await expect(page.getByRole('navigation', { name: 'Areas' })).toBeVisible();

  const violations = await page.evaluate(async () => {
    const expected = ['connect-src', 'script-src-elem', 'script-src'];
    const seen: string[] = [];
    // Resolves once the browser has reported a violation for each attempt below (no fixed wait).
    const allReported = new Promise<void>((resolve) =>
      document.addEventListener('securitypolicyviolation', (event) => {
        seen.push(event.effectiveDirective);
        if (expected.every((directive) => seen.includes(directive))) resolve();
      }),
    );
    await globalThis.fetch('http://127.0.0.2:9/').catch(() => undefined);
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    document.body.append(script);
    // Playwright's own evaluate is exempt from the CSP, so eval is attempted from a page timer instead.
    (setTimeout as unknown as (code: string, ms: number) => void)('window.evalRan = true', 0);
    await allReported;
    const flags = window as unknown as { inlineRan?: boolean; evalRan?: boolean };
    return { seen, inlineRan: flags.inlineRan === true, evalRan: flags.evalRan === true };
  });
  expect(violations.inlineRan).toBe(false);
  expect(violations.evalRan).toBe(false);
  expect(violations.seen).toEqual(expect.arrayContaining(['connect-src', 'script-src-elem', 'script-src']));
});

test('the shell shows the Simulator profile, every area, and moves by keyboard', async ({ page }) => {
  await page.goto(harness.url);
  const banner = page.getByRole('banner');
  await expect(banner.getByLabel('Active profile')).toContainText('Simulator');
  await expect(banner.getByLabel('Active profile')).toContainText('Simulated');

  const nav = page.getByRole('navigation', { name: 'Areas' });
  for (const label of [
    'Dashboard',
    'Orders',
    'Catalog',
    'Wallet',
    'Calls',
    'Webhooks',
    'Alerts',
    'Profiles',
    'Go-Live',
  ]) {
    await expect(nav.getByRole('button', { name: label, exact: true })).toBeVisible();
  }
  // The start page: the Dashboard, with the first-start welcome above its health at a glance.
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.getByRole('note', { name: 'Welcome' })).toContainText('Simulator');
  await expect(page.getByRole('region', { name: 'Health at a glance' })).toBeVisible();
  await nav.getByText('Version').click();
  await expect(nav.getByLabel('About this console')).toContainText(harness.dataDir);
  await page.screenshot({ path: screenshot('shell-dashboard'), fullPage: true });

  await page.keyboard.press('Control+8');
  await expect(page.getByRole('heading', { name: 'Profiles', level: 1 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Profiles' })).toContainText('Simulator');
  expect(page.url()).toContain('#/profiles');

  await nav.getByRole('button', { name: 'Dashboard', exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Orders', level: 1 })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Orders found' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Profiles', level: 1 })).toBeVisible();
});

test('starts without a console error or a failed request, with its own icon', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  await page.goto(harness.url);
  await expect(page.getByRole('banner').getByLabel('Active profile')).toContainText('Simulator');
  await expect(page.getByRole('navigation', { name: 'Areas' }).getByText('Version')).toBeVisible();

  const icon = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href ?? null);
  expect(icon).not.toBeNull();
  const served = await page.request.get(icon!);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toBe('image/svg+xml');
  expect(await served.text()).toContain('<svg');
  expect(problems).toEqual([]);
});

test('follows the OS colour scheme', async ({ browser }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ colorScheme });
    await page.goto(harness.url);
    await expect(page.getByRole('navigation', { name: 'Areas' })).toBeVisible();
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).toBe(colorScheme === 'dark' ? 'rgb(15, 17, 21)' : 'rgb(255, 255, 255)');
    if (colorScheme === 'dark') await page.screenshot({ path: screenshot('shell-dark') });
    await page.close();
  }
});
