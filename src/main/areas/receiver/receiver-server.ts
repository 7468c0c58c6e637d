import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ReceiverSettings } from '../../../shared/contract/receiver.ts';
import { xVerifyMatches } from './x-verify.ts';
import { dedupeKeyOf } from './dedupe-key.ts';
import { parseBody } from './parse-body.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { HUBBLE_SOURCE_ADDRESSES, sourceAddressOf } from './source-address.ts';
import { storedHeaders } from './stored-headers.ts';
import type { DeliveryWriter } from './delivery-writer.ts';
import type { Rejection, StoredDelivery, VerifiedDelivery } from './webhook-event-store.ts';

export interface ReceiverServerOptions {
  /** One path per profile (`/hubble/<profileId>`), so one profile's deliveries can never land in another's table. */
  path: string;
  port: number;
  settings: ReceiverSettings;
  /** The profile's webhook secret, held in memory while the receiver runs; null: every delivery is refused. */
  secret: () => string | null;
  /** Where verified deliveries and rejection records are written (a worker thread's connection, normally). */
  writer: DeliveryWriter;
  now: () => number;
  /**
   * After the commit, with the delivery as main holds it and the JSON parsed from its bytes (processing takes it
   * from here, not from the table).
   */
  onStored?: (stored: StoredDelivery, delivery: VerifiedDelivery, payload: unknown) => void;
  onError?: (error: unknown) => void;
  /** A sender that has not finished its request by then is cut off (slow senders hold sockets). */
  requestTimeoutMs?: number;
}

export interface ReceiverServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const HEADER_BYTES = 16 * 1024;
const MAX_CONNECTIONS = 1024;
// Small batches answer early: the first deliveries of a burst are acknowledged while the rest are still being
// read and verified, so their senders send again while main works (with 16 senders, batches of 8 measured 0.43–0.52
// of a bare server against 0.40–0.42 for one batch per turn; docs/receiver.md, round 3).
const GROUP_COMMIT_MAX = 8;
// One batch committing and the next one queued behind it (the writer thread commits what queued up together):
// fewer, larger messages than a batch per turn, and no turn waits for a whole round trip with nothing sent.
const MAX_IN_FLIGHT = 2;

const answer = (res: http.ServerResponse, status: number, body: Record<string, unknown>, close = false) => {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  // Headers as a flat list: node writes them as given, without an object to walk per answer.
  const headers = ['content-type', 'application/json', 'content-length', String(Buffer.byteLength(text))];
  if (close) headers.push('connection', 'close');
  res.writeHead(status, headers);
  res.end(text);
};

/**
 * The webhook receiver of one profile (docs/receiver.md). Order of checks: rate limit and source allow-list
 * (nothing is read yet), method and path, the size limit (declared, then counted), then X-Verify on the exact
 * raw bytes. A bad or missing signature gets 401 and only a rejection record; a verified delivery gets 200 only
 * after its row is committed, and is processed afterwards from the table.
 */
export async function startReceiverServer(options: ReceiverServerOptions): Promise<ReceiverServer> {
  const { settings, writer, now } = options;
  const limiter = createRateLimiter({ perMinute: settings.ratePerMinute, now });
  const sockets = new Set<Socket>();

  const reject = (
    res: http.ServerResponse,
    status: number,
    rejection: Omit<Rejection, 'receivedAt'>,
    message: string,
    close = false,
  ): Promise<void> =>
    writer
      .storeRejection({ ...rejection, receivedAt: now() })
      .then(() => answer(res, status, { error: message }, close));

  const accept = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer, sourceIp: string) => {
    const header = req.headers['x-verify'];
    const signature = typeof header === 'string' ? header : undefined;
    const secret = options.secret();
    if (signature === undefined || signature.trim() === '') {
      void reject(
        res,
        401,
        { sourceIp, verdict: 'missing', reason: 'No X-Verify header', bodyBytes: body.length },
        'Unauthorized',
      );
      return;
    }
    if (secret === null || !xVerifyMatches(body, signature, secret)) {
      const reason = secret === null ? 'No webhook secret is set for this profile' : 'X-Verify does not match the body';
      void reject(res, 401, { sourceIp, verdict: 'invalid', reason, bodyBytes: body.length }, 'Unauthorized');
      return;
    }
    const { payload, type } = parseBody(body);
    queued.push({
      res,
      payload,
      delivery: {
        receivedAt: now(),
        sourceIp,
        body,
        headers: storedHeaders(req.headers),
        type,
        dedupeKey: dedupeKeyOf(type, payload, body),
      },
    });
    if (queued.length === 1) setImmediate(commit);
    else if (queued.length >= GROUP_COMMIT_MAX) commit();
  };

  // Group commit: the verified deliveries of one turn of the event loop (every request the poll phase completed,
  // GROUP_COMMIT_MAX at a time) go to the writer as one batch right after that turn's I/O; while MAX_IN_FLIGHT
  // batches are out, later deliveries gather into the next one. Each delivery is answered once its batch is
  // committed: nothing is answered 200 before its row is.
  let queued: Array<{ res: http.ServerResponse; delivery: VerifiedDelivery; payload: unknown }> = [];
  const inFlight = new Set<Promise<void>>();
  const commit = () => {
    if (queued.length === 0 || inFlight.size >= MAX_IN_FLIGHT) return;
    const batch = queued.slice(0, GROUP_COMMIT_MAX);
    queued = queued.slice(batch.length);
    const committed = writer.storeVerified(batch.map((entry) => entry.delivery)).then(
      (stored) =>
        batch.forEach(({ res, delivery, payload }, index) => {
          const result = stored[index]!;
          answer(res, 200, { ok: true, id: result.id, duplicate: result.duplicateOf !== null });
          options.onStored?.(result, delivery, payload);
        }),
      (error: unknown) => {
        // Not stored, so not acknowledged: a 200 here would lose the events.
        options.onError?.(error);
        for (const { res } of batch) answer(res, 503, { error: 'Could not store the event' });
      },
    );
    inFlight.add(committed);
    void committed.finally(() => {
      inFlight.delete(committed);
      commit();
    });
  };
  const committed = async () => {
    commit();
    while (inFlight.size > 0) await Promise.all(inFlight);
  };

  const server = http.createServer(
    {
      maxHeaderSize: HEADER_BYTES,
      requestTimeout: options.requestTimeoutMs ?? 15_000,
      headersTimeout: Math.min(options.requestTimeoutMs ?? 10_000, 10_000),
    },
    (req, res) => {
      req.on('error', () => res.destroy());
      const sourceIp = sourceAddressOf(
        req.socket.remoteAddress,
        req.headers['x-forwarded-for'],
        settings.trustedProxies,
      );
      if (!limiter.take(sourceIp)) {
        answer(res, 429, { error: 'Too many requests' }, true);
        req.resume();
        return;
      }
      if (settings.hubbleAddressesOnly && !HUBBLE_SOURCE_ADDRESSES.includes(sourceIp)) {
        void reject(
          res,
          403,
          { sourceIp, verdict: 'forbidden', reason: 'Source is not one of Hubble’s addresses', bodyBytes: 0 },
          'Forbidden',
          true,
        );
        req.resume();
        return;
      }
      const path = (req.url ?? '').split('?')[0];
      if (path !== options.path) {
        answer(res, 404, { error: 'Not found' }, true);
        req.resume();
        return;
      }
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        answer(res, 405, { error: 'Method not allowed' }, true);
        req.resume();
        return;
      }
      const declared = Number(req.headers['content-length'] ?? 0);
      const tooLarge = () =>
        reject(
          res,
          413,
          {
            sourceIp,
            verdict: 'too-large',
            reason: `Body over ${settings.maxBodyBytes} bytes`,
            bodyBytes: Number.isFinite(declared) ? declared : 0,
          },
          'Payload too large',
          true,
        );
      if (Number.isFinite(declared) && declared > settings.maxBodyBytes) {
        void tooLarge().then(() => req.destroy());
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let over = false;
      req.on('data', (chunk: Buffer) => {
        if (over) return;
        size += chunk.length;
        if (size > settings.maxBodyBytes) {
          over = true;
          chunks.length = 0;
          void tooLarge().then(() => req.destroy());
          return;
        }
        chunks.push(chunk);
      });
      req.on('end', () => {
        if (over) return;
        try {
          accept(req, res, Buffer.concat(chunks, size), sourceIp);
        } catch (error) {
          options.onError?.(error);
          answer(res, 500, { error: 'Internal error' });
        }
      });
    },
  );
  server.maxConnections = MAX_CONNECTIONS;
  server.keepAliveTimeout = 5_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, settings.bindAddress, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => options.onError?.(error));
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}${options.path}`,
    port: address.port,
    async close() {
      await committed(); // deliveries already verified are stored and answered before the sockets go
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
