import type { WebhookTypeId } from '../../../shared/webhooks/webhook-types.ts';
import { quickTypeOf } from './quick-type.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export interface ParsedBody {
  payload: unknown;
  type: WebhookTypeId | null;
}

/** A verified body read as Hubble's UTF-8 JSON; anything else is kept (it was signed) but has no type. */
export function parseBody(body: Buffer): ParsedBody {
  let payload: unknown;
  try {
    payload = JSON.parse(utf8.decode(body));
  } catch {
    return { payload: undefined, type: null };
  }
  return { payload, type: quickTypeOf(payload) };
}

/** The JSON of a stored verified body (its type was classified when it was stored). */
export function readPayload(body: Buffer | null): unknown {
  try {
    return body ? JSON.parse(utf8.decode(body)) : undefined;
  } catch {
    return undefined;
  }
}
