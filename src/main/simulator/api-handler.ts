import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate } from './api/authenticate.ts';
import { matchApiRoute, type RouteMatch } from './api/routes.ts';
import type { SimEngine } from './engine.ts';
import { errorBody, MethodNotAllowed, SimError } from './errors.ts';
import { PRE_PROCESSING_FAULTS, type FaultSpec } from './faults.ts';
import { collectBody, parseJsonBody } from './http/body.ts';
import { sendJson, sendRaw, sleep } from './http/respond.ts';
import { newRequestId } from './ids.ts';
import { sampleLatency } from './latency.ts';
import type { Environment } from './state/clients.ts';

const MAX_REQUEST_ID_LENGTH = 200;

interface Outcome {
  status: number;
  json: string;
  headers: Record<string, string>;
  clientId: string | null;
  errorId: string | null;
}

/** One API request in flight. Handled with callbacks, not promises: this is the hot path of every benchmark. */
interface Exchange {
  engine: SimEngine;
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  path: string;
  search: URLSearchParams;
  base: string;
  environment: Environment | null;
  requestId: string;
  requestIdSent: boolean;
  fault: FaultSpec | undefined;
  clientId: string | null;
}

function failure(x: Exchange, error: unknown): Outcome {
  const simError =
    error instanceof SimError
      ? error
      : new SimError('INTERNAL_SERVER_ERROR', { debugMessage: 'Unexpected simulator error' });
  const { status, body } = errorBody(simError, x.requestId, x.engine.state.config.errors);
  const headers: Record<string, string> = {};
  if (simError instanceof MethodNotAllowed) headers['allow'] = simError.allowed.join(', ');
  if (status === 401) headers['www-authenticate'] = 'Bearer';
  return { status, json: JSON.stringify(body), headers, clientId: x.clientId, errorId: body.id };
}

/** Scenario faults drawn from the seeded random source, only when the scenario asks for them. */
function randomFault(engine: SimEngine, method: string, path: string): FaultSpec | undefined {
  const { randomFaults } = engine.state.scenario;
  const { random } = engine.state;
  if (randomFaults.http5xxRate > 0 && random.chance(randomFaults.http5xxRate)) return { kind: 'http-5xx', status: 503 };
  if (randomFaults.resetRate > 0 && random.chance(randomFaults.resetRate)) return { kind: 'reset' };
  if (
    method === 'POST' &&
    path === '/v1/partners/orders' &&
    randomFaults.dropAfterCommitRate > 0 &&
    random.chance(randomFaults.dropAfterCommitRate)
  )
    return { kind: 'drop-after-commit' };
  return undefined;
}

/** The raw query string (not re-encoded from URLSearchParams): the log shows what the client sent. */
const queryOf = (url: string | undefined) => {
  const mark = url?.indexOf('?') ?? -1;
  return mark < 0 ? '' : url!.slice(mark + 1);
};

function log(x: Exchange, status: number, errorId: string | null, fault: string | null): void {
  x.engine.state.requestLog.add({
    seq: 0,
    atMs: x.engine.now(),
    method: x.method,
    path: x.path,
    query: queryOf(x.req.url),
    requestId: x.requestId,
    requestIdSent: x.requestIdSent,
    status,
    clientId: x.clientId,
    errorId,
    fault,
  });
}

/** Auth, then the body, then the handler: the order of hubble-api.md §14.4 (auth before body shape). */
function run(x: Exchange, match: RouteMatch, raw: Buffer | undefined): Outcome {
  try {
    const client = match.route.auth ? authenticate(x.engine, x.req.headers, x.environment) : null;
    x.clientId = client?.clientId ?? null;
    const body = raw && raw.length > 0 ? parseJsonBody(raw, x.req.headers['content-type']) : undefined;
    const result = match.route.handle({
      engine: x.engine,
      client,
      body,
      params: match.params,
      search: x.search,
      base: x.base,
      environment: x.environment,
    });
    if (result.clientId) x.clientId = result.clientId;
    return { status: result.status, json: result.json, headers: {}, clientId: x.clientId, errorId: null };
  } catch (error) {
    return failure(x, error);
  }
}

/** Callbacks run outside any request handler's stack: a bug there must cost one answer, never the process. */
function safely(x: Exchange, work: () => void): void {
  try {
    work();
  } catch {
    if (!x.res.headersSent)
      sendJson(
        x.res,
        500,
        JSON.stringify({
          id: 'E500',
          code: 'INTERNAL_SERVER_ERROR',
          message: 'Something went wrong, please try again',
          requestId: x.requestId,
        }),
      );
    else x.res.destroy();
  }
}

function finish(x: Exchange, outcome: Outcome): void {
  const { state } = x.engine;
  const delay =
    sampleLatency(state.latency, state.random) + (x.fault?.kind === 'delay' ? (x.fault.delayMs ?? 1000) : 0);
  if (delay > 0) setTimeout(() => safely(x, () => respond(x, outcome)), delay);
  else respond(x, outcome);
}

function respond(x: Exchange, outcome: Outcome): void {
  const { res, fault } = x;
  const headers = { 'x-request-id': x.requestId, ...outcome.headers };
  switch (fault?.kind) {
    case 'drop-after-commit':
      // The work is done and kept; only the answer is lost, so the client must ask GET /orders/by-reference.
      x.req.socket.destroy();
      log(x, 0, outcome.errorId, fault.kind);
      return;
    case 'invalid-json':
      sendRaw(
        res,
        outcome.status,
        outcome.json.slice(0, Math.max(1, Math.floor(outcome.json.length / 2))),
        'application/json',
        headers,
      );
      break;
    case 'empty-body':
      sendRaw(res, outcome.status, '', 'application/json', headers);
      break;
    case 'schema-mismatch':
      sendJson(
        res,
        outcome.status,
        JSON.stringify({ result: JSON.parse(outcome.json), schemaVersion: 'unexpected' }),
        headers,
      );
      break;
    default:
      sendJson(res, outcome.status, outcome.json, headers);
  }
  log(x, outcome.status, outcome.errorId, fault?.kind ?? null);
}

/**
 * One API request: X-REQUEST-ID (accepted in any case, echoed, generated when absent), faults, routing, auth,
 * the handler, added latency, the answer, and a line in the request log. Never throws.
 */
export function handleApiRequest(
  engine: SimEngine,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  search: URLSearchParams,
  base: string,
  environment: Environment | null,
): void {
  const method = req.method ?? 'GET';
  const header = req.headers['x-request-id'];
  const sent = typeof header === 'string' && header.length > 0 && header.length <= MAX_REQUEST_ID_LENGTH;
  const { state } = engine;
  const x: Exchange = {
    engine,
    req,
    res,
    method,
    path,
    search,
    base,
    environment,
    requestId: sent ? header : newRequestId(state.random),
    requestIdSent: sent,
    fault: undefined,
    clientId: null,
  };

  engine.settleDue();
  x.fault = state.faults.take(method, path) ?? randomFault(engine, method, path);
  if (x.fault && PRE_PROCESSING_FAULTS.has(x.fault.kind)) {
    const fault = x.fault;
    void preProcessingFault(engine, res, fault, x.requestId).then(() =>
      log(x, fault.kind === 'reset' ? 0 : (fault.status ?? (fault.kind === 'html' ? 502 : 503)), null, fault.kind),
    );
    return;
  }

  let match: RouteMatch;
  try {
    if (state.config.strictRequestId && !sent) {
      throw new SimError('BAD_REQUEST', {
        subErrors: [{ fieldName: 'X-REQUEST-ID', message: 'X-REQUEST-ID header is required' }],
      });
    }
    match = matchApiRoute(method, path);
  } catch (error) {
    finish(x, failure(x, error));
    return;
  }
  if (method !== 'POST') {
    finish(x, run(x, match, undefined));
    return;
  }
  collectBody(req, state.config.bodyLimitBytes, (error, raw) =>
    safely(x, () => finish(x, error ? failure(x, error) : run(x, match, raw))),
  );
}

async function preProcessingFault(
  engine: SimEngine,
  res: ServerResponse,
  fault: FaultSpec,
  requestId: string,
): Promise<void> {
  if (fault.kind === 'reset') {
    res.socket?.destroy();
    return;
  }
  const delay = sampleLatency(engine.state.latency, engine.state.random);
  if (delay > 0) await sleep(delay);
  if (fault.kind === 'html') {
    const status = fault.status ?? 502;
    sendRaw(
      res,
      status,
      `<html><head><title>${status} Bad Gateway</title></head><body><center><h1>${status} Bad Gateway</h1></center></body></html>`,
      'text/html',
      { 'x-request-id': requestId },
    );
    return;
  }
  const status = fault.status ?? 503;
  const { body } = errorBody(
    new SimError(status === 500 ? 'INTERNAL_SERVER_ERROR' : 'SERVICE_UNAVAILABLE'),
    requestId,
    engine.state.config.errors,
  );
  sendJson(
    res,
    status,
    JSON.stringify({ ...body, ...(status !== 500 && status !== 503 ? { id: `E${status}` } : {}) }),
    { 'x-request-id': requestId },
  );
}
