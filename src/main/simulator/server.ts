import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleApiRequest } from './api-handler.ts';
import { handleControlRequest } from './control/handle-control-request.ts';
import type { SimEngine } from './engine.ts';
import { errorBody, SimError } from './errors.ts';
import { sendJson, splitUrl } from './http/respond.ts';
import type { Environment } from './state/clients.ts';

export interface Listener {
  url: string;
  close(): Promise<void>;
}

/**
 * Routes one request: /__sim/... to the control API, everything else to the partner API (whose router answers
 * unknown paths such as /v1/partner/... with 404). Nothing a client sends can crash it.
 */
function requestHandler(engine: SimEngine, environment: Environment | null, base: () => string): http.RequestListener {
  return (req, res) => {
    const { path, search } = splitUrl(req.url);
    const crashed = () => {
      const { status, body } = errorBody(new SimError('INTERNAL_SERVER_ERROR'), 'unknown', {});
      if (!res.headersSent) sendJson(res, status, JSON.stringify(body));
      else res.destroy();
    };
    try {
      if (path.startsWith('/__sim/')) handleControlRequest(engine, req, res, path, search).catch(crashed);
      else handleApiRequest(engine, req, res, path, search, base(), environment);
    } catch {
      crashed();
    }
  };
}

/** A listener on 127.0.0.1 only: the simulator is never reachable from another machine. */
export async function listen(engine: SimEngine, port: number, environment: Environment | null): Promise<Listener> {
  let url = '';
  const server = http.createServer(
    { keepAliveTimeout: 5000, requestTimeout: 60_000 },
    requestHandler(engine, environment, () => url),
  );
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
