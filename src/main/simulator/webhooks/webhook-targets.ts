import { z } from 'zod';
import { WEBHOOK_TYPES, type WebhookType } from './payloads.ts';

const webhookUrl = z.url({ protocol: /^https?$/ });

/**
 * Per-type webhook URLs of a client, as partners configure them in Hubble's portal (a receiver with one path per
 * webhook type); a type without one goes to the client's single `webhookUrl`, if any.
 */
export const webhookUrlsSchema = z.partialRecord(z.enum(WEBHOOK_TYPES), webhookUrl);
export type WebhookUrls = z.infer<typeof webhookUrlsSchema>;

/** A patch: a URL sets that type's target, null removes it (the type falls back to `webhookUrl`). */
export const webhookUrlsPatchSchema = z.partialRecord(z.enum(WEBHOOK_TYPES), webhookUrl.nullable());

export function applyWebhookUrlsPatch(
  current: WebhookUrls,
  patch: z.infer<typeof webhookUrlsPatchSchema>,
): WebhookUrls {
  const next: WebhookUrls = { ...current };
  for (const [type, url] of Object.entries(patch) as Array<[WebhookType, string | null]>) {
    if (url === null) delete next[type];
    else next[type] = url;
  }
  return next;
}

/** Where a client's webhook of this type goes: its URL for the type, else its one URL for all, else nowhere. */
export const targetUrlOf = (client: { webhookUrl: string | null; webhookUrls: WebhookUrls }, type: WebhookType) =>
  client.webhookUrls[type] ?? client.webhookUrl;

/** The webhook targets the simulator starts with (CLI flags, `startSimulator({ webhook })`). */
export interface WebhookSeed {
  /** One URL for every type and every client. */
  url?: string;
  /** A URL per type, for every client. */
  urls?: WebhookUrls;
  /** Replaces every client's webhook secret. */
  secret: string;
  /** Per client (by clientId): overrides of the above. */
  clients?: Record<string, { url?: string; urls?: WebhookUrls }>;
}
