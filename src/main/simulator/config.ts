import { z } from 'zod';

/**
 * The switches for everything Hubble's docs leave open. Defaults are the choices documented in
 * docs/simulator.md; `POST /__sim/config` patches them at run time.
 */
export const webhookConfigSchema = z.object({
  /** Sign with a wrong key, so the receiver's rejection path can be tested. */
  badSignature: z.boolean(),
  /** Send every delivery twice. */
  duplicate: z.boolean(),
  /** Hold each delivery until the next one has been sent (pairs swap places). */
  outOfOrder: z.boolean(),
  /** Hubble does not retry (seeds/001); a number above 0 makes the simulator retry a non-200 answer. */
  retries: z.number().int().min(0).max(10),
  retryBackoffMs: z.number().int().min(0).max(600_000),
  timeoutMs: z.number().int().min(1).max(120_000),
  /** Also send the SDK transaction webhooks (COMPLETED / FAILED / REVERSED) for every order. */
  sdkTransactions: z.boolean(),
  /** Also send the SDK brand events (USER_DISCOUNT_UPDATED, PARTNER_DISCOUNT_UPDATED, NEW_BRAND_CREATED, BRAND_DISABLED). */
  sdkBrandEvents: z.boolean(),
  /** Also send Order Reached Terminal State for admin REVERSED / CANCELLED transitions (the docs do not say). */
  notifyAdminTransitions: z.boolean(),
});

const errorOverrideSchema = z.object({
  id: z.string().min(1).max(40).optional(),
  code: z.string().min(1).max(80).optional(),
  message: z.string().min(1).max(500).optional(),
  status: z.number().int().min(400).max(599).optional(),
});

export const simConfigSchema = z.object({
  tokenTtlSecs: z
    .number()
    .int()
    .min(1)
    .max(30 * 86_400),
  /** A request without X-REQUEST-ID gets 400 instead of a generated id. */
  strictRequestId: z.boolean(),
  /** Login with an unknown clientId: 401 (default) or 404 RESOURCE_NOT_FOUND. */
  unknownClient: z.enum(['unauthorized', 'not-found']),
  /** GET /products/:id for an unknown or not-enabled brand: 404 E001 (default) or 400 E101. */
  unknownProduct: z.enum(['not-found', 'not-enabled']),
  /** The envelope's `nextCursor`: V1's `{pageNo, limit}`, or an opaque string that comes back as `cursor`. */
  nextCursorShape: z.enum(['object', 'string']),
  brandCategoryField: z.enum(['category', 'categories', 'both']),
  voucherAmountAsString: z.boolean(),
  /** Page size when `pageNo` (or `cursor`) comes without `limit`. */
  defaultPageLimit: z.number().int().min(1).max(1000),
  maxPageLimit: z.number().int().min(1).max(1000),
  /**
   * Null: a product list without `pageNo`/`cursor` returns everything, as Hubble's docs say. A number: such a list
   * is page 1 of this size (or of its `limit`), with `nextCursor`, so a client's paging loop can be tested.
   */
  defaultPageSize: z.number().int().min(1).max(1000).nullable(),
  placeOrderStatus: z.union([z.literal(200), z.literal(201)]),
  refundOn: z.object({ FAILED: z.boolean(), REVERSED: z.boolean(), CANCELLED: z.boolean() }),
  errors: z.record(z.string(), errorOverrideSchema),
  bodyLimitBytes: z
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024),
  requestLogSize: z.number().int().min(1).max(1_000_000),
  webhooks: webhookConfigSchema,
});

export type SimConfig = z.infer<typeof simConfigSchema>;
export type WebhookConfig = z.infer<typeof webhookConfigSchema>;

export const configPatchSchema = simConfigSchema
  .omit({ refundOn: true, webhooks: true })
  .partial()
  .extend({
    refundOn: simConfigSchema.shape.refundOn.partial().optional(),
    webhooks: webhookConfigSchema.partial().optional(),
  })
  .strict();
export type ConfigPatch = z.infer<typeof configPatchSchema>;

export const defaultConfig = (tokenTtlSecs = 3600): SimConfig => ({
  tokenTtlSecs,
  strictRequestId: false,
  unknownClient: 'unauthorized',
  unknownProduct: 'not-found',
  nextCursorShape: 'object',
  brandCategoryField: 'category',
  voucherAmountAsString: false,
  defaultPageLimit: 20,
  maxPageLimit: 100,
  defaultPageSize: null,
  placeOrderStatus: 200,
  refundOn: { FAILED: true, REVERSED: true, CANCELLED: true },
  errors: {},
  bodyLimitBytes: 1024 * 1024,
  requestLogSize: 10_000,
  webhooks: {
    badSignature: false,
    duplicate: false,
    outOfOrder: false,
    retries: 0,
    retryBackoffMs: 1000,
    timeoutMs: 5000,
    sdkTransactions: false,
    sdkBrandEvents: false,
    notifyAdminTransitions: false,
  },
});

export function applyConfigPatch(config: SimConfig, patch: ConfigPatch): SimConfig {
  return {
    ...config,
    ...patch,
    refundOn: { ...config.refundOn, ...patch.refundOn },
    errors: patch.errors ? { ...config.errors, ...patch.errors } : config.errors,
    webhooks: { ...config.webhooks, ...patch.webhooks },
  };
}

/** Settings that contradict each other; an answer the simulator could never page through would be a trap. */
export function configConflicts(config: SimConfig): string[] {
  const conflicts: string[] = [];
  if (config.defaultPageLimit > config.maxPageLimit)
    conflicts.push(`defaultPageLimit ${config.defaultPageLimit} is above maxPageLimit ${config.maxPageLimit}`);
  if (config.defaultPageSize !== null && config.defaultPageSize > config.maxPageLimit)
    conflicts.push(`defaultPageSize ${config.defaultPageSize} is above maxPageLimit ${config.maxPageLimit}`);
  return conflicts;
}
