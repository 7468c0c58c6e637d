import { z } from 'zod';
import { brandPatchSchema } from '../catalogue/change-brand.ts';
import { brandSchema, catalogueSchema } from '../catalogue/catalogue-schema.ts';
import { configPatchSchema, simConfigSchema } from '../config.ts';
import { faultSchema } from '../faults.ts';
import { latencySchema, latencySettingsSchema } from '../latency.ts';
import { settleRequestSchema } from '../orders/admin-transitions.ts';
import { forcedOutcomeSchema, OUTCOME_NAMES } from '../orders/outcome.ts';
import { SCENARIO_NAMES, scenarioSchema } from '../scenarios.ts';
import { clientPatchSchema } from '../state/clients.ts';
import { rateLimitSchema } from '../state/rate-limits.ts';
import { requestLogEntrySchema } from '../state/request-log.ts';
import { deliveryRecordSchema } from '../webhooks/delivery-log.ts';
import { webhookUrlsSchema } from '../webhooks/webhook-targets.ts';
import { controlOperation } from './define.ts';

const money = z.number().finite();
const ok = z.literal(true);

export const resetRequestSchema = z
  .object({ seed: z.number().int().optional(), scenario: z.enum(SCENARIO_NAMES).optional() })
  .strict();
export const advanceRequestSchema = z
  .object({
    seconds: z
      .number()
      .min(0)
      .max(10 * 365 * 86_400),
  })
  .strict();

const clientParams = z.object({ clientId: z.string().min(1) });
const brandParams = z.object({ brandId: z.string().min(1) });
const orderParams = z.object({ orderId: z.string().min(1) });
const assetBrandId = z.string().regex(/^[0-9A-Z]{26}$/);
/** `since=N`: entries after sequence number N (all of them without it). */
const sinceQuery = z.object({ since: z.coerce.number<number>().int().min(0).optional() });

const clockSchema = z.object({ now: z.number(), iso: z.string(), frozen: z.boolean() });
const walletSchema = z.object({ clientId: z.string(), balance: z.number() });

export const clientViewSchema = z.object({
  clientId: z.string(),
  environment: z.enum(['staging', 'production']),
  b2c: z.boolean(),
  enforceIpWhitelist: z.boolean(),
  whitelisted: z.boolean(),
  dynamicIp: z.boolean(),
  webhookUrl: z.string().nullable(),
  /** A URL per webhook type (types without one go to webhookUrl). */
  webhookUrls: webhookUrlsSchema,
  balance: z.number(),
  lowBalanceThreshold: z.number(),
  duplicateReference: z.enum(['return-existing', 'error']),
  /** Each limit with what it has used in its current window. */
  rateLimits: z.array(z.object({ ...rateLimitSchema.shape, used: z.number(), windowKey: z.string() })),
  notEnabledBrandIds: z.array(z.string()),
});
export type SimClientView = z.infer<typeof clientViewSchema>;

export const orderDetailsSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  referenceId: z.string(),
  productId: z.string(),
  amount: z.number(),
  refunded: z.number(),
  status: z.string(),
  wasProcessing: z.boolean(),
  settlesAt: z.string().nullable(),
  history: z.array(z.object({ status: z.string(), at: z.string() })),
  voucherIds: z.array(z.string()),
});
export type SimOrderDetails = z.infer<typeof orderDetailsSchema>;

const brandStateSchema = z.object({
  brand: brandSchema,
  temporarilyDisabled: z.boolean(),
  forcedOutcome: z.enum(OUTCOME_NAMES).nullable(),
  discountValidFrom: z.string(),
  discountValidTo: z.string().nullable(),
});

const brandChangeSchema = z.object({
  brand: brandSchema,
  temporarilyDisabled: z.boolean(),
  forcedOutcome: z.enum(OUTCOME_NAMES).nullable(),
  brandUpdatedSent: z.boolean(),
  discountUpdateSent: z.boolean(),
});

export const fixturesSchema = catalogueSchema.shape.simulator.shape.fixtures;
export type SimFixtures = z.infer<typeof fixturesSchema>;

const queuedFaultsSchema = z.object({ faults: z.array(z.object({ ...faultSchema.shape, remaining: z.number() })) });
const deliveriesSchema = z.object({ deliveries: z.array(deliveryRecordSchema) });

/**
 * The /__sim/ control API, described once. Test and admin controls only: never on an API path, never in the
 * request log, so a client under test can never come to depend on them. Keys are the typed client's method names.
 */
export const CONTROL_CONTRACT = {
  health: controlOperation({
    method: 'GET',
    path: '/__sim/health',
    summary: 'is the simulator up',
    response: z.object({ ok }),
  }),
  reset: controlOperation({
    method: 'POST',
    path: '/__sim/reset',
    summary: 'back to the seeded initial state (optionally another seed or scenario)',
    body: resetRequestSchema,
    response: z.object({ ok, seed: z.number().int(), scenario: z.enum(SCENARIO_NAMES) }),
  }),
  scenarios: controlOperation({
    method: 'GET',
    path: '/__sim/scenarios',
    summary: 'every scenario',
    response: z.object({ scenarios: z.array(scenarioSchema) }),
  }),
  scenario: controlOperation({
    method: 'POST',
    path: '/__sim/scenario',
    summary: "apply a scenario's mix, latency, limits (and wallets) without a reset",
    body: z.object({ name: z.enum(SCENARIO_NAMES) }).strict(),
    response: z.object({ ok, scenario: scenarioSchema }),
  }),
  readConfig: controlOperation({
    method: 'GET',
    path: '/__sim/config',
    summary: 'the switches',
    response: simConfigSchema,
  }),
  config: controlOperation({
    method: 'POST',
    path: '/__sim/config',
    summary: 'patch the switches',
    body: configPatchSchema,
    response: simConfigSchema,
  }),
  clock: controlOperation({
    method: 'GET',
    path: '/__sim/clock',
    summary: 'the simulator clock',
    response: clockSchema,
  }),
  advanceClock: controlOperation({
    method: 'POST',
    path: '/__sim/clock/advance',
    summary: 'move time on: expires tokens, settles due orders, rolls rate-limit windows',
    body: advanceRequestSchema,
    response: clockSchema.omit({ frozen: true }),
  }),
  setWallet: controlOperation({
    method: 'POST',
    path: '/__sim/wallet',
    summary: "set a client's balance (rupees)",
    body: z.object({ clientId: z.string(), balance: money }).strict(),
    response: walletSchema,
  }),
  topUp: controlOperation({
    method: 'POST',
    path: '/__sim/wallet/topup',
    summary: "add to a client's balance (rupees)",
    body: z.object({ clientId: z.string(), amount: money.positive() }).strict(),
    response: walletSchema,
  }),
  clients: controlOperation({
    method: 'GET',
    path: '/__sim/clients',
    summary: 'every client',
    response: z.object({ clients: z.array(clientViewSchema) }),
  }),
  client: controlOperation({
    method: 'GET',
    path: '/__sim/clients/:clientId',
    summary: 'one client with balance, switches, limits and their usage',
    params: clientParams,
    response: clientViewSchema,
  }),
  patchClient: controlOperation({
    method: 'POST',
    path: '/__sim/clients/:clientId',
    summary: 'change a client',
    params: clientParams,
    body: clientPatchSchema,
    response: clientViewSchema,
  }),
  nextOutcome: controlOperation({
    method: 'POST',
    path: '/__sim/next-outcome',
    summary: 'force the outcome of the next accepted order (FIFO)',
    body: forcedOutcomeSchema,
    response: z.object({ queued: z.array(forcedOutcomeSchema) }),
  }),
  addFault: controlOperation({
    method: 'POST',
    path: '/__sim/faults',
    summary: 'queue a one-shot (or N-shot) fault',
    body: faultSchema,
    response: queuedFaultsSchema,
  }),
  faults: controlOperation({
    method: 'GET',
    path: '/__sim/faults',
    summary: 'the queued faults',
    response: queuedFaultsSchema,
  }),
  clearFaults: controlOperation({
    method: 'DELETE',
    path: '/__sim/faults',
    summary: 'clear the fault queue',
    response: queuedFaultsSchema,
  }),
  latency: controlOperation({
    method: 'POST',
    path: '/__sim/latency',
    summary: 'added latency on every API answer',
    body: latencySchema,
    response: latencySettingsSchema,
  }),
  brand: controlOperation({
    method: 'GET',
    path: '/__sim/brands/:brandId',
    summary: 'a brand with the state the API never shows',
    params: brandParams,
    response: brandStateSchema,
  }),
  changeBrand: controlOperation({
    method: 'POST',
    path: '/__sim/brands/:brandId',
    summary: 'change a brand (sends Brand Updated / Brand Discount Update)',
    params: brandParams,
    body: brandPatchSchema,
    response: brandChangeSchema,
  }),
  fixtures: controlOperation({
    method: 'GET',
    path: '/__sim/catalogue/fixtures',
    summary: 'the ids of the fixture brands',
    response: fixturesSchema,
  }),
  order: controlOperation({
    method: 'GET',
    path: '/__sim/orders/:orderId',
    summary: 'an order with amount, refund, settle time and history',
    params: orderParams,
    response: orderDetailsSchema,
  }),
  reverse: controlOperation({
    method: 'POST',
    path: '/__sim/orders/:orderId/reverse',
    summary: 'SUCCESS → REVERSED',
    params: orderParams,
    response: orderDetailsSchema,
  }),
  cancel: controlOperation({
    method: 'POST',
    path: '/__sim/orders/:orderId/cancel',
    summary: 'PROCESSING or SUCCESS → CANCELLED',
    params: orderParams,
    response: orderDetailsSchema,
  }),
  settle: controlOperation({
    method: 'POST',
    path: '/__sim/orders/:orderId/settle',
    summary: 'settle a PROCESSING order now',
    params: orderParams,
    body: settleRequestSchema,
    response: orderDetailsSchema,
  }),
  requests: controlOperation({
    method: 'GET',
    path: '/__sim/requests',
    summary: 'the request log',
    query: sinceQuery,
    response: z.object({ requests: z.array(requestLogEntrySchema) }),
  }),
  deliveries: controlOperation({
    method: 'GET',
    path: '/__sim/webhooks/deliveries',
    summary: 'the webhook delivery log',
    query: sinceQuery,
    response: deliveriesSchema,
  }),
  flushWebhooks: controlOperation({
    method: 'POST',
    path: '/__sim/webhooks/flush',
    summary: 'wait until every queued (and retried) webhook has gone',
    response: deliveriesSchema,
  }),
  stats: controlOperation({
    method: 'GET',
    path: '/__sim/stats',
    summary: 'logins per client, requests and orders',
    response: z.object({
      logins: z.record(z.string(), z.number()),
      requests: z.number().int(),
      orders: z.number().int(),
    }),
  }),
  brandArt: controlOperation({
    method: 'GET',
    path: '/__sim/assets/:kind/:brandId.svg',
    summary: "a brand's generated logo, icon or thumbnail",
    params: z.object({ kind: z.enum(['logo', 'icon', 'thumbnail']), brandId: assetBrandId }),
    response: z.string(),
    contentType: 'image/svg+xml',
  }),
  brandTerms: controlOperation({
    method: 'GET',
    path: '/__sim/assets/tnc/:brandId.html',
    summary: "a brand's T&C page",
    params: z.object({ brandId: assetBrandId }),
    response: z.string(),
    contentType: 'text/html; charset=utf-8',
  }),
};

export type ControlContract = typeof CONTROL_CONTRACT;
export type ControlOperationName = keyof ControlContract;
