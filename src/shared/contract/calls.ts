import { z } from 'zod';
import { originSchema } from './origin.ts';
import { callOutcomeSchema, failureKindSchema, hubbleFailureSchema } from '../hubble/failure.ts';
import { operation } from './define.ts';
import { epochMs } from './epoch-ms.ts';

const identifier = z.string().trim().min(1).max(200);

/**
 * Every way the call log can be narrowed. All optional; an empty filter means "every call, newest first".
 * IPC inputs are strict: a misspelt filter is refused, never silently dropped into "every call".
 */
export const callFiltersSchema = z.strictObject({
  requestId: identifier.optional(),
  orderId: identifier.optional(),
  referenceId: identifier.optional(),
  /** a fragment of the API path, e.g. `/orders` or `by-reference` */
  path: z.string().trim().min(1).max(300).optional(),
  /** an HTTP status, or 0 for calls that got none (network failure, timeout) */
  httpStatus: z.number().int().min(0).max(999).optional(),
  statusClass: z.enum(['2xx', '3xx', '4xx', '5xx', 'none']).optional(),
  /** a Hubble error id (E300) or a failure kind (timeout, whitelisting, …) */
  errorId: z.string().trim().min(1).max(64).optional(),
  outcome: callOutcomeSchema.optional(),
  /** epoch milliseconds, inclusive */
  from: epochMs.optional(),
  /** epoch milliseconds, exclusive */
  to: epochMs.optional(),
});
export type CallFilters = z.infer<typeof callFiltersSchema>;

export const callSortSchema = z.strictObject({
  by: z.enum(['at', 'latency', 'status', 'path']).default('at'),
  direction: z.enum(['asc', 'desc']).default('desc'),
});
export type CallSort = z.infer<typeof callSortSchema>;

export const MAX_PAGE_ROWS = 500;

export const callSearchSchema = z.strictObject({
  filters: callFiltersSchema.default({}),
  sort: callSortSchema.default({ by: 'at', direction: 'desc' }),
  /** a position in the sorted list (the table scrolls by position); main seeks to it, it never skips rows */
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(MAX_PAGE_ROWS).default(100),
  /** counting is a scan of the matching rows: the Calls page asks once per filter change, not per page */
  includeTotal: z.boolean().default(true),
  /** the `snapshot` of this search's first page: later pages leave out calls recorded since */
  snapshot: z.number().int().min(0).optional(),
});
export type CallSearch = z.input<typeof callSearchSchema>;

export const callSummarySchema = z.object({
  id: z.number().int(),
  at: z.number(),
  method: z.string(),
  path: z.string(),
  endpoint: z.string(),
  httpStatus: z.number().int().nullable(),
  outcome: callOutcomeSchema,
  errorKind: failureKindSchema.nullable(),
  errorId: z.string().nullable(),
  errorCode: z.string().nullable(),
  latencyMs: z.number(),
  requestId: z.string(),
  orderId: z.string().nullable(),
  referenceId: z.string().nullable(),
  orderStatus: z.string().nullable(),
  attempt: z.number().int(),
  origin: originSchema,
});
export type CallSummary = z.infer<typeof callSummarySchema>;

export const callPageSchema = z.object({
  rows: z.array(callSummarySchema),
  offset: z.number().int(),
  /** null when not asked for */
  total: z.number().int().nullable(),
  /** the newest call this search counts; send it back with the next pages */
  snapshot: z.number().int(),
});
export type CallPage = z.infer<typeof callPageSchema>;

export const callDetailSchema = callSummarySchema.extend({
  profileId: z.string(),
  environment: z.string(),
  baseUrl: z.string(),
  serverRequestId: z.string().nullable(),
  amount: z.number().nullable(),
  /** redacted JSON (or text) exactly as stored */
  requestBody: z.string().nullable(),
  responseBody: z.string().nullable(),
  failure: hubbleFailureSchema.nullable(),
});
export type CallDetail = z.infer<typeof callDetailSchema>;

export const bundleTargetSchema = z.union([
  z.strictObject({ callId: z.number().int().min(1) }),
  z.strictObject({ orderId: identifier }),
  z.strictObject({ referenceId: identifier }),
]);
export type BundleTarget = z.infer<typeof bundleTargetSchema>;

export const supportBundleSchema = z.object({
  /** plain text to paste into a support ticket */
  text: z.string(),
  /** the same facts as pretty-printed JSON */
  json: z.string(),
  fileName: z.string(),
  calls: z.number().int(),
});
export type SupportBundle = z.infer<typeof supportBundleSchema>;

export const csvExportSchema = z.object({
  csv: z.string(),
  fileName: z.string(),
  rows: z.number().int(),
  /** the search matched more rows than one export holds */
  truncated: z.boolean(),
});

export const identifierKindSchema = z.enum(['request-id', 'order-id', 'reference-id']);
export type IdentifierKind = z.infer<typeof identifierKindSchema>;

export const identifierResolutionSchema = z.object({
  value: z.string(),
  matches: z.array(
    z.object({
      kind: identifierKindSchema,
      /** the newest call carrying it */
      callId: z.number().int(),
      at: z.number(),
      calls: z.number().int(),
    }),
  ),
  /** what the string looks like when nothing matched, to say so helpfully */
  looksLike: z.enum(['uuid', 'ulid', 'other']),
});
export type IdentifierResolution = z.infer<typeof identifierResolutionSchema>;

export const sampleTrafficReportSchema = z.object({
  calls: z.number().int(),
  orders: z.number().int(),
  outcomes: z.record(z.string(), z.number().int()),
  durationMs: z.number(),
});
export type SampleTrafficReport = z.infer<typeof sampleTrafficReportSchema>;

const retentionDays = z.number().int().min(1).max(3650);
export const retentionSchema = z.object({ days: retentionDays });

export const callOperations = {
  search: operation({
    summary: 'Calls of the active profile matching the filters, one page at a time, sorted',
    input: callSearchSchema,
    output: callPageSchema,
  }),
  get: operation({
    summary: 'One call in full, bodies redacted',
    input: z.strictObject({ id: z.number().int().min(1) }),
    output: callDetailSchema,
  }),
  bundle: operation({
    summary: 'A redacted support bundle for a call or for every call of an order, as ticket text and JSON',
    input: bundleTargetSchema,
    output: supportBundleSchema,
  }),
  exportCsv: operation({
    summary: 'The current search as CSV text (no bodies); the renderer offers copy or download',
    input: z.strictObject({
      filters: callFiltersSchema.default({}),
      sort: callSortSchema.default({ by: 'at', direction: 'desc' }),
    }),
    output: csvExportSchema,
  }),
  resolveIdentifier: operation({
    summary: 'Says whether a pasted string is an X-REQUEST-ID, orderId or referenceId this profile knows',
    input: z.strictObject({ value: z.string().max(400) }),
    output: identifierResolutionSchema,
  }),
  generateSampleTraffic: operation({
    summary: 'Simulator profile only: catalog, wallet and a scripted mix of orders through the real client',
    input: z.undefined(),
    output: sampleTrafficReportSchema,
  }),
  retention: operation({
    summary: 'How many days of calls this profile keeps',
    input: z.undefined(),
    output: retentionSchema,
  }),
  setRetention: operation({
    summary: 'Change how many days of calls this profile keeps; older calls are deleted now',
    input: z.strictObject({ days: retentionDays }),
    output: retentionSchema.extend({ deleted: z.number().int() }),
  }),
};
