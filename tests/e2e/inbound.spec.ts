import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_CLIENTS } from '../../src/main/simulator/demo-clients.ts';
import { simulatorControl, type SimulatorControl } from '../../src/main/simulator/control/client.ts';
import { repoRoot, startHarness, type Harness } from '../fixtures/harness.ts';

/*
 * Inbound, end to end: the Simulator profile's receiver takes a signed terminal-state webhook over real HTTP
 * and the debugger verifies its exact bytes; a partner log with one bad row is imported and found on the Calls page.
 */

test.describe.configure({ mode: 'serial' });

let harness: Harness;
let control: SimulatorControl;
let flexibleBrand: string;

const ctx = { shell: 'browser-harness' } as never;
const screenshot = (name: string) => path.join(repoRoot, 'docs/screenshots', `${name}.png`);

/** A port nobody listens on right now: other suites on this machine may hold the default 8787. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

async function dispatch<T>(channel: string, input: unknown): Promise<T> {
  const result = (await harness.core.router.dispatch(channel as never, input, ctx)) as {
    ok: boolean;
    value?: T;
    error?: { message: string };
  };
  if (!result.ok) throw new Error(`${channel}: ${result.error?.message}`);
  return result.value as T;
}

async function openTab(page: Page, tab: 'Received' | 'Import logs') {
  await page.goto(`${harness.url}#/webhooks`);
  await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: tab }).click();
}

test.beforeAll(async () => {
  harness = await startHarness();
  const simulator = await harness.core.kernel.simulator.ensureStarted();
  control = simulatorControl(simulator.baseUrl);
  flexibleBrand = (await control.fixtures()).flexible;
});
test.afterAll(async () => harness.close());

test('the receiver takes the simulator’s signed terminal-state webhook; the debugger verifies its bytes', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 1100 });
  await openTab(page, 'Received');
  await expect(page.getByRole('status', { name: 'Receiver state' })).toHaveText('Off');
  await expect(page.getByText(/No webhooks received yet/)).toBeVisible();

  const port = await freePort();
  await page.getByRole('heading', { name: 'Receiver settings' }).click();
  const settings = page.getByRole('form', { name: 'Receiver settings' });
  await settings.getByLabel('Port').fill(String(port));
  await settings.getByRole('button', { name: 'Save receiver settings' }).click();
  await expect(settings.getByRole('status')).toHaveText('Saved.');

  await page.getByRole('switch', { name: 'Webhook receiver on' }).click();
  await expect(page.getByRole('status', { name: 'Receiver state' })).toHaveText('Listening');
  await expect(page.getByLabel('Receiver URL')).toHaveText(`http://127.0.0.1:${port}/hubble/simulator`);

  // A PROCESSING order that then settles: the simulator sends Order Reached Terminal State, signed.
  await control.nextOutcome({ clientId: DEMO_CLIENTS.staging.clientId, outcome: 'PROCESSING' });
  const { orderId, status } = await dispatch<{ orderId: string | null; status: string }>('orders.place', {
    productId: flexibleBrand,
    amountPaise: 50_000,
  });
  expect(status).toBe('PROCESSING');
  if (!orderId) throw new Error('the simulator gave no orderId');
  await control.settle(orderId, 'SUCCESS');
  await control.flushWebhooks();

  const list = page.getByRole('table', { name: 'Received webhooks' });
  const row = list.getByRole('row').filter({ hasText: 'Order Reached Terminal State' }).first();
  await expect(row).toBeVisible();
  await expect(row).toContainText('Verified');
  await expect(page.getByLabel('Last event')).toContainText('Order Reached Terminal State');

  await row.focus();
  await page.keyboard.press('Enter');
  const detail = page.getByRole('complementary', { name: 'Received webhook detail' });
  await expect(detail.getByLabel('Body')).toContainText(orderId);
  await expect(detail).toContainText(`order:${orderId}:SUCCESS`);
  await page.screenshot({ path: screenshot('webhooks-received') });

  await detail.getByRole('button', { name: 'Open in signature debugger' }).click();
  const debuggerRegion = page.getByRole('region', { name: 'Signature debugger' });
  await expect(debuggerRegion.getByRole('group', { name: 'Body file in use' })).toContainText('received webhook #');
  await expect(debuggerRegion.getByRole('status', { name: 'Verdict' })).toHaveText('✓ Signature valid');
  await expect(debuggerRegion.getByLabel('Webhook type')).toHaveText('Order Reached Terminal State');
});

test('a partner log with one bad row is imported; the imported calls are found on the Calls page', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1100 });
  const requestId = `partner-${Date.now().toString(36)}`;
  const file = path.join(harness.dataDir, 'partner-calls.jsonl');
  const at = (seconds: number) => new Date(Date.now() - 3_600_000 + seconds * 1000).toISOString();
  fs.writeFileSync(
    file,
    [
      {
        timestamp: at(1),
        method: 'GET',
        path: '/v1/partners/wallet',
        status: 200,
        latency_ms: 41,
        'x-request-id': `${requestId}-1`,
      },
      { method: 'POST', path: '/v1/partners/orders', status: 200, latency_ms: 230, 'x-request-id': `${requestId}-2` },
      {
        timestamp: at(3),
        method: 'POST',
        path: '/v1/partners/orders',
        status: 400,
        latency_ms: 88,
        'x-request-id': `${requestId}-3`,
      },
    ]
      .map((row) => JSON.stringify(row))
      .join('\n') + '\n',
  );

  await openTab(page, 'Import logs');
  await page.getByLabel('Log file path').fill(file);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Preview summary' })).toHaveText(
    '3 rows previewed, 1 would be rejected.',
  );
  const preview = page.getByRole('table', { name: 'Preview' });
  await expect(preview.getByRole('row').nth(2)).toContainText('2Rejected:');
  await expect(preview.getByRole('row').nth(2)).toContainText('timestamp');
  await expect(page.getByLabel('X-REQUEST-ID')).toHaveValue('x-request-id');
  await page.getByRole('button', { name: 'Save mapping for this profile' }).click();
  await expect(page.getByRole('button', { name: 'Mapping saved for this profile' })).toBeVisible();

  await page.getByRole('button', { name: 'Import this file' }).click();
  const summary = page.getByRole('region', { name: 'Last import' });
  await expect(summary.getByRole('heading')).toHaveText('Last import: Finished');
  await expect(summary.getByLabel('Rows read')).toHaveText('3');
  await expect(summary.getByLabel('Imported', { exact: true })).toHaveText('2');
  await expect(summary.getByLabel('Rejected', { exact: true })).toHaveText('1');
  await expect(summary.getByRole('list', { name: 'Rejected rows' })).toContainText('Line 2');
  await page.screenshot({ path: screenshot('log-import'), fullPage: true });

  // Importing the same file again adds nothing.
  await page.getByRole('button', { name: 'Import this file' }).click();
  await expect(summary.getByLabel('Duplicates')).toHaveText('2');
  await expect(summary.getByLabel('Imported', { exact: true })).toHaveText('0');

  await page.goto(`${harness.url}#/calls`);
  await expect(page.getByRole('heading', { name: 'Calls', level: 1 })).toBeVisible();
  const search = page.getByRole('search', { name: 'Filter calls' });
  await search.getByLabel('X-REQUEST-ID').fill(`${requestId}-3`);
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('status', { name: 'Calls found' })).toHaveText('1 call match');
  await expect(page.getByRole('table', { name: 'Calls' })).toContainText('/v1/partners/orders');
});
