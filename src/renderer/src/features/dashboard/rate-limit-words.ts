import type { RateLimitMeter } from '../../../../shared/contract/metrics.ts';
import { formatPaise } from '../../components/money.ts';
import { formatCount } from '../../components/chart-format.ts';

const WINDOW_WORDS = { hourly: 'this hour, IST', daily: 'today, IST', monthly: 'this month, IST' } as const;

/** "Partner · amount · today, IST", "Brand AMZN (each customer) · count · this hour, IST". */
export function describeLimit(meter: RateLimitMeter): string {
  const { limit } = meter;
  const who =
    limit.scope === 'partner'
      ? 'Partner'
      : `${limit.productId === null ? 'Each brand' : `Brand ${limit.productId}`}${limit.brandScope === 'per-customer' ? ' (each customer)' : ''}`;
  return `${who} · ${limit.type === 'amount' ? 'amount' : 'orders'} · ${WINDOW_WORDS[limit.window]}`;
}

/** Used of capacity in the limit's unit: rupees for amount limits (measured in paise), orders for count limits. */
export function usedOfCapacity(meter: RateLimitMeter): string {
  const format = meter.limit.type === 'amount' ? (paise: number) => formatPaise(Math.round(paise)) : formatCount;
  return `${format(meter.used)} of ${format(meter.capacity)}`;
}

export type MeterLevel = 'ok' | 'warning' | 'full';

/** Amber from the rate-limit alert's threshold, red at the limit. */
export function meterLevel(percent: number, warnAt: number): MeterLevel {
  if (percent >= 100) return 'full';
  return percent >= warnAt ? 'warning' : 'ok';
}
