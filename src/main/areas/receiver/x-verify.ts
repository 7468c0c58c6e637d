import crypto from 'node:crypto';

/**
 * X-Verify as Hubble computes it (hubble-api.md §8): base64(HMAC-SHA256(key = the secret's UTF-8 bytes,
 * message = the exact body bytes)). The receiver's own copy: the signature debugger's lives in the webhooks area,
 * and src/shared may not use node:crypto.
 */
export const xVerifyOf = (secret: string, body: Buffer | string): string =>
  crypto.createHmac('sha256', secret).update(body).digest('base64');

/**
 * Constant-time comparison of the expected base64 text with the header's bytes. Comparing decoded digests would
 * also accept base64url or unpadded values, which Hubble never sends; an exact-text match is what a partner's
 * receiver should do too.
 */
export function xVerifyMatches(body: Buffer, header: string | undefined, secret: string): boolean {
  if (header === undefined || header.length === 0 || header.length > 256) return false;
  const expected = Buffer.from(xVerifyOf(secret, body), 'latin1');
  const given = Buffer.from(header.trim(), 'utf8');
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}
