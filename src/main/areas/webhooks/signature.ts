import crypto from 'node:crypto';

/** X-Verify as Hubble computes it: base64(HMAC-SHA256(key = secret's UTF-8 bytes, message = raw body bytes)). */
export function signBody(secret: string | Buffer, body: string | Buffer): string {
  return typeof body === 'string'
    ? crypto.createHmac('sha256', secret).update(body, 'utf8').digest('base64')
    : crypto.createHmac('sha256', secret).update(body).digest('base64');
}

export const hmacDigest = (key: string | Buffer, body: Buffer): Buffer =>
  crypto.createHmac('sha256', key).update(body).digest();

/**
 * HTTP strips optional whitespace around a header value, and a pasted value often ends with a newline or starts
 * with the header's own name; none of that is part of what Hubble sent.
 */
export function normaliseHeader(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  let header = value.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
  if (/^x-verify[ \t]*:/i.test(header)) header = header.slice(header.indexOf(':') + 1).replace(/^[ \t]+/, '');
  return header;
}

/**
 * The verification itself, and all the success path does: one HMAC and a constant-time comparison of the
 * base64 text (comparing decoded bytes would accept base64url or unpadded values that a partner's exact
 * string comparison rejects, hiding the very mistake the debugger is for).
 */
export function verifySignature(
  body: string | Buffer,
  header: string,
  secret: string | Buffer,
): { valid: boolean; expected: string } {
  const expected = signBody(secret, body);
  const a = Buffer.from(expected, 'latin1');
  const b = Buffer.from(header, 'utf8');
  return { valid: a.length === b.length && crypto.timingSafeEqual(a, b), expected };
}
