import type { OrderSummary } from '../../../../shared/contract/orders.ts';

/** What the colour of a status means (UX.md: colour only for meaning). */
export type StatusTone = 'ok' | 'failed' | 'pending' | 'unknown' | 'neutral';

/** Statuses the filter offers; Hubble may send others, which are shown as they come. */
export const KNOWN_STATUSES = [
  'SUCCESS',
  'PROCESSING',
  'FAILED',
  'REJECTED',
  'INTENT',
  'CANCELLED',
  'REVERSED',
] as const;

export const UNKNOWN_OUTCOME_TEXT = 'Outcome unknown — being resolved by referenceId, never resent blindly.';

const STATUS_WORDS: Record<string, string> = {
  SUCCESS: 'Issued',
  PROCESSING: 'Hubble is still processing it',
  FAILED: 'Failed at Hubble (the wallet is refunded)',
  REJECTED: 'Refused by Hubble: no order exists',
  INTENT: 'Recorded before sending; no answer yet',
  CANCELLED: 'Cancelled (the wallet is refunded)',
  REVERSED: 'Reversed (the wallet is refunded)',
};

/** An order whose POST left without an answer the console could read: only its referenceId can say what happened. */
export const isOutcomeUnknown = (order: Pick<OrderSummary, 'intentState'>) => order.intentState !== 'resolved';

export function statusTone(order: Pick<OrderSummary, 'status' | 'intentState'> & { stuck?: boolean }): StatusTone {
  if (isOutcomeUnknown(order) || order.stuck) return 'unknown';
  if (order.status === 'SUCCESS') return 'ok';
  if (order.status === 'FAILED' || order.status === 'REJECTED') return 'failed';
  if (order.status === 'PROCESSING') return 'pending';
  return 'neutral';
}

/** The short label of the status column; a PROCESSING order past the profile's threshold says it is stuck. */
export const statusLabel = (order: Pick<OrderSummary, 'status' | 'intentState'> & { stuck?: boolean }) =>
  isOutcomeUnknown(order) ? 'UNKNOWN' : order.stuck ? `${order.status} · stuck` : order.status;

export const statusWords = (status: string) => STATUS_WORDS[status] ?? 'As Hubble reports it';

/** Only Hubble's answer can still change these, so the detail keeps checking while one is open. */
export const isSettling = (order: Pick<OrderSummary, 'status' | 'intentState'>) =>
  isOutcomeUnknown(order) || order.status === 'PROCESSING' || order.status === 'INTENT';

/** The console retries only what certainly did not issue, and only on the operator's request. */
export const isRetryable = (order: Pick<OrderSummary, 'status' | 'intentState'> & { retriedBy: string | null }) =>
  !isOutcomeUnknown(order) && (order.status === 'FAILED' || order.status === 'REJECTED') && order.retriedBy === null;

export const SOURCE_LABELS: Record<OrderSummary['source'], string> = {
  console: 'Placed here',
  batch: 'Batch',
  lookup: 'Looked up',
  webhook: 'Webhook',
  import: 'Imported',
  sdk: 'SDK',
};
