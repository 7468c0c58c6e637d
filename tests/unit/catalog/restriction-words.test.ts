import { describe, expect, it } from 'vitest';
import { describeChange, restrictionsText } from '../../../src/main/areas/catalog/restriction-words.ts';
import { formatPaise } from '../../../src/main/areas/catalog/rupees.ts';

const none = {
  minOrderPaise: null,
  maxOrderPaise: null,
  minVoucherPaise: null,
  maxVoucherPaise: null,
  maxVouchersPerOrder: null,
  maxVouchersPerDenomination: null,
  maxDenominationsPerOrder: null,
};

describe('restrictions in plain words', () => {
  it('writes rupees with the sign and Indian digit grouping', () => {
    expect(formatPaise(10_000_000)).toBe('₹1,00,000');
    expect(formatPaise(625_050)).toBe('₹6,250.50');
    expect(formatPaise(10_000)).toBe('₹100');
  });

  it('says a FLEXIBLE brand’s range and caps as an operator reads them', () => {
    const text = restrictionsText({
      denominationType: 'FLEXIBLE',
      denominationsPaise: null,
      restrictions: {
        ...none,
        minVoucherPaise: 10_000,
        maxVoucherPaise: 1_000_000,
        maxVouchersPerOrder: 5,
        minOrderPaise: 10_000,
        maxOrderPaise: 5_000_000,
      },
    });
    expect(text).toBe('₹100–₹10,000 per voucher, at most 5 vouchers per order, order total ₹100–₹50,000');
  });

  it('lists a FIXED brand’s values and every per-order cap', () => {
    const text = restrictionsText({
      denominationType: 'FIXED',
      denominationsPaise: [50_000, 100_000, 200_000, 500_000],
      restrictions: {
        ...none,
        maxVouchersPerOrder: 5,
        maxVouchersPerDenomination: 1,
        maxDenominationsPerOrder: 2,
        minOrderPaise: 50_000,
        maxOrderPaise: 2_000_000,
      },
    });
    expect(text).toBe(
      'Fixed values ₹500, ₹1,000, ₹2,000, ₹5,000, at most 5 vouchers per order, at most 1 voucher of one value, at most 2 different values per order, order total ₹500–₹20,000',
    );
    expect(restrictionsText({ denominationType: 'FLEXIBLE', denominationsPaise: null, restrictions: none })).toBe(
      'No amount restrictions listed',
    );
  });

  it('describes each change kind', () => {
    expect(describeChange('status', null, 'ACTIVE', 'INACTIVE')).toBe('Status ACTIVE → INACTIVE');
    expect(describeChange('restriction', 'maxVoucherPaise', 1_000_000, 500_000)).toBe(
      'Maximum per voucher ₹10,000 → ₹5,000',
    );
    expect(describeChange('restriction', 'maxVouchersPerOrder', 4, 5)).toBe('Vouchers per order 4 → 5');
    expect(describeChange('discount', 'percent', 5, 7.5)).toBe('Discount 5% → 7.5%');
    expect(describeChange('category', null, ['FOOD'], ['FOOD', 'TOP_BRANDS'])).toBe(
      'Categories FOOD → FOOD, TOP_BRANDS',
    );
    expect(describeChange('removed', null, { status: 'ACTIVE' }, null)).toBe(
      'No longer in the catalog for this client',
    );
  });
});
