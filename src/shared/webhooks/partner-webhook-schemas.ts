import { z } from 'zod';
import { amountSchema, dateSchema, idSchema, percentageSchema } from './field-schemas.ts';

// Partner API webhooks (seed 001). They carry no type field, so each schema is loose: unknown fields are
// reported, never rejected, because Hubble adds fields without notice.

const countSchema = z.number({ error: 'expected a number' }).int('expected a whole number');

export const brandUpdatedSchema = z.looseObject({
  id: idSchema,
  denominationType: z.enum(['FIXED', 'FLEXIBLE'], { error: 'expected FIXED or FLEXIBLE' }),
  status: z.enum(['ACTIVE', 'INACTIVE'], { error: 'expected ACTIVE or INACTIVE' }),
  denominations: z.array(amountSchema).nullable().optional(),
  amountRestrictions: z
    .looseObject({
      minOrderAmount: amountSchema.nullable().optional(),
      maxOrderAmount: amountSchema.nullable().optional(),
      minVoucherAmount: amountSchema.nullable().optional(),
      maxVoucherAmount: amountSchema.nullable().optional(),
      maxVouchersPerOrder: countSchema.nullable().optional(),
      maxVouchersPerDenomination: countSchema.nullable().optional(),
      maxDenominationsPerOrder: countSchema.nullable().optional(),
      minAmount: amountSchema.nullable().optional(),
      maxAmount: amountSchema.nullable().optional(),
    })
    .nullable()
    .optional(),
});
export type BrandUpdatedWebhook = z.infer<typeof brandUpdatedSchema>;

export const walletLowBalanceSchema = z.looseObject({
  balance: amountSchema,
  threshold: amountSchema,
});
export type WalletLowBalanceWebhook = z.infer<typeof walletLowBalanceSchema>;

/** The docs describe SUCCESS or FAILED, but their example status lists PROCESSING and REVERSED too. */
export const orderTerminalStateSchema = z.looseObject({
  id: idSchema,
  status: z.enum(['SUCCESS', 'FAILED', 'PROCESSING', 'REVERSED', 'CANCELLED'], {
    error: 'expected an order status such as SUCCESS or FAILED',
  }),
});
export type OrderTerminalStateWebhook = z.infer<typeof orderTerminalStateSchema>;

export const brandDiscountUpdateSchema = z.looseObject({
  brandId: idSchema,
  subventionPercentage: percentageSchema,
  validFrom: dateSchema,
  validTo: dateSchema.nullable().optional(),
});
export type BrandDiscountUpdateWebhook = z.infer<typeof brandDiscountUpdateSchema>;
