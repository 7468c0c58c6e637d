import { z } from 'zod';
import { originSchema } from './origin.ts';
import { hubbleFailureSchema } from '../hubble/failure.ts';
import { operation } from './define.ts';
import { epochMs } from './epoch-ms.ts';
import { confirmationFields } from './guard.ts';

/*
 * Money rule: every amount that crosses IPC or is stored is a whole number of paise (₹6,250.50 = 625050).
 * Hubble speaks rupees; main converts at the edge, so no float ever carries a sum, a cap or a debit.
 */
const paise = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const identifier = z.string().trim().min(1).max(200);
/** Hubble's own limit on a referenceId. */
export const REFERENCE_ID_MAX = 40;

/** Who brought the order into the console. */
export const orderSourceSchema = z.enum(['console', 'batch', 'lookup', 'webhook', 'import', 'sdk']);
export type OrderSource = z.infer<typeof orderSourceSchema>;

/**
 * The write-ahead intent: `pending` is committed before the POST, `sent` once the POST leaves, `unknown` when its
 * answer was lost, `resolved` once Hubble's answer (or a by-reference lookup) says what happened.
 */
export const intentStateSchema = z.enum(['pending', 'sent', 'unknown', 'resolved']);
export type IntentState = z.infer<typeof intentStateSchema>;

/**
 * Hubble's status (SUCCESS, PROCESSING, FAILED, CANCELLED, REVERSED, or any new one it sends), or the console's
 * own: INTENT (no answer yet) and REJECTED (Hubble refused the request, e.g. E15x, E300, E400: no order exists).
 */
export const orderStatusSchema = z.string().min(1).max(40);
export const LOCAL_ORDER_STATUSES = ['INTENT', 'REJECTED'] as const;

export const denominationLineSchema = z.strictObject({
  denominationPaise: paise,
  quantity: z.number().int().positive().max(100_000),
});
export type DenominationLine = z.infer<typeof denominationLineSchema>;

export const customerDetailsSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  phoneNumber: z.string().trim().min(1).max(20).optional(),
  email: z.string().trim().min(1).max(320).optional(),
});
export type CustomerDetails = z.infer<typeof customerDetailsSchema>;

/** What an operator asks for: an amount, denominations × quantity, or both (they must agree). */
export const orderRequestSchema = z.strictObject({
  productId: identifier,
  amountPaise: paise.optional(),
  denominations: z.array(denominationLineSchema).min(1).max(50).optional(),
  customerDetails: customerDetailsSchema.optional(),
});
export type OrderRequest = z.infer<typeof orderRequestSchema>;

/** One reason an order would be refused, with Hubble's id where Hubble documents one (null for order min/max). */
export const validationIssueSchema = z.object({
  id: z.string().nullable(),
  code: z.string(),
  /** the request field it is about, e.g. `denominations[1].quantity` */
  field: z.string().nullable(),
  message: z.string(),
});
export type ValidationIssue = z.infer<typeof validationIssueSchema>;

export const splitProposalSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), lines: z.array(denominationLineSchema), vouchers: z.number().int() }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(['not-fixed', 'no-denominations', 'order-range', 'not-reachable', 'caps', 'too-complex']),
    message: z.string(),
  }),
]);
export type SplitProposal = z.infer<typeof splitProposalSchema>;

export const orderValidationSchema = z.object({
  issues: z.array(validationIssueSchema),
  /** the lines that would be sent (a proposed split when only an amount was given), when they could be worked out */
  lines: z.array(denominationLineSchema).nullable(),
  amountPaise: z.number().int().nullable(),
});
export type OrderValidation = z.infer<typeof orderValidationSchema>;

export const orderSummarySchema = z.object({
  referenceId: z.string().nullable(),
  orderId: z.string().nullable(),
  brandId: z.string().nullable(),
  brandName: z.string().nullable(),
  amountPaise: z.number().int().nullable(),
  status: orderStatusSchema,
  intentState: intentStateSchema,
  source: orderSourceSchema,
  batchId: z.string().nullable(),
  retryOf: z.string().nullable(),
  errorId: z.string().nullable(),
  errorCode: z.string().nullable(),
  failureReason: z.string().nullable(),
  voucherCount: z.number().int(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** when the order last became PROCESSING (epoch ms); null unless it is PROCESSING now */
  processingSince: z.number().nullable(),
  /** PROCESSING for longer than the profile's stuck threshold (orders.watchSettings) */
  stuck: z.boolean(),
  origin: originSchema,
});
export type OrderSummary = z.infer<typeof orderSummarySchema>;

export const statusChangeSchema = z.object({
  status: orderStatusSchema,
  at: z.number(),
  /** what told the console: its own placement, a by-reference resolution, a lookup, a poll, a webhook, an import */
  source: z.string(),
});

export const orderCallSchema = z.object({
  requestId: z.string(),
  purpose: z.string(),
  outcome: z.string(),
  at: z.number(),
});

export const orderDetailSchema = orderSummarySchema.extend({
  denominations: z.array(denominationLineSchema).nullable(),
  /** masked (phone 98******10, e-mail c***@example.com); the full values are never stored once the outcome is known */
  customer: z
    .object({ name: z.string().optional(), phoneNumber: z.string().optional(), email: z.string().optional() })
    .nullable(),
  voucherIds: z.array(z.string()),
  history: z.array(statusChangeSchema),
  calls: z.array(orderCallSchema),
  /** the referenceId of the order that retried this one */
  retriedBy: z.string().nullable(),
  /** the last Hubble failure behind REJECTED or an unresolved outcome */
  failure: hubbleFailureSchema.nullable(),
});
export type OrderDetail = z.infer<typeof orderDetailSchema>;

export const orderFiltersSchema = z.strictObject({
  status: orderStatusSchema.optional(),
  brandId: identifier.optional(),
  source: orderSourceSchema.optional(),
  batchId: identifier.optional(),
  intentState: intentStateSchema.optional(),
  /** only orders PROCESSING for longer than the stuck threshold (true), or only the others (false) */
  stuck: z.boolean().optional(),
  /** matches orderId, referenceId or brand name (a fragment) */
  text: z.string().trim().min(1).max(200).optional(),
  /** epoch milliseconds, inclusive */
  from: epochMs.optional(),
  /** epoch milliseconds, exclusive */
  to: epochMs.optional(),
});
export type OrderFilters = z.infer<typeof orderFiltersSchema>;

export const MAX_ORDER_PAGE_ROWS = 500;

export const orderSearchSchema = z.strictObject({
  filters: orderFiltersSchema.default({}),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(MAX_ORDER_PAGE_ROWS).default(100),
  includeTotal: z.boolean().default(true),
});
export type OrderSearch = z.output<typeof orderSearchSchema>;

export const orderPageSchema = z.object({
  rows: z.array(orderSummarySchema),
  offset: z.number().int(),
  total: z.number().int().nullable(),
});
export type OrderPage = z.infer<typeof orderPageSchema>;

export const orderKeySchema = z.union([
  z.strictObject({ referenceId: identifier }),
  z.strictObject({ orderId: identifier }),
]);
export type OrderKey = z.infer<typeof orderKeySchema>;

export const orderLookupSchema = z.object({
  /** local: the console knew it; hubble: found live now (and stored with source "lookup"); none: nobody has it */
  found: z.enum(['local', 'hubble', 'none']),
  order: orderDetailSchema.nullable(),
});
export type OrderLookup = z.infer<typeof orderLookupSchema>;

/** How long an order may stay PROCESSING before the Orders page flags it "stuck" (per profile). */
export const DEFAULT_STUCK_AFTER_MINUTES = 15;
export const watchSettingsSchema = z.strictObject({
  stuckAfterMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60),
});
export type WatchSettings = z.infer<typeof watchSettingsSchema>;

/** The most a batch CSV may hold: rows, and characters of text. */
export const MAX_BATCH_ROWS = 10_000;
export const MAX_BATCH_CSV_CHARS = 5_000_000;
const batchIdSchema = z.string().trim().min(1).max(100);

/** One CSV row as the dry run read it (line = the line of the CSV file where the row starts, header = line 1). */
export const batchRowReportSchema = z.object({
  line: z.number().int(),
  partnerReference: z.string().nullable(),
  brandId: z.string().nullable(),
  brandName: z.string().nullable(),
  amountPaise: z.number().int().nullable(),
  denominations: z.array(denominationLineSchema).nullable(),
  /** masked like an order's customer */
  customer: z
    .object({ name: z.string().optional(), phoneNumber: z.string().optional(), email: z.string().optional() })
    .nullable(),
  /** fixed at import for every valid row; the row is only ever placed with it */
  referenceId: z.string().nullable(),
  valid: z.boolean(),
  /** why the row would be refused (Hubble's ids where they exist, e.g. E150); empty for a valid row */
  issues: z.array(validationIssueSchema),
  /** worth a look, not a refusal (e.g. a partner reference already used in an earlier batch) */
  warnings: z.array(z.string()),
});
export type BatchRowReport = z.infer<typeof batchRowReportSchema>;

export const batchWalletCheckSchema = z.object({
  /** false when the balance could not be read (the message says why) */
  checked: z.boolean(),
  balancePaise: z.number().int().nullable(),
  /** the valid rows' total minus the balance, when the balance is short */
  shortfallPaise: z.number().int().nullable(),
  /** Hubble would refuse rows with E300 (insufficient balance) from `firstShortLine` on */
  predictedE300: z.boolean(),
  firstShortLine: z.number().int().nullable(),
  message: z.string(),
});
export type BatchWalletCheck = z.infer<typeof batchWalletCheckSchema>;

/** The dry run: what the batch would place, what it would refuse and why, and whether the wallet covers it. */
export const batchReportSchema = z.object({
  batchId: z.string(),
  name: z.string(),
  rows: z.number().int(),
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  /** Σ of the valid rows' amounts: what the wallet is debited if every row succeeds */
  totalPaise: z.number().int(),
  vouchers: z.number().int(),
  brands: z.array(
    z.object({ brandId: z.string(), brandName: z.string(), rows: z.number().int(), totalPaise: z.number().int() }),
  ),
  wallet: batchWalletCheckSchema,
  /** every invalid row, with its line number and reasons */
  badRows: z.array(batchRowReportSchema),
  /** rows with warnings (valid or not) */
  warnedRows: z.array(batchRowReportSchema),
  /** header names the console does not know; their values were ignored */
  ignoredColumns: z.array(z.string()),
});
export type BatchReport = z.infer<typeof batchReportSchema>;

/**
 * draft: imported, dry run shown, not started · running · paused (by the operator, by a refusal that would repeat
 * for every row such as E300, or because the console stopped mid-batch) · done · cancelled (unsent rows never go).
 */
export const batchStateSchema = z.enum(['draft', 'running', 'paused', 'done', 'cancelled']);
export type BatchState = z.infer<typeof batchStateSchema>;

export const batchCountsSchema = z.object({
  /** not sent yet */
  pending: z.number().int(),
  /** sent (or about to be): waiting for Hubble's answer or for resolution by referenceId */
  inFlight: z.number().int(),
  succeeded: z.number().int(),
  processing: z.number().int(),
  /** FAILED at Hubble, or REJECTED (refused, no order exists) */
  failed: z.number().int(),
  /** any other status Hubble reports (CANCELLED, REVERSED, …) */
  other: z.number().int(),
  invalid: z.number().int(),
  cancelled: z.number().int(),
});
export type BatchCounts = z.infer<typeof batchCountsSchema>;

export const batchSummarySchema = z.object({
  batchId: z.string(),
  name: z.string(),
  state: batchStateSchema,
  pauseReason: z.string().nullable(),
  rowsTotal: z.number().int(),
  rowsValid: z.number().int(),
  totalPaise: z.number().int(),
  /** Σ of the orders Hubble accepted (SUCCESS or PROCESSING) */
  placedPaise: z.number().int(),
  counts: batchCountsSchema,
  createdAt: z.number(),
  startedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
  updatedAt: z.number(),
  vouchersExported: z.boolean(),
});
export type BatchSummary = z.infer<typeof batchSummarySchema>;

export const batchRowStateSchema = z.enum(['invalid', 'pending', 'placing', 'placed', 'cancelled']);

export const batchRowSchema = z.object({
  line: z.number().int(),
  partnerReference: z.string().nullable(),
  brandId: z.string().nullable(),
  brandName: z.string().nullable(),
  amountPaise: z.number().int().nullable(),
  referenceId: z.string().nullable(),
  rowState: batchRowStateSchema,
  orderId: z.string().nullable(),
  /** the order's status once it was sent (INTENT while unknown) */
  orderStatus: z.string().nullable(),
  intentState: intentStateSchema.nullable(),
  errorId: z.string().nullable(),
  failureReason: z.string().nullable(),
  issues: z.array(validationIssueSchema),
});
export type BatchRow = z.infer<typeof batchRowSchema>;

export const batchDetailSchema = batchSummarySchema.extend({
  report: batchReportSchema,
  rows: z.array(batchRowSchema),
  rowsOffset: z.number().int(),
});
export type BatchDetail = z.infer<typeof batchDetailSchema>;

/** A card as Hubble answers it. Only ever returned by orders.revealVouchers / exportBatchVouchers; never stored. */
export const revealedVoucherSchema = z.object({
  id: z.string(),
  cardType: z.string().nullable(),
  cardNumber: z.string().nullable(),
  cardPin: z.string().nullable(),
  validTill: z.string().nullable(),
  amountPaise: z.number().int().nullable(),
});
export type RevealedVoucher = z.infer<typeof revealedVoucherSchema>;

export const orderBundleSchema = z.object({
  /** plain text to paste into a support ticket */
  text: z.string(),
  /** the same facts as pretty-printed JSON */
  json: z.string(),
  fileName: z.string(),
  calls: z.number().int(),
  timeline: z.number().int(),
});
export type OrderBundle = z.infer<typeof orderBundleSchema>;

export const ordersOperations = {
  validate: operation({
    summary: 'Check an order against the brand’s amount rules before anything is sent (Hubble’s ids and reasons)',
    input: orderRequestSchema,
    output: orderValidationSchema,
  }),
  proposeSplit: operation({
    summary: 'Propose denominations × quantities for an amount on a FIXED brand within its per-order caps',
    input: z.strictObject({ productId: identifier, amountPaise: paise }),
    output: splitProposalSchema,
  }),
  place: operation({
    summary:
      'Place one order: validated in main, intent committed before the POST, an unknown outcome resolved by referenceId',
    input: orderRequestSchema.extend(confirmationFields),
    output: orderDetailSchema,
    confirmOnProduction: true,
  }),
  search: operation({
    summary: 'Orders of the active profile matching the filters, newest first, one page at a time',
    input: orderSearchSchema,
    output: orderPageSchema,
  }),
  get: operation({
    summary: 'One stored order with its status timeline and every call behind it',
    input: orderKeySchema,
    output: orderDetailSchema,
  }),
  lookup: operation({
    summary:
      'Find an orderId or referenceId: locally, else (live) in Hubble, storing what it finds; live also refreshes a stored order',
    input: z.strictObject({ value: identifier, live: z.boolean().default(false) }),
    output: orderLookupSchema,
  }),
  retry: operation({
    summary:
      'Retry a FAILED or REJECTED order on the operator’s request, with a new referenceId linked to the original',
    input: z.strictObject({
      referenceId: identifier,
      customerDetails: customerDetailsSchema.optional(),
      ...confirmationFields,
    }),
    output: orderDetailSchema,
    confirmOnProduction: true,
  }),
  watchSettings: operation({
    summary: 'The PROCESSING watcher’s settings of the active profile (when an order counts as stuck)',
    input: z.undefined(),
    output: watchSettingsSchema,
  }),
  setWatchSettings: operation({
    summary: 'Change after how many minutes of PROCESSING an order is flagged stuck on this profile',
    input: watchSettingsSchema,
    output: watchSettingsSchema,
  }),
  batchImport: operation({
    summary:
      'Import a batch CSV: every row validated against the brand rules and the wallet (dry run), referenceIds fixed; nothing is sent',
    input: z.strictObject({
      csv: z.string().min(1).max(MAX_BATCH_CSV_CHARS),
      name: z.string().trim().min(1).max(120).optional(),
    }),
    output: batchReportSchema,
  }),
  batchRun: operation({
    summary:
      'Start an imported batch in the background (progress as jobs.progress of orders.batch); the total must be the one confirmed',
    input: z.strictObject({
      batchId: batchIdSchema,
      /** the total the operator saw and confirmed; refused if the batch's total differs */
      expectedTotalPaise: z.number().int().min(0),
      ...confirmationFields,
    }),
    output: batchSummarySchema,
    confirmOnProduction: true,
  }),
  batchPause: operation({
    summary: 'Pause a running batch after the row in flight (its outcome is still resolved)',
    input: z.strictObject({ batchId: batchIdSchema }),
    output: batchSummarySchema,
  }),
  batchResume: operation({
    summary: 'Resume a paused batch: rows already sent are resolved by referenceId, never sent twice',
    input: z.strictObject({ batchId: batchIdSchema }),
    output: batchSummarySchema,
  }),
  batchCancel: operation({
    summary: 'Cancel a batch: rows not yet sent are never sent; rows already sent keep their outcome',
    input: z.strictObject({ batchId: batchIdSchema }),
    output: batchSummarySchema,
  }),
  batches: operation({
    summary: 'The batches of the active profile, newest first',
    input: z.undefined(),
    output: z.object({ batches: z.array(batchSummarySchema) }),
  }),
  batch: operation({
    summary: 'One batch with its dry-run report and its rows (a page of them) with each row’s order outcome',
    input: z.strictObject({
      batchId: batchIdSchema,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(MAX_BATCH_ROWS).default(1000),
    }),
    output: batchDetailSchema,
  }),
  batchResultCsv: operation({
    summary:
      'The batch’s result as CSV: one line per row with its referenceId, order id, status and reason (no card data)',
    input: z.strictObject({ batchId: batchIdSchema }),
    output: z.object({ csv: z.string(), fileName: z.string(), rows: z.number().int() }),
  }),
  revealVouchers: operation({
    summary:
      'Fetch an order’s cards from Hubble on the operator’s explicit request (audited); never stored, the renderer masks them',
    input: orderKeySchema,
    output: z.object({
      orderId: z.string(),
      referenceId: z.string().nullable(),
      status: orderStatusSchema,
      vouchers: z.array(revealedVoucherSchema),
    }),
  }),
  exportBatchVouchers: operation({
    summary:
      'Once per batch, after the operator’s warning: every card of the batch’s successful orders as text to save (audited)',
    input: z.strictObject({ batchId: batchIdSchema }),
    output: z.object({
      text: z.string(),
      fileName: z.string(),
      orders: z.number().int(),
      vouchers: z.number().int(),
    }),
  }),
  bundle: operation({
    summary: 'A redacted support bundle for one order: its status timeline and every call behind it, as text and JSON',
    input: orderKeySchema,
    output: orderBundleSchema,
  }),
};
