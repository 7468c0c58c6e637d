import { z } from 'zod';
import { dateSchema, idSchema, percentageSchema } from './field-schemas.ts';

// SDK brand update events (seed 002): the only Hubble webhooks with an explicit type field, `event`.

const brandDetails = {
  id: idSchema,
  name: z.string({ error: 'expected the brand name' }),
};

export const sdkUserDiscountUpdatedSchema = z.looseObject({
  event: z.literal('USER_DISCOUNT_UPDATED'),
  details: z.looseObject({ ...brandDetails, discountPercentage: percentageSchema }),
});

export const sdkNewBrandCreatedSchema = z.looseObject({
  event: z.literal('NEW_BRAND_CREATED'),
  details: z.looseObject({ ...brandDetails, discountPercentage: percentageSchema.optional() }),
});

export const sdkBrandDisabledSchema = z.looseObject({
  event: z.literal('BRAND_DISABLED'),
  details: z.looseObject(brandDetails),
});

export const sdkPartnerDiscountUpdatedSchema = z.looseObject({
  event: z.literal('PARTNER_DISCOUNT_UPDATED'),
  details: z.looseObject({
    brandId: idSchema,
    subventionPercentage: percentageSchema,
    validFrom: dateSchema,
    validTo: dateSchema.nullable().optional(),
  }),
});
