import type Database from 'better-sqlite3';
import type { RateLimitMeter, RateLimitMeters } from '../../../shared/contract/metrics.ts';
import type { RateLimit } from '../../../shared/contract/profiles.ts';
import { istWindow } from './ist-windows.ts';

/**
 * Usage counts every order Hubble accepted in the window, whatever became of it (a FAILED order used the
 * limit too, as in the simulator); REJECTED ones were refused and never counted. Orders whose outcome is not
 * known yet (INTENT) are reported apart as `uncertain`: a batch that must not cross a limit counts them.
 * Per-customer limits group orders by the masked phone number (else e-mail) the orders table keeps: two
 * customers whose masks coincide are counted together, so such a meter can read high, never low.
 */
const ACCEPTED = `status NOT IN ('REJECTED', 'INTENT')`;
const UNCERTAIN = `status = 'INTENT'`;
const CUSTOMER_KEY = `coalesce(json_extract(customer_json, '$.phoneNumber'), json_extract(customer_json, '$.email'))`;

// Amounts are counted in paise; a limit under one paisa is one paisa, so a meter always has room to measure.
const capacityOf = (limit: RateLimit) =>
  limit.type === 'amount' ? Math.max(1, Math.round(limit.limit * 100)) : limit.limit;

interface Usage {
  used: number;
  uncertain: number;
  worst: string | null;
}

export interface UsageFilter {
  /** only this brand (a brand limit for one productId, or the brand a batch will order) */
  brandId?: string | null;
  /** only this end-customer (masked phone or e-mail, as the orders table holds it) */
  customerKey?: string | null;
}

function usageOf(db: Database.Database, limit: RateLimit, at: number, filter: UsageFilter = {}): Usage {
  const { start, end } = istWindow(at, limit.window);
  const measure = limit.type === 'amount' ? 'amount_paise' : '1';
  const where = ['created_at >= @start', 'created_at < @end'];
  const params: Record<string, unknown> = { start, end };
  const groups: string[] = [];
  if (limit.scope === 'brand') {
    const brandId = limit.productId ?? filter.brandId ?? null;
    if (brandId !== null) {
      where.push('brand_id = @brandId');
      params['brandId'] = brandId;
    } else groups.push('brand_id');
    if (limit.brandScope === 'per-customer') {
      where.push(`${CUSTOMER_KEY} IS NOT NULL`);
      if (filter.customerKey) {
        where.push(`${CUSTOMER_KEY} = @customerKey`);
        params['customerKey'] = filter.customerKey;
      } else groups.push(CUSTOMER_KEY);
    }
  }
  const select = `SELECT coalesce(sum(CASE WHEN ${ACCEPTED} THEN ${measure} END), 0) AS used,
                         coalesce(sum(CASE WHEN ${UNCERTAIN} THEN ${measure} END), 0) AS uncertain,
                         ${groups.length === 0 ? 'NULL' : groups.map((group) => `coalesce(${group}, '')`).join(" || ' · ' || ")} AS worst
                  FROM orders WHERE ${where.join(' AND ')}`;
  const sql =
    groups.length === 0 ? select : `${select} GROUP BY ${groups.join(', ')} ORDER BY used + uncertain DESC LIMIT 1`;
  const row = db.prepare(sql).get(params) as Usage | undefined;
  return row ?? { used: 0, uncertain: 0, worst: null };
}

export function rateLimitMeters(db: Database.Database, limits: readonly RateLimit[], at: number): RateLimitMeters {
  const meters = limits.map((limit): RateLimitMeter => {
    const usage = usageOf(db, limit, at);
    const capacity = capacityOf(limit);
    return {
      limit,
      window: istWindow(at, limit.window),
      used: usage.used,
      uncertain: usage.uncertain,
      capacity,
      percentUsed: (usage.used / capacity) * 100,
      worst: usage.worst,
    };
  });
  const hour = istWindow(at, 'hourly');
  const day = istWindow(at, 'daily');
  const failures = (from: number) =>
    db
      .prepare(
        `SELECT coalesce(sum(calls), 0) FROM metrics_minute WHERE minute >= ? AND minute < ? AND error_kind = 'rate-limit'`,
      )
      .pluck()
      .get(Math.floor(from / 60_000), Math.floor(at / 60_000) + 1) as number;
  return {
    at,
    meters,
    rateLimitFailures: {
      hour: failures(hour.start),
      day: failures(day.start),
      drill: { area: 'calls', filters: { from: day.start, to: day.end, errorId: 'rate-limit' } },
    },
  };
}

export interface PlannedOrders {
  brandId: string;
  /** how many orders the batch will place */
  orders: number;
  /** their total, in paise */
  amountPaise: number;
  /** masked phone (else e-mail) of the end-customer, for per-customer brand limits */
  customerKey?: string | null;
}

export interface Crossing {
  limit: RateLimit;
  used: number;
  uncertain: number;
  adding: number;
  capacity: number;
}

/**
 * Would placing these orders now cross a limit? Counts orders of unknown outcome as used (a batch must pause
 * before the limit, not find out with an E400). Returns every limit it would cross; empty means go ahead.
 */
export function wouldCross(
  db: Database.Database,
  limits: readonly RateLimit[],
  at: number,
  planned: PlannedOrders,
): Crossing[] {
  const crossings: Crossing[] = [];
  for (const limit of limits) {
    if (limit.scope === 'brand' && limit.productId !== null && limit.productId !== planned.brandId) continue;
    if (limit.scope === 'brand' && limit.brandScope === 'per-customer' && !planned.customerKey) continue;
    const usage = usageOf(db, limit, at, { brandId: planned.brandId, customerKey: planned.customerKey ?? null });
    const adding = limit.type === 'amount' ? planned.amountPaise : planned.orders;
    const capacity = capacityOf(limit);
    if (usage.used + usage.uncertain + adding > capacity)
      crossings.push({ limit, used: usage.used, uncertain: usage.uncertain, adding, capacity });
  }
  return crossings;
}

const limitKey = (limit: RateLimit) =>
  limit.scope === 'partner'
    ? `partner|${limit.type}|${limit.window}`
    : `brand|${limit.productId ?? 'each brand'}|${limit.brandScope}|${limit.type}|${limit.window}`;

/** Stores the meters where the alert evaluator (another area) reads them; limits no longer configured go. */
export function refreshRateLimitUsage(
  db: Database.Database,
  limits: readonly RateLimit[],
  at: number,
): RateLimitMeters {
  const meters = rateLimitMeters(db, limits, at);
  db.transaction(() => {
    db.prepare('DELETE FROM rate_limit_usage').run();
    const insert = db.prepare(
      `INSERT OR REPLACE INTO rate_limit_usage (limit_key, at, window_start, window_end, used, uncertain, capacity, percent_used)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const meter of meters.meters) {
      insert.run(
        limitKey(meter.limit),
        at,
        meter.window.start,
        meter.window.end,
        meter.used,
        meter.uncertain,
        meter.capacity,
        meter.percentUsed,
      );
    }
  })();
  return meters;
}
