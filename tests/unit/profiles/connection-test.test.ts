import { confirmedInput } from '../../fixtures/confirm.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, DEMO_CLIENTS, type RunningSimulator } from '../../../src/main/simulator/index.ts';
import type { ConnectionTestReport, Profile } from '../../../src/shared/contract/profiles.ts';
import { valueOrThrow } from '../../fixtures/value-or-throw.ts';
import { ctx, profilesFixture, removeDir, settingsFor, type ProfilesFixture } from './profiles-fixture.ts';

let sim: RunningSimulator;
let fixture: ProfilesFixture;
const ADDRESSES = [{ interface: 'eth0', address: '203.0.113.7', family: 'IPv4' as const }];

beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => sim.close());
afterEach(async () => {
  await fixture.close();
  removeDir(fixture.dataDir);
  await control('POST', '/__sim/reset', {});
});

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(new URL(path, sim.baseUrl), {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
  return response.json();
}

const value = async <T>(channel: string, input?: unknown): Promise<T> =>
  valueOrThrow<T>(channel, await fixture.router.dispatch(channel, input, ctx));

async function profileWith(
  environment: 'staging' | 'production' | 'custom',
  clientId: string,
  secret: string | null,
  extra: Record<string, unknown> = {},
) {
  const profile = await value<Profile>('profiles.create', {
    settings: settingsFor(environment, `${environment} ${clientId}`, { clientId, ...extra }),
  });
  if (secret) {
    const input = { profileId: profile.id, kind: 'clientSecret', value: secret };
    await value('profiles.setSecret', await confirmedInput(fixture.router, 'profiles.setSecret', input));
  }
  return profile;
}

const test = (profile: Profile) => value<ConnectionTestReport>('profiles.testConnection', { profileId: profile.id });

function setUp(timeouts?: { headersMs: number }) {
  fixture = profilesFixture({
    simulatorBaseUrl: sim.baseUrl,
    environmentBaseUrls: sim.environmentUrls,
    connectionTest: { networkAddresses: () => ADDRESSES, proxy: null, timeouts },
  });
}

describe('connection test against the simulator', () => {
  it('succeeds: login, wallet and products, each timed with the X-REQUEST-ID the simulator saw', async () => {
    setUp();
    const staging = await profileWith('staging', DEMO_CLIENTS.staging.clientId, DEMO_CLIENTS.staging.clientSecret);
    const report = await test(staging);
    expect(report).toMatchObject({
      ok: true,
      environment: 'staging',
      baseUrl: sim.environmentUrls.staging,
      diagnosis: { kind: 'ok' },
    });
    expect(report.steps.map((step) => [step.step, step.outcome, step.httpStatus])).toEqual([
      ['login', 'ok', 200],
      ['wallet', 'ok', 200],
      ['products', 'ok', 200],
    ]);
    expect(report.steps[1]?.summary).toMatch(/^Balance ₹/);
    expect(report.steps[2]?.summary).toMatch(/^\d+ products \(\d+ active\)$/);
    for (const step of report.steps) expect(step.durationMs).toBeGreaterThan(0);
    const { requests } = (await control('GET', '/__sim/requests')) as {
      requests: { requestId: string; path: string }[];
    };
    expect(requests.map((request) => request.requestId)).toEqual(report.steps.map((step) => step.requestId));
  });

  it('works for the built-in Simulator profile with its demo credentials', async () => {
    setUp();
    const report = await value<ConnectionTestReport>('profiles.testConnection', { profileId: 'simulator' });
    expect(report).toMatchObject({
      ok: true,
      environment: 'simulator',
      diagnosis: { kind: 'ok', title: 'Connected to the simulator' },
    });
  });

  it('explains a 401 from a wrong secret', async () => {
    setUp();
    const staging = await profileWith('staging', DEMO_CLIENTS.staging.clientId, 'not-the-secret');
    const report = await test(staging);
    expect(report.ok).toBe(false);
    expect(report.steps.map((step) => step.outcome)).toEqual(['failed', 'skipped', 'skipped']);
    expect(report.steps[0]).toMatchObject({ httpStatus: 401, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(report.diagnosis).toMatchObject({
      kind: 'unauthorized',
      explanation: expect.stringContaining('production credentials'),
    });
  });

  it('explains a 401 from staging keys used on production', async () => {
    setUp();
    const production = await profileWith(
      'production',
      DEMO_CLIENTS.staging.clientId,
      DEMO_CLIENTS.staging.clientSecret,
    );
    const report = await test(production);
    expect(report.diagnosis.kind).toBe('unauthorized');
    expect(report.diagnosis.explanation).toContain('staging keys do not work on production');
  });

  it('explains a 403: this machine is not whitelisted, with its addresses and the Go Live steps', async () => {
    setUp();
    await control('POST', `/__sim/clients/${DEMO_CLIENTS.production.clientId}`, { whitelisted: false });
    const production = await profileWith(
      'production',
      DEMO_CLIENTS.production.clientId,
      DEMO_CLIENTS.production.clientSecret,
    );
    const report = await test(production);
    expect(report.steps[0]).toMatchObject({ outcome: 'failed', httpStatus: 403 });
    expect(report.diagnosis).toMatchObject({ kind: 'ip-not-whitelisted', networkAddresses: ADDRESSES });
    expect(report.diagnosis.title).toContain('not whitelisted');
    expect(report.diagnosis.actions.join(' ')).toMatch(
      /integration portal.*separately from staging.*VPN or proxy.*dynamic IPs/s,
    );
  });

  it('explains a timeout', async () => {
    setUp({ headersMs: 250 });
    await control('POST', '/__sim/faults', { path: '/v1/partners/wallet', kind: 'delay', delayMs: 2_000 });
    const staging = await profileWith('staging', DEMO_CLIENTS.staging.clientId, DEMO_CLIENTS.staging.clientSecret);
    const report = await test(staging);
    expect(report.steps.map((step) => step.outcome)).toEqual(['ok', 'failed', 'skipped']);
    expect(report.steps[1]).toMatchObject({ httpStatus: null, requestId: expect.any(String) });
    expect(report.diagnosis).toMatchObject({ kind: 'timeout', title: 'Hubble did not answer in time' });
  });

  it('explains a wrong base URL: an HTML page, or a path that is not Hubble’s API', async () => {
    setUp();
    await control('POST', '/__sim/faults', { path: '/v1/partners/auth/login', kind: 'html' });
    const staging = await profileWith('staging', DEMO_CLIENTS.staging.clientId, DEMO_CLIENTS.staging.clientSecret);
    expect((await test(staging)).diagnosis.kind).toBe('wrong-base-url');

    const custom = await profileWith('custom', DEMO_CLIENTS.staging.clientId, DEMO_CLIENTS.staging.clientSecret, {
      baseUrl: `${sim.baseUrl}/gateway`,
    });
    const report = await test(custom);
    expect(report.steps[0]?.httpStatus).toBe(404);
    expect(report.diagnosis.kind).toBe('wrong-base-url');
  });

  it('explains a refused connection and a missing secret without calling anyone', async () => {
    setUp();
    const closed = await startSimulator();
    const url = closed.baseUrl;
    await closed.close();
    const custom = await profileWith('custom', 'x', 'y', { baseUrl: url });
    expect((await test(custom)).diagnosis.kind).toBe('connection-refused');
    const noSecret = await profileWith('staging', 'nobody', null);
    const report = await test(noSecret);
    expect(report.diagnosis.kind).toBe('missing-secret');
    expect(report.steps.every((step) => step.outcome === 'skipped')).toBe(true);
  });
});
