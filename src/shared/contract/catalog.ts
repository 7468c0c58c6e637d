import { z } from 'zod';
import { operation } from './define.ts';
import { epochMs } from './epoch-ms.ts';

/*
 * Money rule: every amount that crosses IPC or is stored is a whole number of paise (₹6,250.50 = 625050).
 * Hubble's brand data is in rupees; main converts when it stores a brand.
 */
const paise = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const brandId = z.string().trim().min(1).max(200);
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM (24-hour)');
/** An IANA zone such as Asia/Kolkata; absent: the operator's own zone. */
const timeZone = z.string().trim().min(1).max(64).optional();

/** What the operator can choose for the catalog sync (docs/catalog.md, "Schedule"). */
export const catalogScheduleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('off') }),
  z.strictObject({ kind: z.literal('hourly'), minute: z.number().int().min(0).max(59), timeZone }),
  z.strictObject({ kind: z.literal('daily'), at: timeOfDay, timeZone }),
  /** day: 0 = Sunday … 6 = Saturday */
  z.strictObject({ kind: z.literal('weekly'), day: z.number().int().min(0).max(6), at: timeOfDay, timeZone }),
]);
export type CatalogSchedule = z.infer<typeof catalogScheduleSchema>;

/** The schedule in force: the operator's choice, or one derived from the profile's `catalogSyncHours`. */
export const effectiveScheduleSchema = z.union([
  catalogScheduleSchema,
  z.strictObject({ kind: z.literal('interval'), hours: z.number().int().positive() }),
]);
export type EffectiveSchedule = z.infer<typeof effectiveScheduleSchema>;

export const syncOutcomeSchema = z.enum(['running', 'done', 'failed', 'cancelled']);
export type SyncOutcome = z.infer<typeof syncOutcomeSchema>;

export const catalogSyncSchema = z.object({
  id: z.number().int(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  outcome: syncOutcomeSchema,
  pages: z.number().int(),
  /** brands the sync read (after the last page) */
  brands: z.number().int(),
  added: z.number().int(),
  removed: z.number().int(),
  /** brands that existed before and changed */
  changed: z.number().int(),
  /** change rows recorded (one brand can have several) */
  changes: z.number().int(),
  /** list entries that were not readable brands */
  rejected: z.number().int(),
  error: z.string().nullable(),
});
export type CatalogSync = z.infer<typeof catalogSyncSchema>;

/** What can change about a brand; docs/catalog.md lists what each one covers. */
export const changeKindSchema = z.enum([
  'added',
  'removed',
  'status',
  'denominations',
  'denomination-type',
  'restriction',
  'discount',
  'category',
  'name',
]);
export type ChangeKind = z.infer<typeof changeKindSchema>;

export const brandChangeSchema = z.object({
  id: z.number().int(),
  /** null for a change a webhook brought */
  syncId: z.number().int().nullable(),
  source: z.enum(['sync', 'webhook']),
  brandId: z.string(),
  brandName: z.string().nullable(),
  kind: changeKindSchema,
  /** for restriction and discount: which field (e.g. maxVouchersPerOrder, percent); amounts are in paise */
  field: z.string().nullable(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  at: z.number(),
  /** the change in plain words, e.g. "Status ACTIVE → INACTIVE" */
  summary: z.string(),
});
export type BrandChange = z.infer<typeof brandChangeSchema>;

export const brandRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  categories: z.array(z.string()),
  denominationType: z.string().nullable(),
  /** FIXED brands' face values; null for FLEXIBLE */
  denominationsPaise: z.array(z.number().int()).nullable(),
  /** the smallest and largest voucher the brand issues (FIXED: its denominations; FLEXIBLE: its range) */
  faceMinPaise: z.number().int().nullable(),
  faceMaxPaise: z.number().int().nullable(),
  discountPercent: z.number().nullable(),
  initials: z.string(),
});
export type BrandRow = z.infer<typeof brandRowSchema>;

export const catalogSortSchema = z.strictObject({
  by: z.enum(['name', 'discount', 'amount', 'status']).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
});

export const CATALOG_PAGE_MAX = 500;

export const catalogSearchSchema = z.strictObject({
  /** the name, as typed; empty: every brand */
  text: z.string().max(100).default(''),
  match: z.enum(['contains', 'prefix']).default('contains'),
  /** any of these categories (empty: no filter) */
  categories: z.array(z.string().trim().min(1).max(80)).max(50).default([]),
  denominationTypes: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
  /** absent: every status but INACTIVE (INACTIVE brands fail orders with E102 and are shown only on request) */
  statuses: z.array(z.string().trim().min(1).max(40)).min(1).max(10).optional(),
  discountMin: z.number().min(0).max(100).optional(),
  discountMax: z.number().min(0).max(100).optional(),
  /** brands that issue a voucher whose value lies in this range (either end optional) */
  amountFromPaise: paise.optional(),
  amountToPaise: paise.optional(),
  sort: catalogSortSchema.default({ by: 'name', direction: 'asc' }),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(CATALOG_PAGE_MAX).default(100),
});
export type CatalogSearch = z.input<typeof catalogSearchSchema>;
export type CatalogSearchQuery = z.output<typeof catalogSearchSchema>;

export const catalogSearchResultSchema = z.object({
  rows: z.array(brandRowSchema),
  /** every match, for the virtualized table's height */
  total: z.number().int(),
});
export type CatalogSearchResult = z.infer<typeof catalogSearchResultSchema>;

export const restrictionsSchema = z.object({
  minOrderPaise: z.number().int().nullable(),
  maxOrderPaise: z.number().int().nullable(),
  minVoucherPaise: z.number().int().nullable(),
  maxVoucherPaise: z.number().int().nullable(),
  maxVouchersPerOrder: z.number().int().nullable(),
  maxVouchersPerDenomination: z.number().int().nullable(),
  maxDenominationsPerOrder: z.number().int().nullable(),
});
export type Restrictions = z.infer<typeof restrictionsSchema>;

export const usageInstructionSchema = z.object({
  mode: z.string(),
  name: z.string(),
  steps: z.array(z.string()),
});
export type UsageInstruction = z.infer<typeof usageInstructionSchema>;

export const brandDetailSchema = brandRowSchema.extend({
  description: z.string().nullable(),
  tags: z.array(z.string()),
  cardType: z.string().nullable(),
  redemptionType: z.string().nullable(),
  restrictions: restrictionsSchema,
  /** "₹100–₹10,000 per voucher, at most 5 vouchers per order, …" */
  restrictionsText: z.string(),
  discount: z
    .object({ percent: z.number(), validFrom: z.string().nullable(), validTo: z.string().nullable() })
    .nullable(),
  usageInstructions: z.array(usageInstructionSchema),
  /** free-form tags (online, offline, app…); null when Hubble sent none */
  retailModes: z.array(z.string()).nullable(),
  termsAndConditions: z.array(z.string()).nullable(),
  tncUrl: z.string().nullable(),
  firstSeenAt: z.number(),
  updatedAt: z.number(),
  /** newest first */
  history: z.array(brandChangeSchema),
});
export type BrandDetail = z.infer<typeof brandDetailSchema>;

/** Absent: the last finished sync. */
export const catalogChangesSchema = z
  .strictObject({
    syncId: z.number().int().positive().optional(),
    /** epoch ms, inclusive */
    from: epochMs.optional(),
    /** epoch ms, exclusive */
    to: epochMs.optional(),
    limit: z.number().int().min(1).max(10_000).default(2_000),
  })
  .refine((input) => input.syncId === undefined || (input.from === undefined && input.to === undefined), {
    message: 'Ask for one sync or one time range, not both',
  });

/**
 * Groups in the order an operator must act on them: brands that just became INACTIVE fail orders (E102), then
 * removals, denominations (E150) and restrictions, then the rest.
 */
export const changeGroupKindSchema = z.enum([
  'became-inactive',
  'removed',
  'denominations',
  'denomination-type',
  'restriction',
  'discount',
  'status',
  'category',
  'name',
  'added',
]);
export type ChangeGroupKind = z.infer<typeof changeGroupKindSchema>;

export const catalogChangesResultSchema = z.object({
  /** the sync shown (null for a time range, or when no sync has finished yet) */
  sync: catalogSyncSchema.nullable(),
  from: z.number().nullable(),
  to: z.number().nullable(),
  groups: z.array(z.object({ kind: changeGroupKindSchema, label: z.string(), changes: z.array(brandChangeSchema) })),
  total: z.number().int(),
  /** more changes matched than `limit` */
  truncated: z.boolean(),
});
export type CatalogChangesResult = z.infer<typeof catalogChangesResultSchema>;

export const catalogStatusSchema = z.object({
  brands: z.number().int(),
  inactive: z.number().int(),
  categories: z.array(z.object({ category: z.string(), count: z.number().int() })),
  /** when the last successful sync ended, and how old the catalog is now */
  lastSuccessAt: z.number().nullable(),
  ageMs: z.number().nullable(),
  /** never synced, or older than the schedule allows (docs/catalog.md, "Stale") */
  stale: z.boolean(),
  staleAfterMs: z.number().nullable(),
  lastSync: catalogSyncSchema.nullable(),
  running: z.boolean(),
  schedule: effectiveScheduleSchema,
  /** 'catalog': the operator's own choice (catalog.setSchedule); 'profile': from the profile's catalogSyncHours */
  scheduleSource: z.enum(['catalog', 'profile']),
  nextRunAt: z.number().nullable(),
});
export type CatalogStatus = z.infer<typeof catalogStatusSchema>;

export const syncNowResultSchema = z.object({
  outcome: z.enum(['done', 'failed', 'cancelled']),
  error: z.string().nullable(),
  sync: catalogSyncSchema.nullable(),
});

export const logoResultSchema = z.union([
  z.object({ dataUrl: z.string().startsWith('data:image/') }),
  z.object({ initials: z.string() }),
]);
export type LogoResult = z.infer<typeof logoResultSchema>;

const none = z.strictObject({});

/** The active profile's catalog. */
export const catalogOperations = {
  status: operation({
    summary: 'Brand counts, categories, catalog age, stale flag, schedule and the last sync',
    input: none,
    output: catalogStatusSchema,
  }),
  search: operation({
    summary: 'Brands by name, category, denomination type, status, discount and amount; sorted and paged',
    input: catalogSearchSchema,
    output: catalogSearchResultSchema,
  }),
  brand: operation({
    summary: 'One brand: restrictions in plain words, denominations, discount, instructions, change history',
    input: z.strictObject({ brandId }),
    output: brandDetailSchema,
  }),
  changes: operation({
    summary: 'What changed in the last sync, one sync or a time range, grouped (newly INACTIVE first)',
    input: catalogChangesSchema,
    output: catalogChangesResultSchema,
  }),
  syncs: operation({
    summary: 'Recent syncs, newest first',
    input: z.strictObject({ limit: z.number().int().min(1).max(500).default(50) }),
    output: z.array(catalogSyncSchema),
  }),
  syncNow: operation({
    summary: 'Runs the catalog sync now (progress arrives as jobs.progress) and answers when it ends',
    input: none,
    output: syncNowResultSchema,
  }),
  cancelSync: operation({
    summary: 'Cancels a running sync; the previous catalog stays as it was',
    input: none,
    output: z.object({ cancelled: z.boolean() }),
  }),
  setSchedule: operation({
    summary: "Sets this profile's sync schedule (null: follow the profile's catalogSyncHours)",
    input: z.strictObject({ schedule: catalogScheduleSchema.nullable() }),
    output: catalogStatusSchema,
  }),
  logo: operation({
    summary: "A brand's logo as a data URL, fetched and cached by main; initials when there is none",
    input: z.strictObject({ brandId }),
    output: logoResultSchema,
  }),
};
