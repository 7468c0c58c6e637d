import { z } from 'zod';
import {
  brandDiscountUpdateSchema,
  brandUpdatedSchema,
  orderTerminalStateSchema,
  walletLowBalanceSchema,
} from './partner-webhook-schemas.ts';
import {
  sdkBrandDisabledSchema,
  sdkNewBrandCreatedSchema,
  sdkPartnerDiscountUpdatedSchema,
  sdkUserDiscountUpdatedSchema,
} from './sdk-brand-event-schemas.ts';
import {
  sdkTransactionCompletedSchema,
  sdkTransactionFailedSchema,
  sdkTransactionReversedSchema,
} from './sdk-transaction-schemas.ts';

export const webhookTypeIdSchema = z.enum([
  'brand-updated',
  'wallet-low-balance',
  'order-terminal-state',
  'brand-discount-update',
  'sdk-transaction-completed',
  'sdk-transaction-failed',
  'sdk-transaction-reversed',
  'sdk-user-discount-updated',
  'sdk-new-brand-created',
  'sdk-brand-disabled',
  'sdk-partner-discount-updated',
]);
export type WebhookTypeId = z.infer<typeof webhookTypeIdSchema>;

export const webhookFamilySchema = z.enum(['partner-api', 'sdk-transaction', 'sdk-brand-event']);
export type WebhookFamily = z.infer<typeof webhookFamilySchema>;

export interface WebhookTypeSpec {
  readonly id: WebhookTypeId;
  readonly label: string;
  readonly family: WebhookFamily;
  readonly firesWhen: string;
  readonly schema: z.ZodType;
  /** Top-level keys that identify the shape when there is no type field. */
  readonly keys: readonly string[];
  /** Keys of the shape that may be absent (they count only when present). */
  readonly optionalKeys?: readonly string[];
  /** A field whose value names the type outright (SDK `event`, SDK `orderStatus`). */
  readonly marker?: { readonly field: string; readonly value: string };
  readonly advice: readonly string[];
}

// Seed 001 says Hubble does not retry partner API webhooks; seed 002 says it may retry SDK webhooks.
const NO_RETRY =
  'Hubble does not retry partner API webhooks: a delivery your endpoint misses is lost, so keep a fallback (polling or periodic sync).';
const SDK_IDEMPOTENCY =
  'Idempotency: key on transactionReferenceId. Hubble may re-send an SDK webhook when your endpoint does not answer 200; if you already processed this transactionReferenceId, answer 200 without processing it again.';
const CARD_SECRETS = 'cardNumber and cardPin are secrets: never log them or store them in plaintext.';
const TRANSACTION_KEYS = [
  'transactionReferenceId',
  'partnerCoinTransactionId',
  'partnerCoinReversalTransactionId',
  'amount',
  'discountAmount',
  'timestamp',
  'userId',
  'vouchers',
  'brandName',
];
/** Older SDK payloads have no orderStatus. */
const TRANSACTION_OPTIONAL_KEYS = ['orderStatus'];

export const WEBHOOK_TYPES: readonly WebhookTypeSpec[] = [
  {
    id: 'brand-updated',
    label: 'Brand Updated',
    family: 'partner-api',
    firesWhen: "A brand's status, denominations or amount restrictions change.",
    schema: brandUpdatedSchema,
    keys: ['id', 'denominationType', 'status', 'denominations', 'amountRestrictions'],
    advice: [
      'Update your local brand cache immediately.',
      'If status is INACTIVE, remove the brand from the user-facing catalog.',
      'Validate denomination changes before placing new orders (a stale catalog fails with E150 or E102).',
      'denominations sits at the top level here; on the Brand object it is inside amountRestrictions.',
      'minAmount and maxAmount are deprecated: use minOrderAmount and maxOrderAmount.',
      NO_RETRY + ' Refresh the full catalog at least weekly (daily recommended).',
    ],
  },
  {
    id: 'wallet-low-balance',
    label: 'Wallet Low Balance',
    family: 'partner-api',
    firesWhen: 'The wallet balance falls below your configured threshold.',
    schema: walletLowBalanceSchema,
    keys: ['balance', 'threshold'],
    advice: [
      'Alert your operations team.',
      'Start a wallet top-up (done offline through your Hubble account manager).',
      'Consider pausing order placement if the balance is critically low (orders fail with E300).',
      NO_RETRY + ' Poll GET /v1/partners/wallet/balance as well.',
    ],
  },
  {
    id: 'order-terminal-state',
    label: 'Order Reached Terminal State',
    family: 'partner-api',
    firesWhen: 'A PROCESSING order becomes SUCCESS or FAILED (not sent for orders that settled immediately).',
    schema: orderTerminalStateSchema,
    keys: ['id', 'status'],
    advice: [
      'The payload carries no referenceId and no vouchers: fetch the order by its id with GET /v1/partners/orders/{id}.',
      'If SUCCESS, take the vouchers from the fetched order and deliver them; if FAILED, handle the failure and notify the customer.',
      NO_RETRY + ' Keep polling PROCESSING orders until they settle.',
    ],
  },
  {
    id: 'brand-discount-update',
    label: 'Brand Discount Update',
    family: 'partner-api',
    firesWhen: "A brand's subvention (discount) percentage changes.",
    schema: brandDiscountUpdateSchema,
    keys: ['brandId', 'subventionPercentage', 'validFrom'],
    optionalKeys: ['validTo'],
    advice: [
      "Update the brand's subvention percentage for the validFrom–validTo window.",
      'validTo is optional: when absent the discount is indefinite.',
      NO_RETRY,
    ],
  },
  {
    id: 'sdk-transaction-completed',
    label: 'SDK transaction COMPLETED',
    family: 'sdk-transaction',
    firesWhen: 'A gift card was generated through the Hubble SDK.',
    schema: sdkTransactionCompletedSchema,
    keys: TRANSACTION_KEYS,
    optionalKeys: TRANSACTION_OPTIONAL_KEYS,
    marker: { field: 'orderStatus', value: 'COMPLETED' },
    advice: [
      SDK_IDEMPOTENCY,
      'Deliver the vouchers to the user identified by userId (the customer_id you gave Hubble).',
      CARD_SECRETS,
      'brandRetailModes may be null and is a list of free-form tags, not an enum.',
      'partnerCoinTransactionId and partnerCoinReversalTransactionId are null when the coin module is not integrated.',
      'timestamp is UTC without a zone suffix.',
    ],
  },
  {
    id: 'sdk-transaction-failed',
    label: 'SDK transaction FAILED',
    family: 'sdk-transaction',
    firesWhen: 'An SDK order failed after payment; coins are reversed if applicable.',
    schema: sdkTransactionFailedSchema,
    keys: TRANSACTION_KEYS,
    optionalKeys: TRANSACTION_OPTIONAL_KEYS,
    marker: { field: 'orderStatus', value: 'FAILED' },
    advice: [
      SDK_IDEMPOTENCY,
      'Handle FAILED as well as COMPLETED: tell the user, and reconcile coins with partnerCoinReversalTransactionId when the coin module is integrated.',
    ],
  },
  {
    id: 'sdk-transaction-reversed',
    label: 'SDK transaction REVERSED',
    family: 'sdk-transaction',
    firesWhen: 'The Hubble team reversed a transaction manually; the refund has been processed.',
    schema: sdkTransactionReversedSchema,
    keys: TRANSACTION_KEYS,
    optionalKeys: TRANSACTION_OPTIONAL_KEYS,
    marker: { field: 'orderStatus', value: 'REVERSED' },
    advice: [SDK_IDEMPOTENCY, 'Mark the transaction refunded and revoke any vouchers you showed for it.'],
  },
  {
    id: 'sdk-user-discount-updated',
    label: 'SDK USER_DISCOUNT_UPDATED',
    family: 'sdk-brand-event',
    firesWhen: 'The user-facing discount of a brand changed.',
    schema: sdkUserDiscountUpdatedSchema,
    keys: ['event', 'details'],
    marker: { field: 'event', value: 'USER_DISCOUNT_UPDATED' },
    advice: ["Update the brand's user discount (details.discountPercentage) in your catalog."],
  },
  {
    id: 'sdk-new-brand-created',
    label: 'SDK NEW_BRAND_CREATED',
    family: 'sdk-brand-event',
    firesWhen: 'A new brand was added to the catalog.',
    schema: sdkNewBrandCreatedSchema,
    keys: ['event', 'details'],
    marker: { field: 'event', value: 'NEW_BRAND_CREATED' },
    advice: ['Add the brand to your catalog; fetch its full details with GET /v1/partners/products/{id}.'],
  },
  {
    id: 'sdk-brand-disabled',
    label: 'SDK BRAND_DISABLED',
    family: 'sdk-brand-event',
    firesWhen: 'A brand was deactivated.',
    schema: sdkBrandDisabledSchema,
    keys: ['event', 'details'],
    marker: { field: 'event', value: 'BRAND_DISABLED' },
    advice: ['Remove the brand from the user-facing catalog now.'],
  },
  {
    id: 'sdk-partner-discount-updated',
    label: 'SDK PARTNER_DISCOUNT_UPDATED',
    family: 'sdk-brand-event',
    firesWhen: 'The partner subvention of a brand changed.',
    schema: sdkPartnerDiscountUpdatedSchema,
    keys: ['event', 'details'],
    marker: { field: 'event', value: 'PARTNER_DISCOUNT_UPDATED' },
    advice: [
      'Update the partner subvention (details.subventionPercentage) for the validFrom–validTo window; validTo may be absent.',
    ],
  },
];

export const webhookTypeById = (id: WebhookTypeId): WebhookTypeSpec => {
  const spec = WEBHOOK_TYPES.find((candidate) => candidate.id === id);
  if (!spec) throw new Error(`Unknown webhook type ${id}`);
  return spec;
};
