import type { WebhookBody } from '../../../shared/contract/webhooks.ts';
import { MAX_BODY_BYTES } from '../../../shared/webhooks/limits.ts';
import { AppError } from '../../errors/app-error.ts';

/**
 * The exact message to verify: pasted text stays a string (HMAC encodes it as UTF-8 while hashing, so the
 * success path allocates no copy), a dropped file's bytes are decoded from base64 as they are.
 */
export type BodyMessage = string | Buffer;

const EMPTY = 'The body is empty: paste the raw request body exactly as received, or drop the file.';

// A UTF-16 unit is at most 3 UTF-8 bytes, so short texts need no byte count.
const SURELY_SMALL_TEXT = Math.floor(MAX_BODY_BYTES / 3);

function tooLarge(bytes: number): AppError {
  return new AppError(
    'VALIDATION',
    `The body is ${bytes.toLocaleString('en')} bytes; the debugger accepts bodies up to 1 MiB (1,048,576 bytes).`,
    {
      bytes,
      limit: MAX_BODY_BYTES,
    },
  );
}

export function bodyMessage(body: WebhookBody): BodyMessage {
  if ('text' in body) {
    if (body.text.length === 0) throw new AppError('VALIDATION', EMPTY);
    if (body.text.length > SURELY_SMALL_TEXT) {
      const bytes = Buffer.byteLength(body.text, 'utf8');
      if (bytes > MAX_BODY_BYTES) throw tooLarge(bytes);
    }
    return body.text;
  }
  const bytes = Buffer.from(body.base64, 'base64');
  if (bytes.length === 0) throw new AppError('VALIDATION', EMPTY);
  if (bytes.length > MAX_BODY_BYTES) throw tooLarge(bytes.length);
  return bytes;
}

export const messageBytes = (message: BodyMessage): Buffer =>
  typeof message === 'string' ? Buffer.from(message, 'utf8') : message;

export const messageLength = (message: BodyMessage): number =>
  typeof message === 'string' ? Buffer.byteLength(message, 'utf8') : message.length;

export const bodyBytes = (body: WebhookBody): Buffer => messageBytes(bodyMessage(body));
