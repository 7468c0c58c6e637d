import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createConsoleCore, type ConsoleCore } from '../../src/main/app/console-core.ts';
import { startBridgeServer, type BridgeServer } from '../../src/main/harness/bridge-server.ts';
import { DEMO_CLIENTS, startSimulator, type RunningSimulator } from '../../src/main/simulator/index.ts';
import { browserRendererDir, repoRoot } from '../fixtures/harness.ts';

// The console as `npm run dev:browser` serves it, with its real keytar vault (run inside
// scripts/with-keyring.sh), and its staging/production profiles pointed at a local simulator.
const MARKER = `E2E-CANARY-${crypto.randomBytes(6).toString('hex')}`;
let sim: RunningSimulator;
let core: ConsoleCore;
let server: BridgeServer;
let dataDir: string;

test.beforeAll(async () => {
  sim = await startSimulator();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubble-profiles-e2e-'));
  core = createConsoleCore({
    dataDir,
    shell: 'browser-harness',
    version: '0.0.0-test',
    environmentBaseUrls: sim.environmentUrls,
  });
  await core.start();
  server = await startBridgeServer({ core, staticDir: browserRendererDir });
});
test.afterAll(async () => {
  await server.close();
  await core.stop();
  await sim.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test.use({ viewport: { width: 1280, height: 1200 } });

const screenshot = (name: string) => path.join(repoRoot, 'docs/screenshots', `${name}.png`);

async function createProfile(page: Page, environment: 'Staging' | 'Production', name: string, clientId: string) {
  await page.getByRole('button', { name: 'New profile' }).click();
  const form = page.getByRole('form', { name: 'New profile' });
  await form.getByRole('radio', { name: environment }).check();
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('clientId').fill(clientId);
  await form.getByRole('button', { name: 'Create profile' }).click();
  await expect(form).toHaveCount(0);
  // A new profile opens on its secrets and connection test.
  await expect(page.getByRole('listitem', { name }).getByRole('button', { name: 'Hide details' })).toBeVisible();
}

async function setSecret(page: Page, profileName: string, kind: 'Client secret' | 'Webhook secret', value: string) {
  const item = page.getByRole('listitem', { name: profileName });
  const form = item.getByRole('form', { name: kind });
  await form.locator('input[type="password"]').fill(value);
  await form.getByRole('button', { name: /Save|Replace/ }).click();
  if (profileName.endsWith('Production')) {
    // A production secret decides which account real orders spend from: the typed-name confirmation first.
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/Type the profile name/).fill(profileName);
    await dialog.getByRole('button', { name: 'Confirm on production' }).click();
    await expect(dialog).toHaveCount(0);
  }
  await expect(
    form.getByTestId(kind === 'Client secret' ? 'clientSecret-status' : 'webhookSecret-status'),
  ).toContainText('Set');
  await expect(form.locator('input[type="password"]')).toHaveValue('');
}

async function testConnection(page: Page, profileName: string) {
  const item = page.getByRole('listitem', { name: profileName });
  await item.getByRole('button', { name: 'Test connection' }).click();
  const result = item.getByLabel('Connection test result');
  await expect(result).toBeVisible();
  return result;
}

async function expectNoMarkerOnPage(page: Page) {
  expect(await page.evaluate(() => document.body.innerText)).not.toContain(MARKER);
  expect(await page.content()).not.toContain(MARKER);
}

test('staging and production profiles: secrets in the keychain, switching, the red production frame, connection tests, guarded delete', async ({
  page,
}) => {
  await page.goto(server.url);
  const welcome = page.getByRole('note', { name: 'Welcome' });
  await expect(welcome).toContainText('Simulator');
  await expect(welcome).toContainText('create a Staging profile');
  await page.screenshot({ path: screenshot('profiles-welcome') });
  await welcome.getByRole('button', { name: 'Add a profile' }).click();
  await expect(page.getByRole('heading', { name: 'Profiles', level: 1 })).toBeVisible();

  await createProfile(page, 'Staging', 'Acme Staging', DEMO_CLIENTS.staging.clientId);
  await setSecret(page, 'Acme Staging', 'Client secret', DEMO_CLIENTS.staging.clientSecret);
  await setSecret(page, 'Acme Staging', 'Webhook secret', MARKER);
  const stagingResult = await testConnection(page, 'Acme Staging');
  await expect(stagingResult).toContainText('Connected to Hubble staging');
  await expect(stagingResult.locator('tbody tr')).toHaveCount(3);
  await expect(stagingResult.locator('tbody tr td.mono').first()).toHaveText(/^[0-9a-f-]{36}$/);
  await page
    .getByRole('listitem', { name: 'Acme Staging' })
    .screenshot({ path: screenshot('profiles-staging-connected') });
  await page.getByRole('listitem', { name: 'Acme Staging' }).getByRole('button', { name: 'Hide details' }).click();

  await createProfile(page, 'Production', 'Acme Production', DEMO_CLIENTS.production.clientId);
  // First the staging secret by mistake: production says 401, and the console says why.
  await setSecret(page, 'Acme Production', 'Client secret', MARKER);
  await expect(await testConnection(page, 'Acme Production')).toContainText('staging keys do not work on production');
  await page
    .getByRole('listitem', { name: 'Acme Production' })
    .screenshot({ path: screenshot('profiles-connection-401') });
  await setSecret(page, 'Acme Production', 'Client secret', DEMO_CLIENTS.production.clientSecret);
  expect(
    await core.kernel.credentials
      .connectionFor(core.kernel.profiles.all().find((profile) => profile.name === 'Acme Production')!.id)
      .clientSecret(),
  ).toBe(DEMO_CLIENTS.production.clientSecret);

  const switcher = page.getByRole('banner').getByLabel('Switch profile');
  await switcher.selectOption({ label: 'Acme Production (PRODUCTION)' });
  await expect(page.getByRole('banner').getByLabel('Production warning')).toHaveText(
    'PRODUCTION · real money · Acme Production',
  );
  await expect(page.getByRole('banner').getByLabel('Active profile')).toContainText('Acme Production');
  const frame = await page.evaluate(() => {
    const shell = document.querySelector('.app-shell')!;
    const after = getComputedStyle(shell, '::after');
    return {
      production: shell.classList.contains('env-production'),
      border: after.borderTopWidth,
      colour: after.borderTopColor,
      position: after.position,
    };
  });
  expect(frame).toEqual({ production: true, border: '6px', colour: 'rgb(220, 38, 38)', position: 'fixed' });
  await page.screenshot({ path: screenshot('profiles-production-frame'), fullPage: true });

  await fetch(new URL(`/__sim/clients/${DEMO_CLIENTS.production.clientId}`, sim.baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ whitelisted: false }),
  });
  const forbidden = await testConnection(page, 'Acme Production');
  await expect(forbidden).toContainText('not whitelisted for this environment');
  await expect(forbidden).toContainText('integration portal');
  await expect(forbidden.getByRole('list', { name: 'Network addresses' })).toBeAttached();
  await page
    .getByRole('listitem', { name: 'Acme Production' })
    .screenshot({ path: screenshot('profiles-connection-403') });

  await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Dashboard', exact: true }).click();
  await expect(page.getByRole('banner').getByLabel('Production warning')).toBeVisible();
  await expectNoMarkerOnPage(page);
  await switcher.selectOption({ label: 'Acme Staging (staging)' });
  await expect(page.getByRole('banner').getByLabel('Production warning')).toHaveCount(0);
  expect(await page.evaluate(() => document.querySelector('.app-shell')!.classList.contains('env-production'))).toBe(
    false,
  );

  await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Profiles', exact: true }).click();
  await page.getByRole('listitem', { name: 'Acme Production' }).getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Confirm on PRODUCTION');
  const confirm = dialog.getByRole('button', { name: 'Confirm on production' });
  await dialog.getByLabel(/Type the profile name/).fill('acme production');
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type the profile name/).fill('Acme Production');
  await page.screenshot({ path: screenshot('profiles-production-confirm') });
  await confirm.click();
  await expect(page.getByRole('listitem', { name: 'Acme Production' })).toHaveCount(0);
  await expect(page.getByText('Deleted “Acme Production”')).toBeVisible();

  const audit = page.getByRole('table', { name: 'Audit entries' });
  await expect(audit).toContainText('guard.confirmed');
  await expect(audit).toContainText('secret.set');
  await expect(audit).toContainText('profile.deleted');
  await page.getByRole('region', { name: 'Audit log' }).screenshot({ path: screenshot('profiles-audit') });
  await expectNoMarkerOnPage(page);

  await page.getByRole('button', { name: 'Export all profiles as JSON' }).click();
  await expect(page.locator('textarea[readonly]').first()).toHaveValue(/"name": "Acme Staging"/);
  await page.getByRole('button', { name: 'Export CSV' }).click();
  await expectNoMarkerOnPage(page);
  expect(
    await page
      .locator('textarea')
      .evaluateAll((areas) => areas.map((area) => (area as HTMLTextAreaElement).value).join('\n')),
  ).not.toContain(MARKER);
});
