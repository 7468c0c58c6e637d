import type { IncomingHttpHeaders } from 'node:http';

// Headers that can carry a credential of the sender or of a proxy in front: never stored.
const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie)$|secret|token|api-?key|password/i;
const MAX_HEADERS = 40;
const MAX_VALUE_CHARS = 512;

/** The headers of a verified delivery as stored: no secrets, bounded (X-Verify is kept: replay sends it again). */
export function storedHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers).slice(0, MAX_HEADERS)) {
    if (value === undefined || SECRET_HEADER.test(name)) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    out[name] = text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
  }
  return out;
}
