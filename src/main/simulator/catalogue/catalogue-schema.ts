import { z } from 'zod';

/** The Brand object as the partner API returns it (hubble-api.md §5.3), deprecated fields included. */
export const amountRestrictionsSchema = z.object({
  minAmount: z.number(),
  maxAmount: z.number(),
  minOrderAmount: z.number(),
  maxOrderAmount: z.number(),
  minVoucherAmount: z.number(),
  maxVoucherAmount: z.number(),
  maxVouchersPerOrder: z.number().int().positive(),
  maxVouchersPerDenomination: z.number().int().positive().nullable(),
  maxDenominationsPerOrder: z.number().int().positive().nullable(),
  denominations: z.array(z.number().positive()).nullable(),
});

export const brandStatusSchema = z.enum(['ACTIVE', 'INACTIVE']);
export const denominationTypeSchema = z.enum(['FIXED', 'FLEXIBLE']);
export const redemptionTypeSchema = z.enum(['ONLINE', 'OFFLINE', 'ONLINE_AND_OFFLINE']);

export const brandSchema = z.object({
  id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/),
  status: brandStatusSchema,
  title: z.string().min(1),
  brandDescription: z.string().nullable(),
  category: z.array(z.string()),
  tags: z.array(z.string()),
  denominationType: denominationTypeSchema,
  cardType: z.string(),
  redemptionType: redemptionTypeSchema,
  amountRestrictions: amountRestrictionsSchema,
  /** Asset fields hold simulator paths (`/__sim/assets/...`); the server makes them absolute. */
  iconImageUrl: z.string(),
  thumbnailUrl: z.string(),
  logoUrl: z.string(),
  tncUrl: z.string(),
  termsAndConditions: z.array(z.string()).nullable(),
  usageInstructions: z.record(z.string(), z.array(z.string())),
  howToUseInstructions: z
    .array(z.object({ retailMode: z.string(), retailModeName: z.string(), instructions: z.array(z.string()) }))
    .nullable(),
  discountPercentage: z.number().nullable(),
  canBalanceBeFetched: z.boolean(),
  voucherExpiryInMonths: z.number().int().positive().nullable(),
});

export const catalogueSchema = z.object({
  version: z.literal(1),
  generatedBy: z.string(),
  seed: z.number().int(),
  brands: z.array(brandSchema).min(150),
  simulator: z.object({
    /** Brands that are ACTIVE but whose provider is failing: orders get E100. */
    temporarilyDisabled: z.array(z.string()),
    /** Per clientId, the brands that exist but are not enabled for that client (E101, absent from its list). */
    notEnabled: z.record(z.string(), z.array(z.string())),
    /** When each brand's current discount started (YYYY-MM-DD), for the Brand Discount Update webhook. */
    discountValidFrom: z.record(z.string(), z.string()),
    /** Named brands that tests and docs rely on. */
    fixtures: z.object({
      fixed: z.string(),
      flexible: z.string(),
      inactive: z.string(),
      temporarilyDisabled: z.string(),
      notEnabledForStaging: z.string(),
      aboveMaxDenomination: z.string(),
    }),
  }),
});

export type AmountRestrictions = z.infer<typeof amountRestrictionsSchema>;
export type Brand = z.infer<typeof brandSchema>;
export type Catalogue = z.infer<typeof catalogueSchema>;
