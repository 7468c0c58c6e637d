import type { IncomingMessage } from 'node:http';
import { SimError } from '../errors.ts';

/** Past this much, an oversized body is no longer drained politely: the connection is cut. */
const DRAIN_CAP_FACTOR = 16;

/**
 * Reads the whole body, up to `limit` bytes, and calls back once. A larger body is drained (so the client can read
 * the 413) and then rejected with PAYLOAD_TOO_LARGE; nothing of it is kept.
 */
export function collectBody(
  req: IncomingMessage,
  limit: number,
  done: (error: Error | null, body: Buffer) => void,
): void {
  const declared = Number(req.headers['content-length'] ?? '0');
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = declared > limit;
  let called = false;
  const finish = (error: Error | null, body: Buffer) => {
    if (called) return;
    called = true;
    done(error, body);
  };
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit) tooLarge = true;
    if (tooLarge) {
      chunks.length = 0;
      if (size > limit * DRAIN_CAP_FACTOR) req.socket.destroy();
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (tooLarge)
      finish(new SimError('PAYLOAD_TOO_LARGE', { debugMessage: `The body limit is ${limit} bytes` }), EMPTY);
    else finish(null, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
  });
  req.on('error', (error) => finish(error, EMPTY));
}

const EMPTY = Buffer.alloc(0);

export const readBody = (req: IncomingMessage, limit: number): Promise<Buffer> =>
  new Promise((resolve, reject) => collectBody(req, limit, (error, body) => (error ? reject(error) : resolve(body))));

/** JSON in: an empty body reads as undefined, malformed JSON is a 400 in Hubble's error shape. */
export function parseJsonBody(raw: Buffer, contentType: string | undefined): unknown {
  if (contentType && !/\bjson\b/i.test(contentType)) {
    throw new SimError('UNSUPPORTED_MEDIA_TYPE', { debugMessage: `Content-Type ${contentType} is not JSON` });
  }
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (cause) {
    throw new SimError('BAD_REQUEST', {
      debugMessage: `Malformed JSON body: ${cause instanceof Error ? cause.message : 'unparseable'}`,
    });
  }
}
