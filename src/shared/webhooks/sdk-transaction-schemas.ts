import { z } from 'zod';
import { amountSchema, idSchema } from './field-schemas.ts';

// SDK transaction webhooks (seed 002). Older versions send amounts as strings and no orderStatus; the oldest
// has neither brandId nor brandRetailModes, so those are optional here.

export const sdkVoucherSchema = z.looseObject({
  id: idSchema,
  brandId: idSchema.optional(),
  brandName: z.string({ error: 'expected the brand name' }),
  cardType: z.string({ error: 'expected a card type such as CARD_NUMBER_SECURED' }),
  cardNumber: z.string().nullable().optional(),
  cardPin: z.string().nullable().optional(),
  validTill: z.string().nullable().optional(),
  amount: amountSchema,
  shareImageUrl: z.string().nullable().optional(),
  /** Free-form tags, not an enum, and may be null. */
  brandRetailModes: z.array(z.string()).nullable().optional(),
});

const transactionShape = {
  transactionReferenceId: idSchema,
  /** Always null when the coin module is not integrated. */
  partnerCoinTransactionId: z.string().nullable().optional(),
  partnerCoinReversalTransactionId: z.string().nullable().optional(),
  amount: amountSchema,
  discountAmount: amountSchema,
  /** UTC without a zone suffix, e.g. 2024-01-15T14:30:22. */
  timestamp: z.string({ error: 'expected a timestamp string' }),
  userId: idSchema,
  brandName: z.string({ error: 'expected the brand name' }),
};

export const sdkTransactionCompletedSchema = z.looseObject({
  ...transactionShape,
  vouchers: z.array(sdkVoucherSchema).min(1, 'a COMPLETED transaction carries its vouchers'),
  orderStatus: z.literal('COMPLETED', { error: 'expected COMPLETED' }).optional(),
});

export const sdkTransactionFailedSchema = z.looseObject({
  ...transactionShape,
  vouchers: z.array(sdkVoucherSchema).max(0, 'a FAILED transaction has an empty vouchers array'),
  orderStatus: z.literal('FAILED', { error: 'expected FAILED' }).optional(),
});

export const sdkTransactionReversedSchema = z.looseObject({
  ...transactionShape,
  vouchers: z.array(sdkVoucherSchema).max(0, 'a REVERSED transaction has an empty vouchers array'),
  orderStatus: z.literal('REVERSED', { error: 'expected REVERSED' }).optional(),
});
export type SdkTransactionWebhook = z.infer<typeof sdkTransactionCompletedSchema>;
