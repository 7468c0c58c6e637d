import { describe, expect, it } from 'vitest';
import { brandRules } from '../../../src/main/areas/orders/brand-rules.ts';
import { validateOrder, type RequestedAmounts } from '../../../src/main/areas/orders/validate-order.ts';
import { fixedBrand, flexibleBrand, rs } from './brands.ts';

const ids = (rules: ReturnType<typeof brandRules>, requested: RequestedAmounts) =>
  validateOrder(rules, requested).issues.map((issue) => issue.id ?? issue.code);

const lines = (...pairs: Array<[number, number]>) =>
  pairs.map(([rupees, quantity]) => ({ denominationPaise: rs(rupees), quantity }));

describe('validateOrder: Hubble’s ids and reasons before anything is sent', () => {
  const fixed = brandRules(fixedBrand());
  const flexible = brandRules(flexibleBrand());

  it('accepts an order within every rule and says what would be sent', () => {
    expect(validateOrder(fixed, { denominations: lines([2000, 3], [500, 1]) })).toEqual({
      issues: [],
      lines: lines([2000, 3], [500, 1]),
      amountPaise: rs(6500),
    });
    expect(validateOrder(flexible, { amountPaise: rs(1234.5) })).toEqual({
      issues: [],
      lines: [{ denominationPaise: rs(1234.5), quantity: 1 }],
      amountPaise: rs(1234.5),
    });
  });

  it.each([
    [
      'E150',
      fixed,
      { denominations: lines([600, 1]) },
      /₹600 is not one of Croma's denominations \(₹500, ₹1,000, ₹2,000, ₹5,000\)/,
    ],
    [
      'E151',
      fixed,
      { amountPaise: rs(1500), denominations: lines([500, 2]) },
      /does not equal the denominations' total ₹1,000/,
    ],
    [
      'E152',
      brandRules(fixedBrand({ denominations: [500, 25_000], maxVoucherAmount: 10_000, maxOrderAmount: 50_000 })),
      { denominations: lines([25_000, 1]) },
      /above Croma's largest voucher \(₹10,000\)/,
    ],
    [
      'E153',
      fixed,
      { denominations: lines([500, 1], [1000, 1], [2000, 1]) },
      /3 different denominations; Croma allows at most 2/,
    ],
    [
      'E154',
      fixed,
      { denominations: lines([500, 4]) },
      /4 vouchers of ₹500; Croma allows at most 3 of one denomination/,
    ],
    [
      'E155',
      flexible,
      { denominations: lines([100, 3]) },
      /A ₹100 voucher is outside Zomato's voucher range \(₹250 to ₹10,000\)/,
    ],
    ['E156', fixed, { denominations: lines([500, 3], [1000, 3]) }, /6 vouchers; Croma allows at most 5 in one order/],
    [
      'E157',
      fixed,
      { denominations: [{ denominationPaise: 50_000.5, quantity: 1 }] },
      /whole paise with a whole, positive quantity/,
    ],
    ['E157', fixed, { denominations: [{ denominationPaise: 50_000, quantity: 0 }] }, /whole, positive quantity/],
    [
      'ORDER_AMOUNT_ABOVE_MAXIMUM',
      fixed,
      { denominations: lines([5000, 3], [2000, 3]) },
      /₹21,000 is above Croma's order range \(₹500 to ₹20,000\)/,
    ],
    ['ORDER_AMOUNT_BELOW_MINIMUM', flexible, { amountPaise: rs(100) }, /below Zomato's order range/],
  ] as const)('%s is found before sending, in plain words', (id, rules, requested, message) => {
    const result = validateOrder(rules, requested);
    const found = result.issues.find((issue) => (issue.id ?? issue.code) === id);
    expect(found, JSON.stringify(result.issues)).toBeDefined();
    expect(found!.message).toMatch(message);
  });

  it('refuses an inactive brand with E102 and reports every problem at once', () => {
    const inactive = brandRules({ ...fixedBrand(), status: 'INACTIVE' });
    expect(ids(inactive, { denominations: lines([600, 1], [500, 4], [1000, 1]) })).toEqual([
      'E102',
      'E150',
      'E153',
      'E154',
      'E156',
    ]);
  });

  it('fills in a FIXED brand’s split when only an amount is given, or says why there is none', () => {
    expect(validateOrder(fixed, { amountPaise: rs(6500) })).toMatchObject({
      issues: [],
      lines: lines([5000, 1], [500, 3]),
      amountPaise: rs(6500),
    });
    expect(validateOrder(fixed, { amountPaise: rs(750) }).issues).toEqual([
      expect.objectContaining({
        id: null,
        code: 'NO_DENOMINATION_SPLIT',
        message: expect.stringMatching(/not a multiple of ₹500/),
      }),
    ]);
    expect(ids(fixed, { amountPaise: rs(25_000) })).toEqual(['ORDER_AMOUNT_ABOVE_MAXIMUM']);
    expect(ids(fixed, {})).toEqual(['AMOUNT_REQUIRED']);
  });

  it('compares money in whole paise (no float drift on ₹0.10 + ₹0.20)', () => {
    const cents = brandRules(flexibleBrand({ minVoucherAmount: 0.1, minOrderAmount: 0.1 }));
    expect(
      validateOrder(cents, {
        amountPaise: 30,
        denominations: [
          { denominationPaise: 10, quantity: 1 },
          { denominationPaise: 20, quantity: 1 },
        ],
      }).issues,
    ).toEqual([]);
  });

  it('reads the deprecated minAmount/maxAmount when the current names are absent', () => {
    const old = brandRules(
      fixedBrand({ minOrderAmount: undefined, maxOrderAmount: undefined, minAmount: 1000, maxAmount: 2000 }),
    );
    expect(ids(old, { denominations: lines([500, 1]) })).toEqual(['ORDER_AMOUNT_BELOW_MINIMUM']);
  });
});
