import { z } from 'zod';
import type { SimEngine } from '../engine.ts';
import { SimError } from '../errors.ts';
import { OUTCOME_NAMES } from '../orders/outcome.ts';
import { istDate } from '../time.ts';
import { brandDiscountPayload, brandUpdatedPayload, sdkBrandEventPayload } from '../webhooks/payloads.ts';
import { amountRestrictionsSchema, brandStatusSchema, denominationTypeSchema } from './catalogue-schema.ts';

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const brandPatchSchema = z
  .object({
    status: brandStatusSchema,
    denominationType: denominationTypeSchema,
    denominations: z.array(z.number().positive()).max(100).nullable(),
    amountRestrictions: amountRestrictionsSchema.omit({ denominations: true }).partial(),
    temporarilyDisabled: z.boolean(),
    discountPercentage: z.number().min(0).max(100),
    discountValidFrom: dateSchema,
    discountValidTo: dateSchema.nullable(),
    /** A test switch: force the outcome of every order of this brand (null clears it). */
    outcome: z.enum(OUTCOME_NAMES).nullable(),
  })
  .partial()
  .strict();
export type BrandPatch = z.infer<typeof brandPatchSchema>;

/**
 * Changes a brand at run time. A change to status, denominations, denomination type or amount restrictions sends
 * Brand Updated to every client the brand is enabled for; a discount change sends Brand Discount Update.
 */
export function changeBrand(engine: SimEngine, id: string, patch: BrandPatch) {
  const record = engine.state.brands.editable(id);
  if (!record) throw new SimError('RESOURCE_NOT_FOUND', { debugMessage: `No brand with id ${id}` });
  const { brand } = record;
  const before = JSON.stringify(brandUpdatedPayload(brand));
  const discountBefore = brand.discountPercentage;
  const statusBefore = brand.status;

  if (patch.status !== undefined) brand.status = patch.status;
  if (patch.denominationType !== undefined) brand.denominationType = patch.denominationType;
  if (patch.denominations !== undefined) brand.amountRestrictions.denominations = patch.denominations;
  if (patch.amountRestrictions) {
    Object.assign(brand.amountRestrictions, patch.amountRestrictions);
    // The deprecated pair mirrors its replacement, as in Hubble's own payloads.
    if (patch.amountRestrictions.minOrderAmount !== undefined)
      brand.amountRestrictions.minAmount = patch.amountRestrictions.minOrderAmount;
    if (patch.amountRestrictions.maxOrderAmount !== undefined)
      brand.amountRestrictions.maxAmount = patch.amountRestrictions.maxOrderAmount;
  }
  if (patch.temporarilyDisabled !== undefined) record.temporarilyDisabled = patch.temporarilyDisabled;
  if (patch.outcome !== undefined) record.forcedOutcome = patch.outcome;
  if (patch.discountPercentage !== undefined) brand.discountPercentage = patch.discountPercentage;
  if (patch.discountValidTo !== undefined) record.discountValidTo = patch.discountValidTo;
  const discountChanged = patch.discountPercentage !== undefined && patch.discountPercentage !== discountBefore;
  if (discountChanged) record.discountValidFrom = patch.discountValidFrom ?? istDate(engine.now());
  else if (patch.discountValidFrom !== undefined) record.discountValidFrom = patch.discountValidFrom;
  engine.invalidateCaches();

  const updated = JSON.stringify(brandUpdatedPayload(brand)) !== before;
  const { webhooks } = engine.state.config;
  if (updated) {
    engine.notifyBrand(id, 'BRAND_UPDATED', brandUpdatedPayload(brand));
    if (webhooks.sdkBrandEvents && statusBefore === 'ACTIVE' && brand.status === 'INACTIVE')
      engine.notifyBrand(id, 'SDK_BRAND_EVENT', sdkBrandEventPayload('BRAND_DISABLED', brand));
  }
  if (discountChanged) {
    engine.notifyBrand(
      id,
      'BRAND_DISCOUNT_UPDATE',
      brandDiscountPayload(id, brand.discountPercentage ?? 0, record.discountValidFrom, record.discountValidTo),
    );
    if (webhooks.sdkBrandEvents) {
      const validity = { validFrom: record.discountValidFrom, validTo: record.discountValidTo };
      engine.notifyBrand(id, 'SDK_BRAND_EVENT', sdkBrandEventPayload('USER_DISCOUNT_UPDATED', brand));
      engine.notifyBrand(id, 'SDK_BRAND_EVENT', sdkBrandEventPayload('PARTNER_DISCOUNT_UPDATED', brand, validity));
    }
  }
  return {
    brand,
    temporarilyDisabled: record.temporarilyDisabled,
    forcedOutcome: record.forcedOutcome,
    brandUpdatedSent: updated,
    discountUpdateSent: discountChanged,
  };
}
