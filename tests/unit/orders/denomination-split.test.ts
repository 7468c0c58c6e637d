import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BrandRules } from '../../../src/main/areas/orders/brand-rules.ts';
import { brandRules } from '../../../src/main/areas/orders/brand-rules.ts';
import { proposeSplit } from '../../../src/main/areas/orders/denomination-split.ts';
import { fixedBrand, flexibleBrand, rs } from './brands.ts';

const rules = (overrides: Partial<BrandRules>): BrandRules => ({
  title: 'Brand',
  status: 'ACTIVE',
  denominationType: 'FIXED',
  denominations: [],
  minOrderPaise: null,
  maxOrderPaise: null,
  minVoucherPaise: null,
  maxVoucherPaise: null,
  maxVouchersPerOrder: null,
  maxVouchersPerDenomination: null,
  maxDenominationsPerOrder: null,
  ...overrides,
});

/** Every quantity vector, checked against every cap: the fewest vouchers, or null when nothing fits. */
function bruteForce(r: BrandRules, amount: number): number | null {
  const values = [...new Set(r.denominations)].filter((v) => r.maxVoucherPaise === null || v <= r.maxVoucherPaise);
  let best: number | null = null;
  const walk = (index: number, remaining: number, vouchers: number, distinct: number) => {
    if (remaining === 0) {
      if (best === null || vouchers < best) best = vouchers;
      return;
    }
    if (index === values.length) return;
    const most = Math.min(Math.floor(remaining / values[index]!), r.maxVouchersPerDenomination ?? Infinity);
    for (let q = 0; q <= most; q += 1) {
      const nextDistinct = distinct + (q > 0 ? 1 : 0);
      if (r.maxDenominationsPerOrder !== null && nextDistinct > r.maxDenominationsPerOrder) break;
      if (r.maxVouchersPerOrder !== null && vouchers + q > r.maxVouchersPerOrder) break;
      walk(index + 1, remaining - q * values[index]!, vouchers + q, nextDistinct);
    }
  };
  walk(0, amount, 0, 0);
  return best;
}

const smallRules = fc.record({
  denominations: fc.uniqueArray(
    fc.integer({ min: 1, max: 12 }).map((v) => v * 100),
    { minLength: 1, maxLength: 4 },
  ),
  maxVouchersPerOrder: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
  maxVouchersPerDenomination: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  maxDenominationsPerOrder: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
  maxVoucherPaise: fc.option(
    fc.integer({ min: 1, max: 12 }).map((v) => v * 100),
    { nil: null },
  ),
});

describe('proposeSplit for FIXED brands', () => {
  it('splits ₹6,250 from [1000, 2000, 5000] when the caps allow it, and says why not when they do not', () => {
    const brand = brandRules(
      fixedBrand({ denominations: [250, 1000, 2000, 5000], maxVoucherAmount: 5000, maxDenominationsPerOrder: 3 }),
    );
    expect(proposeSplit(brand, rs(6250))).toEqual({
      ok: true,
      lines: [
        { denominationPaise: rs(5000), quantity: 1 },
        { denominationPaise: rs(1000), quantity: 1 },
        { denominationPaise: rs(250), quantity: 1 },
      ],
      vouchers: 3,
    });
    const docsExample = brandRules(fixedBrand({ denominations: [1000, 2000, 5000] }));
    expect(proposeSplit(docsExample, rs(6250))).toMatchObject({
      ok: false,
      reason: 'not-reachable',
      message: expect.stringMatching(
        /₹6,250 cannot be made from Croma's denominations \(₹5,000, ₹2,000, ₹1,000\): it is not a multiple of ₹1,000/,
      ),
    });
    expect(proposeSplit(docsExample, rs(20_000))).toMatchObject({
      ok: false,
      reason: 'caps',
      message: expect.stringMatching(
        /at most 5 vouchers per order, at most 3 of each denomination, at most 2 different/,
      ),
    });
    expect(proposeSplit(brandRules(flexibleBrand()), rs(6250))).toMatchObject({ ok: false, reason: 'not-fixed' });
    expect(proposeSplit(docsExample, rs(30_000))).toMatchObject({ ok: false, reason: 'order-range' });
  });

  it('never proposes a denomination above maxVoucherAmount (E152)', () => {
    const tanishq = rules({ denominations: [rs(25_000), rs(5_000)], maxVoucherPaise: rs(10_000) });
    expect(proposeSplit(tanishq, rs(25_000))).toEqual({
      ok: true,
      lines: [{ denominationPaise: rs(5_000), quantity: 5 }],
      vouchers: 5,
    });
  });

  it('always sums to the amount within every cap, and reports impossible only when brute force agrees', () => {
    fc.assert(
      fc.property(
        smallRules,
        fc.integer({ min: 1, max: 60 }).map((v) => v * 100),
        (caps, amount) => {
          const r = rules(caps);
          const split = proposeSplit(r, amount);
          const best = bruteForce(r, amount);
          if (!split.ok) {
            expect(best).toBeNull();
            return;
          }
          expect(split.lines.reduce((sum, line) => sum + line.denominationPaise * line.quantity, 0)).toBe(amount);
          expect(split.vouchers).toBe(split.lines.reduce((sum, line) => sum + line.quantity, 0));
          for (const line of split.lines) {
            expect(r.denominations).toContain(line.denominationPaise);
            if (r.maxVoucherPaise !== null) expect(line.denominationPaise).toBeLessThanOrEqual(r.maxVoucherPaise);
            if (r.maxVouchersPerDenomination !== null)
              expect(line.quantity).toBeLessThanOrEqual(r.maxVouchersPerDenomination);
          }
          if (r.maxVouchersPerOrder !== null) expect(split.vouchers).toBeLessThanOrEqual(r.maxVouchersPerOrder);
          if (r.maxDenominationsPerOrder !== null)
            expect(split.lines.length).toBeLessThanOrEqual(r.maxDenominationsPerOrder);
          // and it is the fewest vouchers possible
          expect(split.vouchers).toBe(best);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('gives up politely instead of stalling main on a pathological brand', () => {
    const dust = rules({ denominations: [997, 1009, 1013, 1019, 1021, 1031, 1033, 1039, 1049, 1051] });
    expect(proposeSplit(dust, 9_999_999_00)).toMatchObject({ ok: false, reason: 'too-complex' });
    // a realistic catalogue entry stays well inside the budget
    const realistic = rules({ denominations: [100, 250, 500, 1000, 2000, 5000].map(rs), maxVouchersPerOrder: 50 });
    expect(proposeSplit(realistic, rs(1_00_350))).toMatchObject({ ok: true, vouchers: 22 });
  });
});
