import type { DenominationLine, SplitProposal } from '../../../shared/contract/orders.ts';
import type { BrandRules } from './brand-rules.ts';
import { formatPaise } from './money.ts';

/** Work the search may do before it gives up (a pathological catalogue entry must never stall main). */
const SEARCH_BUDGET = 250_000;

interface Caps {
  perDenomination: number;
  distinct: number;
  vouchers: number;
}

class TooComplex extends Error {}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * The fewest vouchers that make exactly `amount` from `values` (descending) with at most `caps.perDenomination`
 * of each, at most `caps.distinct` different values and at most `caps.vouchers` in all; null when impossible.
 */
function fewestVouchers(values: readonly number[], amount: number, caps: Caps): DenominationLine[] | null {
  const memo = new Map<string, { count: number; quantity: number }>();
  let steps = 0;
  // The most that values[index..] can add up to under the per-denomination cap.
  const reach = values.map((_, index) => caps.perDenomination * values.slice(index).reduce((sum, v) => sum + v, 0));
  const keyOf = (index: number, remaining: number, distinctLeft: number, vouchersLeft: number) =>
    `${index}:${remaining}:${distinctLeft}:${vouchersLeft}`;
  const best = (index: number, remaining: number, distinctLeft: number, vouchersLeft: number): number => {
    if (remaining === 0) return 0;
    if (index === values.length || distinctLeft === 0) return Infinity;
    const value = values[index]!;
    // Every later value is smaller: if even this one cannot cover the rest, nothing can.
    if (remaining > vouchersLeft * value || remaining > reach[index]!) return Infinity;
    const key = keyOf(index, remaining, distinctLeft, vouchersLeft);
    const known = memo.get(key);
    if (known) return known.count;
    // Larger denominations first, and on a tie the split that uses more of them.
    let choice = { count: Infinity, quantity: 0 };
    const most = Math.min(caps.perDenomination, Math.floor(remaining / value), vouchersLeft);
    for (let quantity = most; quantity >= 0; quantity -= 1) {
      steps += 1;
      if (steps > SEARCH_BUDGET) throw new TooComplex();
      const rest = best(
        index + 1,
        remaining - quantity * value,
        quantity > 0 ? distinctLeft - 1 : distinctLeft,
        vouchersLeft - quantity,
      );
      if (quantity + rest < choice.count) choice = { count: quantity + rest, quantity };
    }
    memo.set(key, choice);
    return choice.count;
  };
  const vouchers = Number.isFinite(caps.vouchers) ? caps.vouchers : Math.ceil(amount / values[values.length - 1]!);
  if (best(0, amount, caps.distinct, vouchers) === Infinity) return null;
  const lines: DenominationLine[] = [];
  let remaining = amount;
  let distinctLeft = caps.distinct;
  let vouchersLeft = vouchers;
  for (let index = 0; remaining > 0; index += 1) {
    const quantity = memo.get(keyOf(index, remaining, distinctLeft, vouchersLeft))?.quantity ?? 0;
    if (quantity > 0) {
      lines.push({ denominationPaise: values[index]!, quantity });
      remaining -= quantity * values[index]!;
      distinctLeft -= 1;
      vouchersLeft -= quantity;
    }
  }
  return lines;
}

/** Can any number of each value make `amount`? A DP over multiples of their gcd (beyond 2M steps: assume yes). */
function reachableWithoutCaps(values: readonly number[], amount: number): boolean {
  const step = values.reduce(gcd);
  const units = amount / step;
  if (units > 2_000_000) return true;
  const reachable = new Uint8Array(units + 1);
  reachable[0] = 1;
  for (const value of values)
    for (let x = value / step; x <= units; x += 1) if (reachable[x - value / step]) reachable[x] = 1;
  return reachable[units] === 1;
}

const capsText = (rules: BrandRules): string =>
  [
    rules.maxVouchersPerOrder !== null && `at most ${rules.maxVouchersPerOrder} vouchers per order`,
    rules.maxVouchersPerDenomination !== null && `at most ${rules.maxVouchersPerDenomination} of each denomination`,
    rules.maxDenominationsPerOrder !== null && `at most ${rules.maxDenominationsPerOrder} different denominations`,
  ]
    .filter(Boolean)
    .join(', ');

/**
 * Proposes denominations × quantities for an amount on a FIXED brand (e.g. ₹6,250 from [1000, 2000, 5000]) that
 * respect every per-order cap, preferring the fewest vouchers; or says in plain words why no split exists.
 */
export function proposeSplit(rules: BrandRules, amountPaise: number): SplitProposal {
  if (rules.denominationType !== 'FIXED')
    return {
      ok: false,
      reason: 'not-fixed',
      message: `${rules.title} is not a FIXED-denomination brand: any voucher amount in its range can be ordered.`,
    };
  // A listed value above maxVoucherAmount would be refused (E152), so it is never proposed.
  const values = [...new Set(rules.denominations ?? [])]
    .filter((value) => value > 0 && (rules.maxVoucherPaise === null || value <= rules.maxVoucherPaise))
    .sort((a, b) => b - a);
  if (values.length === 0)
    return {
      ok: false,
      reason: 'no-denominations',
      message: `${rules.title} lists no denominations that can be ordered.`,
    };
  if (
    (rules.minOrderPaise !== null && amountPaise < rules.minOrderPaise) ||
    (rules.maxOrderPaise !== null && amountPaise > rules.maxOrderPaise)
  )
    return {
      ok: false,
      reason: 'order-range',
      message: `${formatPaise(amountPaise)} is outside ${rules.title}'s order range (${formatPaise(rules.minOrderPaise ?? 0)} to ${rules.maxOrderPaise === null ? 'no maximum' : formatPaise(rules.maxOrderPaise)}).`,
    };
  const listed = values.map(formatPaise).join(', ');
  const step = values.reduce(gcd);
  if (amountPaise % step !== 0)
    return {
      ok: false,
      reason: 'not-reachable',
      message: `${formatPaise(amountPaise)} cannot be made from ${rules.title}'s denominations (${listed}): it is not a multiple of ${formatPaise(step)}.`,
    };
  try {
    const capped = fewestVouchers(values, amountPaise, {
      perDenomination: rules.maxVouchersPerDenomination ?? Infinity,
      distinct: rules.maxDenominationsPerOrder ?? values.length,
      vouchers: rules.maxVouchersPerOrder ?? Infinity,
    });
    if (capped) return { ok: true, lines: capped, vouchers: capped.reduce((sum, line) => sum + line.quantity, 0) };
    // Within the caps there is none; say whether the caps are the reason or the amount can never be made.
    const uncapped = reachableWithoutCaps(values, amountPaise);
    return uncapped
      ? {
          ok: false,
          reason: 'caps',
          message: `${formatPaise(amountPaise)} can be made from ${listed}, but not within ${rules.title}'s limits (${capsText(rules)}). Split it into several orders.`,
        }
      : {
          ok: false,
          reason: 'not-reachable',
          message: `${formatPaise(amountPaise)} cannot be made from ${rules.title}'s denominations (${listed}).`,
        };
  } catch (error) {
    if (!(error instanceof TooComplex)) throw error;
    return {
      ok: false,
      reason: 'too-complex',
      message: `No split for ${formatPaise(amountPaise)} was found quickly enough; choose the denominations yourself.`,
    };
  }
}
