import type { Brand } from '../../../shared/hubble/brand.ts';
import { limitToPaise } from './money.ts';

/** A brand's amount restrictions in the console's units: amounts in whole paise, caps as counts, null = no cap. */
export interface BrandRules {
  readonly title: string;
  readonly status: string;
  readonly denominationType: string | null;
  /** FIXED brands' allowed face values, in paise; null for FLEXIBLE */
  readonly denominations: readonly number[] | null;
  readonly minOrderPaise: number | null;
  readonly maxOrderPaise: number | null;
  readonly minVoucherPaise: number | null;
  readonly maxVoucherPaise: number | null;
  readonly maxVouchersPerOrder: number | null;
  readonly maxVouchersPerDenomination: number | null;
  readonly maxDenominationsPerOrder: number | null;
}

const count = (value: number | null | undefined): number | null =>
  value === null || value === undefined || !Number.isFinite(value) ? null : Math.floor(value);

/** Reads `amountRestrictions`, preferring the current names over the deprecated `minAmount`/`maxAmount`. */
export function brandRules(brand: Brand): BrandRules {
  const r = brand.amountRestrictions ?? {};
  return {
    title: brand.title,
    status: brand.status,
    denominationType: brand.denominationType?.toUpperCase() ?? null,
    denominations: r.denominations ? r.denominations.map((value) => Math.round(value * 100)) : null,
    minOrderPaise: limitToPaise(r.minOrderAmount ?? r.minAmount),
    maxOrderPaise: limitToPaise(r.maxOrderAmount ?? r.maxAmount),
    minVoucherPaise: limitToPaise(r.minVoucherAmount),
    maxVoucherPaise: limitToPaise(r.maxVoucherAmount),
    maxVouchersPerOrder: count(r.maxVouchersPerOrder),
    maxVouchersPerDenomination: count(r.maxVouchersPerDenomination),
    maxDenominationsPerOrder: count(r.maxDenominationsPerOrder),
  };
}
