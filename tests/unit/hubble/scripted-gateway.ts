import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';

/** One scripted answer from the gateway, used up by the first request it matches. */
export interface ScriptedAnswer {
  method?: string;
  /** prefix of the request path */
  path: string;
  status: number;
  headers?: Record<string, string>;
  body: string;
  /** forward the request to Hubble first (it is processed) and answer this instead of Hubble's answer */
  afterForwarding?: boolean;
}

export interface ScriptedGateway {
  url: string;
  script(answer: ScriptedAnswer): void;
  close(): Promise<void>;
}

const FORWARDED_HEADERS = ['accept', 'authorization', 'content-type', 'x-request-id', 'user-agent'];

/**
 * A real HTTP gateway on loopback in front of the simulator: it forwards every request, except the ones a
 * test scripted, which it answers itself — before forwarding (a rate limiter) or after (a proxy that lost
 * or rewrote Hubble's answer).
 */
export async function startScriptedGateway(targetBaseUrl: string): Promise<ScriptedGateway> {
  const queue: ScriptedAnswer[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const url = req.url ?? '/';
        const index = queue.findIndex(
          (answer) => (!answer.method || answer.method === req.method) && url.startsWith(answer.path),
        );
        const scripted = index >= 0 ? queue.splice(index, 1)[0] : undefined;
        let forwarded: { status: number; contentType: string; text: string } | null = null;
        if (!scripted || scripted.afterForwarding) {
          const headers: Record<string, string> = {};
          for (const name of FORWARDED_HEADERS) {
            const value = req.headers[name];
            if (typeof value === 'string') headers[name] = value;
          }
          const body = Buffer.concat(chunks);
          const upstream = await request(`${targetBaseUrl}${url}`, {
            method: (req.method ?? 'GET') as 'GET',
            headers,
            body: body.length ? body : undefined,
          });
          forwarded = {
            status: upstream.statusCode,
            contentType: String(upstream.headers['content-type'] ?? ''),
            text: await upstream.body.text(),
          };
        }
        if (scripted) {
          res.writeHead(scripted.status, { 'content-type': 'text/html', ...scripted.headers });
          res.end(scripted.body);
        } else if (forwarded) {
          res.writeHead(forwarded.status, { 'content-type': forwarded.contentType });
          res.end(forwarded.text);
        }
      })().catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    script: (answer) => queue.push(answer),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
