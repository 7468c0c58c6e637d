import { z } from 'zod';
import { lenientList, lenientNumberSchema } from './lenient-values.ts';

/** Statuses the docs name; the schema accepts any string so a new one is shown, not rejected. */
export const KNOWN_ORDER_STATUSES = ['SUCCESS', 'FAILED', 'PROCESSING', 'CANCELLED', 'REVERSED'] as const;

/** A voucher; `amount` is a number in V2/V3 and a string ("500") in V1 examples. Card number and PIN are secrets. */
export const voucherSchema = z.looseObject({
  id: z.string().min(1),
  cardType: z.string().nullish(),
  cardNumber: z.string().nullish(),
  cardPin: z.string().nullish(),
  validTill: z.string().nullish(),
  amount: lenientNumberSchema,
});
export type Voucher = z.infer<typeof voucherSchema>;

export const orderSchema = z.looseObject({
  id: z.string().min(1),
  referenceId: z.string().nullish(),
  status: z.string().min(1),
  vouchers: lenientList(voucherSchema),
  failureReason: z.string().nullish(),
});
export type Order = z.infer<typeof orderSchema>;

export const denominationDetailSchema = z.object({
  denomination: z.number().positive(),
  quantity: z.number().int().positive(),
});

/** What the console sends to `POST /v1/partners/orders`. */
export const placeOrderRequestSchema = z.object({
  productId: z.string().min(1),
  referenceId: z.string().min(1).max(40),
  amount: z.number().positive(),
  denominationDetails: z.array(denominationDetailSchema).min(1),
  customerDetails: z
    .object({ name: z.string().optional(), phoneNumber: z.string().optional(), email: z.string().optional() })
    .nullish(),
  deliveryDetails: z.record(z.string(), z.unknown()).optional(),
  recipientDetails: z.object({ name: z.string().optional(), phoneNumber: z.string().optional() }).optional(),
});
export type PlaceOrderRequest = z.infer<typeof placeOrderRequestSchema>;
