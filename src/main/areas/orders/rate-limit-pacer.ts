import type Database from 'better-sqlite3';
import type { RateLimit } from '../../../shared/contract/profiles.ts';
import { formatPaise } from './money.ts';

/** Hubble counts its windows in IST (UTC+05:30, no daylight saving): hours, days from midnight, months. */
const IST_OFFSET_MS = 330 * 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The calendar window (IST) that `at` falls in: [start, end). */
export function windowOf(window: RateLimit['window'], at: number): { start: number; end: number } {
  const local = at + IST_OFFSET_MS;
  if (window === 'hourly') {
    const start = Math.floor(local / HOUR_MS) * HOUR_MS;
    return { start: start - IST_OFFSET_MS, end: start + HOUR_MS - IST_OFFSET_MS };
  }
  if (window === 'daily') {
    const start = Math.floor(local / DAY_MS) * DAY_MS;
    return { start: start - IST_OFFSET_MS, end: start + DAY_MS - IST_OFFSET_MS };
  }
  const date = new Date(local);
  const start = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  const end = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  return { start: start - IST_OFFSET_MS, end: end - IST_OFFSET_MS };
}

/** What the next order would be. */
export interface NextOrder {
  readonly brandId: string;
  readonly amountPaise: number;
  /** the end customer a per-customer brand limit is counted for (masked phone, else e-mail, else name) */
  readonly customerKey: string | null;
}

export type PaceDecision =
  | { kind: 'go' }
  /** placing it now would pass a limit: wait until the window rolls over */
  | { kind: 'wait'; until: number; reason: string }
  /** the order alone is above an amount limit: no window will ever let it through */
  | { kind: 'never'; reason: string };

const describe = (limit: RateLimit) =>
  `${limit.scope === 'partner' ? 'partner' : limit.productId ? 'brand' : 'per-brand'} ${limit.window} ${limit.type} limit of ${
    limit.type === 'amount' ? formatPaise(Math.round(limit.limit * 100)) : `${limit.limit} orders`
  }${limit.scope === 'brand' && limit.brandScope === 'per-customer' ? ' per customer' : ''}`;

/**
 * Whether one more order fits under the profile's rate limits now. Usage is what this profile's own orders used in
 * each window: every order Hubble accepted (it counts those even when they later fail) plus every order whose
 * outcome is not known yet (it may have been accepted). Amount limits are in rupees, compared in paise.
 */
export function paceUnderLimits(
  db: Database.Database,
  limits: readonly RateLimit[],
  next: NextOrder,
  now: number,
): PaceDecision {
  let wait: { until: number; reason: string } | null = null;
  for (const limit of limits) {
    if (limit.scope === 'brand' && limit.productId !== null && limit.productId !== next.brandId) continue;
    const limitValue = limit.type === 'amount' ? Math.round(limit.limit * 100) : limit.limit;
    const adds = limit.type === 'amount' ? next.amountPaise : 1;
    if (adds > limitValue)
      return { kind: 'never', reason: `${formatPaise(next.amountPaise)} is above the ${describe(limit)}.` };
    const { start, end } = windowOf(limit.window, now);
    const clauses = [
      `source IN ('console', 'batch')`,
      `created_at >= ?`,
      `created_at < ?`,
      `(order_id IS NOT NULL OR intent_state <> 'resolved')`,
    ];
    const params: unknown[] = [start, end];
    if (limit.scope === 'brand') {
      clauses.push('brand_id = ?');
      params.push(next.brandId);
      if (limit.brandScope === 'per-customer') {
        if (next.customerKey === null) continue;
        clauses.push(
          `coalesce(json_extract(customer_json, '$.phoneNumber'), json_extract(customer_json, '$.email'), json_extract(customer_json, '$.name')) = ?`,
        );
        params.push(next.customerKey);
      }
    }
    const used = db
      .prepare(
        `SELECT ${limit.type === 'amount' ? 'coalesce(sum(amount_paise), 0)' : 'count(*)'} FROM orders WHERE ${clauses.join(' AND ')}`,
      )
      .pluck()
      .get(...params) as number;
    if (used + adds > limitValue && (wait === null || end > wait.until))
      wait = { until: end, reason: `the ${describe(limit)} is used up until the window ends` };
  }
  return wait ? { kind: 'wait', ...wait } : { kind: 'go' };
}
