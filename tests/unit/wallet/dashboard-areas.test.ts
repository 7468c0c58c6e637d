import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { alertsArea } from '../../../src/main/areas/alerts/alerts-area.ts';
import type { AlertsHandlers } from '../../../src/main/areas/alerts/alerts-handlers.ts';
import { metricsArea } from '../../../src/main/areas/metrics/metrics-area.ts';
import type { MetricsHandlers } from '../../../src/main/areas/metrics/metrics-handlers.ts';
import { walletArea } from '../../../src/main/areas/wallet/wallet-area.ts';
import type { WalletHandlers } from '../../../src/main/areas/wallet/wallet-handlers.ts';
import { createConsoleCore, type ConsoleCore } from '../../../src/main/app/console-core.ts';
import { createMemoryVault } from '../../../src/main/kernel/vault/memory-vault.ts';

let core: ConsoleCore | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await core?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const waitFor = async (check: () => boolean) => {
  for (let attempt = 0; attempt < 200 && !check(); attempt += 1)
    await new Promise((resolve) => setTimeout(resolve, 25));
  expect(check()).toBe(true);
};

describe('the metrics, wallet and alerts areas on the real kernel and the embedded simulator', () => {
  it('each profile scope gets its poller, rollup and evaluator jobs; the wallet is sampled from Hubble; closing leaves no timer', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-areas-'));
    core = createConsoleCore({ dataDir, shell: 'browser-harness', version: 'test', vault: createMemoryVault() });
    const { kernel } = core;
    // What console-core will do once the lead lists these areas there.
    const areas = [metricsArea, walletArea, alertsArea].map((area) => ({ name: area.name, ...area.create(kernel) }));
    for (const area of areas) kernel.scopes.contribute(area.name, area.perProfile!);
    const handlers = Object.assign({}, ...areas.map((area) => area.handlers)) as {
      metrics: MetricsHandlers;
      wallet: WalletHandlers;
      alerts: AlertsHandlers;
    };
    await core.start();
    expect(kernel.jobs.list('simulator').map((job) => job.name)).toEqual(
      expect.arrayContaining(['metrics.rollup', 'wallet.poll', 'alerts.evaluate']),
    );
    // the poller ran at once (runIfNeverRan) against the simulator's staging wallet
    await waitFor(() => kernel.jobs.list('simulator').find((job) => job.name === 'wallet.poll')?.lastRun !== null);
    const summary = await handlers.wallet.summary(undefined);
    expect(summary.latest).toMatchObject({ balancePaise: 5_00_000_00, source: 'poll' });
    const manual = await handlers.wallet.sampleNow(undefined);
    expect(manual).toMatchObject({ balancePaise: 5_00_000_00, source: 'manual' });

    const rules = await handlers.alerts.rules(undefined);
    expect(rules.rules.map((rule) => rule.condition.kind).sort()).toEqual(
      [
        'error-spike',
        'rate-limit',
        'runway',
        'stuck-processing',
        'success-rate',
        'wallet-below-minimum',
        'webhook-failures',
      ].sort(),
    );
    const now = kernel.clock.now();
    const dashboard = await handlers.metrics.dashboard({ from: now - 3_600_000, to: now + 60_000 });
    // the wallet reads are calls too: the Calls rollups have them
    expect(dashboard.sources).toMatchObject({ calls: true, walletSamples: true, alerts: true });
    expect(dashboard.latency.map((row) => row.endpoint)).toContain('GET /v1/partners/wallet/balance');
    // a switch to this profile, as the active-profile service records it in the app's audit log, is an annotation
    expect(dashboard.annotations.filter((annotation) => annotation.kind === 'profile-switch')).toEqual([]);
    kernel.audit.record({
      action: 'profile.activated',
      profileId: 'simulator',
      profileName: 'Simulator',
      details: { environment: 'simulator', from: 'Staging' },
    });
    kernel.audit.record({ action: 'profile.activated', profileId: 'other', profileName: 'Other', details: {} });
    const switched = await handlers.metrics.dashboard({ from: now - 3_600_000, to: now + 60_000 });
    expect(switched.annotations.filter((annotation) => annotation.kind === 'profile-switch')).toEqual([
      expect.objectContaining({ text: expect.stringMatching(/switched to this profile from Staging$/), drill: null }),
    ]);

    await kernel.scopes.close('simulator');
    expect(kernel.jobs.activeTimers('simulator')).toBe(0);
  });
});
