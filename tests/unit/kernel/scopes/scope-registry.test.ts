import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../../../src/main/kernel/event-bus.ts';
import { TestClock } from '../../../../src/main/kernel/jobs/clock.ts';
import { scopesFixture, type ScopesFixture } from '../../../fixtures/scopes.ts';
import { useTempDir } from '../../../fixtures/temp-dir.ts';
import { STAGING, useSimulator } from '../../hubble/simulator-fixture.ts';

const sim = useSimulator();
const tempDir = useTempDir();
let fixture: ScopesFixture | undefined;
afterEach(async () => fixture?.close());

const requestBodyOf = (fx: ScopesFixture, profileId: string, referenceId: string) => {
  const scope = fx.scopes.get(profileId);
  scope.recorder.flush();
  return (
    scope.db
      .prepare("SELECT request_body FROM api_calls WHERE reference_id = ? AND method = 'POST'")
      .get(referenceId) as { request_body: string } | undefined
  )?.request_body;
};

async function placeOrder(profileId: string, referenceId: string, name: string) {
  const fx = await sim.control.fixtures();
  await fixture!.scopes
    .get(profileId)
    .client()
    .placeOrder({
      productId: fx.fixed,
      referenceId,
      amount: 500,
      denominationDetails: [{ denomination: 500, quantity: 1 }],
      customerDetails: { name },
    });
}

describe('profile scopes', () => {
  it('record a profile\u2019s calls, announce them, strip its webhook secret by value, and delete its history on request', async () => {
    const events = new EventBus();
    const announced: unknown[] = [];
    events.connect((name, payload) => announced.push([name, payload]));
    fixture = scopesFixture(tempDir(), {
      connectionFor: () => sim.connection(),
      secretValues: async () => [STAGING.webhookSecret, null],
      onRecorded: (profileId, rows, lastId) => events.emit('calls.recorded', { profileId, rows, lastId }),
    });
    const scope = fixture.scopes.get('simulator');
    const client = scope.client();
    expect(scope.client()).toBe(client);
    expect(fixture.scopes.get('simulator')).toBe(scope);
    await new Promise<void>((resolve) => setImmediate(resolve));
    await placeOrder('simulator', 'area-1', STAGING.webhookSecret);

    const body = requestBodyOf(fixture, 'simulator', 'area-1');
    expect(announced).toEqual([['calls.recorded', { profileId: 'simulator', rows: 2, lastId: 2 }]]);
    expect(body).toBeTruthy();
    expect(body).not.toContain(STAGING.webhookSecret);

    const file = fixture.databases.fileOf('simulator');
    expect(fs.existsSync(file)).toBe(true);
    await fixture.scopes.delete('simulator');
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(scope.db.open).toBe(false);
    expect(fixture.scopes.isOpen('simulator')).toBe(false);
    expect(fixture.scopes.get('simulator').client()).not.toBe(client);
  });

  it('strip a webhook secret set after the profile was opened, once told secrets changed', async () => {
    let current: string | null = null;
    fixture = scopesFixture(tempDir(), {
      connectionFor: () => sim.connection(),
      secretValues: async () => [current],
    });
    await fixture.scopes.get('simulator').client().walletBalance();
    current = 'late-webhook-secret-4f1c';
    fixture.scopes.refreshSecrets('simulator');
    await new Promise<void>((resolve) => setImmediate(resolve));
    await placeOrder('simulator', 'late-secret-1', current);
    const body = requestBodyOf(fixture, 'simulator', 'late-secret-1');
    expect(body).toBeTruthy();
    expect(body).not.toContain('late-webhook-secret-4f1c');
  });

  it('give a profile a new client when its connection changes, so a token of the old settings never travels', () => {
    let clientId = STAGING.clientId;
    fixture = scopesFixture(tempDir(), { connectionFor: () => sim.connection({ clientId }) });
    const scope = fixture.scopes.get('staging-1');
    const first = scope.client();
    expect(scope.client()).toBe(first);
    clientId = 'another-client' as typeof clientId;
    expect(scope.client()).not.toBe(first);
  });

  it('deleting a profile while its jobs run leaves no timer, no open database and no pool', async () => {
    const clock = new TestClock(Date.parse('2026-01-05T10:00:00Z'));
    fixture = scopesFixture(tempDir(), { connectionFor: () => sim.connection(), clock });
    fixture.jobs.setActiveProfile('doomed');
    const aborted: string[] = [];
    const disposed: string[] = [];
    let release: () => void = () => undefined;
    fixture.scopes.contribute('test-area', (scope) => {
      scope.addJob({
        name: 'slow',
        schedule: { kind: 'interval', everyMs: 60_000 },
        run: (ctx) =>
          new Promise<void>((resolve) => {
            release = resolve;
            ctx.signal.addEventListener('abort', () => {
              aborted.push(ctx.profileId);
              resolve();
            });
          }),
      });
      scope.addJob({ name: 'idle', schedule: { kind: 'interval', everyMs: 3_600_000 }, run: async () => undefined });
      return () => void disposed.push(scope.profileId);
    });
    const scope = fixture.scopes.get('doomed');
    await scope.client().walletBalance();
    const kept = fixture.scopes.get('kept');
    await clock.advance(60_000);
    expect(fixture.jobs.list('doomed').find((job) => job.name === 'slow')?.state).toBe('running');
    expect(fixture.jobs.activeTimers()).toBeGreaterThan(0);

    await fixture.scopes.delete('doomed');
    release();
    expect(aborted).toEqual(['doomed']);
    expect(disposed).toEqual(['doomed']);
    expect(fixture.jobs.list('doomed')).toEqual([]);
    expect(scope.db.open).toBe(false);
    expect(fixture.scopes.openProfileIds()).toEqual(['kept']);
    expect(fs.existsSync(fixture.databases.fileOf('doomed'))).toBe(false);
    // A closed scope opens no pool and starts no job for a profile that is gone.
    expect(() => scope.client()).toThrow(/closed/);
    expect(() => scope.addJob({ name: 'late', schedule: { kind: 'off' }, run: async () => undefined })).toThrow(
      /closed/,
    );
    expect(kept.db.open).toBe(true);

    await fixture.scopes.close('kept');
    expect(fixture.jobs.activeTimers()).toBe(0);
  });
});
