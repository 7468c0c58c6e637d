import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tableExists } from '../../../src/main/areas/go-live/history-facts.ts';
import { DEMO_CLIENTS } from '../../../src/main/simulator/index.ts';
import type { GoLiveItemId, GoLiveRun } from '../../../src/shared/contract/goLive.ts';
import type { Profile } from '../../../src/shared/contract/profiles.ts';
import {
  ADDRESSES,
  freePort,
  goLiveWorld,
  itemOf,
  statusesOf,
  storeVerifiedWebhook,
  type GoLiveWorld,
} from './go-live-fixture.ts';

vi.mock('../../../src/main/store/profile-migrations/index.ts', async (importOriginal) => {
  const { withGoLiveMigrations } = await import('./go-live-migrations.ts');
  return withGoLiveMigrations(
    await importOriginal<typeof import('../../../src/main/store/profile-migrations/index.ts')>(),
  );
});

let world: GoLiveWorld;
let production: Profile;
let staging: Profile;
const DAY_MS = 86_400_000;

const run = (profile: Profile = production, counterpart: Profile | null = staging) =>
  world.goLive('run', { profileId: profile.id, counterpartId: counterpart?.id ?? null });

/** Every item but the listed ones passed. */
function expectOnly(result: GoLiveRun, expected: Partial<Record<GoLiveItemId, 'failed' | 'operator' | undefined>>) {
  const wanted = Object.fromEntries(result.items.map((item) => [item.id, expected[item.id] ?? 'passed']));
  expect(statusesOf(result)).toEqual(wanted);
}

/**
 * Without a live balance the item stands on the wallet poller's latest sample (the wallet area, when the console
 * lists it), so whether it fails depends on that sample existing.
 */
function walletWithoutLogin(): 'failed' | undefined {
  const db = world.db(production);
  const sampled =
    tableExists(db, 'wallet_samples') &&
    db.prepare('SELECT 1 FROM wallet_samples WHERE at >= ?').get(world.clock.now - 15 * 60_000) !== undefined;
  return sampled ? undefined : 'failed';
}

async function waitForOrders() {
  for (;;) {
    const result = await world.core.router.dispatch('orders.batches', undefined, { shell: 'browser-harness' });
    if (result.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

beforeAll(async () => {
  world = await goLiveWorld();
  staging = await world.createProfile({
    environment: 'staging',
    name: 'Acme Staging',
    clientId: DEMO_CLIENTS.staging.clientId,
  });
  await world.setSecret(staging, 'clientSecret', DEMO_CLIENTS.staging.clientSecret);
  production = await world.createProfile({
    environment: 'production',
    name: 'Acme Production',
    clientId: DEMO_CLIENTS.production.clientId,
    walletMinimum: 1_00_000,
    rateLimits: [{ scope: 'partner', type: 'amount', window: 'daily', limit: 5_00_000 }],
    webhookReceiver: { enabled: true, port: await freePort() },
  });
  await world.setSecret(production, 'clientSecret', DEMO_CLIENTS.production.clientSecret);
  await world.setSecret(production, 'webhookSecret', DEMO_CLIENTS.production.webhookSecret);

  // The staging history: one order of each state, and a retry of the FAILED one with a new referenceId.
  await world.call('profiles.setActive', { profileId: staging.id });
  await waitForOrders();
  const { fixed } = await world.control.fixtures();
  const placed: Record<string, { referenceId: string }> = {};
  for (const outcome of ['SUCCESS', 'FAILED', 'PROCESSING'] as const) {
    await world.control.nextOutcome({ clientId: DEMO_CLIENTS.staging.clientId, outcome });
    placed[outcome] = await world.call('orders.place', { productId: fixed, amountPaise: 50_000 });
  }
  await world.call('orders.retry', { referenceId: placed['FAILED']!.referenceId });

  // Production: a catalog sync from the production listener, and one verified delivery of each required webhook.
  await world.call('profiles.setActive', { profileId: production.id });
  const sync = await world.call<{ outcome: string }>('catalog.syncNow', {});
  expect(sync.outcome).toBe('done');
  for (const type of ['brand-updated', 'wallet-low-balance', 'order-terminal-state']) {
    storeVerifiedWebhook(world.db(production), type, world.clock.now);
  }
});
afterAll(async () => world?.close());

describe('the go-live checklist against the simulator’s production and staging listeners', () => {
  it('passes every item it can check; what only the operator knows waits for them, then passes on their word', async () => {
    const first = await run();
    expect(first).toMatchObject({ mode: 'production', counterpartName: 'Acme Staging', networkAddresses: ADDRESSES });
    expectOnly(first, { 'top-up-process': 'operator', 'high-volume-plan': 'operator' });
    expect(first.ready).toBe(false);

    // evidence: the login and wallet calls carry the X-REQUEST-IDs the simulator saw on its production listener
    const requests = await world.control.requests();
    const login = itemOf(first, 'login').evidence[0]!;
    expect(requests.find((request) => request.requestId === login.requestId)).toMatchObject({
      path: '/v1/partners/auth/login',
      status: 200,
      clientId: DEMO_CLIENTS.production.clientId,
    });
    expect(itemOf(first, 'wallet-balance').summary).toBe('Balance ₹10,00,000.00, above the minimum ₹1,00,000.00.');
    expect(itemOf(first, 'order-states').evidence.map((fact) => fact.label.split(' ')[0])).toEqual([
      'SUCCESS',
      'FAILED',
      'PROCESSING',
    ]);
    expect(itemOf(first, 'retry-new-reference').evidence[0]!.value).toMatch(/^\S+ → \S+$/);

    for (const itemId of ['top-up-process', 'high-volume-plan'] as const) {
      await world.goLive('confirm', { profileId: production.id, runId: first.id, itemId, note: 'finance tops up' });
    }
    const confirmed = await world.goLive('get', { profileId: production.id, runId: first.id });
    expect(confirmed.ready).toBe(true);
    const { entries } = await world.call<{ entries: { action: string; user: string; details: object }[] }>(
      'audit.list',
      { profileId: production.id },
    );
    const audited = entries.filter((entry) => entry.action === 'go-live.confirmed');
    expect(audited.map((entry) => entry.details)).toContainEqual(
      expect.objectContaining({ item: 'top-up-process', note: 'finance tops up' }),
    );
    expect(itemOf(confirmed, 'top-up-process').confirmation).toMatchObject({
      by: audited[0]!.user,
      note: 'finance tops up',
    });

    // the confirmations carry over to the next run; a confirmed item cannot be confirmed twice
    const second = await run();
    expect(second.ready).toBe(true);
    await expect(
      world.goLive('confirm', { profileId: production.id, runId: second.id, itemId: 'login', note: '' }),
    ).rejects.toMatchObject({ kind: 'VALIDATION' });
  });

  it('fails each item in turn with its fix, then passes again once put right', async () => {
    const prodDb = () => world.db(production);
    const check = async (
      breakIt: () => Promise<unknown> | unknown,
      expected: () => Partial<Record<GoLiveItemId, 'failed' | 'operator' | undefined>>,
      fixText: RegExp,
      repair: () => Promise<unknown> | unknown,
    ) => {
      await breakIt();
      const wanted = expected();
      const broken = await run();
      expectOnly(broken, wanted);
      const [first] = Object.keys(wanted) as GoLiveItemId[];
      expect(itemOf(broken, first!).fix).toMatch(fixText);
      await repair();
      const repaired = await run();
      expectOnly(repaired, {});
      return broken;
    };

    await check(
      () => world.clearSecret(production, 'clientSecret'),
      () => ({
        'credentials-set': 'failed',
        login: 'failed',
        'ip-not-refused': 'operator',
        'wallet-balance': walletWithoutLogin(),
      }),
      /Set the production client secret/,
      () => world.setSecret(production, 'clientSecret', DEMO_CLIENTS.production.clientSecret),
    );
    await check(
      () => world.setSecret(staging, 'clientSecret', DEMO_CLIENTS.production.clientSecret),
      () => ({ 'credentials-distinct': 'failed' }),
      /staging keys get 401 on production/,
      () => world.setSecret(staging, 'clientSecret', DEMO_CLIENTS.staging.clientSecret),
    );
    // staging keys on production: Hubble answers 401
    await check(
      () => world.setSecret(production, 'clientSecret', DEMO_CLIENTS.staging.clientSecret),
      () => ({
        login: 'failed',
        'credentials-distinct': 'failed',
        'ip-not-refused': 'operator',
        'wallet-balance': walletWithoutLogin(),
      }),
      /Staging keys do not work on production/,
      () => world.setSecret(production, 'clientSecret', DEMO_CLIENTS.production.clientSecret),
    );
    // this machine is not whitelisted: 403 Invalid Access, with the addresses to send Hubble
    const refused = await check(
      () => world.control.patchClient(DEMO_CLIENTS.production.clientId, { whitelisted: false }),
      () => ({ 'ip-not-refused': 'failed', login: 'failed', 'wallet-balance': walletWithoutLogin() }),
      /not whitelisted for production.*203\.0\.113\.7/,
      () => world.control.patchClient(DEMO_CLIENTS.production.clientId, { whitelisted: true }),
    );
    const ip = itemOf(refused, 'ip-not-refused');
    expect(ip.evidence.map((fact) => fact.value)).toContain('203.0.113.7 (IPv4)');
    const forbidden = (await world.control.requests()).find(
      (request) => request.requestId === ip.evidence[0]!.requestId,
    );
    expect(forbidden).toMatchObject({ status: 403, path: '/v1/partners/auth/login' });

    await check(
      () => world.updateProfile(production, { walletMinimum: 20_00_000 }),
      () => ({ 'wallet-balance': 'failed' }),
      /Top up the wallet/,
      () => world.updateProfile(production, { walletMinimum: 1_00_000 }),
    );
    await check(
      () => world.updateProfile(production, { walletMinimum: null }),
      () => ({ 'low-balance-threshold': 'failed', 'wallet-balance': 'operator' }),
      /Set the wallet minimum/,
      () => world.updateProfile(production, { walletMinimum: 1_00_000 }),
    );
    await check(
      () => world.clearSecret(production, 'webhookSecret'),
      () => ({ 'webhook-endpoint': 'failed' }),
      /Set the webhook secret/,
      () => world.setSecret(production, 'webhookSecret', DEMO_CLIENTS.production.webhookSecret),
    );
    for (const [type, itemId] of [
      ['brand-updated', 'webhook-brand-updated'],
      ['wallet-low-balance', 'webhook-wallet-low-balance'],
      ['order-terminal-state', 'webhook-order-terminal-state'],
    ] as const) {
      await check(
        () => prodDb().prepare('DELETE FROM webhook_events WHERE type = ?').run(type),
        () => ({ [itemId]: 'failed' }),
        /./,
        () => storeVerifiedWebhook(prodDb(), type, world.clock.now),
      );
    }
    await check(
      () => world.updateProfile(production, { rateLimits: [] }),
      () => ({ 'rate-limits-entered': 'failed' }),
      /Enter the limits Hubble allocated/,
      () =>
        world.updateProfile(production, {
          rateLimits: [{ scope: 'partner', type: 'amount', window: 'daily', limit: 5_00_000 }],
        }),
    );
    // a daily sync missed: the catalog is older than 25 h
    await check(
      () => (world.clock.now += 2 * DAY_MS),
      () => ({ 'catalog-synced': 'failed' }),
      /Sync now/,
      () => world.call('catalog.syncNow', {}),
    );
    // an order for an INACTIVE brand reached Hubble (E102) — as a backend that does not filter would
    await check(
      () =>
        prodDb()
          .prepare(
            `INSERT INTO api_calls (at, profile_id, environment, base_url, method, path, endpoint, http_status, outcome,
               error_kind, error_id, error_code, latency_ms, request_id)
             VALUES (?, ?, 'production', 'x', 'POST', '/v1/partners/orders', 'POST /v1/partners/orders', 400, 'failed',
               'business', 'E102', 'BRAND_NOT_ACTIVE', 12, 'req-e102')`,
          )
          .run(world.clock.now, production.id),
      () => ({ 'inactive-brands-hidden': 'failed' }),
      /Filter on each brand’s status/,
      () => prodDb().prepare("DELETE FROM api_calls WHERE request_id = 'req-e102'").run(),
    );
    await check(
      () => prodDb().prepare("UPDATE alert_rules SET enabled = 0 WHERE kind = 'error-spike'").run(),
      () => ({ 'alerts-configured': 'failed' }),
      /Alerts page/,
      () => prodDb().prepare("UPDATE alert_rules SET enabled = 1 WHERE kind = 'error-spike'").run(),
    );
    await check(
      () =>
        prodDb()
          .prepare(
            `INSERT INTO api_calls (at, profile_id, environment, base_url, method, path, endpoint, outcome, latency_ms, request_id)
             VALUES (?, ?, 'production', 'x', 'GET', '/v1/partners/wallet/balance', 'GET /v1/partners/wallet/balance', 'ok', 5, '')`,
          )
          .run(world.clock.now, production.id),
      () => ({ 'request-ids-kept': 'failed' }),
      /X-REQUEST-ID/,
      () => prodDb().prepare("DELETE FROM api_calls WHERE request_id = ''").run(),
    );

    // a staging profile without history: no order state seen, no retry
    const empty = await world.createProfile({
      environment: 'staging',
      name: 'Empty Staging',
      clientId: 'other-staging',
    });
    const noHistory = await run(production, empty);
    expectOnly(noHistory, { 'order-states': 'failed', 'retry-new-reference': 'failed' });
    expect(itemOf(noHistory, 'order-states').summary).toBe(
      'Not yet seen in “Empty Staging”: SUCCESS, FAILED, PROCESSING.',
    );
    // no staging profile chosen: the console cannot know, the operator may vouch (confirmed earlier for none of these)
    const alone = await run(production, null);
    expectOnly(alone, {
      'credentials-distinct': 'operator',
      'order-states': 'operator',
      'retry-new-reference': 'operator',
    });
  });

  it('checks the base URL: a Custom profile aimed at production is not a production profile', async () => {
    const custom = await world.createProfile({
      environment: 'custom',
      name: 'Acme via proxy',
      clientId: DEMO_CLIENTS.production.clientId,
      baseUrl: world.sim.environmentUrls.production,
    });
    await world.setSecret(custom, 'clientSecret', DEMO_CLIENTS.production.clientSecret);
    const result = await run(custom, production);
    expect(result.mode).toBe('rehearsal');
    expect(itemOf(result, 'base-url')).toMatchObject({ status: 'failed' });
    expect(itemOf(result, 'base-url').fix).toMatch(/Rehearse with a Staging profile/);
    await expect(run(production, custom)).rejects.toMatchObject({ kind: 'VALIDATION' });
  });

  it('rehearses against staging: its own history, compared with production’s credentials', async () => {
    const rehearsal = await run(staging, production);
    expect(rehearsal.mode).toBe('rehearsal');
    expect(itemOf(rehearsal, 'base-url').status).toBe('passed');
    expect(itemOf(rehearsal, 'login').status).toBe('passed');
    expect(itemOf(rehearsal, 'order-states').status).toBe('passed');
    expect(itemOf(rehearsal, 'credentials-distinct').status).toBe('passed');
    // staging has no receiver data, no minimum, no limits: the items say so
    expect(itemOf(rehearsal, 'webhook-brand-updated').status).toBe('operator');
    expect(itemOf(rehearsal, 'low-balance-threshold').status).toBe('failed');
  });

  it('stores runs, lists them newest first and says what changed between two', async () => {
    await world.updateProfile(production, { rateLimits: [] });
    const before = await run();
    await world.updateProfile(production, {
      rateLimits: [{ scope: 'partner', type: 'count', window: 'hourly', limit: 100 }],
    });
    const after = await run();
    const { runs } = await world.goLive('runs', { profileId: production.id });
    expect(runs[0]!.id).toBe(after.id);
    expect(runs.map((entry) => entry.id)).toContain(before.id);
    const comparison = await world.goLive('compare', {
      profileId: production.id,
      beforeRunId: before.id,
      afterRunId: after.id,
    });
    expect(comparison.changes.map((change) => [change.itemId, change.before, change.after])).toContainEqual([
      'rate-limits-entered',
      'failed',
      'passed',
    ]);
    expect(comparison.changes.every((change) => change.itemId !== 'base-url')).toBe(true);
    await expect(world.goLive('get', { profileId: staging.id, runId: after.id })).rejects.toMatchObject({
      kind: 'NOT_FOUND',
    });
  });
});
