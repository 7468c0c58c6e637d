import { z } from 'zod';
import { callFiltersSchema } from './calls.ts';
import { operation } from './define.ts';
import { epochMs } from './epoch-ms.ts';
import { orderFiltersSchema } from './orders.ts';
import { rateLimitSchema } from './profiles.ts';

const MAX_RANGE_MS = 400 * 86_400_000;
/** 10 080 points per series at most: more than any chart can show. */
const MAX_MINUTE_RANGE_MS = 7 * 86_400_000;

export const bucketSizeSchema = z.enum(['minute', 'hour']);
export type BucketSize = z.infer<typeof bucketSizeSchema>;

export const dashboardInputSchema = z
  .strictObject({
    /** epoch ms, inclusive (rounded down to its bucket) */
    from: epochMs,
    /** epoch ms, exclusive */
    to: epochMs,
    /** minute by default up to two days, hour above (a minute series over 30 days would be 43 200 points) */
    bucket: bucketSizeSchema.optional(),
  })
  .check((ctx) => {
    if (ctx.value.to <= ctx.value.from)
      ctx.issues.push({ code: 'custom', message: '`to` must be after `from`', input: ctx.value, path: ['to'] });
    if (ctx.value.bucket === 'minute' && ctx.value.to - ctx.value.from > MAX_MINUTE_RANGE_MS)
      ctx.issues.push({
        code: 'custom',
        message: 'Minute buckets cover at most 7 days; use hour buckets',
        input: ctx.value,
        path: ['bucket'],
      });
    if (ctx.value.to - ctx.value.from > MAX_RANGE_MS)
      ctx.issues.push({
        code: 'custom',
        message: 'A dashboard range is at most 400 days',
        input: ctx.value,
        path: ['from'],
      });
  });
export type DashboardInput = z.output<typeof dashboardInputSchema>;

/** Where a point, bar or row leads: the Calls or Orders page with these filters (a minute range, a kind). */
export const drillDownSchema = z.discriminatedUnion('area', [
  z.object({ area: z.literal('calls'), filters: callFiltersSchema }),
  z.object({ area: z.literal('orders'), filters: orderFiltersSchema }),
]);
export type DrillDown = z.infer<typeof drillDownSchema>;

const count = z.number().int().nonnegative();
const ms = z.number().nonnegative();

export const orderPointSchema = z.object({
  /** bucket start, epoch ms */
  at: epochMs,
  success: count,
  failed: count,
  processing: count,
  /** REJECTED (refused by Hubble: no order), INTENT (outcome not known yet), REVERSED, CANCELLED… */
  other: count,
  /** SUCCESS / (SUCCESS + FAILED), 0–1; null when neither happened in the bucket */
  successRate: z.number().min(0).max(1).nullable(),
  orders: count,
  /** paise of every order in the bucket, whatever its status */
  amountPaise: z.number().int().nonnegative(),
  /** paise debited and not refunded: SUCCESS + PROCESSING */
  spentPaise: z.number().int().nonnegative(),
  drill: drillDownSchema,
});

export const latencyRowSchema = z.object({
  endpoint: z.string(),
  calls: count,
  avgMs: ms,
  /** estimated from the histogram (linear inside one bucket); null without calls */
  p50Ms: ms.nullable(),
  p95Ms: ms.nullable(),
  maxMs: ms,
  drill: drillDownSchema,
});

export const latencyPointSchema = z.object({
  /** start of the latency step (`latencyBucketMs`), epoch ms */
  at: epochMs,
  endpoint: z.string(),
  calls: count,
  avgMs: ms,
  p50Ms: ms.nullable(),
  p95Ms: ms.nullable(),
});

export const errorPointSchema = z.object({
  at: epochMs,
  calls: count,
  failed: count,
  /** failed calls by taxonomy kind (business, rate-limit, auth, whitelisting, not-found, server, timeout, network, invalid-response) */
  byKind: z.record(z.string(), count),
  drill: drillDownSchema,
});

export const topErrorSchema = z.object({
  kind: z.string(),
  /** Hubble's error id (E300…) when it sent one, else the kind */
  errorKey: z.string(),
  calls: count,
  /** start of the last bucket it happened in */
  lastAt: epochMs,
  drill: drillDownSchema,
});

export const annotationSchema = z.object({
  at: epochMs,
  kind: z.enum(['top-up', 'wallet-below-minimum', 'alert-fired', 'alert-resolved', 'profile-switch']),
  text: z.string(),
  drill: drillDownSchema.nullable(),
});
export type Annotation = z.infer<typeof annotationSchema>;

export const dashboardSchema = z.object({
  from: epochMs,
  to: epochMs,
  bucket: bucketSizeSchema,
  bucketMs: z.number().int().positive(),
  /**
   * the latency series' step: a whole number of buckets, the finest of 1 min, 5 min, 15 min, 1 h, 6 h, 1 day that
   * keeps it within 200 points (6 h over 30 days); its points start at multiples of it (UTC), so the first may
   * start before `from`
   */
  latencyBucketMs: z.number().int().positive(),
  /** which sources have any data at all (empty states say how to get some) */
  sources: z.object({
    calls: z.boolean(),
    orders: z.boolean(),
    walletSamples: z.boolean(),
    alerts: z.boolean(),
    /** 'absent': no webhook receiver table in this profile yet */
    webhooks: z.enum(['absent', 'empty', 'has-data']),
  }),
  orders: z.array(orderPointSchema),
  latency: z.array(latencyRowSchema),
  latencySeries: z.array(latencyPointSchema),
  errors: z.array(errorPointSchema),
  topErrors: z.array(topErrorSchema),
  wallet: z.array(z.object({ at: epochMs, balancePaise: z.number().int() })),
  annotations: z.array(annotationSchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const rebuildReportSchema = z.object({
  callMinutes: count,
  callHours: count,
  orderMinutes: count,
  orderHours: count,
  /** the first minute rebuilt from raw calls (epoch ms); older rollups outlive the raw calls and are kept */
  rebuiltFrom: epochMs.nullable(),
});
export type RebuildReport = z.infer<typeof rebuildReportSchema>;

export const rateLimitWindowBoundsSchema = z.object({ start: epochMs, end: epochMs });

export const rateLimitMeterSchema = z.object({
  limit: rateLimitSchema,
  window: rateLimitWindowBoundsSchema,
  /** accepted orders in the window (count or paise, by the limit's type); for "each brand" or "per customer" the highest one */
  used: z.number().nonnegative(),
  /** orders whose outcome is not known yet (they may count) */
  uncertain: z.number().nonnegative(),
  /** the limit in the same unit as used (paise for amount limits) */
  capacity: z.number().positive(),
  percentUsed: z.number().nonnegative(),
  /** which brand or customer `used` belongs to, when the limit applies to each separately */
  worst: z.string().nullable(),
});
export type RateLimitMeter = z.infer<typeof rateLimitMeterSchema>;

export const rateLimitMetersSchema = z.object({
  at: epochMs,
  meters: z.array(rateLimitMeterSchema),
  /** E400 RATE_LIMIT_EXCEEDED (and 429) answers in the current IST day / hour */
  rateLimitFailures: z.object({ hour: count, day: count, drill: drillDownSchema }),
});
export type RateLimitMeters = z.infer<typeof rateLimitMetersSchema>;

export const metricsOperations = {
  dashboard: operation({
    summary:
      'Every dashboard panel of the active profile for a time range, read from the minute or hour rollups (never raw rows)',
    input: dashboardInputSchema,
    output: dashboardSchema,
  }),
  rebuildRollups: operation({
    summary: 'Maintenance: recompute the call and order rollups of the active profile exactly from the raw rows',
    input: z.undefined(),
    output: rebuildReportSchema,
  }),
  rateLimitMeters: operation({
    summary:
      "Usage of the active profile's rate limits (IST calendar windows) from its orders, and the E400 failures seen",
    input: z.undefined(),
    output: rateLimitMetersSchema,
  }),
};
