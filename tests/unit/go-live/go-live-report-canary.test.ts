import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_CLIENTS } from '../../../src/main/simulator/index.ts';
import type { GoLiveRun } from '../../../src/shared/contract/goLive.ts';
import type { Profile } from '../../../src/shared/contract/profiles.ts';
import { folderBytes, freePort, goLiveWorld, itemOf, type GoLiveWorld } from './go-live-fixture.ts';

vi.mock('../../../src/main/store/profile-migrations/index.ts', async (importOriginal) => {
  const { withGoLiveMigrations } = await import('./go-live-migrations.ts');
  return withGoLiveMigrations(
    await importOriginal<typeof import('../../../src/main/store/profile-migrations/index.ts')>(),
  );
});

const marker = (name: string) => `CANARY-${name}-${randomUUID()}`;
const WRONG_PRODUCTION_SECRET = marker('WRONG-PRODUCTION-SECRET');
const STAGING_SECRET = marker('STAGING-SECRET');
const WEBHOOK_SECRET = marker('WEBHOOK-SECRET');
const SECRETS = [WRONG_PRODUCTION_SECRET, STAGING_SECRET, WEBHOOK_SECRET, DEMO_CLIENTS.production.clientSecret];

let world: GoLiveWorld;
let production: Profile;
let staging: Profile;

beforeAll(async () => {
  world = await goLiveWorld();
  staging = await world.createProfile({ environment: 'staging', name: 'Canary Staging', clientId: 'canary-staging' });
  await world.setSecret(staging, 'clientSecret', STAGING_SECRET);
  production = await world.createProfile({
    environment: 'production',
    name: 'Canary Production',
    clientId: DEMO_CLIENTS.production.clientId,
    walletMinimum: 1_000,
    webhookReceiver: { enabled: true, port: await freePort() },
  });
  await world.setSecret(production, 'webhookSecret', WEBHOOK_SECRET);
});
afterAll(async () => world?.close());

function expectNoSecret(text: string) {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

async function everyExport(run: GoLiveRun, before?: GoLiveRun) {
  const { markdown, fileName } = await world.goLive('exportMarkdown', { profileId: run.profileId, runId: run.id });
  expect(fileName).toMatch(/^go-live-Canary-Production-run-\d+-\d{4}-\d{2}-\d{2}\.md$/);
  const pdf = await world.goLive('exportPdf', { profileId: run.profileId, runId: run.id });
  const stored = await world.goLive('get', { profileId: run.profileId, runId: run.id });
  const compared = before
    ? await world.goLive('compare', { profileId: run.profileId, beforeRunId: before.id, afterRunId: run.id })
    : null;
  return {
    markdown,
    all: [
      markdown,
      world.printed.at(-1)!,
      Buffer.from(pdf.base64, 'base64').toString('latin1'),
      JSON.stringify(stored),
      JSON.stringify(compared),
    ].join('\n'),
  };
}

describe('the go-live report holds no secret (canary)', () => {
  it('after a refused login with a wrong secret, and after a passing one: Markdown, PDF, stored runs, comparison and the data folder', async () => {
    await world.setSecret(production, 'clientSecret', WRONG_PRODUCTION_SECRET);
    const refused = await world.goLive('run', { profileId: production.id, counterpartId: staging.id });
    expect(itemOf(refused, 'login').status).toBe('failed');
    const first = await everyExport(refused);
    expect(first.markdown).toContain('# Go-Live checklist: Canary Production');
    expect(first.markdown).toContain('**FAILED**: Login works with these credentials');
    expect(first.markdown).toContain(`X-REQUEST-ID \`${itemOf(refused, 'login').evidence[0]!.requestId}\``);
    expect(first.markdown).toMatch(/Fix: Staging keys do not work on production/);
    expectNoSecret(first.all);

    await world.setSecret(production, 'clientSecret', DEMO_CLIENTS.production.clientSecret);
    const passing = await world.goLive('run', { profileId: production.id, counterpartId: staging.id });
    expect(itemOf(passing, 'login').status).toBe('passed');
    expect(itemOf(passing, 'credentials-distinct').status).toBe('passed');
    const second = await everyExport(passing, refused);
    expectNoSecret(second.all);
    expect(world.printed.at(-1)).toMatch(/^<!doctype html>/);
    expect(world.printed.at(-1)).not.toMatch(/<script|https?:\/\/(?!127\.0\.0\.1)[^"<\s]*\.(js|css)/);

    // a rehearsal logs in to staging with its (wrong) marker secret: still nothing leaks
    const rehearsal = await world.goLive('run', { profileId: staging.id, counterpartId: production.id });
    expect(itemOf(rehearsal, 'login').status).toBe('failed');
    expectNoSecret(JSON.stringify(rehearsal));

    const { entries } = (await world.call('audit.list', { limit: 1000 })) as { entries: unknown[] };
    expectNoSecret(JSON.stringify(entries));
    await world.core.stop();
    expectNoSecret(folderBytes(world.dataDir));
  });
});
