import crypto from 'node:crypto';
import type { WebhookTypeId } from '../../../shared/webhooks/webhook-types.ts';

type Payload = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

/**
 * What makes two deliveries the same event (issue 14): an order's terminal state by (orderId, status); an SDK
 * transaction by transactionReferenceId + orderStatus (Hubble may re-send SDK webhooks); brand and wallet events
 * by the brand (or wallet) and the payload's hash, since a later change to the same brand is a new event. An
 * unclassified body is keyed by its hash alone, so a byte-identical re-send is still a duplicate.
 */
export function dedupeKeyOf(type: WebhookTypeId | null, payload: unknown, body: Buffer): string {
  const object: Payload = typeof payload === 'object' && payload !== null ? (payload as Payload) : {};
  const details: Payload =
    typeof object['details'] === 'object' && object['details'] !== null ? (object['details'] as Payload) : {};
  switch (type) {
    case 'order-terminal-state':
      return `order:${text(object['id'])}:${text(object['status'])}`;
    case 'sdk-transaction-completed':
    case 'sdk-transaction-failed':
    case 'sdk-transaction-reversed':
      return `sdk-transaction:${text(object['transactionReferenceId'])}:${text(object['orderStatus']) || type}`;
    case 'brand-updated':
      return `brand:${text(object['id'])}:${sha256(body)}`;
    case 'brand-discount-update':
      return `brand:${text(object['brandId'])}:${sha256(body)}`;
    case 'sdk-user-discount-updated':
    case 'sdk-new-brand-created':
    case 'sdk-brand-disabled':
    case 'sdk-partner-discount-updated':
      return `brand:${text(details['brandId'] ?? details['id'])}:${sha256(body)}`;
    case 'wallet-low-balance':
      return `wallet:${sha256(body)}`;
    default:
      return `body:${sha256(body)}`;
  }
}
