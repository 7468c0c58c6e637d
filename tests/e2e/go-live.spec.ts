import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createConsoleCore, type ConsoleCore } from '../../src/main/app/console-core.ts';
import { startBridgeServer, type BridgeServer } from '../../src/main/harness/bridge-server.ts';
import { createMemoryVault } from '../../src/main/kernel/vault/memory-vault.ts';
import { simulatorControl, type SimulatorControl } from '../../src/main/simulator/control/client.ts';
import { DEMO_CLIENTS, startSimulator, type RunningSimulator } from '../../src/main/simulator/index.ts';
import { defaultProfileSettings, type Profile, type ProfileSettings } from '../../src/shared/contract/profiles.ts';
import { confirmedInput } from '../fixtures/confirm.ts';
import { browserRendererDir, repoRoot } from '../fixtures/harness.ts';

/*
 * The Go-Live page in Chromium through the browser harness, with the staging and production profiles pointed at
 * the simulator's two environment listeners (its whitelisting switch gives the 403). Marker secrets prove the
 * exported Markdown and the printed report hold none.
 */
const ctx = { shell: 'browser-harness' } as const;
const STAGING_SECRET_MARKER = `CANARY-STAGING-${randomUUID()}`;
const WEBHOOK_SECRET_MARKER = `CANARY-WEBHOOK-${randomUUID()}`;
const SECRETS = [STAGING_SECRET_MARKER, WEBHOOK_SECRET_MARKER, DEMO_CLIENTS.production.clientSecret];

let sim: RunningSimulator;
let control: SimulatorControl;
let core: ConsoleCore;
let server: BridgeServer;
let dataDir: string;
let production: Profile;

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const result = await core.router.dispatch(channel, await confirmedInput(core.router, channel, input), ctx);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

const create = (settings: Partial<ProfileSettings> & Pick<ProfileSettings, 'environment' | 'name' | 'clientId'>) =>
  call<Profile>('profiles.create', {
    settings: { ...defaultProfileSettings(settings.environment, settings.name), ...settings },
  });

test.beforeAll(async () => {
  sim = await startSimulator({ seed: 5 });
  control = simulatorControl(sim.baseUrl);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubble-go-live-'));
  core = createConsoleCore({
    dataDir,
    shell: 'browser-harness',
    version: '0.0.0-test',
    vault: createMemoryVault(),
    environmentBaseUrls: sim.environmentUrls,
  });
  await core.start();
  server = await startBridgeServer({ core, staticDir: browserRendererDir });

  const staging = await create({ environment: 'staging', name: 'Acme Staging', clientId: 'acme-staging' });
  await call('profiles.setSecret', { profileId: staging.id, kind: 'clientSecret', value: STAGING_SECRET_MARKER });
  production = await create({
    environment: 'production',
    name: 'Acme Production',
    clientId: DEMO_CLIENTS.production.clientId,
    walletMinimum: 2_00_000,
    rateLimits: [{ scope: 'partner', type: 'amount', window: 'daily', limit: 5_00_000 }],
  });
  await call('profiles.setSecret', {
    profileId: production.id,
    kind: 'clientSecret',
    value: DEMO_CLIENTS.production.clientSecret,
  });
  await call('profiles.setSecret', { profileId: production.id, kind: 'webhookSecret', value: WEBHOOK_SECRET_MARKER });
});
test.afterAll(async () => {
  await server?.close();
  await core?.stop();
  await sim?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const screenshot = (name: string) => path.join(repoRoot, 'docs/screenshots', `${name}.png`);
const item = (page: Page, title: string | RegExp) => page.locator('li.go-live-item').filter({ hasText: title });

function expectNoSecret(text: string) {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

test('runs the checklist on production: a 403 with what to send Hubble, then a fix, a confirmation, a comparison and the reports', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`${server.url}#/go-live`);
  await expect(page.getByRole('heading', { name: 'Go-Live', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Check')).toHaveValue(production.id);
  await expect(page.getByLabel('Compare with (staging)')).toContainText('Acme Staging');

  // This machine is not whitelisted on production: Hubble answers 403 Invalid Access.
  await control.patchClient(DEMO_CLIENTS.production.clientId, { whitelisted: false });
  await page.getByRole('button', { name: 'Run the checklist' }).click();
  const ip = item(page, 'A call from this machine is not refused with 403');
  await expect(ip.getByText('Failed')).toBeVisible();
  await expect(ip).toContainText('not whitelisted for production');
  await expect(ip).toContainText('X-REQUEST-ID');
  await ip.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshot('go-live-403') });

  // Whitelisted again: login and the production call pass; what only the operator knows waits for them.
  await control.patchClient(DEMO_CLIENTS.production.clientId, { whitelisted: true });
  await page.getByRole('button', { name: 'Run the checklist' }).click();
  await expect(page.getByRole('button', { name: 'Run #2' })).toBeVisible();
  await expect(item(page, 'Login works with these credentials').getByText('Passed')).toBeVisible();
  await expect(item(page, 'A call from this machine is not refused with 403').getByText('Passed')).toBeVisible();
  await expect(item(page, 'Wallet balance above the minimum').getByText('Passed')).toBeVisible();
  const topUp = item(page, 'A process for wallet top-ups exists');
  await expect(topUp.getByText('Needs you')).toBeVisible();
  await topUp.getByLabel('Note (optional)').fill('Finance tops up the same day');
  await topUp.getByRole('button', { name: 'I confirm this' }).click();
  await expect(topUp.getByText('Passed')).toBeVisible();
  await expect(topUp).toContainText('Confirmed by');
  await page.locator('.go-live-verdict').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshot('go-live-checklist') });

  // What changed between the refused run and this one.
  await page.getByRole('button', { name: 'Compare' }).click();
  const comparison = page.locator('.go-live-comparison');
  await expect(comparison.getByRole('heading', { name: 'What changed from run #1 to run #2' })).toBeVisible();
  await expect(comparison).toContainText('A call from this machine is not refused with 403');
  await comparison.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshot('go-live-compare') });

  // Markdown, built by main: the run's evidence and no secret.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export Markdown' }).click(),
  ]);
  const markdown = fs.readFileSync((await download.path())!, 'utf8');
  expect(download.suggestedFilename()).toMatch(/^go-live-Acme-Production-run-2-.*\.md$/);
  expect(markdown).toContain('# Go-Live checklist: Acme Production');
  expect(markdown).toContain('**PASSED**: Login works with these credentials');
  expectNoSecret(markdown);

  // PDF: outside Electron main cannot print, so the report view opens and the browser prints it.
  await page.getByRole('button', { name: 'Export PDF' }).click();
  const report = page.getByRole('article');
  await expect(report.getByRole('heading', { name: 'Go-Live checklist: Acme Production' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('print it to PDF with the browser');
  await page.screenshot({ path: screenshot('go-live-report'), fullPage: false });
  expectNoSecret((await report.textContent()) ?? '');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  await page.emulateMedia({ media: 'screen' });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(2_000);
  await page.getByRole('button', { name: 'Back to the checklist' }).click();
  await expect(page.getByRole('button', { name: 'Run the checklist' })).toBeVisible();
});
