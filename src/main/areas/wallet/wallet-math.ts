/** One balance reading, in paise. */
export interface BalancePoint {
  readonly at: number;
  readonly balancePaise: number;
}

/** Paise refunded to the wallet in (from, to] (orders that turned FAILED, REVERSED or CANCELLED then). */
export type RefundsBetween = (from: number, to: number) => number;

const noRefunds: RefundsBetween = () => 0;
const HOUR_MS = 3_600_000;

/**
 * A rise of the balance between two samples beyond the refunds of that interval is a top-up (Hubble tops up
 * offline, through the account manager: the console only sees the jump).
 */
export function topUpBetween(previous: BalancePoint, next: BalancePoint, refunds: RefundsBetween = noRefunds): number {
  const rise = next.balancePaise - previous.balancePaise;
  if (rise <= 0) return 0;
  return Math.max(0, rise - refunds(previous.at, next.at));
}

export function detectTopUps(
  samples: readonly BalancePoint[],
  refunds: RefundsBetween = noRefunds,
): { at: number; amountPaise: number }[] {
  const topUps: { at: number; amountPaise: number }[] = [];
  for (let index = 1; index < samples.length; index += 1) {
    const amountPaise = topUpBetween(samples[index - 1]!, samples[index]!, refunds);
    if (amountPaise > 0) topUps.push({ at: samples[index]!.at, amountPaise });
  }
  return topUps;
}

/**
 * Paise spent per hour over the samples given (oldest first): every fall of the balance is spending, a rise is a
 * refund (which gives spending back) or a top-up (which is not spending and is ignored). Null with fewer than
 * two samples or less than `minSpanMs` between the first and the last: too little to extrapolate hours ahead.
 */
export function spendRatePerHour(
  samples: readonly BalancePoint[],
  refunds: RefundsBetween = noRefunds,
  minSpanMs = 10 * 60_000,
): number | null {
  if (samples.length < 2) return null;
  const span = samples.at(-1)!.at - samples[0]!.at;
  if (span < minSpanMs) return null;
  let spent = 0;
  for (let index = 1; index < samples.length; index += 1) {
    const previous = samples[index - 1]!;
    const next = samples[index]!;
    const change = next.balancePaise - previous.balancePaise;
    if (change < 0) spent -= change;
    else if (change > 0) spent -= Math.min(change, refunds(previous.at, next.at));
  }
  return (Math.max(0, spent) / span) * HOUR_MS;
}

/** Hours until the balance falls to `floorPaise` at `ratePerHour`; 0 when already at or below, null when not spending. */
export function hoursUntil(balancePaise: number, floorPaise: number, ratePerHour: number | null): number | null {
  if (balancePaise <= floorPaise) return 0;
  if (ratePerHour === null || ratePerHour <= 0) return null;
  return (balancePaise - floorPaise) / ratePerHour;
}
