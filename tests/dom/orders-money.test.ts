import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPaise, paiseToRupeesText, parseRupees } from '../../src/renderer/src/components/money.ts';

describe('rupees typed by the operator → paise', () => {
  it.each([
    ['6250', 625_000],
    ['6,250.50', 625_050],
    ['₹1,00,000.29', 10_000_029],
    ['Rs. 0.1', 10],
    ['0.29', 29],
    ['1.', 100],
    [' 12 345 ', 1_234_500],
  ])('%s is %i paise', (text, paise) => {
    expect(parseRupees(text)).toEqual({ ok: true, paise });
  });

  it.each(['', 'abc', '1.005', '-5', '0', '0.00', '1e3', '99999999999999999'])('refuses %j', (text) => {
    expect(parseRupees(text).ok).toBe(false);
  });

  it('is exact where floating point is not, for every amount up to ₹1 crore', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), (paise) => {
        expect(parseRupees(paiseToRupeesText(paise))).toEqual({ ok: true, paise });
      }),
    );
  });
});

describe('paise shown as rupees', () => {
  it('uses the rupee sign and Indian digit grouping, with paise only when there are some', () => {
    expect(formatPaise(10_000_050)).toBe('₹1,00,000.50');
    expect(formatPaise(625_000)).toBe('₹6,250');
    expect(formatPaise(1_00_00_000_00)).toBe('₹1,00,00,000');
    expect(formatPaise(5)).toBe('₹0.05');
    expect(formatPaise(Number.MAX_SAFE_INTEGER)).toBe('₹9,00,71,99,25,47,409.91');
    expect(formatPaise(null)).toBe('—');
  });
});
