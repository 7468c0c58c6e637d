import { alertRuleSchema, type AlertRule } from '../../src/shared/contract/alerts.ts';
import { dashboardSchema, rateLimitMetersSchema, type Dashboard } from '../../src/shared/contract/metrics.ts';
import { receiverStatusSchema } from '../../src/shared/contract/receiver.ts';
import { walletSummarySchema, type WalletSummary } from '../../src/shared/contract/wallet.ts';
import { installFakeHubble, type FakeHubble } from './fake-hubble.ts';

/** 10:00 UTC on a fixed day: every bucket below is a whole minute after it. */
export const T0 = Date.UTC(2026, 10, 26, 10, 0);
const MINUTE = 60_000;

export const PROFILES = {
  activeProfileId: 'simulator',
  profiles: [
    {
      id: 'simulator',
      name: 'Simulator',
      environment: 'simulator',
      baseUrl: 'http://127.0.0.1:1',
      colour: '#7c3aed',
      builtIn: true,
    },
  ],
  welcomeDismissed: true,
};

/** A dashboard over 15 minutes with orders in two minutes, failures of two kinds and one top-up. */
export function dashboardAnswer(over: Partial<Dashboard> = {}): Dashboard {
  return dashboardSchema.parse({
    from: T0,
    to: T0 + 15 * MINUTE,
    bucket: 'minute',
    bucketMs: MINUTE,
    latencyBucketMs: MINUTE,
    sources: { calls: true, orders: true, walletSamples: true, alerts: true, webhooks: 'absent' },
    orders: [
      {
        at: T0 + 3 * MINUTE,
        success: 3,
        failed: 1,
        processing: 2,
        other: 0,
        successRate: 0.75,
        orders: 6,
        amountPaise: 600_000,
        spentPaise: 500_000,
        drill: { area: 'orders', filters: { from: T0 + 3 * MINUTE, to: T0 + 4 * MINUTE } },
      },
      {
        at: T0 + 7 * MINUTE,
        success: 9,
        failed: 3,
        processing: 0,
        other: 1,
        successRate: 0.75,
        orders: 13,
        amountPaise: 1_300_000,
        spentPaise: 900_000,
        drill: { area: 'orders', filters: { from: T0 + 7 * MINUTE, to: T0 + 8 * MINUTE } },
      },
    ],
    latency: [
      {
        endpoint: 'POST /v1/partners/orders',
        calls: 19,
        avgMs: 420,
        p50Ms: 380,
        p95Ms: 910,
        maxMs: 1200,
        drill: { area: 'calls', filters: { from: T0, to: T0 + 15 * MINUTE, path: '/v1/partners/orders' } },
      },
    ],
    latencySeries: [
      { at: T0 + 3 * MINUTE, endpoint: 'POST /v1/partners/orders', calls: 6, avgMs: 400, p50Ms: 370, p95Ms: 880 },
      { at: T0 + 7 * MINUTE, endpoint: 'POST /v1/partners/orders', calls: 13, avgMs: 430, p50Ms: 390, p95Ms: 930 },
    ],
    errors: [
      {
        at: T0 + 7 * MINUTE,
        calls: 40,
        failed: 4,
        byKind: { server: 3, network: 1 },
        drill: { area: 'calls', filters: { from: T0 + 7 * MINUTE, to: T0 + 8 * MINUTE, outcome: 'failed' } },
      },
    ],
    topErrors: [
      {
        kind: 'server',
        errorKey: 'E503',
        calls: 3,
        lastAt: T0 + 7 * MINUTE,
        drill: { area: 'calls', filters: { from: T0, to: T0 + 15 * MINUTE, errorId: 'E503' } },
      },
    ],
    wallet: [
      { at: T0 + MINUTE, balancePaise: 50_000_000 },
      { at: T0 + 9 * MINUTE, balancePaise: 75_000_000 },
    ],
    annotations: [{ at: T0 + 9 * MINUTE, kind: 'top-up', text: 'Top-up ₹2,50,000', drill: null }],
    ...over,
  });
}

export function walletSummaryAnswer(over: Partial<WalletSummary> = {}): WalletSummary {
  return walletSummarySchema.parse({
    latest: { at: T0 + 9 * MINUTE, balancePaise: 12_345_678_90, source: 'poll' },
    minimumPaise: 10_000_000,
    belowMinimum: false,
    spendRatePaisePerHour: 250_000,
    spendWindowHours: 6,
    typicalOrderPaise: 100_000,
    runway: { toE300Hours: 3 + 20 / 60, toMinimumHours: 30, toEmptyHours: 40 },
    pollEverySecs: 300,
    topUps: [],
    ...over,
  });
}

export const metersAnswer = (percentUsed: number) =>
  rateLimitMetersSchema.parse({
    at: T0 + 10 * MINUTE,
    meters: [
      {
        limit: { scope: 'partner', type: 'count', window: 'hourly', limit: 40 },
        window: { start: T0, end: T0 + 60 * MINUTE },
        used: (percentUsed / 100) * 40,
        uncertain: 1,
        capacity: 40,
        percentUsed,
        worst: null,
      },
    ],
    rateLimitFailures: {
      hour: 2,
      day: 5,
      drill: { area: 'calls', filters: { errorId: 'rate-limit', from: T0, to: T0 + 60 * MINUTE } },
    },
  });

export const receiverOff = receiverStatusSchema.parse({
  enabled: false,
  state: 'off',
  url: null,
  error: null,
  settings: {
    bindAddress: '127.0.0.1',
    maxBodyBytes: 1024 * 1024,
    ratePerMinute: 600,
    hubbleAddressesOnly: false,
    trustedProxies: [],
  },
  pending: 0,
});

export function ruleAnswer(over: Partial<AlertRule> = {}): AlertRule {
  return alertRuleSchema.parse({
    id: 1,
    name: 'Order success rate below 95%',
    enabled: true,
    forMinutes: 2,
    reNotifyMinutes: 10,
    condition: { kind: 'success-rate', belowPercent: 95, windowMinutes: 15, minSamples: 20 },
    state: 'ok',
    since: T0,
    value: 99,
    evaluatedAt: T0 + 10 * MINUTE,
    acknowledgedAt: null,
    snoozedUntil: null,
    ...over,
  });
}

/**
 * A fake main answering every channel the Dashboard, Wallet and Alerts pages use; `answers` overrides any of
 * them (a function gets the input). Unknown channels answer NOT_FOUND, so a page asking for more shows it.
 */
export function installDashboardHubble(answers: Record<string, unknown> = {}): FakeHubble {
  const defaults: Record<string, unknown> = {
    'profiles.list': PROFILES,
    'metrics.dashboard': dashboardAnswer(),
    'metrics.rateLimitMeters': metersAnswer(50),
    'wallet.summary': walletSummaryAnswer(),
    'wallet.samples': { samples: [], topUps: [], thinned: false },
    'receiver.status': receiverOff,
    'receiver.list': { events: [] },
    'alerts.rules': { rules: [ruleAnswer()], muted: false },
    'alerts.list': { active: [], history: [], firing: 0 },
    'calls.search': { rows: [], offset: 0, total: 0, snapshot: 0 },
    'orders.search': { rows: [], offset: 0, total: 0 },
  };
  const table = { ...defaults, ...answers };
  return installFakeHubble((channel, input) => {
    if (!(channel in table)) return { ok: false, error: { kind: 'NOT_FOUND', message: channel } };
    const answer = table[channel];
    return { ok: true, value: typeof answer === 'function' ? (answer as (input: unknown) => unknown)(input) : answer };
  });
}
