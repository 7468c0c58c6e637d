import type { WebhookTypeId } from '../../../shared/webhooks/webhook-types.ts';

/**
 * Every webhook payload in Hubble's docs (seeds 001 and 002), laid out as the docs print them. The debugger's
 * examples are served from here; tests/fixtures/webhooks holds an independent copy the tests check against.
 */
export interface SeedPayload {
  readonly id: string;
  readonly type: WebhookTypeId;
  readonly label: string;
  readonly source: string;
  readonly text: string;
}

export const SEED_PAYLOADS: readonly SeedPayload[] = [
  {
    id: 'brand-updated',
    type: 'brand-updated',
    label: 'Brand Updated',
    source: 'Seed 001, "1. Brand Updated"',
    text: `{
  "id": "brand_id",
  "denominationType": "FIXED",
  "status": "ACTIVE",
  "denominations": [100, 1000, 5000],
  "amountRestrictions": {
    "minOrderAmount": 100,
    "maxOrderAmount": 5000,
    "minVoucherAmount": 100,
    "maxVoucherAmount": 5000,
    "maxVouchersPerOrder": 5,
    "maxVouchersPerDenomination": 1,
    "maxDenominationsPerOrder": 1
  }
}`,
  },
  {
    id: 'wallet-low-balance',
    type: 'wallet-low-balance',
    label: 'Wallet Low Balance',
    source: 'Seed 001, "2. Wallet Low Balance Notification"',
    text: `{
  "balance": 50,
  "threshold": 100
}`,
  },
  {
    id: 'order-terminal-state',
    type: 'order-terminal-state',
    label: 'Order Reached Terminal State',
    source: 'Seed 001, "3. Order Reached Terminal State"',
    text: `{
  "id": "order_id",
  "status": "SUCCESS"
}`,
  },
  {
    id: 'brand-discount-update',
    type: 'brand-discount-update',
    label: 'Brand Discount Update',
    source: 'Seed 001, "4. Brand Discount Update"',
    text: `{
  "brandId": "01HFV6NGBFGATYAKZ3AKASJVM9",
  "subventionPercentage": 8,
  "validFrom": "2025-12-23",
  "validTo": "2026-02-28"
}`,
  },
  {
    id: 'sdk-transaction-completed',
    type: 'sdk-transaction-completed',
    label: 'SDK transaction COMPLETED',
    source: 'Seed 002, "COMPLETED Status"',
    text: `{
  "transactionReferenceId": "01HRVY38NCAANDYPN3WVGJCDSG",
  "partnerCoinTransactionId": "01HZ123EXAMPLE456789",
  "partnerCoinReversalTransactionId": null,
  "amount": 1000.0,
  "discountAmount": 50.0,
  "timestamp": "2024-01-15T14:30:22",
  "userId": "01HRW71319JNKJS6D3Q85X780R",
  "vouchers": [
    {
      "id": "01HZ46Q0P0242STC8TBV926M8C",
      "brandId": "01JRSY42BBMKC2YS9TXMYSYN83",
      "brandName": "Swiggy",
      "cardType": "CARD_NUMBER_SECURED",
      "cardNumber": "5333644476668777",
      "cardPin": "123456",
      "validTill": "2025-04-04",
      "amount": 1000.0,
      "shareImageUrl": "https://gullak-assets.s3.ap-south-1.amazonaws.com/share-wa-brand-images/Swiggy.jpg",
      "brandRetailModes": ["online", "offline", "app", "website"]
    }
  ],
  "brandName": "Swiggy",
  "orderStatus": "COMPLETED"
}`,
  },
  {
    id: 'sdk-transaction-failed',
    type: 'sdk-transaction-failed',
    label: 'SDK transaction FAILED',
    source: 'Seed 002, "FAILED Status"',
    text: `{
  "transactionReferenceId": "01HRVY38NCAANDYPN3WVGJCDSG",
  "partnerCoinTransactionId": "01HZ123EXAMPLE456789",
  "partnerCoinReversalTransactionId": "01HZ456REVERSAL789012",
  "amount": 1000.0,
  "discountAmount": 50.0,
  "timestamp": "2024-01-15T14:35:10",
  "userId": "01HRW71319JNKJS6D3Q85X780R",
  "vouchers": [],
  "brandName": "Swiggy",
  "orderStatus": "FAILED"
}`,
  },
  {
    id: 'sdk-transaction-reversed',
    type: 'sdk-transaction-reversed',
    label: 'SDK transaction REVERSED',
    source: 'Seed 002, "REVERSED Status"',
    text: `{
  "transactionReferenceId": "01HRVY38NCAANDYPN3WVGJCDSG",
  "partnerCoinTransactionId": "01HZ123EXAMPLE456789",
  "partnerCoinReversalTransactionId": "01HZ456REVERSAL789012",
  "amount": 1000.0,
  "discountAmount": 50.0,
  "timestamp": "2024-01-15T15:00:00",
  "userId": "01HRW71319JNKJS6D3Q85X780R",
  "vouchers": [],
  "brandName": "Swiggy",
  "orderStatus": "REVERSED"
}`,
  },
  {
    id: 'sdk-user-discount-updated',
    type: 'sdk-user-discount-updated',
    label: 'SDK USER_DISCOUNT_UPDATED',
    source: 'Seed 002, "USER_DISCOUNT_UPDATED"',
    text: `{
  "event": "USER_DISCOUNT_UPDATED",
  "details": {
    "id": "01GMAVS2CHXR0XP1BZSTA9A44K",
    "name": "Amazon shopping",
    "discountPercentage": 5
  }
}`,
  },
  {
    id: 'sdk-new-brand-created',
    type: 'sdk-new-brand-created',
    label: 'SDK NEW_BRAND_CREATED',
    source: 'Seed 002, "NEW_BRAND_CREATED"',
    text: `{
  "event": "NEW_BRAND_CREATED",
  "details": {
    "id": "01GMAVS2CHXR0XP1BZSTA9A44K",
    "name": "Amazon shopping",
    "discountPercentage": 2
  }
}`,
  },
  {
    id: 'sdk-brand-disabled',
    type: 'sdk-brand-disabled',
    label: 'SDK BRAND_DISABLED',
    source: 'Seed 002, "BRAND_DISABLED"',
    text: `{
  "event": "BRAND_DISABLED",
  "details": {
    "id": "01GMAVS2CHXR0XP1BZSTA9A44K",
    "name": "Amazon shopping"
  }
}`,
  },
  {
    id: 'sdk-partner-discount-updated',
    type: 'sdk-partner-discount-updated',
    label: 'SDK PARTNER_DISCOUNT_UPDATED',
    source: 'Seed 002, "PARTNER_DISCOUNT_UPDATED"',
    text: `{
  "event": "PARTNER_DISCOUNT_UPDATED",
  "details": {
    "brandId": "01HFV6NGBFGATYAKZ3AKASJVM9",
    "subventionPercentage": 8,
    "validFrom": "2025-12-23",
    "validTo": "2026-02-28"
  }
}`,
  },
];
