import { getProductJson, listProductsJson } from '../catalogue/list-products.ts';
import { MethodNotAllowed, SimError } from '../errors.ts';
import { orderJson, voucherJson } from '../orders/order-json.ts';
import { placeOrder } from '../orders/place-order.ts';
import { requireClient, type ApiContext, type ApiRoute } from './context.ts';
import { login } from './login.ts';

const json = (status: number, value: unknown) => ({ status, json: JSON.stringify(value) });

/** A route on one exact path (no parameters). */
const exactly = (path: string) => ({ exact: path, pattern: new RegExp(`^${path.replace(/[/.]/g, '\\$&')}$`) });

function ownOrder(ctx: ApiContext, orderId: string | undefined) {
  const client = requireClient(ctx);
  const order = ctx.engine.state.orders.get(orderId ?? '');
  // Another client's order is as unknown as a missing one.
  if (!order || order.clientId !== client.clientId)
    throw new SimError('RESOURCE_NOT_FOUND', { debugMessage: `No order with id ${orderId}` });
  return order;
}

/** The partner API (hubble-api.md §3). More specific paths come first. */
export const API_ROUTES: ApiRoute[] = [
  { method: 'POST', ...exactly('/v1/partners/auth/login'), auth: false, handle: login },
  {
    method: 'GET',
    ...exactly('/v1/partners/products'),
    auth: true,
    handle: (ctx) => ({ status: 200, json: listProductsJson(ctx.engine, requireClient(ctx), ctx.search, ctx.base) }),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/partners\/products\/([^/]+)$/,
    auth: true,
    handle: (ctx) => json(200, getProductJson(ctx.engine, requireClient(ctx), ctx.params[0] ?? '', ctx.base)),
  },
  {
    method: 'POST',
    ...exactly('/v1/partners/orders'),
    auth: true,
    handle: (ctx) => {
      const { order } = placeOrder(ctx.engine.orderPort, requireClient(ctx), ctx.body);
      return json(ctx.engine.state.config.placeOrderStatus, orderJson(order, ctx.engine.state.config));
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/partners\/orders\/by-reference\/([^/]+)$/,
    auth: true,
    handle: (ctx) => {
      const client = requireClient(ctx);
      const referenceId = ctx.params[0] ?? '';
      const order = ctx.engine.state.orders.byReferenceId(client.clientId, referenceId);
      // The 404 here is what tells a client that resending with the same referenceId is safe.
      if (!order)
        throw new SimError('RESOURCE_NOT_FOUND', { debugMessage: `No order with referenceId ${referenceId}` });
      return json(200, orderJson(order, ctx.engine.state.config));
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/partners\/orders\/vouchers\/([^/]+)$/,
    auth: true,
    handle: (ctx) => {
      const client = requireClient(ctx);
      const voucher = ctx.engine.state.orders.voucher(ctx.params[0] ?? '');
      if (!voucher || voucher.clientId !== client.clientId)
        throw new SimError('RESOURCE_NOT_FOUND', { debugMessage: `No voucher with id ${ctx.params[0]}` });
      return json(200, voucherJson(voucher, ctx.engine.state.config));
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/partners\/orders\/([^/]+)$/,
    auth: true,
    handle: (ctx) => json(200, orderJson(ownOrder(ctx, ctx.params[0]), ctx.engine.state.config)),
  },
  {
    method: 'GET',
    ...exactly('/v1/partners/wallet/balance'),
    auth: true,
    handle: (ctx) => json(200, { balance: requireClient(ctx).walletPaise / 100 }),
  },
];

export interface RouteMatch {
  route: ApiRoute;
  params: string[];
}

/** The route for this method and path; 404 for an unknown path, 405 (with the allowed methods) for a wrong method. */
/** Exact paths answered without trying every pattern (the hot ones: login, list, place-order, wallet). */
const STATIC_ROUTES = new Map(
  API_ROUTES.filter((route) => route.exact !== undefined).map((route) => [`${route.method} ${route.exact}`, route]),
);

export function matchApiRoute(method: string, path: string): RouteMatch {
  const exact = STATIC_ROUTES.get(`${method} ${path}`);
  if (exact) return { route: exact, params: [] };
  const allowed: string[] = [];
  for (const route of API_ROUTES) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    if (route.method !== method) {
      allowed.push(route.method);
      continue;
    }
    try {
      return { route, params: match.slice(1).map((part) => decodeURIComponent(part)) };
    } catch {
      throw new SimError('BAD_REQUEST', { debugMessage: 'Malformed percent-encoding in the path' });
    }
  }
  if (allowed.length > 0) throw new MethodNotAllowed(allowed);
  throw new SimError('RESOURCE_NOT_FOUND', { debugMessage: `No endpoint ${method} ${path}` });
}
