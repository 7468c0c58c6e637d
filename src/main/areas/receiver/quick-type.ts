import { classifyPayload } from '../../../shared/webhooks/classify-payload.ts';
import type { WebhookTypeId } from '../../../shared/webhooks/webhook-types.ts';

const SDK_EVENTS: Record<string, WebhookTypeId> = {
  USER_DISCOUNT_UPDATED: 'sdk-user-discount-updated',
  NEW_BRAND_CREATED: 'sdk-new-brand-created',
  BRAND_DISABLED: 'sdk-brand-disabled',
  PARTNER_DISCOUNT_UPDATED: 'sdk-partner-discount-updated',
};
const SDK_STATUSES: Record<string, WebhookTypeId> = {
  COMPLETED: 'sdk-transaction-completed',
  FAILED: 'sdk-transaction-failed',
  REVERSED: 'sdk-transaction-reversed',
};

const has = (payload: Record<string, unknown>, ...keys: string[]) => keys.every((key) => Object.hasOwn(payload, key));

/**
 * The type of a verified body on the receiver's hot path: the exact shapes Hubble sends are recognised by their
 * keys in a few comparisons; anything else (older SDK payloads, partial or unusual shapes) goes through the full
 * shape classifier of the signature debugger, so both always agree on what they both recognise.
 */
export function quickTypeOf(payload: unknown): WebhookTypeId | null {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  const object = payload as Record<string, unknown>;
  const keys = Object.keys(object).length;
  if (typeof object['event'] === 'string' && has(object, 'details') && keys === 2) {
    const type = SDK_EVENTS[object['event']];
    if (type) return type;
  }
  if (typeof object['orderStatus'] === 'string' && has(object, 'transactionReferenceId', 'vouchers')) {
    const type = SDK_STATUSES[object['orderStatus']];
    if (type) return type;
  }
  if (keys === 2 && typeof object['id'] === 'string' && typeof object['status'] === 'string')
    return 'order-terminal-state';
  if (keys === 2 && typeof object['balance'] === 'number' && typeof object['threshold'] === 'number')
    return 'wallet-low-balance';
  return classifyPayload(payload).type;
}
