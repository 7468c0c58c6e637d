import { brandSchema, type Brand } from '../../shared/hubble/brand.ts';
import { brandListEnvelopeSchema, readBrandList, type BrandList } from '../../shared/hubble/brand-list.ts';
import {
  orderSchema,
  type Order,
  type PlaceOrderRequest,
  voucherSchema,
  type Voucher,
} from '../../shared/hubble/order.ts';
import { tokenResponseSchema, type TokenResponse } from '../../shared/hubble/token-response.ts';
import { walletBalanceSchema, type WalletBalance } from '../../shared/hubble/wallet.ts';
import { parserOf, type ResponseParser } from './response-parser.ts';

export interface CallIds {
  orderId?: string | null;
  referenceId?: string | null;
  orderStatus?: string | null;
  amount?: number | null;
}

/** One Hubble endpoint call: where, what, how to read the answer, and how careful to be with it. */
export interface RequestSpec<T> {
  readonly method: 'GET' | 'POST';
  /** the API path with its query, without any base-URL prefix */
  readonly path: string;
  /** the route template recorded for grouping, e.g. `GET /v1/partners/orders/:orderId` */
  readonly endpoint: string;
  readonly body?: unknown;
  readonly auth: boolean;
  /** GETs only: safe to resend after a network error, timeout or 5xx */
  readonly retryable: boolean;
  /** Hubble may change state (spend money); a lost answer is an "unknown" outcome, never resent */
  readonly sideEffects: boolean;
  readonly parse: ResponseParser<T>;
  readonly ids?: CallIds;
  readonly idsOf?: (value: T) => CallIds;
}

const P = '/v1/partners';
const seg = encodeURIComponent;
const orderIds = (order: Order): CallIds => ({
  orderId: order.id,
  referenceId: order.referenceId ?? null,
  orderStatus: order.status,
});
const get = <T>(
  path: string,
  endpoint: string,
  parse: ResponseParser<T>,
  extra: Partial<RequestSpec<T>> = {},
): RequestSpec<T> => ({
  method: 'GET',
  path,
  endpoint: `GET ${P}${endpoint}`,
  auth: true,
  retryable: true,
  sideEffects: false,
  parse,
  ...extra,
});

export const loginSpec = (clientId: string, clientSecret: string): RequestSpec<TokenResponse> => ({
  method: 'POST',
  path: `${P}/auth/login`,
  endpoint: `POST ${P}/auth/login`,
  body: { clientId, clientSecret },
  auth: false,
  retryable: false,
  sideEffects: false,
  parse: parserOf(tokenResponseSchema),
});

export interface ProductQuery {
  q?: string;
  category?: string;
  pageNo?: number;
  limit?: number;
  /** an opaque string `nextCursor` sent back as it came (some servers page that way; hubble-api.md §5.1) */
  cursor?: string;
}

export function listProductsSpec(query: ProductQuery = {}): RequestSpec<BrandList> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const search = params.size ? `?${params}` : '';
  return get(`${P}/products${search}`, '/products', parserOf(brandListEnvelopeSchema, readBrandList));
}

export const getProductSpec = (productId: string): RequestSpec<Brand> =>
  get(`${P}/products/${seg(productId)}`, '/products/:productId', parserOf(brandSchema));

export const placeOrderSpec = (request: PlaceOrderRequest): RequestSpec<Order> => ({
  method: 'POST',
  path: `${P}/orders`,
  endpoint: `POST ${P}/orders`,
  body: request,
  auth: true,
  retryable: false,
  sideEffects: true,
  parse: parserOf(orderSchema),
  ids: { referenceId: request.referenceId, amount: request.amount },
  idsOf: orderIds,
});

export const getOrderSpec = (orderId: string): RequestSpec<Order> =>
  get(`${P}/orders/${seg(orderId)}`, '/orders/:orderId', parserOf(orderSchema), { ids: { orderId }, idsOf: orderIds });

export const getOrderByReferenceSpec = (referenceId: string): RequestSpec<Order> =>
  get(`${P}/orders/by-reference/${seg(referenceId)}`, '/orders/by-reference/:referenceId', parserOf(orderSchema), {
    ids: { referenceId },
    idsOf: orderIds,
  });

export const getVoucherSpec = (voucherId: string): RequestSpec<Voucher> =>
  get(`${P}/orders/vouchers/${seg(voucherId)}`, '/orders/vouchers/:voucherId', parserOf(voucherSchema));

export const walletBalanceSpec = (): RequestSpec<WalletBalance> =>
  get(`${P}/wallet/balance`, '/wallet/balance', parserOf(walletBalanceSchema));
