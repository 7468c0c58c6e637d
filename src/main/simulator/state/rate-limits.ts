import { z } from 'zod';
import { windowKey, windowKeys } from '../time.ts';

/**
 * One limit of the Go Live page: a level (partner or brand), a type (amount in rupees, or a count of orders),
 * a calendar window, and for brand limits an optional single brand and an optional per-end-customer scope.
 */
export const rateLimitSchema = z
  .object({
    scope: z.enum(['partner', 'brand']),
    type: z.enum(['amount', 'count']),
    window: z.enum(['hourly', 'daily', 'monthly']),
    limit: z.number().positive(),
    /** Brand scope only: just this brand. Absent: every brand separately. */
    brandId: z.string().optional(),
    /** Brand scope only: counted per end-customer instead of globally. */
    perCustomer: z.boolean().optional(),
  })
  .strict();
export type RateLimit = z.infer<typeof rateLimitSchema>;

interface Usage {
  amountPaise: number;
  count: number;
}

export interface OrderUsage {
  brandId: string;
  customerKey: string;
  amountPaise: number;
}

export interface RateLimitBreach {
  limit: RateLimit;
  usedPaise: number;
  usedCount: number;
}

const bucketOf = (limit: Pick<RateLimit, 'scope' | 'perCustomer'>, usage: OrderUsage): string =>
  limit.scope === 'partner'
    ? 'partner'
    : limit.perCustomer
      ? `brand:${usage.brandId}:customer:${usage.customerKey}`
      : `brand:${usage.brandId}`;

/**
 * Usage per client, bucketed by calendar window (IST). Every accepted order is remembered, so a limit added later
 * still sees what was already spent in its window; the buckets are only built (from that history) once a client
 * has limits, which keeps limit-free clients cheap. Windows roll when the clock does.
 */
export class RateLimitCounters {
  private readonly history: Array<OrderUsage & { at: number }> = [];
  private usage: Map<string, Usage> | null = null;

  check(limits: readonly RateLimit[], order: OrderUsage, now: number): RateLimitBreach | undefined {
    if (limits.length === 0) return undefined;
    const usage = this.buckets();
    for (const limit of limits) {
      if (limit.scope === 'brand' && limit.brandId !== undefined && limit.brandId !== order.brandId) continue;
      const used = usage.get(`${bucketOf(limit, order)}|${windowKey(now, limit.window)}`) ?? {
        amountPaise: 0,
        count: 0,
      };
      const exceeded =
        limit.type === 'amount'
          ? used.amountPaise + order.amountPaise > Math.round(limit.limit * 100)
          : used.count + 1 > limit.limit;
      if (exceeded) return { limit, usedPaise: used.amountPaise, usedCount: used.count };
    }
    return undefined;
  }

  record(order: OrderUsage, now: number): void {
    this.history.push({ ...order, at: now });
    if (this.usage) add(this.usage, order, now);
  }

  /** What each configured limit has used in its current window (for /__sim/clients). */
  describe(limits: readonly RateLimit[], now: number): Array<RateLimit & { used: number; windowKey: string }> {
    const usage = limits.length > 0 ? this.buckets() : new Map<string, Usage>();
    return limits.map((limit) => {
      const bucket = limit.scope === 'partner' ? 'partner' : limit.brandId ? `brand:${limit.brandId}` : undefined;
      const key = windowKey(now, limit.window);
      const used = bucket && !limit.perCustomer ? usage.get(`${bucket}|${key}`) : undefined;
      return {
        ...limit,
        used: used ? (limit.type === 'amount' ? used.amountPaise / 100 : used.count) : 0,
        windowKey: key,
      };
    });
  }

  private buckets(): Map<string, Usage> {
    if (!this.usage) {
      this.usage = new Map();
      for (const entry of this.history) add(this.usage, entry, entry.at);
    }
    return this.usage;
  }
}

function add(usage: Map<string, Usage>, order: OrderUsage, at: number): void {
  const buckets = [
    bucketOf({ scope: 'partner' }, order),
    bucketOf({ scope: 'brand' }, order),
    bucketOf({ scope: 'brand', perCustomer: true }, order),
  ];
  for (const [, key] of windowKeys(at)) {
    for (const bucket of buckets) {
      const entry = usage.get(`${bucket}|${key}`);
      if (entry) {
        entry.amountPaise += order.amountPaise;
        entry.count += 1;
      } else {
        usage.set(`${bucket}|${key}`, { amountPaise: order.amountPaise, count: 1 });
      }
    }
  }
}
