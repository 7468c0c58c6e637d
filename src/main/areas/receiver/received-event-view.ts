import type { ReceivedEvent, ReceivedEventSummary } from '../../../shared/contract/receiver.ts';
import { maskCardDataInText } from '../../../shared/webhooks/mask-card-data.ts';
import { webhookTypeIdSchema } from '../../../shared/webhooks/webhook-types.ts';
import type { WebhookEventRow } from './webhook-event-store.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

const typeOf = (type: string | null) => {
  const parsed = webhookTypeIdSchema.safeParse(type);
  return parsed.success ? parsed.data : null;
};

export function toSummary(row: WebhookEventRow): ReceivedEventSummary {
  return {
    id: row.id,
    receivedAt: row.received_at,
    sourceIp: row.source_ip,
    verdict: row.verdict,
    reason: row.reason,
    type: typeOf(row.type),
    state: row.state,
    duplicateOf: row.duplicate_of,
    bodyBytes: row.body_bytes,
    changes: row.changes_json ? (JSON.parse(row.changes_json) as string[]) : [],
    error: row.error,
  };
}

/** What leaves main about an event: card numbers and PINs masked (DESIGN.md §4), length kept for byte offsets. */
export function toReceivedEvent(row: WebhookEventRow): ReceivedEvent {
  let body: string | null = null;
  let exact = false;
  if (row.body) {
    let text: string;
    try {
      text = utf8.decode(row.body);
      exact = true;
    } catch {
      text = lenient.decode(row.body);
    }
    body = maskCardDataInText(text);
    exact = exact && body === text;
  }
  const headers = JSON.parse(row.headers_json) as Record<string, string>;
  return { ...toSummary(row), body, bodyIsExact: exact, headers, dedupeKey: row.dedupe_key };
}
