import type { CallDetail, CallSummary } from '../../src/shared/contract/calls.ts';
import { installFakeHubble } from './fake-hubble.ts';

/** A synthetic call log of any size: row i is computed, never stored, so a million rows cost nothing. */
export function syntheticCall(index: number, total: number): CallSummary {
  const failed = index % 7 === 3;
  return {
    id: total - index,
    at: Date.UTC(2024, 4, 1) + (total - index) * 1000,
    method: index % 3 === 0 ? 'POST' : 'GET',
    path: index % 3 === 0 ? '/v1/partners/orders' : '/v1/partners/wallet/balance',
    endpoint: index % 3 === 0 ? 'POST /v1/partners/orders' : 'GET /v1/partners/wallet/balance',
    httpStatus: failed ? 400 : 200,
    outcome: failed ? 'failed' : 'ok',
    errorKind: failed ? 'business' : null,
    errorId: failed ? 'E300' : null,
    errorCode: failed ? 'INSUFFICIENT_BALANCE' : null,
    latencyMs: 40 + (index % 50),
    requestId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    orderId: index % 3 === 0 ? `ORD${index}` : null,
    referenceId: index % 3 === 0 ? `ref-${index}` : null,
    orderStatus: index % 3 === 0 && !failed ? 'SUCCESS' : null,
    attempt: 1,
    origin: null,
  };
}

export function detailOf(call: CallSummary): CallDetail {
  return {
    ...call,
    profileId: 'simulator',
    environment: 'simulator',
    baseUrl: 'http://127.0.0.1:4010',
    serverRequestId: null,
    amount: call.method === 'POST' ? 500 : null,
    requestBody:
      call.method === 'POST'
        ? JSON.stringify({
            productId: 'p1',
            referenceId: call.referenceId,
            amount: 500,
            customerDetails: { phoneNumber: '98******10' },
          })
        : null,
    responseBody:
      call.outcome === 'ok'
        ? JSON.stringify({ balance: 1000 })
        : JSON.stringify({ id: 'E300', code: 'INSUFFICIENT_BALANCE', message: 'Insufficient wallet balance' }),
    failure:
      call.outcome === 'ok'
        ? null
        : {
            kind: 'business',
            requestId: call.requestId,
            method: call.method,
            path: call.path,
            httpStatus: 400,
            errorId: 'E300',
            errorCode: 'INSUFFICIENT_BALANCE',
            hubbleMessage: 'Insufficient wallet balance',
            serverRequestId: null,
            title: 'Insufficient wallet balance (E300)',
            explanation: 'Insufficient wallet balance',
            nextStep: 'Top up the wallet through your Hubble account manager.',
            transient: false,
            timeoutPhase: null,
            detail: null,
          },
  };
}

type Handler = (input: never) => unknown;

/** A fake main whose `calls.*` are served from a synthetic log of `total` rows (or overrides). */
export function installCallsHubble(options: { total: number; overrides?: Record<string, Handler> }) {
  const handlers: Record<string, Handler> = {
    'calls.search': (input: { offset: number; limit: number; includeTotal: boolean }) => {
      const rows: CallSummary[] = [];
      for (let i = input.offset; i < Math.min(options.total, input.offset + input.limit); i += 1)
        rows.push(syntheticCall(i, options.total));
      return { rows, offset: input.offset, total: input.includeTotal ? options.total : null, snapshot: options.total };
    },
    'calls.get': (input: { id: number }) => detailOf(syntheticCall(options.total - input.id, options.total)),
    'calls.bundle': (input: { callId?: number }) => ({
      text: `BUNDLE for call ${input.callId}`,
      json: '{}',
      fileName: 'bundle',
      calls: 1,
    }),
    'calls.retention': () => ({ days: 90 }),
    'calls.resolveIdentifier': (input: { value: string }) => ({ value: input.value, matches: [], looksLike: 'other' }),
    ...options.overrides,
  };
  const { invocations, emit } = installFakeHubble((channel, input) => {
    const handler = handlers[channel];
    return handler
      ? { ok: true, value: handler(input as never) }
      : { ok: false, error: { kind: 'NOT_FOUND', message: channel } };
  });
  return {
    invocations,
    emit,
    searches: () =>
      invocations
        .filter((call) => call.channel === 'calls.search')
        .map(
          (call) =>
            call.input as {
              filters: Record<string, unknown>;
              sort: unknown;
              offset: number;
              limit: number;
              snapshot?: number;
            },
        ),
  };
}

/** happy-dom lays nothing out: give the table's scroll box a real viewport so the virtualizer has rows to show. */
export function giveScrollBoxASize(height = 560, width = 1200) {
  const proto = HTMLElement.prototype as unknown as Record<string, unknown>;
  const original = {
    clientHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight'),
    clientWidth: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth'),
  };
  const sized = (dimension: number, fallback?: PropertyDescriptor) =>
    function (this: HTMLElement) {
      return this.classList.contains('calls-table__scroll')
        ? dimension
        : ((fallback?.get?.call(this) as number | undefined) ?? 0);
    };
  Object.defineProperty(proto, 'clientHeight', {
    configurable: true,
    get: sized(
      height,
      Element.prototype ? Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight') : undefined,
    ),
  });
  Object.defineProperty(proto, 'clientWidth', {
    configurable: true,
    get: sized(
      width,
      Element.prototype ? Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth') : undefined,
    ),
  });
  return () => {
    if (original.clientHeight) Object.defineProperty(proto, 'clientHeight', original.clientHeight);
    else delete proto['clientHeight'];
    if (original.clientWidth) Object.defineProperty(proto, 'clientWidth', original.clientWidth);
    else delete proto['clientWidth'];
  };
}
