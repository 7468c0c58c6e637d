import { z } from 'zod';
import { lenientNumberSchema } from './lenient-values.ts';

const optionalAmount = lenientNumberSchema.nullish();

/** `amountRestrictions`, with the deprecated `minAmount`/`maxAmount` next to their replacements. */
export const amountRestrictionsSchema = z.looseObject({
  minAmount: optionalAmount,
  maxAmount: optionalAmount,
  minOrderAmount: optionalAmount,
  maxOrderAmount: optionalAmount,
  minVoucherAmount: optionalAmount,
  maxVoucherAmount: optionalAmount,
  maxVouchersPerOrder: optionalAmount,
  maxVouchersPerDenomination: optionalAmount,
  maxDenominationsPerOrder: optionalAmount,
  denominations: z.array(lenientNumberSchema).nullish(),
});
export type AmountRestrictions = z.infer<typeof amountRestrictionsSchema>;

/**
 * A brand (SKU). Status and card type are plain strings: the doc generations disagree on card types and a
 * new status must not make the whole catalogue unreadable. `category` (V2/V3) and `categories` (V1) are
 * both accepted; read them with `brandCategories`.
 */
export const brandSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  title: z.string(),
  brandDescription: z.string().nullish(),
  category: z.array(z.string()).nullish(),
  categories: z.array(z.string()).nullish(),
  tags: z.array(z.string()).nullish(),
  denominationType: z.string().nullish(),
  cardType: z.string().nullish(),
  redemptionType: z.string().nullish(),
  amountRestrictions: amountRestrictionsSchema.nullish(),
  iconImageUrl: z.string().nullish(),
  thumbnailUrl: z.string().nullish(),
  logoUrl: z.string().nullish(),
  tncUrl: z.string().nullish(),
  termsAndConditions: z.array(z.string()).nullish(),
  usageInstructions: z.record(z.string(), z.unknown()).nullish(),
  howToUseInstructions: z.array(z.unknown()).nullish(),
});
export type Brand = z.infer<typeof brandSchema>;

export const brandCategories = (brand: Brand): string[] => brand.category ?? brand.categories ?? [];
