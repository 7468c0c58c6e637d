import type { Brand } from '../catalogue/catalogue-schema.ts';
import { SimError } from '../errors.ts';
import { isWholePaise, toPaise } from '../money.ts';
import type { DenominationLine } from '../state/orders.ts';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** E157: every item needs a positive denomination (whole paise) and a positive integer quantity. */
export function checkDenominationItems(items: readonly unknown[]): DenominationLine[] {
  return items.map((item, index) => {
    const denomination = isObject(item) ? item['denomination'] : undefined;
    const quantity = isObject(item) ? item['quantity'] : undefined;
    const validDenomination =
      typeof denomination === 'number' &&
      Number.isFinite(denomination) &&
      denomination > 0 &&
      isWholePaise(denomination);
    const validQuantity = typeof quantity === 'number' && Number.isInteger(quantity) && quantity > 0;
    if (!validDenomination || !validQuantity) {
      throw new SimError('INVALID_DENOMINATION', {
        debugMessage: `denominationDetails[${index}] must be {denomination: number > 0, quantity: integer > 0}`,
        subErrors: [
          {
            fieldName: `denominationDetails[${index}].${validDenomination ? 'quantity' : 'denomination'}`,
            message: 'must be a positive number',
          },
        ],
      });
    }
    return { denomination: denomination as number, quantity: quantity as number };
  });
}

export interface AmountCheckInput {
  brand: Brand;
  lines: readonly DenominationLine[];
  amount: number;
}

/** E150: a FIXED brand accepts only its listed denominations. */
export function checkDenominationListed({ brand, lines }: AmountCheckInput): void {
  if (brand.denominationType !== 'FIXED') return;
  const listed = brand.amountRestrictions.denominations ?? [];
  const missing = lines.find(
    (line) => !listed.some((denomination) => toPaise(denomination) === toPaise(line.denomination)),
  );
  if (missing)
    throw new SimError('DENOMINATION_NOT_AVAILABLE', {
      debugMessage: `Denomination ${missing.denomination} is not available; use one of ${JSON.stringify(brand.amountRestrictions.denominations)}`,
    });
}

/** E151: amount must equal Σ(denomination × quantity), compared in paise. */
export function checkAmountMatchesDenominations({ lines, amount }: AmountCheckInput): void {
  const total = lines.reduce((sum, line) => sum + toPaise(line.denomination) * line.quantity, 0);
  if (total !== toPaise(amount))
    throw new SimError('AMOUNT_MISMATCH', { debugMessage: `amount ${amount} ≠ denomination total ${total / 100}` });
}

/**
 * E152: a FIXED brand's denomination above maxVoucherAmount (possible when the list and the cap disagree). For
 * FLEXIBLE brands the whole range is E155's, so the two codes never compete.
 */
export function checkMaxDenomination({ brand, lines }: AmountCheckInput): void {
  if (brand.denominationType !== 'FIXED') return;
  const over = lines.find((line) => line.denomination > brand.amountRestrictions.maxVoucherAmount);
  if (over)
    throw new SimError('MAX_DENOMINATION_EXCEEDED', {
      debugMessage: `Denomination ${over.denomination} exceeds the maximum ${brand.amountRestrictions.maxVoucherAmount}`,
    });
}

/** E153: no more distinct denominations than maxDenominationsPerOrder. */
export function checkDistinctDenominations({ brand, lines }: AmountCheckInput): void {
  const cap = brand.amountRestrictions.maxDenominationsPerOrder;
  const distinct = new Set(lines.map((line) => toPaise(line.denomination))).size;
  if (cap !== null && distinct > cap)
    throw new SimError('TOO_MANY_DENOMINATIONS', {
      debugMessage: `${distinct} distinct denominations; at most ${cap}`,
    });
}

/** E154: no denomination with a quantity above maxVouchersPerDenomination. */
export function checkVouchersPerDenomination({ brand, lines }: AmountCheckInput): void {
  const cap = brand.amountRestrictions.maxVouchersPerDenomination;
  if (cap === null) return;
  const perDenomination = new Map<number, number>();
  for (const line of lines)
    perDenomination.set(
      toPaise(line.denomination),
      (perDenomination.get(toPaise(line.denomination)) ?? 0) + line.quantity,
    );
  for (const [paise, quantity] of perDenomination) {
    if (quantity > cap)
      throw new SimError('TOO_MANY_VOUCHERS_PER_DENOMINATION', {
        debugMessage: `${quantity} vouchers of ${paise / 100}; at most ${cap}`,
      });
  }
}

/** E155: a FLEXIBLE brand's denominations must lie in [minVoucherAmount, maxVoucherAmount]. */
export function checkVoucherRange({ brand, lines }: AmountCheckInput): void {
  if (brand.denominationType !== 'FLEXIBLE') return;
  const { minVoucherAmount: min, maxVoucherAmount: max } = brand.amountRestrictions;
  const outside = lines.find((line) => line.denomination < min || line.denomination > max);
  if (outside)
    throw new SimError('VOUCHER_AMOUNT_OUT_OF_RANGE', {
      debugMessage: `Voucher amount ${outside.denomination} is outside [${min}, ${max}]`,
    });
}

/** E156: Σ quantity must not exceed maxVouchersPerOrder. */
export function checkVouchersPerOrder({ brand, lines }: AmountCheckInput): void {
  const count = lines.reduce((sum, line) => sum + line.quantity, 0);
  const cap = brand.amountRestrictions.maxVouchersPerOrder;
  if (count > cap) throw new SimError('TOO_MANY_VOUCHERS', { debugMessage: `${count} vouchers; at most ${cap}` });
}

/** The order total must lie in [minOrderAmount, maxOrderAmount]; Hubble's code for this is unknown (E158 here, configurable). */
export function checkOrderAmountRange({ brand, amount }: AmountCheckInput): void {
  const { minOrderAmount: min, maxOrderAmount: max } = brand.amountRestrictions;
  if (amount < min || amount > max)
    throw new SimError('ORDER_AMOUNT_OUT_OF_RANGE', {
      debugMessage: `Order amount ${amount} is outside [${min}, ${max}]`,
    });
}

/** The amount checks after E157, in the order of hubble-api.md §14.21. */
export const AMOUNT_CHECKS = [
  checkDenominationListed,
  checkAmountMatchesDenominations,
  checkMaxDenomination,
  checkDistinctDenominations,
  checkVouchersPerDenomination,
  checkVoucherRange,
  checkVouchersPerOrder,
  checkOrderAmountRange,
] as const;
