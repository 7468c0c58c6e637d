import { z } from 'zod';
import type { DesktopCommand } from '../../shared/contract/events.ts';
import { CONSOLE_AREA_IDS } from './console-areas.ts';

export const DEEP_LINK_SCHEME = 'hubble-ops';

/** Hubble's ids and a partner's referenceIds: printable, no separators that could smuggle a path or a query. */
const identifier = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._:-]+$/, 'only letters, digits and . _ : -');

/** Every link the console accepts, once the URL is taken apart; anything else is refused. */
const noQuery = z.strictObject({});
const deepLinkSchema = z.union([
  z.strictObject({ host: z.literal('page'), segments: z.tuple([z.enum(CONSOLE_AREA_IDS)]), query: noQuery }),
  z.strictObject({ host: z.literal('order'), segments: z.tuple([identifier]), query: noQuery }),
  z.strictObject({ host: z.literal('order-ref'), segments: z.tuple([]), query: z.strictObject({ ref: identifier }) }),
  z.strictObject({ host: z.literal('call'), segments: z.tuple([identifier]), query: noQuery }),
]);

export type DeepLinkResult = { ok: true; command: DesktopCommand } | { ok: false; reason: string };

const MAX_LINK_LENGTH = 512;

/**
 * `hubble-ops://order/<orderId>`, `hubble-ops://order?ref=<referenceId>`, `hubble-ops://call/<X-REQUEST-ID>`,
 * `hubble-ops://page/<area>`. A link comes from any web page or mail on the machine, so it is untrusted input:
 * it can only name something to open, never carry an action, and it is validated like an IPC input.
 */
export function parseDeepLink(raw: string): DeepLinkResult {
  if (raw.length > MAX_LINK_LENGTH) return { ok: false, reason: 'link too long' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return { ok: false, reason: 'not a hubble-ops:// link' };
  if (url.username || url.password || url.port || url.hash) return { ok: false, reason: 'unexpected URL parts' };
  let segments: string[];
  try {
    segments = url.pathname
      .split('/')
      .filter((segment) => segment !== '')
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return { ok: false, reason: 'bad escape' };
  }
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    if (Object.hasOwn(query, key)) return { ok: false, reason: `repeated ${key}` };
    query[key] = value;
  }
  const host = url.hostname.toLowerCase();
  // `order?ref=…` names an order by the partner's referenceId; the schema keeps the two forms apart.
  const form = host === 'order' && segments.length === 0 ? 'order-ref' : host;
  const parsed = deepLinkSchema.safeParse({ host: form, segments, query });
  if (!parsed.success) return { ok: false, reason: 'not a link the console knows' };
  const link = parsed.data;
  switch (link.host) {
    case 'page':
      return { ok: true, command: { kind: 'go', area: link.segments[0] } };
    case 'call':
      return { ok: true, command: { kind: 'open-call', requestId: link.segments[0] } };
    case 'order':
      return { ok: true, command: { kind: 'open-order', key: { orderId: link.segments[0] } } };
    case 'order-ref':
      return { ok: true, command: { kind: 'open-order', key: { referenceId: link.query.ref } } };
  }
}

/** Windows and Linux hand a link to the app as a command-line argument (the first and any second launch). */
export function deepLinkInArgv(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`)) ?? null;
}
