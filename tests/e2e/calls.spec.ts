import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { repoRoot, startHarness, type Harness } from '../fixtures/harness.ts';

let harness: Harness;
test.beforeAll(async () => {
  harness = await startHarness();
});
test.afterAll(async () => harness.close());

const screenshot = (name: string) => path.join(repoRoot, 'docs/screenshots', `${name}.png`);

/** The cell lies wholly inside the viewport and shows its whole text (nothing cut by an ellipsis). */
async function expectFullyOnScreen(page: Page, cell: Locator) {
  const box = await cell.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
  expect(await cell.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
}

/** Pastes an id into the command palette and opens what it names. */
async function openByPaste(page: Page, value: string) {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Go to anything' });
  await palette.getByRole('combobox').fill(value);
  await expect(palette.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Call detail' }).getByTestId('detail-request-id')).toBeVisible();
}

async function openCalls(page: Page) {
  await page.goto(`${harness.url}#/calls`);
  await expect(page.getByRole('heading', { name: 'Calls', level: 1 })).toBeVisible();
}

test('generate sample traffic, find a call by a pasted X-REQUEST-ID, open it and copy its support bundle', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(harness.url).origin });
  await page.setViewportSize({ width: 1600, height: 1000 });
  await openCalls(page);
  // A fresh console has only its own start-up calls (the first catalog sync), never an order.
  await expect(page.getByRole('status', { name: 'Calls found' })).toHaveText(/^\d calls?$/);

  await page.getByRole('button', { name: 'Generate sample traffic' }).click();
  await expect(page.getByText(/^Recorded \d+ calls \(\d+ orders\)/)).toBeVisible();
  await expect(page.getByRole('status', { name: 'Calls found' })).toHaveText(/^\d+ calls$/);
  await expect(page.getByRole('row').nth(1)).not.toHaveAttribute('aria-busy', 'true');
  await page.screenshot({ path: screenshot('calls-sample-traffic') });

  // What a support agent has: an X-REQUEST-ID from a ticket (here: the call that hit E150).
  const log = harness.core.kernel.scopes.get('simulator');
  log.recorder.flush();
  const failed = log.db
    .prepare(
      "SELECT request_id AS requestId, reference_id AS referenceId FROM api_calls WHERE error_id = 'E150' ORDER BY id DESC",
    )
    .get() as { requestId: string; referenceId: string };
  const sent = (await (await fetch(`${harness.core.kernel.simulator.baseUrl()}/__sim/requests`)).json()) as {
    requests: { requestId: string; status: number }[];
  };
  expect(sent.requests.find((request) => request.requestId === failed.requestId)?.status).toBe(400);

  await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Dashboard', exact: true }).click();
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Go to anything' });
  await expect(palette).toBeVisible();
  await palette.getByRole('combobox').fill(`X-REQUEST-ID: ${failed.requestId.toUpperCase()}`);
  await expect(palette.getByRole('option', { name: new RegExp(`X-REQUEST-ID ${failed.requestId}`) })).toBeVisible();
  await page.screenshot({ path: screenshot('calls-command-palette') });
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Calls', level: 1 })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Calls found' })).toHaveText('1 call match');
  const detail = page.getByRole('complementary', { name: 'Call detail' });
  await expect(detail.getByTestId('detail-request-id')).toHaveText(failed.requestId);
  await expect(detail.getByRole('note', { name: 'What went wrong' })).toContainText(
    'Denomination not available for this brand (E150)',
  );
  await expect(detail.getByLabel('Request body')).toContainText('98******10');
  await expect(detail.getByLabel('Response body')).toContainText('DENOMINATION_NOT_AVAILABLE');
  await page.screenshot({ path: screenshot('calls-detail') });

  await detail.getByRole('button', { name: 'Copy support bundle' }).click();
  await expect(detail.getByRole('button', { name: 'Copied ✓' })).toBeVisible();
  const bundle = await page.evaluate(() => navigator.clipboard.readText());
  expect(bundle).toContain(`X-REQUEST-ID:   ${failed.requestId}`);
  expect(bundle).toContain('Environment:    simulator');
  expect(bundle).toContain(`Base URL:       ${harness.core.kernel.simulator.baseUrl()}`);
  expect(bundle).toContain(`Reference ID:   ${failed.referenceId}`);
  expect(bundle).toContain('Error:          E150 DENOMINATION_NOT_AVAILABLE');
  expect(bundle).toMatch(/Timestamp: +\d{4}-\d\d-\d\dT[\d:.]+Z {2}\(.+ GMT[+-]\d\d:\d\d \(.+\)\)/);
  expect(bundle).not.toContain('sim-staging-secret');
  expect(bundle).not.toContain('9876543210');

  await detail.getByRole('button', { name: 'Copy X-REQUEST-ID' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(failed.requestId);
});

test('with the detail panel open at 1280 and 1440 px, the identifier searched for and the outcome stay on screen', async ({
  page,
}) => {
  const log = harness.core.kernel.scopes.get('simulator');
  const newest = (where: string) => {
    log.recorder.flush();
    return log.db
      .prepare(
        `SELECT request_id AS requestId, order_id AS orderId, reference_id AS referenceId FROM api_calls WHERE ${where} ORDER BY id DESC`,
      )
      .get() as { requestId: string; orderId: string; referenceId: string } | undefined;
  };
  if (!newest("error_id = 'E150'")) {
    await page.setViewportSize({ width: 1600, height: 1000 });
    await openCalls(page);
    await page.getByRole('button', { name: 'Generate sample traffic' }).click();
    await expect(page.getByText(/^Recorded \d+ calls/)).toBeVisible();
  }
  const failed = newest("error_id = 'E150'")!;
  const placed = newest("method = 'POST' AND outcome = 'ok' AND order_id IS NOT NULL")!;
  const cases = [
    { paste: `X-REQUEST-ID: ${failed.requestId}`, header: 'X-REQUEST-ID', value: failed.requestId },
    { paste: failed.referenceId, header: 'Reference ID', value: failed.referenceId },
    { paste: placed.orderId, header: 'Order ID', value: placed.orderId },
  ];
  for (const width of [1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await openCalls(page);
    for (const { paste, header, value } of cases) {
      await openByPaste(page, paste);
      const table = page.getByRole('table', { name: 'Calls' });
      await expect(table.getByRole('columnheader', { name: header })).toBeVisible();
      const row = table.locator('[role=row][aria-selected=true]');
      await expect(row.locator('.calls-table__cell--identifier')).toHaveText(value);
      await expectFullyOnScreen(page, row.locator('.calls-table__cell--identifier'));
      await expectFullyOnScreen(page, row.locator('.calls-table__cell--outcome'));
      await expectFullyOnScreen(page, row.locator('.calls-table__cell--at'));
      await expectFullyOnScreen(page, page.getByRole('complementary', { name: 'Call detail' }));
    }
    await openByPaste(page, `X-REQUEST-ID: ${failed.requestId}`);
    await page.screenshot({ path: screenshot(`calls-detail-${width}`) });
  }
});

/** A fast raw insert straight into the profile's WAL database, as a long-running install would have accumulated. */
function seedCalls(file: string, count: number): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insert =
    db.prepare(`INSERT INTO api_calls (at, profile_id, environment, base_url, method, path, endpoint, http_status, outcome, error_kind, error_id, error_code, latency_ms, request_id, attempt, order_id, reference_id)
    VALUES (?, 'simulator', 'simulator', 'http://127.0.0.1', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`);
  const start = Date.UTC(2024, 0, 1);
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const order = i % 4 === 0;
      const failed = i % 9 === 0;
      insert.run(
        start + i * 1000,
        order ? 'POST' : 'GET',
        order ? '/v1/partners/orders' : '/v1/partners/wallet/balance',
        order ? 'POST /v1/partners/orders' : 'GET /v1/partners/wallet/balance',
        failed ? 400 : 200,
        failed ? 'failed' : 'ok',
        failed ? 'business' : null,
        failed ? 'E300' : null,
        failed ? 'INSUFFICIENT_BALANCE' : null,
        30 + (i % 97),
        `seed0000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        order ? `SEEDORDER${i}` : null,
        order ? `seed-ref-${i}` : null,
      );
    }
  });
  for (let from = 0; from < count; from += 50_000) batch(from, Math.min(count, from + 50_000));
  db.close();
}

test('a million calls scroll like a hundred: the renderer holds only the rows near the viewport', async ({ page }) => {
  test.setTimeout(180_000);
  const MILLION = 1_000_000;
  const log = harness.core.kernel.scopes.get('simulator');
  log.recorder.flush();
  const before = (log.db.prepare('SELECT count(*) AS n FROM api_calls').get() as { n: number }).n;
  seedCalls(path.join(harness.dataDir, 'profiles', 'simulator.db'), MILLION);

  await page.setViewportSize({ width: 1600, height: 1000 });
  const searches: { offset: number; limit: number }[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/__bridge/invoke')) {
      const message = request.postDataJSON() as { channel: string; input: { offset: number; limit: number } };
      if (message.channel === 'calls.search') searches.push(message.input);
    }
  });
  await openCalls(page);
  await expect(page.getByRole('status', { name: 'Calls found' })).toHaveText(
    `${(MILLION + before).toLocaleString('en-US')} calls`,
  );

  const scroller = page.locator('.calls-table__scroll');
  await scroller.evaluate((element) => (element.scrollTop = element.scrollHeight / 2));
  const middle = page
    .getByRole('row')
    .filter({ hasText: /seed0000-0000-4000-8000-0000004\d{5}/ })
    .first();
  await expect(middle).toBeVisible();
  await expect(page.locator('[role=row][aria-busy=true]')).toHaveCount(0);
  await scroller.evaluate((element) => (element.scrollTop = element.scrollHeight));
  await expect(page.getByRole('row').filter({ hasText: 'seed0000-0000-4000-8000-000000000000' })).toBeVisible();
  await page.screenshot({ path: screenshot('calls-million-rows') });

  const rendered = await page.locator('.calls-table [role=row]').count();
  expect(rendered).toBeLessThan(80);
  const fetchedRows = searches.reduce((sum, search) => sum + search.limit, 0);
  expect(fetchedRows).toBeLessThan(2_000);

  await page.keyboard.press('Control+k');
  await page.getByRole('dialog', { name: 'Go to anything' }).getByRole('combobox').fill('seed-ref-500000');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Call detail' }).getByTestId('detail-request-id')).toHaveText(
    'seed0000-0000-4000-8000-000000500000',
  );
});
