import type { Brand } from '../catalogue/catalogue-schema.ts';
import type { OrderRecord, VoucherRecord } from '../state/orders.ts';
import { simulatorWebhookTypeSchema } from '../../../shared/contract/receiver.ts';
import { utcNoZone } from '../time.ts';

// The names partners see in Hubble's portal, one URL each; the contract lists them for the Simulator profile's settings.
export const WEBHOOK_TYPES = simulatorWebhookTypeSchema.options;
export type WebhookType = (typeof WEBHOOK_TYPES)[number];

/** Order Reached Terminal State (seeds/001): the order id and status only, no referenceId, no vouchers. */
export const orderTerminalPayload = (order: OrderRecord) => ({ id: order.id, status: order.status });

/** Wallet Low Balance (seeds/001). */
export const walletLowBalancePayload = (balancePaise: number, thresholdPaise: number) => ({
  balance: balancePaise / 100,
  threshold: thresholdPaise / 100,
});

/** Brand Updated (seeds/001): `denominations` at the top level, unlike on the Brand object. */
export function brandUpdatedPayload(brand: Brand) {
  const r = brand.amountRestrictions;
  return {
    id: brand.id,
    denominationType: brand.denominationType,
    status: brand.status,
    denominations: r.denominations,
    amountRestrictions: {
      minOrderAmount: r.minOrderAmount,
      maxOrderAmount: r.maxOrderAmount,
      minVoucherAmount: r.minVoucherAmount,
      maxVoucherAmount: r.maxVoucherAmount,
      maxVouchersPerOrder: r.maxVouchersPerOrder,
      maxVouchersPerDenomination: r.maxVouchersPerDenomination,
      maxDenominationsPerOrder: r.maxDenominationsPerOrder,
    },
  };
}

/** Brand Discount Update (seeds/001): `validTo` is left out for an open-ended discount. */
export function brandDiscountPayload(brandId: string, percentage: number, validFrom: string, validTo: string | null) {
  return { brandId, subventionPercentage: percentage, validFrom, ...(validTo ? { validTo } : {}) };
}

export type SdkOrderStatus = 'COMPLETED' | 'FAILED' | 'REVERSED';

interface SdkTransactionInput {
  order: OrderRecord;
  brand: Brand | undefined;
  status: SdkOrderStatus;
  now: number;
  reversalId: string | null;
  assetBase: string;
}

/** The SDK transaction webhook (seeds/002): the SDK says COMPLETED where the API says SUCCESS. */
export function sdkTransactionPayload(input: SdkTransactionInput) {
  const { order, brand, status } = input;
  const discountPercentage = brand?.discountPercentage ?? 0;
  const amount = order.amountPaise / 100;
  return {
    transactionReferenceId: order.id,
    partnerCoinTransactionId: null,
    partnerCoinReversalTransactionId: status === 'COMPLETED' ? null : input.reversalId,
    amount,
    discountAmount: Math.round(order.amountPaise * discountPercentage) / 10_000,
    timestamp: utcNoZone(input.now),
    userId: order.customerKey,
    vouchers:
      status === 'COMPLETED' ? order.vouchers.map((voucher) => sdkVoucher(voucher, brand, input.assetBase)) : [],
    brandName: brand?.title ?? null,
    orderStatus: status,
  };
}

function sdkVoucher(voucher: VoucherRecord, brand: Brand | undefined, assetBase: string) {
  return {
    id: voucher.id,
    brandId: brand?.id ?? null,
    brandName: brand?.title ?? null,
    cardType: voucher.cardType,
    cardNumber: voucher.cardNumber,
    cardPin: voucher.cardPin,
    validTill: voucher.validTill,
    amount: voucher.amountPaise / 100,
    shareImageUrl: brand ? `${assetBase}/__sim/assets/thumbnail/${brand.id}.svg` : null,
    brandRetailModes: brand
      ? brand.redemptionType === 'ONLINE'
        ? ['online']
        : brand.redemptionType === 'OFFLINE'
          ? ['offline']
          : ['online', 'offline']
      : null,
  };
}

export type SdkBrandEvent =
  'USER_DISCOUNT_UPDATED' | 'NEW_BRAND_CREATED' | 'BRAND_DISABLED' | 'PARTNER_DISCOUNT_UPDATED';

export function sdkBrandEventPayload(
  event: SdkBrandEvent,
  brand: Brand,
  discount?: { validFrom: string; validTo: string | null },
) {
  if (event === 'PARTNER_DISCOUNT_UPDATED') {
    return {
      event,
      details: brandDiscountPayload(
        brand.id,
        brand.discountPercentage ?? 0,
        discount?.validFrom ?? '',
        discount?.validTo ?? null,
      ),
    };
  }
  if (event === 'BRAND_DISABLED') return { event, details: { id: brand.id, name: brand.title } };
  return { event, details: { id: brand.id, name: brand.title, discountPercentage: brand.discountPercentage ?? 0 } };
}
