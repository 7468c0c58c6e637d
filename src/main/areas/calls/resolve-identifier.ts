import type { IdentifierResolution } from '../../../shared/contract/calls.ts';
import type { CallQueries } from './call-queries.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/i;

/** Pasted text often carries quotes, a label ("X-REQUEST-ID: …") or a trailing comma from a ticket. */
export function cleanIdentifier(raw: string): string {
  return raw
    .trim()
    .replace(/^(x-request-id|request[ -]?id|order[ -]?id|reference[ -]?id|referenceid|orderid)\s*[:=]\s*/i, '')
    .replace(/^["'`<([{]+|["'`>)\]},;.]+$/g, '')
    .trim();
}

/** Which of the three identifiers an agent may paste this string is, in this profile's log. */
export function resolveIdentifier(queries: CallQueries, raw: string): IdentifierResolution {
  const cleaned = cleanIdentifier(raw);
  // X-REQUEST-IDs are stored as randomUUID() writes them: lower case.
  const value = UUID.test(cleaned) ? cleaned.toLowerCase() : cleaned;
  const matches: IdentifierResolution['matches'] = [];
  if (value) {
    const byRequest = queries.lookup('request_id', value);
    if (byRequest) matches.push({ kind: 'request-id', callId: byRequest.id, at: byRequest.at, calls: byRequest.calls });
    const byOrder = queries.lookup('order_id', value);
    if (byOrder) matches.push({ kind: 'order-id', callId: byOrder.id, at: byOrder.at, calls: byOrder.calls });
    const byReference = queries.lookup('reference_id', value);
    if (byReference)
      matches.push({ kind: 'reference-id', callId: byReference.id, at: byReference.at, calls: byReference.calls });
  }
  return { value, matches, looksLike: UUID.test(value) ? 'uuid' : ULID.test(value) ? 'ulid' : 'other' };
}
