import { z } from 'zod';
import { DEMO_CLIENTS } from './demo-clients.ts';
import { latencySettingsSchema, NO_LATENCY } from './latency.ts';
import { rateLimitSchema } from './state/rate-limits.ts';

export const SCENARIO_NAMES = ['calm', 'busy', 'degraded', 'rate-limited', 'low-wallet'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

const weight = z.number().min(0);
const rate = z.number().min(0).max(1);

export const scenarioSchema = z.object({
  name: z.enum(SCENARIO_NAMES),
  description: z.string(),
  /** Weights of the outcome of an order nothing else forces. */
  outcomes: z.object({
    SUCCESS: weight,
    PROCESSING_THEN_SUCCESS: weight,
    PROCESSING_THEN_FAILED: weight,
    FAILED: weight,
  }),
  settleAfterSecs: z.object({ min: z.number().min(0), max: z.number().min(0) }),
  latency: latencySettingsSchema,
  /** Chance per API request of a 5xx or a reset (before processing), and per place-order of a dropped answer (after commit). */
  randomFaults: z.object({ http5xxRate: rate, resetRate: rate, dropAfterCommitRate: rate }),
  /** Applied to every client. */
  rateLimits: z.array(rateLimitSchema),
  /** Wallets (rupees) the scenario sets when applied. */
  wallets: z.record(z.string(), z.object({ balance: z.number(), lowBalanceThreshold: z.number() }).optional()),
});
export type Scenario = z.infer<typeof scenarioSchema>;

const NO_FAULTS = { http5xxRate: 0, resetRate: 0, dropAfterCommitRate: 0 };

export const SCENARIOS: Record<ScenarioName, Scenario> = {
  calm: {
    name: 'calm',
    description: 'Every order succeeds at once; no added latency, no faults, no rate limits.',
    outcomes: { SUCCESS: 1, PROCESSING_THEN_SUCCESS: 0, PROCESSING_THEN_FAILED: 0, FAILED: 0 },
    settleAfterSecs: { min: 5, max: 20 },
    latency: NO_LATENCY,
    randomFaults: NO_FAULTS,
    rateLimits: [],
    wallets: {},
  },
  busy: {
    name: 'busy',
    description:
      'A normal busy day: 85% SUCCESS, 10% PROCESSING that succeeds, 2% PROCESSING that fails, 3% FAILED; 20–80 ms latency.',
    outcomes: { SUCCESS: 0.85, PROCESSING_THEN_SUCCESS: 0.1, PROCESSING_THEN_FAILED: 0.02, FAILED: 0.03 },
    settleAfterSecs: { min: 2, max: 15 },
    latency: { fixedMs: 20, jitterMs: 60, distribution: 'uniform' },
    randomFaults: NO_FAULTS,
    rateLimits: [],
    wallets: {},
  },
  degraded: {
    name: 'degraded',
    description:
      'A provider incident: 60% SUCCESS, 25% PROCESSING (40% of them fail), 15% FAILED; slow, long-tailed latency; 5% 5xx, 1% resets, 2% dropped place-order answers.',
    outcomes: { SUCCESS: 0.6, PROCESSING_THEN_SUCCESS: 0.15, PROCESSING_THEN_FAILED: 0.1, FAILED: 0.15 },
    settleAfterSecs: { min: 10, max: 60 },
    latency: { fixedMs: 250, jitterMs: 400, distribution: 'exponential' },
    randomFaults: { http5xxRate: 0.05, resetRate: 0.01, dropAfterCommitRate: 0.02 },
    rateLimits: [],
    wallets: {},
  },
  'rate-limited': {
    name: 'rate-limited',
    description:
      'Tight Go Live limits: 20 orders an hour and ₹50,000 a day per partner; ₹10,000 a day per brand; 2 orders a day per brand per end-customer.',
    outcomes: { SUCCESS: 1, PROCESSING_THEN_SUCCESS: 0, PROCESSING_THEN_FAILED: 0, FAILED: 0 },
    settleAfterSecs: { min: 5, max: 20 },
    latency: NO_LATENCY,
    randomFaults: NO_FAULTS,
    rateLimits: [
      { scope: 'partner', type: 'count', window: 'hourly', limit: 20 },
      { scope: 'partner', type: 'amount', window: 'daily', limit: 50_000 },
      { scope: 'brand', type: 'amount', window: 'daily', limit: 10_000 },
      { scope: 'brand', type: 'count', window: 'daily', limit: 2, perCustomer: true },
    ],
    wallets: {},
  },
  'low-wallet': {
    name: 'low-wallet',
    description:
      'Wallets just above their low-balance threshold: the first orders cross it (one Wallet Low Balance webhook), then E300 follows.',
    outcomes: { SUCCESS: 1, PROCESSING_THEN_SUCCESS: 0, PROCESSING_THEN_FAILED: 0, FAILED: 0 },
    settleAfterSecs: { min: 5, max: 20 },
    latency: NO_LATENCY,
    randomFaults: NO_FAULTS,
    rateLimits: [],
    wallets: {
      [DEMO_CLIENTS.staging.clientId]: { balance: 12_000, lowBalanceThreshold: 10_000 },
      [DEMO_CLIENTS.production.clientId]: { balance: 60_000, lowBalanceThreshold: 50_000 },
      [DEMO_CLIENTS.b2c.clientId]: { balance: 6_000, lowBalanceThreshold: 5_000 },
    },
  },
};

export const isScenarioName = (name: string): name is ScenarioName =>
  (SCENARIO_NAMES as readonly string[]).includes(name);
