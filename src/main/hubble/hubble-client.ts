import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { Pool } from 'undici';
import type { Brand } from '../../shared/hubble/brand.ts';
import type { BrandList } from '../../shared/hubble/brand-list.ts';
import type { ErrorBody } from '../../shared/hubble/error-body.ts';
import { explainFailure } from '../../shared/hubble/explain-failure.ts';
import type { CallOutcomeKind, FailureKind, HubbleFailure, TimeoutPhase } from '../../shared/hubble/failure.ts';
import type { Order, PlaceOrderRequest, Voucher } from '../../shared/hubble/order.ts';
import type { WalletBalance } from '../../shared/hubble/wallet.ts';
import { backoffDelay, DEFAULT_BACKOFF, rateLimitDelay, type BackoffPolicy } from './backoff.ts';
import type { CallRecorder } from './call-recorder.ts';
import { classifyResponse, type HttpAnswer } from './classify-response.ts';
import { classifyTransportError } from './classify-transport-error.ts';
import type { HubbleConnection } from './connection.ts';
import {
  getOrderByReferenceSpec,
  getOrderSpec,
  getProductSpec,
  getVoucherSpec,
  listProductsSpec,
  loginSpec,
  placeOrderSpec,
  walletBalanceSpec,
  type CallIds,
  type ProductQuery,
  type RequestSpec,
} from './endpoints.ts';
import type { CallMeta, HubbleResult } from './hubble-result.ts';
import { retryAfterMs } from './retry-after.ts';
import { TokenCache, type LoginAttempt } from './token-cache.ts';

export interface HubbleTimeouts {
  /** opening the TCP/TLS connection */
  connectMs: number;
  /** from sending the request to the end of the response headers */
  headersMs: number;
  /** between two chunks of the response body */
  bodyMs: number;
}

export const DEFAULT_TIMEOUTS: HubbleTimeouts = { connectMs: 5_000, headersMs: 30_000, bodyMs: 30_000 };

export interface HubbleClientOptions {
  timeouts?: Partial<HubbleTimeouts>;
  backoff?: Partial<BackoffPolicy>;
  /** wall clock (ms): call timestamps and token expiry */
  now?: () => number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** keep-alive connections per profile */
  connections?: number;
  userAgent?: string;
}

export interface HubbleClient {
  readonly connection: HubbleConnection;
  /** a fresh login now (the connection test); the token itself never leaves the client */
  login(): Promise<HubbleResult<{ expiresInSecs: number | null }>>;
  listProducts(query?: ProductQuery): Promise<HubbleResult<BrandList>>;
  getProduct(productId: string): Promise<HubbleResult<Brand>>;
  /** never resent automatically: an `unknown` outcome must be resolved with getOrderByReference */
  placeOrder(request: PlaceOrderRequest): Promise<HubbleResult<Order>>;
  getOrder(orderId: string): Promise<HubbleResult<Order>>;
  getOrderByReference(referenceId: string): Promise<HubbleResult<Order>>;
  getVoucher(voucherId: string): Promise<HubbleResult<Voucher>>;
  walletBalance(): Promise<HubbleResult<WalletBalance>>;
  close(): Promise<void>;
}

type Attempt<T> =
  | { outcome: 'ok'; value: T; requestId: string; httpStatus: number | null; latencyMs: number }
  | {
      outcome: Exclude<CallOutcomeKind, 'ok'>;
      failure: HubbleFailure;
      requestId: string;
      httpStatus: number | null;
      latencyMs: number;
      /** what the answer's Retry-After header asked for, in ms */
      retryAfterMs: number | null;
    };

const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
/** Tokens are remembered (to redact them wherever they appear) only this many at a time. */
const REMEMBERED_TOKENS = 4;
const RETRY_KINDS = new Set<FailureKind>(['server', 'timeout', 'network']);

/**
 * Whether a failed answer to a call with side effects (place-order) leaves its outcome unknown. A 5xx or an
 * unreadable 2xx may follow a committed order. So may a 4xx without Hubble's error body: a proxy or gateway
 * can answer after it forwarded the request, so only Hubble's own error body proves the order was refused.
 * 401 and 403 stay refusals (credentials and IP are checked before an order is taken; a 401 is re-logged in).
 */
function answerMayHideSideEffect(kind: FailureKind, status: number, hubbleError: ErrorBody | null): boolean {
  if (kind === 'server') return true;
  if (status < 300) return kind === 'invalid-response';
  if (status === 401 || status === 403) return false;
  return status < 500 && hubbleError === null;
}

function splitBaseUrl(baseUrl: string): { origin: string; prefix: string } {
  const url = new URL(baseUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`Hubble base URL must be http(s): ${url.protocol}`);
  return { origin: url.origin, prefix: url.pathname.replace(/\/+$/, '') };
}

const environmentLabel = (connection: HubbleConnection) =>
  connection.environment === 'simulator' ? 'the simulator' : connection.environment;

/**
 * The one way main talks to Hubble: one keep-alive pool per profile, a fresh X-REQUEST-ID on every
 * request, cached token with single-flight login, one re-login on 401, GET retries with jittered backoff,
 * and every attempt handed to the recorder.
 */
export function createHubbleClient(
  connection: HubbleConnection,
  recorder: CallRecorder,
  options: HubbleClientOptions = {},
): HubbleClient {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const policy = { ...DEFAULT_BACKOFF, ...options.backoff };
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const { origin, prefix } = splitBaseUrl(connection.baseUrl);
  const pool = new Pool(origin, {
    connections: options.connections ?? 16,
    keepAliveTimeout: 30_000,
    connectTimeout: timeouts.connectMs,
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
    maxResponseSize: MAX_RESPONSE_BYTES,
  });
  const userAgent = options.userAgent ?? 'HubbleOpsConsole';
  const sensitive: string[] = [];
  const remember = (secret: string, isToken: boolean) => {
    if (!secret || sensitive.includes(secret)) return;
    sensitive.push(secret);
    if (isToken && sensitive.length > REMEMBERED_TOKENS + 1) sensitive.splice(1, 1);
  };

  function buildFailure(
    spec: Pick<RequestSpec<unknown>, 'method' | 'path'>,
    requestId: string,
    facts: {
      kind: FailureKind;
      httpStatus: number | null;
      errorId: string | null;
      errorCode: string | null;
      hubbleMessage: string | null;
      serverRequestId: string | null;
      timeoutPhase: TimeoutPhase | null;
      detail: string | null;
    },
    outcome: CallOutcomeKind,
  ): HubbleFailure {
    const explained = explainFailure({
      ...facts,
      environment: environmentLabel(connection),
      unsafeToRepeat: outcome === 'unknown',
    });
    return { ...facts, requestId, method: spec.method, path: spec.path, ...explained };
  }

  async function attempt<T>(spec: RequestSpec<T>, token: string | null, attemptNo: number): Promise<Attempt<T>> {
    const requestId = randomUUID();
    const at = now();
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': userAgent,
      'x-request-id': requestId,
    };
    if (token) headers['authorization'] = `Bearer ${token}`;
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    if (body !== undefined) headers['content-type'] = 'application/json';

    const started = performance.now();
    let answer: HttpAnswer | null = null;
    let httpStatus: number | null = null;
    let retryAfter: number | null = null;
    let transportError: unknown = null;
    try {
      const response = await pool.request({ path: `${prefix}${spec.path}`, method: spec.method, headers, body });
      httpStatus = response.statusCode;
      retryAfter = retryAfterMs(response.headers['retry-after'], now());
      const text = await response.body.text();
      answer = { status: response.statusCode, contentType: String(response.headers['content-type'] ?? ''), text };
    } catch (error) {
      transportError = error;
    }
    const latencyMs = performance.now() - started;

    let result: Attempt<T>;
    let json: unknown = undefined;
    let ids: CallIds = spec.ids ?? {};
    if (answer) {
      const classified = classifyResponse(answer, spec.parse);
      json = classified.json;
      if (classified.ok) {
        ids = { ...ids, ...spec.idsOf?.(classified.value) };
        result = { outcome: 'ok', value: classified.value, requestId, httpStatus, latencyMs };
      } else {
        const body = classified.errorBody;
        // A RESOURCE_NOT_FOUND on login means the clientId is unknown in this environment: a credentials problem.
        const classifiedKind = spec.auth === false && classified.kind === 'not-found' ? 'auth' : classified.kind;
        const outcome =
          spec.sideEffects && answerMayHideSideEffect(classifiedKind, answer.status, body) ? 'unknown' : 'failed';
        // A bodiless 404 or 429 that may hide an order is not Hubble's word: report it as the unreadable answer it is.
        const notHubbles = outcome === 'unknown' && answer.status >= 400 && answer.status < 500;
        const kind = notHubbles ? 'invalid-response' : classifiedKind;
        const detail = notHubbles
          ? (classified.detail ?? `HTTP ${answer.status} without Hubble's error body`)
          : classified.detail;
        const failure = buildFailure(
          spec,
          requestId,
          {
            kind,
            httpStatus,
            errorId: body?.id ?? null,
            errorCode: body?.code ?? null,
            hubbleMessage: body?.message ?? null,
            serverRequestId: body?.requestId ?? null,
            timeoutPhase: null,
            detail,
          },
          outcome,
        );
        result = { outcome, failure, requestId, httpStatus, latencyMs, retryAfterMs: retryAfter };
      }
    } else {
      const problem = classifyTransportError(transportError);
      const outcome = spec.sideEffects && !problem.notSent ? 'unknown' : 'failed';
      const failure = buildFailure(
        spec,
        requestId,
        {
          kind: problem.kind,
          httpStatus,
          errorId: null,
          errorCode: null,
          hubbleMessage: null,
          serverRequestId: null,
          timeoutPhase: problem.timeoutPhase,
          detail: problem.detail,
        },
        outcome,
      );
      result = { outcome, failure, requestId, httpStatus, latencyMs, retryAfterMs: null };
    }

    recorder.record({
      at,
      profileId: connection.profileId,
      environment: connection.environment,
      baseUrl: connection.baseUrl,
      method: spec.method,
      path: spec.path,
      endpoint: spec.endpoint,
      httpStatus,
      outcome: result.outcome,
      failure: result.outcome === 'ok' ? null : result.failure,
      latencyMs,
      requestId,
      serverRequestId: result.outcome === 'ok' ? null : result.failure.serverRequestId,
      attempt: attemptNo,
      requestBody: spec.body ?? null,
      responseJson: json,
      responseText: json === undefined ? (answer?.text ?? null) : null,
      orderId: ids.orderId ?? null,
      referenceId: ids.referenceId ?? null,
      orderStatus: ids.orderStatus ?? null,
      amount: ids.amount ?? null,
      sensitive: [...sensitive],
    });
    return result;
  }

  type LoginDetail = Attempt<{ expiresInSecs: number | null }>;

  async function performLogin(): Promise<LoginAttempt<LoginDetail>> {
    const secret = await connection.clientSecret();
    remember(secret, false);
    const issuedAt = now();
    const result = await attempt(loginSpec(connection.clientId, secret), null, 1);
    if (result.outcome !== 'ok') return { ok: false, detail: result };
    remember(result.value.token, true);
    const detail: LoginDetail = { ...result, value: { expiresInSecs: result.value.expiresInSecs } };
    return { ok: true, token: result.value.token, expiresInSecs: result.value.expiresInSecs, issuedAt, detail };
  }

  const tokens = new TokenCache<LoginDetail>(performLogin, now);

  const metaOf = (
    last: { requestId: string; httpStatus: number | null; latencyMs: number },
    requestIds: string[],
    startedAt: number,
  ): CallMeta => ({
    requestId: last.requestId,
    requestIds,
    attempts: requestIds.length,
    httpStatus: last.httpStatus,
    latencyMs: last.latencyMs,
    totalMs: performance.now() - startedAt,
  });

  async function call<T>(spec: RequestSpec<T>): Promise<HubbleResult<T>> {
    const startedAt = performance.now();
    const requestIds: string[] = [];
    let reloggedIn = false;
    let retries = 0;
    for (;;) {
      let token: string | null = null;
      if (spec.auth) {
        const got = await tokens.get();
        if (!got.ok) {
          const login = got.detail;
          if (login.outcome === 'ok') throw new Error('unreachable: failed login reported success');
          return {
            outcome: 'failed',
            failure: login.failure,
            call: metaOf(login, [...requestIds, login.requestId], startedAt),
          };
        }
        token = got.token;
      }
      const result = await attempt(spec, token, requestIds.length + 1);
      requestIds.push(result.requestId);
      if (result.outcome === 'ok')
        return { outcome: 'ok', value: result.value, call: metaOf(result, requestIds, startedAt) };
      if (token && result.failure.kind === 'auth' && !reloggedIn) {
        reloggedIn = true;
        tokens.invalidate(token);
        continue;
      }
      if (spec.retryable && RETRY_KINDS.has(result.failure.kind) && retries < policy.maxRetries) {
        await sleep(backoffDelay(retries, policy, options.random));
        retries += 1;
        continue;
      }
      // Only GETs (retryable) wait out a rate limit; a place-order is never resent, limited or not.
      if (spec.retryable && result.failure.kind === 'rate-limit' && retries < policy.maxRetries) {
        const wait = rateLimitDelay(retries, result.retryAfterMs, policy, options.random);
        if (wait !== null) {
          await sleep(wait);
          retries += 1;
          continue;
        }
      }
      return { outcome: result.outcome, failure: result.failure, call: metaOf(result, requestIds, startedAt) };
    }
  }

  return {
    connection,
    async login() {
      const startedAt = performance.now();
      const attempt = await tokens.refresh();
      const detail = attempt.detail;
      const meta = metaOf(detail, [detail.requestId], startedAt);
      return detail.outcome === 'ok'
        ? { outcome: 'ok', value: detail.value, call: meta }
        : { outcome: detail.outcome, failure: detail.failure, call: meta };
    },
    listProducts: (query) => call(listProductsSpec(query)),
    getProduct: (productId) => call(getProductSpec(productId)),
    placeOrder: (request) => call(placeOrderSpec(request)),
    getOrder: (orderId) => call(getOrderSpec(orderId)),
    getOrderByReference: (referenceId) => call(getOrderByReferenceSpec(referenceId)),
    getVoucher: (voucherId) => call(getVoucherSpec(voucherId)),
    walletBalance: () => call(walletBalanceSpec()),
    async close() {
      tokens.clear();
      await pool.close();
    },
  };
}
