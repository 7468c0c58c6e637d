import type { OrderDetail, OrderFilters } from '../../src/shared/contract/orders.ts';
import { installFakeHubble, simulatorOnlyProfiles } from './fake-hubble.ts';

const AT = Date.UTC(2025, 0, 15, 6, 30);

/** A stored order as main's orders.get answers it; override what a test is about. */
export function orderOf(overrides: Partial<OrderDetail> = {}): OrderDetail {
  return {
    referenceId: 'ref-0001',
    orderId: '01JH0000000000000000000001',
    brandId: 'brand-croma',
    brandName: 'Croma',
    amountPaise: 600_000,
    status: 'SUCCESS',
    intentState: 'resolved',
    source: 'console',
    batchId: null,
    retryOf: null,
    errorId: null,
    errorCode: null,
    failureReason: null,
    voucherCount: 2,
    createdAt: AT,
    updatedAt: AT + 1000,
    processingSince: null,
    stuck: false,
    origin: null,
    denominations: [
      { denominationPaise: 500_000, quantity: 1 },
      { denominationPaise: 100_000, quantity: 1 },
    ],
    customer: { name: 'Asha Rao', phoneNumber: '98******10' },
    voucherIds: ['v1', 'v2'],
    history: [
      { status: 'INTENT', at: AT, source: 'intent' },
      { status: 'SUCCESS', at: AT + 1000, source: 'place' },
    ],
    calls: [{ requestId: '11111111-2222-4333-8444-555555555555', purpose: 'place', outcome: 'ok', at: AT + 900 }],
    retriedBy: null,
    failure: null,
    ...overrides,
  };
}

type Handler = (input: never) => unknown;
type Answer = { ok: true; value: unknown } | { ok: false; error: { kind: string; message: string; details?: unknown } };

/** Thrown by a handler to answer `{ok: false}` with this error. */
export class Refusal {
  readonly error: { kind: string; message: string; details?: unknown };
  constructor(kind: string, message: string, details?: unknown) {
    this.error = { kind, message, details };
  }
}

const matches = (order: OrderDetail, filters: OrderFilters) =>
  (!filters.status || order.status === filters.status) &&
  (!filters.source || order.source === filters.source) &&
  (!filters.text || [order.orderId, order.referenceId, order.brandName].some((v) => v?.includes(filters.text!)));

const keyMatches = (order: OrderDetail, key: { referenceId?: string; orderId?: string }) =>
  key.referenceId ? order.referenceId === key.referenceId : order.orderId === key.orderId;

/** A fake main holding `orders` (newest first); each orders.* handler can be replaced by `overrides`. */
export function installOrdersHubble(options: {
  orders: OrderDetail[];
  profiles?: unknown;
  overrides?: Record<string, Handler>;
}) {
  const orders = [...options.orders];
  const find = (key: { referenceId?: string; orderId?: string }) => {
    const order = orders.find((candidate) => keyMatches(candidate, key));
    if (!order) throw new Refusal('NOT_FOUND', 'No stored order has this id.');
    return order;
  };
  const handlers: Record<string, Handler> = {
    'profiles.list': () => options.profiles ?? simulatorOnlyProfiles,
    'orders.search': (input: { filters: OrderFilters; offset: number; limit: number; includeTotal: boolean }) => {
      const found = orders.filter((order) => matches(order, input.filters));
      return {
        rows: found.slice(input.offset, input.offset + input.limit),
        offset: input.offset,
        total: input.includeTotal ? found.length : null,
      };
    },
    'orders.get': (input: { referenceId?: string; orderId?: string }) => find(input),
    'orders.lookup': (input: { value: string }) => {
      const order = orders.find(
        (candidate) => candidate.orderId === input.value || candidate.referenceId === input.value,
      );
      return order ? { found: 'local', order } : { found: 'none', order: null };
    },
    'calls.search': (input: { offset: number }) => ({ rows: [], offset: input.offset, total: 0, snapshot: 0 }),
    'calls.retention': () => ({ days: 90 }),
    'calls.resolveIdentifier': (input: { value: string }) => ({ value: input.value, matches: [], looksLike: 'other' }),
    ...options.overrides,
  };
  const fake = installFakeHubble((channel, input) => {
    const handler = handlers[channel];
    if (!handler)
      return { ok: false, error: { kind: 'NOT_FOUND', message: `no fake for ${channel}` } } satisfies Answer;
    try {
      return { ok: true, value: handler(input as never) } satisfies Answer;
    } catch (error) {
      if (error instanceof Refusal) return { ok: false, error: error.error } satisfies Answer;
      throw error;
    }
  });
  return {
    ...fake,
    orders,
    inputsOf: (channel: string) =>
      fake.invocations.filter((call) => call.channel === channel).map((call) => call.input),
  };
}

/** happy-dom lays nothing out: give the orders table's scroll box a viewport so the virtualizer shows rows. */
export function giveOrdersTableASize(height = 480, width = 1200) {
  const proto = HTMLElement.prototype as unknown as Record<string, unknown>;
  const saved = {
    clientHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight'),
    clientWidth: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth'),
  };
  const sized = (dimension: number, name: 'clientHeight' | 'clientWidth') => {
    const fallback = Object.getOwnPropertyDescriptor(Element.prototype, name);
    return function (this: HTMLElement) {
      return this.classList.contains('orders-table__scroll')
        ? dimension
        : ((fallback?.get?.call(this) as number | undefined) ?? 0);
    };
  };
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: sized(height, 'clientHeight') });
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: sized(width, 'clientWidth') });
  return () => {
    for (const name of ['clientHeight', 'clientWidth'] as const) {
      const descriptor = saved[name];
      if (descriptor) Object.defineProperty(proto, name, descriptor);
      else delete proto[name];
    }
  };
}
