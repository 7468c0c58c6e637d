import { z } from 'zod';
import { operation } from './define.ts';
import { confirmationFields } from './guard.ts';

export const environmentSchema = z.enum(['simulator', 'staging', 'production', 'custom']);
export type Environment = z.infer<typeof environmentSchema>;

/** The environments an operator can create; the Simulator profile is built in and unique. */
export const creatableEnvironmentSchema = z.enum(['staging', 'production', 'custom']);
export type CreatableEnvironment = z.infer<typeof creatableEnvironmentSchema>;

/** Hubble's own hosts (Go Live page). A profile of these environments always uses exactly this URL. */
export const HUBBLE_BASE_URLS = {
  staging: 'https://api.dev.myhubble.money',
  production: 'https://api.myhubble.money',
} as const;

export const secretKindSchema = z.enum(['clientSecret', 'webhookSecret', 'teamDbPassword']);
export type SecretKind = z.infer<typeof secretKindSchema>;

/** All the renderer ever learns about a secret: whether one is stored, and since when. */
export const secretStatusSchema = z.object({
  set: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type SecretStatus = z.infer<typeof secretStatusSchema>;

export const rateLimitTypeSchema = z.enum(['amount', 'count']);
export const rateLimitWindowSchema = z.enum(['hourly', 'daily', 'monthly']);

const limitValue = z.number().positive().max(1e12);
const wholeCount = (limit: { type: string; limit: number }) => limit.type !== 'count' || Number.isInteger(limit.limit);
const wholeCountIssue = { message: 'A count limit is a whole number of orders', path: ['limit'] };

/** A limit Hubble allocated to the whole partner account (Go Live: partner-level). */
export const partnerRateLimitSchema = z
  .strictObject({
    scope: z.literal('partner'),
    type: rateLimitTypeSchema,
    window: rateLimitWindowSchema,
    limit: limitValue,
  })
  .refine(wholeCount, wholeCountIssue);

/**
 * A limit on one brand (productId) or on every brand (productId null), counted across all end-customers
 * ('global') or per end-customer ('per-customer'), as the Go Live page describes brand-level scoping.
 */
export const brandRateLimitSchema = z
  .strictObject({
    scope: z.literal('brand'),
    productId: z.string().trim().min(1).max(120).nullable(),
    brandScope: z.enum(['global', 'per-customer']),
    type: rateLimitTypeSchema,
    window: rateLimitWindowSchema,
    limit: limitValue,
  })
  .refine(wholeCount, wholeCountIssue);

export const rateLimitSchema = z.discriminatedUnion('scope', [partnerRateLimitSchema, brandRateLimitSchema]);
export type RateLimit = z.infer<typeof rateLimitSchema>;

const limitKey = (limit: RateLimit) =>
  limit.scope === 'partner'
    ? `partner|${limit.type}|${limit.window}`
    : `brand|${limit.productId ?? '*'}|${limit.brandScope}|${limit.type}|${limit.window}`;

export const rateLimitsSchema = z
  .array(rateLimitSchema)
  .max(100)
  .refine((limits) => new Set(limits.map(limitKey)).size === limits.length, {
    message: 'The same limit (scope, brand, type and window) is listed twice',
  });

export const pollingSchema = z.strictObject({
  walletSecs: z.number().int().min(30).max(86_400),
  processingOrdersSecs: z.number().int().min(5).max(3_600),
  catalogSyncHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 7),
});
export type Polling = z.infer<typeof pollingSchema>;

export const webhookReceiverSchema = z.strictObject({
  enabled: z.boolean(),
  port: z.number().int().min(1024).max(65_535),
});
export type WebhookReceiver = z.infer<typeof webhookReceiverSchema>;

/**
 * The one set of limits for profiles: create, update, duplicate, import and export all parse with the schemas
 * below, so anything the console stores can always be exported and imported again.
 */
export const PROFILE_NAME_MAX = 60;
/** Applies to the stored (normalised, percent-encoded) form of a Custom URL, not to what was typed. */
export const BASE_URL_MAX = 300;
export const CLIENT_ID_MAX = 200;
/** Operator profiles, the built-in Simulator not counted: what one export file holds, so all of them always fit. */
export const MAX_PROFILES = 200;

// Characters that draw nothing (zero-width, joiners, bidi controls, fillers, variation selectors): two names
// that differ only by them look identical to the operator who must type one to confirm a production change.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;

/** The stored form of a profile name: NFKC, nothing invisible, whitespace collapsed to single spaces, trimmed. */
export function normaliseProfileName(raw: string): string {
  return raw.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
}

export const profileNameSchema = z
  .string()
  .max(PROFILE_NAME_MAX * 8)
  .transform(normaliseProfileName)
  .pipe(
    z
      .string()
      .min(1, 'A profile needs a name')
      .max(PROFILE_NAME_MAX, `A profile name has at most ${PROFILE_NAME_MAX} characters`)
      .regex(/^[^\p{Cc}]+$/u, 'A profile name cannot hold control characters'),
  );

export const colourSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour is #rrggbb');

/** Everything an operator configures on a profile; secrets are set separately and never travel back. */
export const profileSettingsSchema = z.strictObject({
  name: profileNameSchema,
  environment: creatableEnvironmentSchema,
  /** Only for Custom: staging and production always use Hubble's own URL. */
  baseUrl: z.string().trim().max(BASE_URL_MAX).nullable(),
  clientId: z.string().trim().min(1, 'The clientId Hubble issued for this environment').max(CLIENT_ID_MAX),
  colour: colourSchema,
  /** Rupees; below this the wallet alert fires. Null: no alert. */
  walletMinimum: z.number().nonnegative().max(1e12).nullable(),
  polling: pollingSchema,
  rateLimits: rateLimitsSchema,
  webhookReceiver: webhookReceiverSchema,
});
export type ProfileSettings = z.infer<typeof profileSettingsSchema>;

export const DEFAULT_POLLING: Polling = { walletSecs: 300, processingOrdersSecs: 30, catalogSyncHours: 24 };
export const DEFAULT_WEBHOOK_PORT = 8787;
/** Production is red everywhere in the console; the others get colours that cannot be mistaken for it. */
export const ENVIRONMENT_COLOURS: Record<Environment, string> = {
  simulator: '#7c3aed',
  staging: '#d97706',
  production: '#dc2626',
  custom: '#0f766e',
};

export const defaultProfileSettings = (environment: CreatableEnvironment, name = ''): ProfileSettings => ({
  name,
  environment,
  baseUrl: environment === 'custom' ? '' : null,
  clientId: '',
  colour: ENVIRONMENT_COLOURS[environment],
  walletMinimum: null,
  polling: { ...DEFAULT_POLLING },
  rateLimits: [],
  webhookReceiver: { enabled: false, port: DEFAULT_WEBHOOK_PORT },
});

export const profileSchema = z.object({
  id: z.string(),
  name: z.string(),
  environment: environmentSchema,
  baseUrl: z.string(),
  colour: z.string(),
  builtIn: z.boolean(),
  clientId: z.string(),
  walletMinimum: z.number().nullable(),
  polling: pollingSchema,
  rateLimits: z.array(rateLimitSchema),
  webhookReceiver: webhookReceiverSchema,
  /** 'built-in': the Simulator's demo credentials, no keychain involved. */
  credentialSource: z.enum(['keychain', 'built-in']),
  secrets: z.object({
    clientSecret: secretStatusSchema,
    webhookSecret: secretStatusSchema,
    /** team mode's PostgreSQL password (docs/team.md) */
    teamDbPassword: secretStatusSchema,
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Profile = z.infer<typeof profileSchema>;

export const profileListSchema = z.object({
  activeProfileId: z.string(),
  profiles: z.array(profileSchema),
  /** The first-start welcome on the Dashboard was dismissed (remembered in app.db). */
  welcomeDismissed: z.boolean(),
});
export type ProfileList = z.infer<typeof profileListSchema>;

const profileIdSchema = z.string().min(1).max(100);

/** The settings of the built-in Simulator profile an operator may change (it has no name, URL or credentials to edit). */
export const simulatorSettingsSchema = profileSettingsSchema.pick({
  colour: true,
  walletMinimum: true,
  polling: true,
  rateLimits: true,
  webhookReceiver: true,
});

export const connectionStepSchema = z.object({
  step: z.enum(['login', 'wallet', 'products']),
  label: z.string(),
  outcome: z.enum(['ok', 'failed', 'skipped']),
  httpStatus: z.number().nullable(),
  durationMs: z.number().nullable(),
  requestId: z.string().nullable(),
  summary: z.string(),
});
export type ConnectionStep = z.infer<typeof connectionStepSchema>;

export const diagnosisKindSchema = z.enum([
  'ok',
  'unauthorized',
  'ip-not-whitelisted',
  'wrong-base-url',
  'dns',
  'tls',
  'timeout',
  'proxy',
  'connection-refused',
  'server-error',
  'unexpected-response',
  'missing-secret',
  'keychain-unavailable',
  'network',
]);
export type DiagnosisKind = z.infer<typeof diagnosisKindSchema>;

export const networkAddressSchema = z.object({
  interface: z.string(),
  address: z.string(),
  family: z.enum(['IPv4', 'IPv6']),
});
export type NetworkAddress = z.infer<typeof networkAddressSchema>;

export const connectionTestReportSchema = z.object({
  profileId: z.string(),
  environment: environmentSchema,
  baseUrl: z.string(),
  startedAt: z.string(),
  ok: z.boolean(),
  steps: z.array(connectionStepSchema),
  diagnosis: z.object({
    kind: diagnosisKindSchema,
    title: z.string(),
    explanation: z.string(),
    actions: z.array(z.string()),
    /** Shown for 403: this machine's addresses, to compare with what was whitelisted. */
    networkAddresses: z.array(networkAddressSchema).nullable(),
  }),
});
export type ConnectionTestReport = z.infer<typeof connectionTestReportSchema>;

export const profileExportSchema = z.object({ fileName: z.string(), json: z.string() });

export const profileOperations = {
  list: operation({
    summary: 'Every profile and which one is active',
    input: z.undefined(),
    output: profileListSchema,
  }),
  create: operation({
    summary: 'Create a staging, production or custom profile (secrets are set separately)',
    input: z.strictObject({ settings: profileSettingsSchema }),
    output: profileSchema,
  }),
  update: operation({
    summary: "Change a profile's settings; its environment is fixed at creation so histories never mix",
    input: z.strictObject({ profileId: profileIdSchema, settings: profileSettingsSchema, ...confirmationFields }),
    output: profileSchema,
    // A production profile's clientId (and name) decide which account real orders are placed on.
    confirmOnProduction: true,
  }),
  updateSimulator: operation({
    summary: 'Change the monitoring settings of the built-in Simulator profile',
    input: z.strictObject({ settings: simulatorSettingsSchema }),
    output: profileSchema,
  }),
  duplicate: operation({
    summary: 'Copy a profile’s settings into a new profile (without its secrets or history)',
    input: z.strictObject({ profileId: profileIdSchema, name: profileNameSchema.optional() }),
    output: profileSchema,
  }),
  delete: operation({
    summary: 'Delete a profile with its secrets and its history database; production needs a typed confirmation',
    input: z.strictObject({ profileId: profileIdSchema, ...confirmationFields }),
    output: z.object({ deleted: z.literal(true), removedFiles: z.number() }),
    confirmOnProduction: true,
  }),
  setActive: operation({
    summary: 'Switch the active profile',
    input: z.strictObject({ profileId: profileIdSchema }),
    output: profileListSchema,
  }),
  setSecret: operation({
    summary: 'Store a secret of a profile in the OS keychain; it is never returned',
    input: z.strictObject({
      profileId: profileIdSchema,
      kind: secretKindSchema,
      value: z.string().min(1).max(4096),
      ...confirmationFields,
    }),
    output: secretStatusSchema,
    confirmOnProduction: true,
  }),
  clearSecret: operation({
    summary: 'Remove a secret of a profile from the OS keychain',
    input: z.strictObject({ profileId: profileIdSchema, kind: secretKindSchema, ...confirmationFields }),
    output: secretStatusSchema,
    confirmOnProduction: true,
  }),
  export: operation({
    summary: 'Profiles as shareable JSON, without secrets',
    input: z.strictObject({ profileIds: z.array(profileIdSchema).max(MAX_PROFILES).optional() }).optional(),
    output: profileExportSchema,
  }),
  import: operation({
    summary: 'Create profiles from shared JSON (files holding a secret are refused)',
    input: z.strictObject({ json: z.string().min(2).max(1_000_000) }),
    output: z.object({ created: z.array(profileSchema) }),
  }),
  testConnection: operation({
    summary: 'Log in, read the wallet and count products, each timed with its X-REQUEST-ID, and explain any failure',
    input: z.strictObject({ profileId: profileIdSchema }),
    output: connectionTestReportSchema,
  }),
  dismissWelcome: operation({
    summary: 'Hide the first-start welcome on the Dashboard',
    input: z.undefined(),
    output: profileListSchema,
  }),
};
