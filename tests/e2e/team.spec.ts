import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { ulid } from 'ulid';
import { createConsoleCore, type ConsoleCore } from '../../src/main/app/console-core.ts';
import { drainOutbox } from '../../src/main/areas/team/drain-outbox.ts';
import { startBridgeServer, type BridgeServer } from '../../src/main/harness/bridge-server.ts';
import { simulatorControl } from '../../src/main/simulator/control/client.ts';
import { DEMO_CLIENTS, startSimulator, type RunningSimulator } from '../../src/main/simulator/index.ts';
import { defaultProfileSettings, type Profile } from '../../src/shared/contract/profiles.ts';
import type { TeamLinkSettings } from '../../src/shared/contract/team.ts';
import { browserRendererDir, repoRoot } from '../fixtures/harness.ts';
import {
  databaseUrl,
  removeCluster,
  startCluster,
  SUPERUSER_PASSWORD,
  type PostgresCluster,
} from '../fixtures/postgres-cluster.ts';
import { linkedProfileDatabase, writeCalls } from '../team/local-history.ts';

/*
 * Team mode in Chromium through the browser harness: the console (its real keytar vault, inside
 * scripts/with-keyring.sh) with a staging profile on a local simulator, linked to a throwaway PostgreSQL cluster.
 * The teammate is a second console's store shipping with the console's own drain, under its own console id.
 */
const ctx = { shell: 'browser-harness' } as const;
const SPACE = 'acme-staging';
// A console id is a ULID, as every console draws for itself on first start.
const TEAMMATE = { consoleId: ulid(), operator: 'Arjun' };
const TEAMMATE_REQUEST_ID = crypto.randomUUID();

let cluster: PostgresCluster;
let database: string;
let admin: pg.Client;
let sim: RunningSimulator;
let core: ConsoleCore;
let server: BridgeServer;
let dataDir: string;
let teammate: ReturnType<typeof linkedProfileDatabase> | null = null;

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const result = await core.router.dispatch(channel, input, ctx);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  cluster = await startCluster();
  database = `team_e2e_${crypto.randomBytes(4).toString('hex')}`;
  const maintenance = new pg.Client(cluster.adminUrl);
  await maintenance.connect();
  await maintenance.query(`CREATE DATABASE ${database}`);
  await maintenance.end();
  admin = new pg.Client(databaseUrl(cluster, database));
  await admin.connect();

  sim = await startSimulator({ seed: 11 });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubble-team-e2e-'));
  core = createConsoleCore({
    dataDir,
    shell: 'browser-harness',
    version: '0.0.0-test',
    environmentBaseUrls: sim.environmentUrls,
  });
  await core.start();
  server = await startBridgeServer({ core, staticDir: browserRendererDir });

  const staging = await call<Profile>('profiles.create', {
    settings: {
      ...defaultProfileSettings('staging', 'Acme Staging'),
      clientId: DEMO_CLIENTS.staging.clientId,
    },
  });
  await call('profiles.setSecret', {
    profileId: staging.id,
    kind: 'clientSecret',
    value: DEMO_CLIENTS.staging.clientSecret,
  });
});

test.afterAll(async () => {
  await server?.close();
  await core?.stop();
  await sim?.close();
  await admin?.end();
  teammate?.db.close();
  teammate?.remove();
  if (cluster) removeCluster(cluster);
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const screenshot = (name: string) => path.join(repoRoot, 'docs/screenshots', `${name}.png`);
const nav = (page: Page, area: string) =>
  page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: area, exact: true }).click();

/** axe's serious and critical findings, one readable line per failing node. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary ?? ''}`,
      ),
    );
}

/**
 * What a teammate's console does: its own store, linked to the same space, ships its calls with the same drain
 * the console runs (under its own console id and operator), and registers itself in the space as linking does.
 */
async function teammateShipsCalls(settings: TeamLinkSettings): Promise<void> {
  teammate = linkedProfileDatabase({ ...settings, operator: TEAMMATE.operator });
  writeCalls(teammate.db, 3, { at: Date.now() - 60_000, environment: 'staging' });
  writeCalls(teammate.db, 1, {
    at: Date.now() - 30_000,
    environment: 'staging',
    method: 'GET',
    path: '/v1/partners/wallet/balance',
    endpoint: 'GET /v1/partners/wallet/balance',
    request_id: TEAMMATE_REQUEST_ID,
    order_id: null,
    reference_id: null,
    order_status: null,
    amount: null,
  });
  const identity = { space: SPACE, ...TEAMMATE };
  await admin.query('INSERT INTO team_consoles (space, console_id, operator) VALUES ($1, $2, $3)', [
    SPACE,
    identity.consoleId,
    identity.operator,
  ]);
  const drained = await drainOutbox(teammate.db, admin, identity);
  expect(drained.remaining).toBe(0);
  expect(drained.added).toBeGreaterThanOrEqual(4);
}

test('link a staging profile to the team database, ship its order, and see a teammate’s call in Calls', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`${server.url}#/team`);
  await expect(page.getByRole('heading', { name: 'Team', level: 1 })).toBeVisible();
  // The Simulator is this machine's demo world: never shared.
  await expect(page.getByRole('note')).toContainText('never shared with a team');
  await expect(page.getByRole('form', { name: 'Team database', exact: true })).toHaveCount(0);

  await page.getByRole('banner').getByLabel('Switch profile').selectOption({ label: 'Acme Staging (staging)' });
  const form = page.getByRole('form', { name: 'Team database', exact: true });
  await expect(form).toBeVisible();
  await expect(page.getByTestId('team-state')).toHaveText('Not linked');

  // The password goes straight to the keychain; the URL carries none (main refuses one that does).
  const password = page.getByRole('form', { name: 'Team database password' });
  await password.locator('input[type="password"]').fill(SUPERUSER_PASSWORD);
  await password.getByRole('button', { name: 'Save' }).click();
  await expect(password.getByTestId('teamDbPassword-status')).toContainText('Set');
  await expect(password.locator('input[type="password"]')).toHaveValue('');

  const url = `postgres://postgres@127.0.0.1:${cluster.port}/${database}`;
  await form
    .getByLabel('PostgreSQL URL')
    .fill(`postgres://postgres:${SUPERUSER_PASSWORD}@127.0.0.1:${cluster.port}/${database}`);
  await form.getByLabel('TLS').selectOption({ label: 'No TLS (a database on this machine or a private network only)' });
  await form.getByLabel('Team space').fill(SPACE);
  await form.getByLabel('Your name on shared rows').fill('Priya');
  await form.getByRole('button', { name: 'Link this profile' }).click();
  await expect(form.getByRole('alert')).toContainText('The URL carries a password');
  await expect(page.getByTestId('team-state')).toHaveText('Not linked');

  await form.getByLabel('PostgreSQL URL').fill(url);
  await form.getByRole('button', { name: 'Link this profile' }).click();
  // A fresh database has no team schema yet: the link says so and what to do.
  await expect(page.getByTestId('team-state')).toHaveText('Needs attention');
  await expect(page.getByRole('region', { name: 'Team link status' }).getByRole('alert')).toContainText('not prepared');
  const actions = page.getByRole('group', { name: 'Team link actions' });
  await actions.getByRole('button', { name: 'Prepare database' }).click();
  await expect(actions.getByRole('status')).toHaveText('The team database is prepared.');
  await expect(page.getByTestId('team-state')).toHaveText('Online');
  await actions.getByRole('button', { name: 'Sync now' }).click();
  await expect(actions.getByRole('status')).toHaveText('Synced.');
  await expect(page.getByTestId('team-backlog')).toHaveText('empty');

  // An order placed on this console goes out by itself: the write asks for a ship.
  const { fixed } = await simulatorControl(sim.baseUrl).fixtures();
  await page.setViewportSize({ width: 1440, height: 900 });
  await nav(page, 'Orders');
  await page.getByRole('button', { name: 'New order', exact: true }).click();
  const newOrder = page.getByRole('complementary', { name: 'New order' });
  await newOrder.getByLabel('Brand product ID').fill(fixed);
  await newOrder.getByRole('radio', { name: /An amount/ }).check();
  await newOrder.getByLabel('Name').fill('Asha Rao');
  await newOrder.getByLabel('Phone').fill('9876543210');
  await newOrder.getByLabel('Amount (₹)').fill('1,000');
  await newOrder.getByRole('button', { name: 'Place order for ₹1,000' }).click();
  const order = page.getByRole('complementary', { name: 'Order detail' });
  await expect(order.getByTestId('order-status')).toHaveText('SUCCESS');
  const referenceId = (await order.getByTestId('order-reference-id').textContent())!;

  await nav(page, 'Team');
  await expect(page.getByTestId('team-state')).toHaveText('Online');
  await expect(page.getByTestId('team-backlog')).toHaveText('empty');
  await expect
    .poll(async () => (await admin.query('SELECT 1 FROM team_orders WHERE reference_id = $1', [referenceId])).rowCount)
    .toBeGreaterThan(0);
  const shipped = await admin.query<{ customer_json: string | null }>(
    'SELECT customer_json FROM team_orders WHERE reference_id = $1',
    [referenceId],
  );
  // The customer's phone number stays masked in the team database too.
  expect(JSON.stringify(shipped.rows)).not.toContain('9876543210');

  // A teammate's console ships its calls; this one pulls them.
  await teammateShipsCalls({
    url,
    tls: 'disable',
    caCertPath: null,
    space: SPACE,
    operator: 'Priya',
  });
  await actions.getByRole('button', { name: 'Sync now' }).click();
  await expect(actions.getByRole('status')).toHaveText('Synced.');
  const consoles = page.getByRole('region', { name: 'Team link status' }).getByRole('listitem');
  await expect(consoles).toHaveCount(2);
  await expect(consoles.filter({ hasText: 'Priya' })).toContainText('(this console)');
  await expect(consoles.filter({ hasText: 'Arjun' })).toContainText(TEAMMATE.consoleId);
  await expect(consoles.filter({ hasText: 'Arjun' })).not.toContainText('(this console)');
  await expect(page.getByTestId('team-backlog')).toHaveText('empty');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: screenshot('team-page'), fullPage: true });

  await nav(page, 'Calls');
  await expect(page.getByRole('heading', { name: 'Calls', level: 1 })).toBeVisible();
  const table = page.getByRole('table', { name: 'Calls' });
  await expect(table.getByRole('columnheader', { name: 'From' })).toBeVisible();
  const row = table.getByRole('row').filter({ hasText: TEAMMATE_REQUEST_ID });
  await expect(row).toContainText('Arjun');
  // This console's own calls name nobody: the order it placed has an empty From cell.
  const own = table.getByRole('row').filter({ hasText: referenceId });
  await expect(own).toHaveCount(1);
  await expect(own).not.toContainText('Arjun');
  await page.screenshot({ path: screenshot('calls-from-teammate') });
  await row.click();
  const detail = page.getByRole('complementary', { name: 'Call detail' });
  await expect(detail.getByTestId('detail-request-id')).toHaveText(TEAMMATE_REQUEST_ID);
  await expect(detail).toContainText('From');
  await expect(detail).toContainText('Arjun’s console (team mode)');
  await expect(detail).toContainText(TEAMMATE.consoleId);
  await page.screenshot({ path: screenshot('calls-from-teammate-detail') });
});
