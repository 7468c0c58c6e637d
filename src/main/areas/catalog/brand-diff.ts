import type { ChangeKind } from '../../../shared/contract/catalog.ts';
import { RESTRICTION_FIELDS, type BrandRecord } from './brand-record.ts';

/** One change of one brand, before it is stored: old and new values are JSON-able (amounts in paise). */
export interface BrandDelta {
  readonly brandId: string;
  readonly brandName: string;
  readonly kind: ChangeKind;
  readonly field: string | null;
  readonly oldValue: unknown;
  readonly newValue: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A brand that appeared: recorded with its status, so "added as INACTIVE" is visible. */
export const addedDelta = (next: BrandRecord): BrandDelta => ({
  brandId: next.id,
  brandName: next.name,
  kind: 'added',
  field: null,
  oldValue: null,
  newValue: { status: next.status, denominationType: next.denominationType },
});

/** A brand no longer in the list: no longer enabled for this client (or gone). */
export const removedDelta = (previous: BrandRecord): BrandDelta => ({
  brandId: previous.id,
  brandName: previous.name,
  kind: 'removed',
  field: null,
  oldValue: { status: previous.status, denominationType: previous.denominationType },
  newValue: null,
});

/**
 * What changed between two versions of a brand, field by field, in the kinds an operator acts on. Metadata that
 * orders do not depend on (description, logo, instructions, tags) updates the brand without a change row.
 */
export function diffBrand(previous: BrandRecord, next: BrandRecord): BrandDelta[] {
  const deltas: BrandDelta[] = [];
  const push = (kind: ChangeKind, field: string | null, oldValue: unknown, newValue: unknown) => {
    if (!same(oldValue, newValue))
      deltas.push({ brandId: next.id, brandName: next.name, kind, field, oldValue, newValue });
  };
  push('status', null, previous.status, next.status);
  push('denomination-type', null, previous.denominationType, next.denominationType);
  push('denominations', null, previous.denominationsPaise, next.denominationsPaise);
  for (const field of RESTRICTION_FIELDS)
    push('restriction', field, previous.restrictions[field], next.restrictions[field]);
  push('discount', 'percent', previous.discountPercent, next.discountPercent);
  push('discount', 'validFrom', previous.discountValidFrom, next.discountValidFrom);
  push('discount', 'validTo', previous.discountValidTo, next.discountValidTo);
  push('category', null, previous.categories, next.categories);
  push('name', null, previous.name, next.name);
  return deltas;
}

/**
 * The Brand object carries no discount validity (only the Brand Discount Update webhook does): a sync keeps the
 * validity a webhook stored as long as the percentage it came with is unchanged.
 */
export function keepDiscountValidity(previous: BrandRecord | undefined, next: BrandRecord): BrandRecord {
  if (!previous || next.discountValidFrom !== null || next.discountValidTo !== null) return next;
  if (previous.discountPercent !== next.discountPercent) return next;
  return { ...next, discountValidFrom: previous.discountValidFrom, discountValidTo: previous.discountValidTo };
}
