import type { ReceivedEventSummary } from '../../../../shared/contract/receiver.ts';
import { webhookTypeById, type WebhookTypeId } from '../../../../shared/webhooks/webhook-types.ts';

type Verdict = ReceivedEventSummary['verdict'];
type ProcessingState = ReceivedEventSummary['state'];

export const VERDICT_WORDS: Record<Verdict, string> = {
  valid: 'Verified',
  invalid: 'Bad signature',
  missing: 'No signature',
  'too-large': 'Too large',
  forbidden: 'Not allowed (address)',
  'rate-limited': 'Rate-limited',
};

export const STATE_WORDS: Record<ProcessingState, string> = {
  rejected: 'Rejected',
  pending: 'Pending',
  applied: 'Applied',
  recorded: 'Recorded',
  failed: 'Failed',
  duplicate: 'Duplicate',
};

export const typeWords = (type: WebhookTypeId | null): string => (type ? webhookTypeById(type).label : 'Unclassified');

/** Red for what was refused or failed, amber for a duplicate or pending work, otherwise no colour. */
export function toneOf(event: Pick<ReceivedEventSummary, 'verdict' | 'state'>): 'danger' | 'warning' | 'plain' {
  if (event.verdict !== 'valid' || event.state === 'failed') return 'danger';
  if (event.state === 'duplicate' || event.state === 'pending') return 'warning';
  return 'plain';
}
