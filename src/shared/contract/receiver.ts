import { z } from 'zod';
import { webhookTypeIdSchema } from '../webhooks/webhook-types.ts';
import { operation } from './define.ts';
import { epochMs } from './epoch-ms.ts';
import { confirmationFields } from './guard.ts';

const ipAddress = z.union([z.ipv4(), z.ipv6()]);

export const DEFAULT_RECEIVER_BODY_LIMIT = 1024 * 1024;
export const LOOPBACK_BIND_ADDRESS = '127.0.0.1';

/**
 * The receiver's settings beyond profile.webhookReceiver {enabled, port}; kept in the profile's own database.
 * Binding anywhere but loopback exposes the endpoint to the network: the console asks the operator to
 * acknowledge that first (a reverse proxy or tunnel in front is the normal way to reach it).
 */
export const receiverSettingsSchema = z.strictObject({
  bindAddress: ipAddress,
  maxBodyBytes: z
    .number()
    .int()
    .min(1024)
    .max(10 * 1024 * 1024),
  /** Deliveries a minute from one source address (bursts of the same size). */
  ratePerMinute: z.number().int().min(1).max(1_000_000),
  /** Accept only Hubble's published production source addresses (35.200.156.199, 34.47.147.244, 34.14.138.52). */
  hubbleAddressesOnly: z.boolean(),
  /** Proxies whose X-Forwarded-For is believed; empty: the header is ignored. */
  trustedProxies: z.array(ipAddress).max(20),
});
export type ReceiverSettings = z.infer<typeof receiverSettingsSchema>;

export const DEFAULT_RECEIVER_SETTINGS: ReceiverSettings = {
  bindAddress: LOOPBACK_BIND_ADDRESS,
  maxBodyBytes: DEFAULT_RECEIVER_BODY_LIMIT,
  ratePerMinute: 600,
  hubbleAddressesOnly: false,
  trustedProxies: [],
};

export const verdictSchema = z.enum(['valid', 'invalid', 'missing', 'too-large', 'forbidden', 'rate-limited']);
export const processingStateSchema = z.enum(['rejected', 'pending', 'applied', 'recorded', 'failed', 'duplicate']);

export const receiverStatusSchema = z.object({
  enabled: z.boolean(),
  state: z.enum(['off', 'starting', 'listening', 'failed']),
  /** Where Hubble (or the tunnel in front) must POST; null while off. */
  url: z.string().nullable(),
  error: z.string().nullable(),
  settings: receiverSettingsSchema,
  pending: z.number().int(),
});
export type ReceiverStatus = z.infer<typeof receiverStatusSchema>;

export const receivedEventSummarySchema = z.object({
  id: z.number().int(),
  receivedAt: epochMs,
  sourceIp: z.string(),
  verdict: verdictSchema,
  reason: z.string().nullable(),
  type: webhookTypeIdSchema.nullable(),
  state: processingStateSchema,
  duplicateOf: z.number().int().nullable(),
  bodyBytes: z.number().int(),
  changes: z.array(z.string()),
  error: z.string().nullable(),
});
export type ReceivedEventSummary = z.infer<typeof receivedEventSummarySchema>;

export const receivedEventSchema = receivedEventSummarySchema.extend({
  /** The body as text with card numbers and PINs masked (length kept, so byte offsets still line up). */
  body: z.string().nullable(),
  /** True when `body` is byte for byte what arrived (nothing was masked and it is valid UTF-8). */
  bodyIsExact: z.boolean(),
  headers: z.record(z.string(), z.string()),
  dedupeKey: z.string().nullable(),
});
export type ReceivedEvent = z.infer<typeof receivedEventSchema>;

export const terminalOrderStatusSchema = z.enum(['SUCCESS', 'FAILED', 'CANCELLED', 'REVERSED']);

/** An order polling (or a lookup) saw settle whose "Order Reached Terminal State" webhook never arrived. */
export const missingTerminalWebhookSchema = z.object({
  orderId: z.string(),
  referenceId: z.string().nullable(),
  status: terminalOrderStatusSchema,
  /** When the console first saw the terminal status. */
  settledAt: epochMs,
  /** How it saw it: the PROCESSING watcher's poll or a lookup. */
  source: z.enum(['poll', 'lookup']),
});
export type MissingTerminalWebhook = z.infer<typeof missingTerminalWebhookSchema>;

/**
 * The webhook types the simulator delivers, by the names partners see in Hubble's portal (one URL each, as a
 * receiver with a path per type needs); the simulator's webhooks (src/main/simulator/webhooks/payloads.ts) use it.
 */
export const simulatorWebhookTypeSchema = z.enum([
  'ORDER_TERMINAL_STATE',
  'WALLET_LOW_BALANCE',
  'BRAND_UPDATED',
  'BRAND_DISCOUNT_UPDATE',
  'SDK_TRANSACTION',
  'SDK_BRAND_EVENT',
]);
export type SimulatorWebhookType = z.infer<typeof simulatorWebhookTypeSchema>;

const webhookTargetUrl = z.url({ protocol: /^https?$/ }).max(2048);

/**
 * Where the embedded simulator delivers the Simulator profile's webhooks: a type with a URL of its own goes there,
 * any other to `all`; `all` null: to this console's receiver while it is on, else nowhere.
 */
export const simulatorWebhookUrlsSchema = z.strictObject({
  all: webhookTargetUrl.nullable(),
  // strict: a key that names no type (or `__proto__`) is refused, not carried along
  byType: z.strictObject(
    Object.fromEntries(simulatorWebhookTypeSchema.options.map((type) => [type, webhookTargetUrl.optional()])) as Record<
      SimulatorWebhookType,
      z.ZodOptional<typeof webhookTargetUrl>
    >,
  ),
});
export type SimulatorWebhookUrls = z.infer<typeof simulatorWebhookUrlsSchema>;

export const NO_SIMULATOR_WEBHOOK_URLS: SimulatorWebhookUrls = { all: null, byType: {} };

export const receiverOperations = {
  status: operation({
    summary: "The active profile's webhook receiver: on or off, its URL, the error if it could not listen",
    input: z.void(),
    output: receiverStatusSchema,
  }),
  updateSettings: operation({
    summary: 'Change the receiver settings of the active profile (a non-loopback bind address must be acknowledged)',
    input: z.strictObject({
      settings: receiverSettingsSchema,
      acknowledgeExposure: z.boolean().optional(),
      ...confirmationFields,
    }),
    output: receiverStatusSchema,
    confirmOnProduction: true,
  }),
  list: operation({
    summary: 'Received webhooks of the active profile, newest first, by type, verdict and time',
    input: z.strictObject({
      type: webhookTypeIdSchema.optional(),
      verdict: verdictSchema.optional(),
      from: epochMs.optional(),
      to: epochMs.optional(),
      beforeId: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    }),
    output: z.object({ events: z.array(receivedEventSummarySchema) }),
  }),
  missingTerminalWebhooks: operation({
    summary:
      'Orders of the active profile that polling saw settle but whose terminal-state webhook never arrived (Hubble does not retry)',
    input: z.strictObject({
      from: epochMs.optional(),
      to: epochMs.optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    }),
    output: z.object({
      orders: z.array(missingTerminalWebhookSchema),
      /** The first time this profile's receiver listened; null: it never has, so nothing can be missing. */
      listeningSince: epochMs.nullable(),
      /** Orders settled more recently than this are not judged yet (their webhook may be in flight). */
      graceMs: z.number().int(),
    }),
  }),
  get: operation({
    summary: 'One received webhook with its (masked) body and headers, for the signature debugger',
    input: z.strictObject({ id: z.number().int().positive() }),
    output: receivedEventSchema,
  }),
  retry: operation({
    summary: 'Apply a failed event again',
    input: z.strictObject({ id: z.number().int().positive() }),
    output: receivedEventSummarySchema,
  }),
  replay: operation({
    summary:
      "Send a stored event's exact bytes and X-Verify to a URL (the receiver there must be idempotent: it may act twice)",
    input: z.strictObject({
      id: z.number().int().positive(),
      url: z.url({ protocol: /^https?$/ }).max(2048),
      acknowledgeIdempotency: z.literal(true),
      ...confirmationFields,
    }),
    output: z.object({ status: z.number().int().nullable(), error: z.string().nullable(), durationMs: z.number() }),
    confirmOnProduction: true,
  }),
  simulatorWebhookUrls: operation({
    summary: "Where the embedded simulator delivers the Simulator profile's webhooks: one URL for all, a URL per type",
    input: z.void(),
    output: z.object({ urls: simulatorWebhookUrlsSchema }),
  }),
  updateSimulatorWebhookUrls: operation({
    summary:
      "Change where the embedded simulator delivers the Simulator profile's webhooks (per type, and for all the rest)",
    input: z.strictObject({ urls: simulatorWebhookUrlsSchema }),
    output: z.object({ urls: simulatorWebhookUrlsSchema }),
  }),
};

/** Event for src/shared/contract/events.ts (the lead registers it): coalesced, at most a few a second. */
export const receiverReceivedEventPayload = z.object({
  profileId: z.string(),
  lastId: z.number().int(),
  received: z.number().int(),
});
