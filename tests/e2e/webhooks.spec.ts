import crypto from 'node:crypto';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_CLIENTS } from '../../src/main/simulator/demo-clients.ts';
import { repoRoot, startHarness, type Harness } from '../fixtures/harness.ts';

let harness: Harness;
test.beforeAll(async () => {
  harness = await startHarness();
});
test.afterAll(async () => harness.close());

const screenshot = (name: string) => path.join(repoRoot, 'docs/screenshots', `${name}.png`);
// Computed by the test itself, not by the console: what Hubble would send for these bytes.
const xVerify = (body: Buffer | string, secret: string) =>
  crypto.createHmac('sha256', secret).update(body).digest('base64');

async function openWebhooks(page: Page) {
  await page.setViewportSize({ width: 1400, height: 1500 });
  await page.goto(`${harness.url}#/webhooks`);
  await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();
  return page.getByRole('region', { name: 'Signature debugger' });
}

test('a seed payload verifies; pasted re-serialised, the debugger explains it with a byte diff', async ({ page }) => {
  const debuggerRegion = await openWebhooks(page);
  await debuggerRegion.getByLabel('Load example').selectOption({ label: 'Brand Updated' });
  const body = debuggerRegion.getByLabel('Raw body');
  const original = await body.inputValue();
  expect(original).toContain('"denominations": [100, 1000, 5000]');
  await expect(debuggerRegion.getByLabel('X-Verify header', { exact: true })).toHaveValue(
    xVerify(original, DEMO_CLIENTS.staging.webhookSecret),
  );
  await expect(debuggerRegion.getByLabel('Profile', { exact: true })).toHaveValue('simulator');

  await debuggerRegion.getByRole('button', { name: 'Verify signature' }).click();
  await expect(debuggerRegion.getByRole('status', { name: 'Verdict' })).toHaveText('✓ Signature valid');
  await expect(debuggerRegion.getByLabel('Webhook type')).toHaveText('Brand Updated');

  // What a partner pastes after their framework parsed and re-stringified the body.
  await body.fill(JSON.stringify(JSON.parse(original)));
  await debuggerRegion.getByRole('button', { name: 'Verify signature' }).click();
  await expect(debuggerRegion.getByRole('status', { name: 'Verdict' })).toHaveText('✗ Signature invalid');
  const findings = debuggerRegion.getByRole('list', { name: 'Findings' });
  await expect(findings.getByRole('listitem')).toHaveCount(1);
  await expect(findings.getByRole('heading', { level: 3 })).toHaveText('BODY_RESERIALISED Body re-serialised');
  await expect(findings).toContainText('pretty-printed with arrays of values on one line');
  const diff = debuggerRegion.getByRole('figure', { name: 'Byte diff' });
  await expect(diff).toContainText(`against the form that verifies (${Buffer.byteLength(original)} bytes)`);
  await expect(diff.locator('pre ins').first()).toContainText('↵');
  await expect(diff.locator('pre del')).toHaveCount(0);
  await debuggerRegion.getByRole('status', { name: 'Verdict' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshot('webhooks-signature-debugger'), fullPage: true });
});

test('a dropped file keeps its exact bytes: a BOM the text box could not show is found', async ({ page }) => {
  const debuggerRegion = await openWebhooks(page);
  await debuggerRegion.getByLabel('Load example').selectOption({ label: 'Order Reached Terminal State' });
  const original = await debuggerRegion.getByLabel('Raw body').inputValue();
  await debuggerRegion.getByLabel('Body file').setInputFiles({
    name: 'order.json',
    mimeType: 'application/json',
    buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(original)]),
  });
  await expect(debuggerRegion.getByRole('group', { name: 'Body file in use' })).toContainText(
    `Verifying the exact ${Buffer.byteLength(original) + 3} bytes of order.json`,
  );
  await debuggerRegion.getByRole('button', { name: 'Verify signature' }).click();
  await expect(debuggerRegion.getByRole('status', { name: 'Verdict' })).toHaveText('✗ Signature invalid');
  await expect(debuggerRegion.getByRole('list', { name: 'Findings' }).getByRole('heading', { level: 3 })).toHaveText(
    'BOM Byte-order mark',
  );
  await expect(debuggerRegion.getByRole('figure', { name: 'Byte diff' }).locator('pre del')).toHaveText('[BOM]');
});

test('a 10 MB body gets a clear limit message, not a crash', async ({ page }) => {
  const debuggerRegion = await openWebhooks(page);
  await debuggerRegion
    .getByLabel('Body file')
    .setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(10 * 1024 * 1024, 0x20) });
  await expect(debuggerRegion.getByRole('alert')).toContainText(
    '10,485,760 bytes; the debugger accepts bodies up to 1 MiB',
  );
  await debuggerRegion.getByRole('button', { name: 'Edit as text instead' }).waitFor({ state: 'detached' });
});

test('the signing tool signs a payload for the Simulator profile without ever showing the secret', async ({ page }) => {
  const debuggerRegion = await openWebhooks(page);
  await debuggerRegion.getByLabel('Load example').selectOption({ label: 'SDK transaction FAILED' });
  const body = await debuggerRegion.getByLabel('Raw body').inputValue();
  const signing = page.getByRole('region', { name: 'Signing tool' });
  await signing.getByRole('button', { name: "Use the debugger's body" }).click();
  await expect(signing.getByLabel('Body to sign')).toHaveValue(body);
  await signing.getByLabel('Endpoint URL').fill('https://partner.example.com/hubble/webhooks');
  await signing.getByRole('button', { name: 'Sign request' }).click();
  const expected = xVerify(body, DEMO_CLIENTS.staging.webhookSecret);
  await expect(signing.getByRole('status', { name: 'X-Verify' })).toHaveText(expected);
  await expect(signing.getByLabel('curl', { exact: true })).toContainText(`-H 'X-Verify: ${expected}'`);
  await expect(signing.getByLabel('Raw headers')).toContainText('POST /hubble/webhooks HTTP/1.1');
  expect(await page.content()).not.toContain(DEMO_CLIENTS.staging.webhookSecret);
  await signing.scrollIntoViewIfNeeded();
  await signing.screenshot({ path: screenshot('webhooks-signing-tool') });
});
