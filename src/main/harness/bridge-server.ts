import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConsoleCore } from '../app/console-core.ts';
import { RENDERER_CSP } from '../security/csp.ts';
import { contentTypeOf, resolveStaticPath } from '../security/static-path.ts';

export interface BridgeServer {
  readonly url: string;
  close(): Promise<void>;
}

export interface BridgeServerOptions {
  core: ConsoleCore;
  /** the renderer build made by `npm run build:renderer` */
  staticDir: string;
  port?: number;
  /** fixed token for tests; a fresh random one otherwise */
  token?: string;
}

const MAX_BRIDGE_BODY = 12 * 1024 * 1024;

const sameToken = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
};

async function readBody(request: http.IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BRIDGE_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The browser harness: the built renderer plus the contract over HTTP, on 127.0.0.1 only. Requests must
 * carry the per-run token and name our own host (a page on another origin cannot read the token, and a
 * DNS-rebinding page arrives with a foreign Host header).
 */
export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  let expectedHost = '';
  const streams = new Set<http.ServerResponse>();
  const disconnect = options.core.events.connect((name, payload) => {
    for (const stream of streams) stream.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
  });

  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://placeholder');
    if (request.headers.host !== expectedHost) {
      response.writeHead(421).end('Misdirected request');
      return;
    }
    if (url.pathname === '/__bridge/invoke' && request.method === 'POST') {
      if (!sameToken(String(request.headers['x-bridge-token'] ?? ''), token)) {
        response.writeHead(403).end('Forbidden');
        return;
      }
      const body = await readBody(request);
      const message = parseBridgeMessage(body);
      const result =
        message && typeof message.channel === 'string'
          ? await options.core.router.dispatch(message.channel, message.input, { shell: 'browser-harness' })
          : { ok: false, error: { kind: 'VALIDATION', message: 'The bridge expects {channel, input} as JSON' } };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      return;
    }
    if (url.pathname === '/__bridge/events' && request.method === 'GET') {
      if (!sameToken(url.searchParams.get('token') ?? '', token)) {
        response.writeHead(403).end('Forbidden');
        return;
      }
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      response.write(': connected\n\n');
      streams.add(response);
      request.on('close', () => streams.delete(response));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    const file = resolveStaticPath(options.staticDir, url.pathname);
    if (!file) {
      response.writeHead(403).end('Forbidden');
      return;
    }
    try {
      let body: Buffer | string = await fs.readFile(file);
      if (file.endsWith('index.html')) body = injectBridge(body.toString('utf8'), token);
      response.writeHead(200, {
        'content-type': contentTypeOf(file),
        'content-security-policy': RENDERER_CSP,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end('Not found');
    }
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  expectedHost = `127.0.0.1:${port}`;
  return {
    url: `http://${expectedHost}/`,
    async close() {
      disconnect();
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The harness preload must run before the app's own module, so it goes first in <head>. */
function injectBridge(html: string, token: string): string {
  const tags = `<meta name="hubble-bridge-token" content="${token}">\n    <script type="module" src="/harness-preload.js"></script>\n    `;
  return html.replace('<head>', `<head>\n    ${tags}`);
}

function parseBridgeMessage(body: Buffer | null): { channel?: unknown; input?: unknown } | null {
  try {
    const parsed: unknown = body ? JSON.parse(body.toString('utf8')) : null;
    return parsed && typeof parsed === 'object' ? parsed : null;
  } catch {
    return null;
  }
}
