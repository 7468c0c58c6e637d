import { z } from 'zod';
import { operation } from './define.ts';
import { environmentSchema, networkAddressSchema } from './profiles.ts';

/** The sections of Hubble's pre-launch checklist (seeds: Go Live page), in its order. */
export const goLiveSectionSchema = z.enum([
  'authentication',
  'ip-whitelisting',
  'wallet',
  'webhooks',
  'rate-limits',
  'catalog',
  'error-handling',
  'monitoring',
  'support',
]);
export type GoLiveSection = z.infer<typeof goLiveSectionSchema>;

export const GO_LIVE_SECTION_TITLES: Record<GoLiveSection, string> = {
  authentication: 'Authentication',
  'ip-whitelisting': 'IP whitelisting',
  wallet: 'Wallet',
  webhooks: 'Webhooks',
  'rate-limits': 'Rate limits',
  catalog: 'Catalog',
  'error-handling': 'Error handling',
  monitoring: 'Monitoring and alerts',
  support: 'Support readiness',
};

export const goLiveItemIdSchema = z.enum([
  'base-url',
  'credentials-set',
  'credentials-distinct',
  'login',
  'ip-not-refused',
  'wallet-balance',
  'low-balance-threshold',
  'top-up-process',
  'webhook-endpoint',
  'webhook-brand-updated',
  'webhook-wallet-low-balance',
  'webhook-order-terminal-state',
  'rate-limits-entered',
  'high-volume-plan',
  'catalog-synced',
  'inactive-brands-hidden',
  'order-states',
  'retry-new-reference',
  'alerts-configured',
  'request-ids-kept',
]);
export type GoLiveItemId = z.infer<typeof goLiveItemIdSchema>;

/** `operator`: the console cannot decide it (no data, or something only a person knows). */
export const goLiveStatusSchema = z.enum(['passed', 'failed', 'operator']);
export type GoLiveStatus = z.infer<typeof goLiveStatusSchema>;

/** One fact behind a verdict: a value, an X-REQUEST-ID, a time. Never a secret. */
export const goLiveEvidenceSchema = z.object({
  label: z.string(),
  value: z.string(),
  /** the X-REQUEST-ID of the call this fact comes from (what Hubble support asks for) */
  requestId: z.string().nullable(),
  /** epoch ms of the fact (a call, a sync, a delivery) */
  at: z.number().int().nullable(),
});
export type GoLiveEvidence = z.infer<typeof goLiveEvidenceSchema>;

/** The operator's word for an item the console cannot check: who (OS user, as in the audit log) and when. */
export const goLiveConfirmationSchema = z.object({
  by: z.string(),
  at: z.number().int(),
  note: z.string(),
});
export type GoLiveConfirmation = z.infer<typeof goLiveConfirmationSchema>;

export const goLiveItemSchema = z.object({
  id: goLiveItemIdSchema,
  section: goLiveSectionSchema,
  title: z.string(),
  status: goLiveStatusSchema,
  /** one line: what the console found */
  summary: z.string(),
  evidence: z.array(goLiveEvidenceSchema),
  /** when not passed: what to do, in plain words */
  fix: z.string().nullable(),
  /** the operator may confirm it (only `operator` items, and only those a person can vouch for) */
  confirmable: z.boolean(),
  /** set when the item passed on the operator's word */
  confirmation: goLiveConfirmationSchema.nullable(),
});
export type GoLiveItem = z.infer<typeof goLiveItemSchema>;

/** `production`: the real launch check of a production profile; `rehearsal`: the same list against staging. */
export const goLiveModeSchema = z.enum(['production', 'rehearsal']);
export type GoLiveMode = z.infer<typeof goLiveModeSchema>;

export const goLiveCountsSchema = z.object({
  passed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  operator: z.number().int().nonnegative(),
});
export type GoLiveCounts = z.infer<typeof goLiveCountsSchema>;

export const goLiveRunSummarySchema = z.object({
  id: z.number().int().positive(),
  profileId: z.string(),
  profileName: z.string(),
  environment: environmentSchema,
  mode: goLiveModeSchema,
  /** the other environment's profile it was compared with (staging for production, production for a rehearsal) */
  counterpartId: z.string().nullable(),
  counterpartName: z.string().nullable(),
  startedAt: z.number().int(),
  finishedAt: z.number().int(),
  /** OS user who ran it */
  by: z.string(),
  counts: goLiveCountsSchema,
  /** no failed item and no item still waiting for the operator */
  ready: z.boolean(),
});
export type GoLiveRunSummary = z.infer<typeof goLiveRunSummarySchema>;

export const goLiveRunSchema = goLiveRunSummarySchema.extend({
  baseUrl: z.string(),
  /** this machine's addresses (what to compare with the whitelist) */
  networkAddresses: z.array(networkAddressSchema),
  items: z.array(goLiveItemSchema),
});
export type GoLiveRun = z.infer<typeof goLiveRunSchema>;

export const goLiveChangeSchema = z.object({
  itemId: goLiveItemIdSchema,
  title: z.string(),
  before: goLiveStatusSchema.nullable(),
  after: goLiveStatusSchema.nullable(),
  beforeSummary: z.string().nullable(),
  afterSummary: z.string().nullable(),
});
export type GoLiveChange = z.infer<typeof goLiveChangeSchema>;

export const goLiveComparisonSchema = z.object({
  before: goLiveRunSummarySchema,
  after: goLiveRunSummarySchema,
  /** items whose status or finding changed, in checklist order */
  changes: z.array(goLiveChangeSchema),
  unchanged: z.number().int().nonnegative(),
});
export type GoLiveComparison = z.infer<typeof goLiveComparisonSchema>;

const profileId = z.string().min(1).max(100);
const runId = z.number().int().positive();

export const goLiveOperations = {
  run: operation({
    summary:
      "Run Hubble's pre-launch checklist against a profile (production, or staging as a rehearsal) and store the run",
    input: z.strictObject({
      profileId,
      /** the other environment's profile to compare with; null: items that need it wait for the operator */
      counterpartId: profileId.nullable(),
    }),
    output: goLiveRunSchema,
  }),
  runs: operation({
    summary: "A profile's stored go-live runs, newest first",
    input: z.strictObject({ profileId, limit: z.number().int().min(1).max(500).optional() }),
    output: z.object({ runs: z.array(goLiveRunSummarySchema) }),
  }),
  get: operation({
    summary: 'One stored run with every item and its evidence',
    input: z.strictObject({ profileId, runId }),
    output: goLiveRunSchema,
  }),
  confirm: operation({
    summary:
      "Record the operator's confirmation of an item the console cannot check (audited with the OS user and time)",
    input: z.strictObject({
      profileId,
      runId,
      itemId: goLiveItemIdSchema,
      note: z.string().trim().max(500),
    }),
    output: goLiveRunSchema,
  }),
  compare: operation({
    summary: 'What changed between two runs of a profile',
    input: z.strictObject({ profileId, beforeRunId: runId, afterRunId: runId }),
    output: goLiveComparisonSchema,
  }),
  exportMarkdown: operation({
    summary: 'A run as a Markdown report (no secret is ever in it)',
    input: z.strictObject({ profileId, runId }),
    output: z.object({ fileName: z.string(), markdown: z.string() }),
  }),
  exportPdf: operation({
    summary: 'A run as a PDF report (the desktop app prints it; elsewhere UNAVAILABLE: print the report view instead)',
    input: z.strictObject({ profileId, runId }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  }),
};
