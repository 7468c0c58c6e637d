import type { ReceivedEventSummary } from '../../../../shared/contract/receiver.ts';

export interface WebhookCounts {
  received: number;
  /** signature valid and the event applied (or recorded / a known duplicate): delivered as it should be */
  delivered: number;
  /** refused: a bad or missing X-Verify, too large, forbidden source, rate-limited */
  refused: number;
  badSignature: number;
  /** accepted but not applied */
  failed: number;
  /** delivered ÷ received; null without deliveries */
  rate: number | null;
}

const DELIVERED_STATES = new Set(['applied', 'recorded', 'duplicate', 'pending']);

/** What the receiver saw in the range, counted from its events. */
export function countWebhooks(events: readonly ReceivedEventSummary[]): WebhookCounts {
  let delivered = 0;
  let refused = 0;
  let badSignature = 0;
  let failed = 0;
  for (const event of events) {
    if (event.verdict !== 'valid') {
      refused += 1;
      if (event.verdict === 'invalid' || event.verdict === 'missing') badSignature += 1;
    } else if (event.state === 'failed') failed += 1;
    else if (DELIVERED_STATES.has(event.state)) delivered += 1;
  }
  return {
    received: events.length,
    delivered,
    refused,
    badSignature,
    failed,
    rate: events.length ? delivered / events.length : null,
  };
}
