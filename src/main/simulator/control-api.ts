import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { brandArtSvg, brandTermsHtml, type AssetKind } from './catalogue/assets.ts';
import { brandPatchSchema, changeBrand } from './catalogue/change-brand.ts';
import { applyConfigPatch, configPatchSchema } from './config.ts';
import type { SimEngine } from './engine.ts';
import { errorBody, MethodNotAllowed, SimError } from './errors.ts';
import { faultSchema } from './faults.ts';
import { parseJsonBody, readBody } from './http/body.ts';
import { sendJson, sendRaw } from './http/respond.ts';
import { latencySchema } from './latency.ts';
import { cancelOrder, reverseOrder, settleOrderNow, settleRequestSchema } from './orders/admin-transitions.ts';
import { forcedOutcomeSchema } from './orders/outcome.ts';
import { SCENARIO_NAMES, SCENARIOS } from './scenarios.ts';
import { clientPatchSchema, type ClientState } from './state/clients.ts';
import { applyScenario } from './state/sim-state.ts';
import { sdkBrandEventPayload } from './webhooks/payloads.ts';

/**
 * Test and admin controls, under /__sim/ only and never on the API paths, so a client under test can never come
 * to depend on them. JSON in and out; errors in Hubble's shape.
 */
interface ControlContext {
  engine: SimEngine;
  body: unknown;
  params: string[];
  search: URLSearchParams;
}

type ControlResult =
  { json: unknown; status?: number } | { raw: string; contentType: string } | Promise<{ json: unknown }>;

interface ControlRoute {
  method: 'GET' | 'POST' | 'DELETE';
  pattern: RegExp;
  handle(ctx: ControlContext): ControlResult;
}

function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  throw new SimError('BAD_REQUEST', {
    debugMessage: 'Invalid control request',
    subErrors: result.error.issues.map((issue) => ({
      fieldName: issue.path.join('.') || '(body)',
      message: issue.message,
    })),
  });
}

function requireClient(engine: SimEngine, clientId: string | undefined): ClientState {
  const client = engine.state.clients.get(clientId ?? '');
  if (!client) throw new SimError('RESOURCE_NOT_FOUND', { debugMessage: `No client ${clientId}` });
  return client;
}

const money = z.number().finite();
const resetSchema = z
  .object({ seed: z.number().int().optional(), scenario: z.enum(SCENARIO_NAMES).optional() })
  .strict();
const scenarioSchema = z.object({ name: z.enum(SCENARIO_NAMES) }).strict();
const advanceSchema = z
  .object({
    seconds: z
      .number()
      .min(0)
      .max(10 * 365 * 86_400),
  })
  .strict();
const walletSetSchema = z.object({ clientId: z.string(), balance: money }).strict();
const walletTopUpSchema = z.object({ clientId: z.string(), amount: money.positive() }).strict();

function describeClient(engine: SimEngine, client: ClientState) {
  return {
    clientId: client.clientId,
    environment: client.environment,
    b2c: client.b2c,
    enforceIpWhitelist: client.enforceIpWhitelist,
    whitelisted: client.whitelisted,
    dynamicIp: client.dynamicIp,
    webhookUrl: client.webhookUrl,
    balance: client.walletPaise / 100,
    lowBalanceThreshold: client.lowBalanceThresholdPaise / 100,
    duplicateReference: client.duplicateReference,
    rateLimits: client.rateUsage.describe(client.rateLimits, engine.now()),
    notEnabledBrandIds: [...client.notEnabledBrandIds],
  };
}

function patchClient(engine: SimEngine, client: ClientState, body: unknown) {
  const patch = parse(clientPatchSchema, body);
  if (patch.whitelisted !== undefined) client.whitelisted = patch.whitelisted;
  if (patch.enforceIpWhitelist !== undefined) client.enforceIpWhitelist = patch.enforceIpWhitelist;
  if (patch.dynamicIp !== undefined) client.dynamicIp = patch.dynamicIp;
  if (patch.b2c !== undefined) client.b2c = patch.b2c;
  if (patch.webhookUrl !== undefined) client.webhookUrl = patch.webhookUrl;
  if (patch.webhookSecret !== undefined) client.webhookSecret = patch.webhookSecret;
  if (patch.lowBalanceThreshold !== undefined)
    client.lowBalanceThresholdPaise = Math.round(patch.lowBalanceThreshold * 100);
  if (patch.duplicateReference !== undefined) client.duplicateReference = patch.duplicateReference;
  if (patch.rateLimits !== undefined) client.rateLimits = patch.rateLimits;
  for (const id of patch.disableBrands ?? []) client.notEnabledBrandIds.add(id);
  for (const id of patch.enableBrands ?? []) {
    const record = requireBrand(engine, id);
    const wasDisabled = client.notEnabledBrandIds.delete(id);
    if (wasDisabled && engine.state.config.webhooks.sdkBrandEvents)
      engine.notify(client, 'SDK_BRAND_EVENT', sdkBrandEventPayload('NEW_BRAND_CREATED', record.brand));
  }
  engine.invalidateCaches();
  return describeClient(engine, client);
}

function requireBrand(engine: SimEngine, id: string | undefined) {
  const record = engine.state.brands.get(id ?? '');
  if (!record) throw new SimError('RESOURCE_NOT_FOUND', { debugMessage: `No brand with id ${id}` });
  return record;
}

function orderDetails(engine: SimEngine, orderId: string | undefined) {
  const order = engine.state.orders.get(orderId ?? '');
  if (!order) throw new SimError('RESOURCE_NOT_FOUND', { debugMessage: `No order with id ${orderId}` });
  return {
    id: order.id,
    clientId: order.clientId,
    referenceId: order.referenceId,
    productId: order.productId,
    amount: order.amountPaise / 100,
    refunded: order.refundedPaise / 100,
    status: order.status,
    wasProcessing: order.wasProcessing,
    settlesAt: order.settlement ? new Date(order.settlement.at).toISOString() : null,
    history: order.history.map((entry) => ({ status: entry.status, at: new Date(entry.at).toISOString() })),
    voucherIds: order.vouchers.map((voucher) => voucher.id),
  };
}

const sinceOf = (search: URLSearchParams): number => Number(search.get('since') ?? '0') || 0;

const CONTROL_ROUTES: ControlRoute[] = [
  { method: 'GET', pattern: /^\/__sim\/health$/, handle: () => ({ json: { ok: true } }) },
  {
    method: 'POST',
    pattern: /^\/__sim\/reset$/,
    handle: ({ engine, body }) => {
      const request = parse(resetSchema, body);
      engine.reset(request.seed, request.scenario);
      return { json: { ok: true, seed: engine.state.seed, scenario: engine.state.scenario.name } };
    },
  },
  { method: 'GET', pattern: /^\/__sim\/scenarios$/, handle: () => ({ json: { scenarios: Object.values(SCENARIOS) } }) },
  {
    method: 'POST',
    pattern: /^\/__sim\/scenario$/,
    handle: ({ engine, body }) => {
      applyScenario(engine.state, parse(scenarioSchema, body).name);
      return { json: { ok: true, scenario: engine.state.scenario } };
    },
  },
  { method: 'GET', pattern: /^\/__sim\/config$/, handle: ({ engine }) => ({ json: engine.state.config }) },
  {
    method: 'POST',
    pattern: /^\/__sim\/config$/,
    handle: ({ engine, body }) => {
      engine.state.config = applyConfigPatch(engine.state.config, parse(configPatchSchema, body));
      engine.invalidateCaches();
      return { json: engine.state.config };
    },
  },
  {
    method: 'GET',
    pattern: /^\/__sim\/clock$/,
    handle: ({ engine }) => ({
      json: { now: engine.now(), iso: new Date(engine.now()).toISOString(), frozen: engine.clock.frozen },
    }),
  },
  {
    method: 'POST',
    pattern: /^\/__sim\/clock\/advance$/,
    handle: ({ engine, body }) => {
      engine.advance(parse(advanceSchema, body).seconds);
      return { json: { now: engine.now(), iso: new Date(engine.now()).toISOString() } };
    },
  },
  {
    method: 'POST',
    pattern: /^\/__sim\/wallet$/,
    handle: ({ engine, body }) => {
      const request = parse(walletSetSchema, body);
      const client = requireClient(engine, request.clientId);
      client.walletPaise = Math.round(request.balance * 100);
      return { json: { clientId: client.clientId, balance: client.walletPaise / 100 } };
    },
  },
  {
    method: 'POST',
    pattern: /^\/__sim\/wallet\/topup$/,
    handle: ({ engine, body }) => {
      const request = parse(walletTopUpSchema, body);
      const client = requireClient(engine, request.clientId);
      client.walletPaise += Math.round(request.amount * 100);
      return { json: { clientId: client.clientId, balance: client.walletPaise / 100 } };
    },
  },
  {
    method: 'GET',
    pattern: /^\/__sim\/clients$/,
    handle: ({ engine }) => ({
      json: { clients: [...engine.state.clients.values()].map((client) => describeClient(engine, client)) },
    }),
  },
  {
    method: 'GET',
    pattern: /^\/__sim\/clients\/([^/]+)$/,
    handle: ({ engine, params }) => ({ json: describeClient(engine, requireClient(engine, params[0])) }),
  },
  {
    method: 'POST',
    pattern: /^\/__sim\/clients\/([^/]+)$/,
    handle: ({ engine, params, body }) => ({ json: patchClient(engine, requireClient(engine, params[0]), body) }),
  },
  {
    method: 'POST',
    pattern: /^\/__sim\/next-outcome$/,
    handle: ({ engine, body }) => {
      const forced = parse(forcedOutcomeSchema, body);
      if (forced.clientId !== undefined) requireClient(engine, forced.clientId);
      engine.state.forcedOutcomes.push(forced);
      return { json: { queued: engine.state.forcedOutcomes } };
    },
  },
  {
    method: 'POST',
    pattern: /^\/__sim\/faults$/,
    handle: ({ engine, body }) => {
      engine.state.faults.add(parse(faultSchema, body));
      return { json: { faults: engine.state.faults.list() } };
    },
  },
  {
    method: 'GET',
    pattern: /^\/__sim\/faults$/,
    handle: ({ engine }) => ({ json: { faults: engine.state.faults.list() } }),
  },
  {
    method: 'DELETE',
    pattern: /^\/__sim\/faults$/,
    handle: ({ engine }) => {
      engine.state.faults.clear();
      return { json: { faults: [] } };
    },
  },
  {
    method: 'POST',
    pattern: /^\/__sim\/latency$/,
    handle: ({ engine, body }) => {
      engine.state.latency = { ...engine.state.latency, ...parse(latencySchema, body) };
      return { json: engine.state.latency };
    },
  },
  {
    method: 'GET',
    pattern: /^\/__sim\/brands\/([^/]+)$/,
    handle: ({ engine, params }) => {
      const record = requireBrand(engine, params[0]);
      return { json: { ...record } };
    },
  },
  {
    method: 'POST',
    pattern: /^\/__sim\/brands\/([^/]+)$/,
    handle: ({ engine, params, body }) => ({
      json: changeBrand(engine, params[0] ?? '', parse(brandPatchSchema, body)),
    }),
  },
  {
    method: 'GET',
    pattern: /^\/__sim\/catalogue\/fixtures$/,
    handle: ({ engine }) => ({ json: engine.catalogue.simulator.fixtures }),
  },
  {
    method: 'GET',
    pattern: /^\/__sim\/orders\/([^/]+)$/,
    handle: ({ engine, params }) => ({ json: orderDetails(engine, params[0]) }),
  },
  {
    method: 'POST',
    pattern: /^\/__sim\/orders\/([^/]+)\/reverse$/,
    handle: ({ engine, params }) => ({ json: orderDetails(engine, reverseOrder(engine, params[0] ?? '').id) }),
  },
  {
    method: 'POST',
    pattern: /^\/__sim\/orders\/([^/]+)\/cancel$/,
    handle: ({ engine, params }) => ({ json: orderDetails(engine, cancelOrder(engine, params[0] ?? '').id) }),
  },
  {
    method: 'POST',
    pattern: /^\/__sim\/orders\/([^/]+)\/settle$/,
    handle: ({ engine, params, body }) => ({
      json: orderDetails(engine, settleOrderNow(engine, params[0] ?? '', parse(settleRequestSchema, body)).id),
    }),
  },
  {
    method: 'GET',
    pattern: /^\/__sim\/requests$/,
    handle: ({ engine, search }) => ({ json: { requests: engine.state.requestLog.since(sinceOf(search)) } }),
  },
  {
    method: 'GET',
    pattern: /^\/__sim\/webhooks\/deliveries$/,
    handle: ({ engine, search }) => ({ json: { deliveries: engine.webhooks.log.list(sinceOf(search)) } }),
  },
  {
    method: 'POST',
    pattern: /^\/__sim\/webhooks\/flush$/,
    handle: async ({ engine }) => {
      await engine.webhooks.flush();
      return { json: { deliveries: engine.webhooks.log.list() } };
    },
  },
  {
    method: 'GET',
    pattern: /^\/__sim\/stats$/,
    handle: ({ engine }) => ({
      json: { logins: engine.state.logins, requests: engine.state.requestLog.total, orders: engine.state.orders.count },
    }),
  },
  {
    method: 'GET',
    pattern: /^\/__sim\/assets\/(logo|icon|thumbnail)\/([0-9A-Z]{26})\.svg$/,
    handle: ({ engine, params }) => {
      const record = requireBrand(engine, params[1]);
      return {
        raw: brandArtSvg(params[0] as AssetKind, record.brand.id, record.brand.title),
        contentType: 'image/svg+xml',
      };
    },
  },
  {
    method: 'GET',
    pattern: /^\/__sim\/assets\/tnc\/([0-9A-Z]{26})\.html$/,
    handle: ({ engine, params }) => {
      const record = requireBrand(engine, params[0]);
      return {
        raw: brandTermsHtml(record.brand.title, record.brand.termsAndConditions ?? []),
        contentType: 'text/html; charset=utf-8',
      };
    },
  },
];

export async function handleControlRequest(
  engine: SimEngine,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  search: URLSearchParams,
): Promise<void> {
  const method = req.method ?? 'GET';
  const requestId = typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : `sim_${Date.now()}`;
  try {
    let allowed: string[] = [];
    for (const route of CONTROL_ROUTES) {
      const match = route.pattern.exec(path);
      if (!match) continue;
      if (route.method !== method) {
        allowed = [...allowed, route.method];
        continue;
      }
      const raw = method === 'GET' ? undefined : await readBody(req, engine.state.config.bodyLimitBytes);
      const body = raw ? parseJsonBody(raw, req.headers['content-type']) : undefined;
      const result = await route.handle({ engine, body, params: match.slice(1).map(decodeURIComponent), search });
      if ('raw' in result)
        sendRaw(res, 200, result.raw, result.contentType, { 'cache-control': 'public, max-age=3600' });
      else
        sendJson(
          res,
          'status' in result && typeof result.status === 'number' ? result.status : 200,
          JSON.stringify(result.json),
        );
      return;
    }
    if (allowed.length > 0) throw new MethodNotAllowed(allowed);
    throw new SimError('RESOURCE_NOT_FOUND', { debugMessage: `No control ${method} ${path}` });
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
