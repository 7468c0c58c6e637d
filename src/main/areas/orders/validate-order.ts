import type { DenominationLine, OrderValidation, ValidationIssue } from '../../../shared/contract/orders.ts';
import type { BrandRules } from './brand-rules.ts';
import { proposeSplit } from './denomination-split.ts';
import { formatPaise } from './money.ts';

/** What the operator asked for, before any default is filled in. */
export interface RequestedAmounts {
  readonly amountPaise?: number | undefined;
  readonly denominations?: readonly DenominationLine[] | undefined;
}

const issue = (id: string | null, code: string, field: string | null, message: string): ValidationIssue => ({
  id,
  code,
  field,
  message,
});

const isWholePositive = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/** The lines to send: the ones given, one voucher of the amount (FLEXIBLE), or a proposed split (FIXED). */
function linesFor(
  rules: BrandRules,
  requested: RequestedAmounts,
): { lines: DenominationLine[] | null; issues: ValidationIssue[] } {
  if (requested.denominations) return { lines: [...requested.denominations], issues: [] };
  const amount = requested.amountPaise;
  if (amount === undefined)
    return {
      lines: null,
      issues: [issue(null, 'AMOUNT_REQUIRED', 'amountPaise', 'Enter an amount or the denominations.')],
    };
  if (rules.denominationType === 'FLEXIBLE') return { lines: [{ denominationPaise: amount, quantity: 1 }], issues: [] };
  if (rules.denominationType === 'FIXED') {
    const split = proposeSplit(rules, amount);
    if (split.ok) return { lines: split.lines, issues: [] };
    // An amount outside the order range is reported once, by the order min/max check below.
    if (split.reason === 'order-range') return { lines: null, issues: [] };
    return { lines: null, issues: [issue(null, 'NO_DENOMINATION_SPLIT', 'amountPaise', split.message)] };
  }
  return {
    lines: null,
    issues: [
      issue(
        null,
        'DENOMINATIONS_REQUIRED',
        'denominations',
        `${rules.title} has no known denomination type; choose the denominations.`,
      ),
    ],
  };
}

function checkOrderRange(rules: BrandRules, amount: number): ValidationIssue[] {
  const below = rules.minOrderPaise !== null && amount < rules.minOrderPaise;
  const above = rules.maxOrderPaise !== null && amount > rules.maxOrderPaise;
  if (!below && !above) return [];
  const range = `${formatPaise(rules.minOrderPaise ?? 0)} to ${rules.maxOrderPaise === null ? 'no maximum' : formatPaise(rules.maxOrderPaise)}`;
  // Hubble documents no error id for the order min/max, so none is invented here.
  return [
    issue(
      null,
      below ? 'ORDER_AMOUNT_BELOW_MINIMUM' : 'ORDER_AMOUNT_ABOVE_MAXIMUM',
      'amountPaise',
      `The order total ${formatPaise(amount)} is ${below ? 'below' : 'above'} ${rules.title}'s order range (${range}).`,
    ),
  ];
}

function checkLines(rules: BrandRules, lines: readonly DenominationLine[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const fixed = rules.denominationType === 'FIXED';
  const listed = new Set(rules.denominations ?? []);
  lines.forEach((line, index) => {
    const at = `denominations[${index}]`;
    const value = line.denominationPaise;
    if (fixed && !listed.has(value))
      issues.push(
        issue(
          'E150',
          'DENOMINATION_NOT_AVAILABLE',
          `${at}.denominationPaise`,
          `${formatPaise(value)} is not one of ${rules.title}'s denominations (${[...listed].map(formatPaise).join(', ') || 'none listed'}).`,
        ),
      );
    if (fixed && listed.has(value) && rules.maxVoucherPaise !== null && value > rules.maxVoucherPaise)
      issues.push(
        issue(
          'E152',
          'MAX_DENOMINATION_EXCEEDED',
          `${at}.denominationPaise`,
          `${formatPaise(value)} is above ${rules.title}'s largest voucher (${formatPaise(rules.maxVoucherPaise)}).`,
        ),
      );
    if (
      rules.denominationType === 'FLEXIBLE' &&
      ((rules.minVoucherPaise !== null && value < rules.minVoucherPaise) ||
        (rules.maxVoucherPaise !== null && value > rules.maxVoucherPaise))
    )
      issues.push(
        issue(
          'E155',
          'VOUCHER_AMOUNT_OUT_OF_RANGE',
          `${at}.denominationPaise`,
          `A ${formatPaise(value)} voucher is outside ${rules.title}'s voucher range (${formatPaise(rules.minVoucherPaise ?? 0)} to ${rules.maxVoucherPaise === null ? 'no maximum' : formatPaise(rules.maxVoucherPaise)}).`,
        ),
      );
  });

  const perValue = new Map<number, number>();
  for (const line of lines)
    perValue.set(line.denominationPaise, (perValue.get(line.denominationPaise) ?? 0) + line.quantity);
  if (rules.maxDenominationsPerOrder !== null && perValue.size > rules.maxDenominationsPerOrder)
    issues.push(
      issue(
        'E153',
        'TOO_MANY_DENOMINATIONS',
        'denominations',
        `${perValue.size} different denominations; ${rules.title} allows at most ${rules.maxDenominationsPerOrder} in one order.`,
      ),
    );
  const perCap = rules.maxVouchersPerDenomination;
  for (const [value, quantity] of perValue)
    if (perCap !== null && quantity > perCap)
      issues.push(
        issue(
          'E154',
          'TOO_MANY_VOUCHERS_PER_DENOMINATION',
          'denominations',
          `${quantity} vouchers of ${formatPaise(value)}; ${rules.title} allows at most ${perCap} of one denomination.`,
        ),
      );
  const vouchers = lines.reduce((sum, line) => sum + line.quantity, 0);
  if (rules.maxVouchersPerOrder !== null && vouchers > rules.maxVouchersPerOrder)
    issues.push(
      issue(
        'E156',
        'TOO_MANY_VOUCHERS',
        'denominations',
        `${vouchers} vouchers; ${rules.title} allows at most ${rules.maxVouchersPerOrder} in one order.`,
      ),
    );
  return issues;
}

/**
 * Every reason Hubble would refuse this order, found before anything is sent, with Hubble's own ids (E102,
 * E150–E157) and the order min/max. Hubble stops at its first failure; the operator sees them all at once.
 */
export function validateOrder(rules: BrandRules, requested: RequestedAmounts): OrderValidation {
  const issues: ValidationIssue[] = [];
  if (rules.status.toUpperCase() !== 'ACTIVE')
    issues.push(
      issue('E102', 'BRAND_NOT_ACTIVE', 'productId', `${rules.title} is ${rules.status}: it cannot be ordered now.`),
    );

  const malformed = (requested.denominations ?? []).flatMap((line, index) =>
    isWholePositive(line.denominationPaise) && isWholePositive(line.quantity)
      ? []
      : [
          issue(
            'E157',
            'INVALID_DENOMINATION',
            `denominations[${index}]`,
            'Each denomination must be a positive amount in whole paise with a whole, positive quantity.',
          ),
        ],
  );
  if (requested.amountPaise !== undefined && !isWholePositive(requested.amountPaise))
    malformed.push(
      issue(null, 'INVALID_AMOUNT', 'amountPaise', 'The amount must be a positive number of whole paise.'),
    );
  if (malformed.length > 0) return { issues: [...issues, ...malformed], lines: null, amountPaise: null };

  const chosen = linesFor(rules, requested);
  issues.push(...chosen.issues);
  const total = chosen.lines?.reduce((sum, line) => sum + line.denominationPaise * line.quantity, 0) ?? null;
  const amount = requested.amountPaise ?? total;
  if (chosen.lines && total !== null) {
    issues.push(...checkLines(rules, chosen.lines));
    if (amount !== total)
      issues.push(
        issue(
          'E151',
          'AMOUNT_MISMATCH',
          'amountPaise',
          `The amount ${formatPaise(amount ?? 0)} does not equal the denominations' total ${formatPaise(total)}.`,
        ),
      );
  }
  if (amount !== null) issues.push(...checkOrderRange(rules, amount));
  return { issues, lines: chosen.lines, amountPaise: amount };
}
