import type { Brand } from '../../../src/shared/hubble/brand.ts';

/** A FIXED brand in Hubble's own shape (rupees), with every per-order cap. */
export const fixedBrand = (restrictions: Record<string, unknown> = {}): Brand => ({
  id: '01GMAW822RPDJ5C50XK24QC2C4',
  status: 'ACTIVE',
  title: 'Croma',
  denominationType: 'FIXED',
  amountRestrictions: {
    minOrderAmount: 500,
    maxOrderAmount: 20_000,
    minVoucherAmount: 500,
    maxVoucherAmount: 5_000,
    maxVouchersPerOrder: 5,
    maxVouchersPerDenomination: 3,
    maxDenominationsPerOrder: 2,
    denominations: [500, 1000, 2000, 5000],
    ...restrictions,
  },
});

export const flexibleBrand = (restrictions: Record<string, unknown> = {}): Brand => ({
  id: '01GMAVS2CHXR0XP1BZSTA9A44K',
  status: 'ACTIVE',
  title: 'Zomato',
  denominationType: 'FLEXIBLE',
  amountRestrictions: {
    minOrderAmount: 250,
    maxOrderAmount: 40_000,
    minVoucherAmount: 250,
    maxVoucherAmount: 10_000,
    maxVouchersPerOrder: 4,
    maxVouchersPerDenomination: null,
    maxDenominationsPerOrder: null,
    denominations: null,
    ...restrictions,
  },
});

/** ₹ → paise for readable test data. */
export const rs = (rupees: number) => Math.round(rupees * 100);
