import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { SimEngine } from '../engine.ts';
import { errorBody, MethodNotAllowed, SimError } from '../errors.ts';
import { parseJsonBody, readBody } from '../http/body.ts';
import { sendJson, sendRaw } from '../http/respond.ts';
import { CONTROL_CONTRACT, type ControlOperationName } from './contract.ts';
import type { ControlOperationSpec, ParsedControlInput } from './define.ts';
import { compilePath, matchPath, type PathTemplate } from './path-template.ts';
import { CONTROL_HANDLERS, type ControlHandler } from './routes.ts';

export interface ControlRoute {
  name: ControlOperationName;
  spec: ControlOperationSpec;
  template: PathTemplate;
  handle: ControlHandler<ControlOperationSpec>;
}

/** The route table, one route per contract entry, in contract order. */
export const CONTROL_ROUTES: readonly ControlRoute[] = (Object.keys(CONTROL_CONTRACT) as ControlOperationName[]).map(
  (name) => ({
    name,
    spec: CONTROL_CONTRACT[name],
    template: compilePath(CONTROL_CONTRACT[name].path),
    handle: CONTROL_HANDLERS[name] as unknown as ControlHandler<ControlOperationSpec>,
  }),
);

type InputPart = 'path parameters' | 'query' | 'body';

/** Parses one part of the request; a failure is a 400 naming every bad field, before anything changes. */
function parsePart(route: ControlRoute, part: InputPart, schema: z.ZodType, value: unknown): unknown {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const subErrors = result.error.issues.flatMap((issue) => {
    const at = issue.path.join('.');
    // One entry per unknown field, named, rather than one for the whole object.
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({ fieldName: at ? `${at}.${key}` : key, message: 'Unknown field' }));
    return [{ fieldName: at || '(body)', message: issue.message }];
  });
  throw new SimError('BAD_REQUEST', {
    debugMessage: `Invalid control request ${part} for ${route.spec.method} ${route.spec.path}: ${subErrors
      .map((error) => `${error.fieldName}: ${error.message}`)
      .join('; ')}`,
    subErrors,
  });
}

interface RouteMatch {
  route: ControlRoute;
  params: unknown;
}

/** A path whose parameters fail their schema names nothing (404), like an unknown path. */
function findRoute(method: string, path: string): RouteMatch {
  const allowed: string[] = [];
  for (const route of CONTROL_ROUTES) {
    const raw = matchPath(route.template, path);
    if (!raw) continue;
    if (route.spec.method !== method) {
      allowed.push(route.spec.method);
      continue;
    }
    if (!route.spec.params) return { route, params: undefined };
    const params = route.spec.params.safeParse(raw);
    if (params.success) return { route, params: params.data };
  }
  if (allowed.length > 0) throw new MethodNotAllowed(allowed);
  throw new SimError('RESOURCE_NOT_FOUND', { debugMessage: `No control ${method} ${path}` });
}

async function run(
  engine: SimEngine,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  search: URLSearchParams,
): Promise<void> {
  const method = req.method ?? 'GET';
  const { route, params } = findRoute(method, path);
  const { spec } = route;
  const raw = method === 'GET' ? undefined : await readBody(req, engine.state.config.bodyLimitBytes);
  const json = raw && raw.length > 0 ? parseJsonBody(raw, req.headers['content-type']) : undefined;
  const input = {
    params,
    query: spec.query ? parsePart(route, 'query', spec.query, Object.fromEntries(search)) : undefined,
    body: spec.body ? parsePart(route, 'body', spec.body, json ?? {}) : undefined,
  } as ParsedControlInput<ControlOperationSpec>;
  const answer = await route.handle(engine, input);
  if (spec.contentType)
    sendRaw(res, 200, answer as string, spec.contentType, { 'cache-control': 'public, max-age=3600' });
  else sendJson(res, 200, JSON.stringify(answer));
}

/** One /__sim/ request, answered in Hubble's error shape on any failure. Never throws. */
export async function handleControlRequest(
  engine: SimEngine,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  search: URLSearchParams,
): Promise<void> {
  const requestId = typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : `sim_${Date.now()}`;
  try {
    await run(engine, req, res, path, search);
  } catch (error) {
    const simError =
      error instanceof SimError
        ? error
        : error instanceof URIError
          ? new SimError('BAD_REQUEST', { debugMessage: 'Malformed percent-encoding in the path' })
          : new SimError('INTERNAL_SERVER_ERROR');
    const { status, body } = errorBody(simError, requestId, {});
    sendJson(
      res,
      status,
      JSON.stringify(body),
      simError instanceof MethodNotAllowed ? { allow: simError.allowed.join(', ') } : {},
    );
  }
}
