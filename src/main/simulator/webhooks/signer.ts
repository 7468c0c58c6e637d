import crypto from 'node:crypto';

/** X-Verify: base64(HMAC-SHA256(key = secret as UTF-8, message = the exact body bytes sent)). */
export const signWebhook = (body: Buffer | string, secret: string): string =>
  crypto.createHmac('sha256', secret).update(body).digest('base64');

export function verifyWebhook(body: Buffer | string, signature: string, secret: string): boolean {
  const expected = Buffer.from(signWebhook(body, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}
