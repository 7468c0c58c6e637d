import { describe, expect, it } from 'vitest';
import { lookupOrder } from '../../../src/main/areas/orders/order-lookup.ts';
import { OrderStore } from '../../../src/main/areas/orders/order-store.ts';
import type { OrdersPort } from '../../../src/main/areas/orders/orders-port.ts';
import { placeOrder, recoverUnknownIntents, retryOrder } from '../../../src/main/areas/orders/place-order.ts';
import type { PlaceOrderRequest } from '../../../src/shared/hubble/order.ts';
import { STAGING, useSimulator } from '../hubble/simulator-fixture.ts';
import { rs } from './brands.ts';
import { liveBrand, rows, staleBrand, useOrdersDatabase } from './orders-fixture.ts';

const sim = useSimulator();
const orders = useOrdersDatabase();
const ORDERS_PATH = '/v1/partners/orders';

const lines = (...pairs: Array<[number, number]>) =>
  pairs.map(([rupees, quantity]) => ({ denominationPaise: rs(rupees), quantity }));

async function setup(clientOverride?: (real: OrdersPort['client']) => OrdersPort['client']) {
  const client = sim.client();
  const port = orders.port(clientOverride ? clientOverride(client) : client);
  const fx = await sim.control.fixtures();
  return { client, port, fx, store: new OrderStore(port.db) };
}

const placePosts = async () =>
  ((await sim.control.requests()) as Array<{ method: string; path: string }>).filter(
    (entry) => entry.method === 'POST' && entry.path === ORDERS_PATH,
  );

const timeline = (port: OrdersPort, referenceId: string) =>
  rows(
    port.db,
    `SELECT h.status, h.source FROM order_status_history h JOIN orders o ON o.id = h.order_ref
     WHERE o.reference_id = ? ORDER BY h.id`,
    referenceId,
  );

const purposes = (port: OrdersPort, referenceId: string) =>
  rows<{ purpose: string; outcome: string }>(
    port.db,
    `SELECT c.purpose, c.outcome FROM order_calls c JOIN orders o ON o.id = c.order_ref
     WHERE o.reference_id = ? ORDER BY c.id`,
    referenceId,
  );

describe('placing an order: checks before sending', () => {
  it.each([
    ['E150', 'fixed', lines([600, 1])],
    ['E151', 'fixed', lines([500, 2]), rs(1500)],
    ['E152', 'aboveMaxDenomination', lines([25_000, 1])],
    ['E153', 'fixed', lines([500, 1], [1000, 1], [2000, 1])],
    ['E154', 'fixed', lines([500, 4])],
    ['E155', 'flexible', lines([100, 3])],
    ['E156', 'fixed', lines([500, 3], [1000, 3])],
    ['E157', 'fixed', [{ denominationPaise: 50_000, quantity: 0 }]],
    ['ORDER_AMOUNT_ABOVE_MAXIMUM', 'fixed', lines([5000, 3], [2000, 3])],
  ] as const)(
    '%s is caught before anything is sent or stored',
    async (id, fixture, denominations, amountPaise?: number) => {
      const { client, port, fx } = await setup();
      const brand = await liveBrand(client, fx[fixture]);
      const result = await placeOrder(port, { brand, denominations, amountPaise });
      expect(result.kind).toBe('refused');
      if (result.kind !== 'refused') return;
      expect(result.validation.issues.map((issue) => issue.id ?? issue.code)).toContain(id);
      expect(await placePosts()).toEqual([]);
      expect(rows(port.db, 'SELECT * FROM orders')).toEqual([]);
    },
  );
});

describe('placing an order: Hubble’s refusals', () => {
  /** Cases where the console's brand data is stale (or, for E151/E157, the body is altered on the wire). */
  it.each([
    ['E150', 'fixed', lines([600, 1]), { denominations: [500, 600, 1000, 2000, 5000] }],
    ['E152', 'aboveMaxDenomination', lines([25_000, 1]), { maxVoucherAmount: 30_000 }],
    ['E153', 'fixed', lines([500, 1], [1000, 1], [2000, 1]), { maxDenominationsPerOrder: null }],
    ['E154', 'fixed', lines([500, 4]), { maxVouchersPerDenomination: null }],
    ['E155', 'flexible', lines([100, 3]), { minVoucherAmount: 50 }],
    ['E156', 'fixed', lines([500, 3], [1000, 3]), { maxVouchersPerOrder: 10 }],
  ] as const)(
    '%s from Hubble leaves a REJECTED order with its error id and no order at Hubble',
    async (id, fixture, denominations, stale) => {
      const { client, port, fx, store } = await setup();
      const brand = staleBrand(await liveBrand(client, fx[fixture]), stale);
      const result = await placeOrder(port, { brand, denominations });
      expect(result.kind).toBe('placed');
      if (result.kind !== 'placed') return;
      const detail = store.detail(result.order.rowId)!;
      expect(detail).toMatchObject({ status: 'REJECTED', errorId: id, intentState: 'resolved', orderId: null });
      expect(detail.failure?.errorId).toBe(id);
      expect(timeline(port, detail.referenceId!)).toEqual([
        { status: 'INTENT', source: 'intent' },
        { status: 'REJECTED', source: 'place' },
      ]);
      expect(await placePosts()).toHaveLength(1);
      expect((await sim.control.stats()).orders).toBe(0);
    },
  );

  it.each([
    ['E151', (body: PlaceOrderRequest) => ({ ...body, amount: body.amount + 1 })],
    ['E157', (body: PlaceOrderRequest) => ({ ...body, denominationDetails: [{ denomination: 500, quantity: 0 }] })],
  ] as const)('%s from Hubble (a body altered on the wire) is recorded, never resent', async (id, alter) => {
    const { port, fx, store, client } = await setup((real) => ({
      ...real,
      placeOrder: (body) => real.placeOrder(alter(body)),
    }));
    const brand = await liveBrand(client, fx.fixed);
    const result = await placeOrder(port, { brand, denominations: lines([500, 2]) });
    if (result.kind !== 'placed') throw new Error('expected a placement');
    expect(store.detail(result.order.rowId)).toMatchObject({ status: 'REJECTED', errorId: id });
    expect(await placePosts()).toHaveLength(1);
  });

  it('E300 (wallet too low) is a known outcome: REJECTED, nothing debited', async () => {
    const { client, port, fx, store } = await setup();
    await sim.control.setWallet(STAGING.clientId, 100);
    const result = await placeOrder(port, { brand: await liveBrand(client, fx.fixed), denominations: lines([500, 1]) });
    if (result.kind !== 'placed') throw new Error('expected a placement');
    expect(store.detail(result.order.rowId)).toMatchObject({
      status: 'REJECTED',
      errorId: 'E300',
      errorCode: 'INSUFFICIENT_BALANCE',
    });
    expect((await sim.control.client(STAGING.clientId))['balance']).toBe(100);
  });
});

describe('placing an order: the write-ahead intent and unknown outcomes', () => {
  it('commits the intent with its referenceId before the POST leaves', async () => {
    const seen: unknown[] = [];
    const { port, fx, client } = await setup((real) => ({
      ...real,
      placeOrder: (body) => {
        seen.push(...rows(port.db, 'SELECT reference_id, intent_state, status, amount_paise FROM orders'));
        return real.placeOrder(body);
      },
    }));
    const result = await placeOrder(port, { brand: await liveBrand(client, fx.fixed), amountPaise: rs(6500) });
    if (result.kind !== 'placed') throw new Error('expected a placement');
    expect(seen).toEqual([
      { reference_id: result.order.referenceId, intent_state: 'sent', status: 'INTENT', amount_paise: 650_000 },
    ]);
    expect(result.order).toMatchObject({ status: 'SUCCESS', intentState: 'resolved', request: null });
    // sent in rupees, exactly the split that was validated
    const placed = await sim.control.order(result.order.orderId!);
    expect(placed).toMatchObject({ referenceId: result.order.referenceId, amount: 6500, status: 'SUCCESS' });
  });

  it('drop-after-commit → unknown → found by reference → adopted: one order at Hubble', async () => {
    const { client, port, fx, store } = await setup();
    await sim.control.addFault({ path: ORDERS_PATH, method: 'POST', kind: 'drop-after-commit' });
    const result = await placeOrder(port, {
      brand: await liveBrand(client, fx.fixed),
      denominations: lines([1000, 2]),
    });
    if (result.kind !== 'placed') throw new Error('expected a placement');
    const ref = result.order.referenceId!;
    expect(result.order).toMatchObject({ status: 'SUCCESS', intentState: 'resolved' });
    expect(purposes(port, ref)).toEqual([
      { purpose: 'place', outcome: 'unknown' },
      { purpose: 'resolve', outcome: 'ok' },
    ]);
    expect(timeline(port, ref)).toEqual([
      { status: 'INTENT', source: 'intent' },
      { status: 'SUCCESS', source: 'resolve' },
    ]);
    expect((await sim.control.stats()).orders).toBe(1);
    expect(await placePosts()).toHaveLength(1);
    expect(store.detail(result.order.rowId)?.voucherIds).toHaveLength(2);
  });

  it('reset before commit → unknown → 404 by reference → resent with the SAME referenceId: one order', async () => {
    const sent: PlaceOrderRequest[] = [];
    const { client, port, fx } = await setup((real) => ({
      ...real,
      placeOrder: (body) => (sent.push(body), real.placeOrder(body)),
    }));
    await sim.control.addFault({ path: ORDERS_PATH, method: 'POST', kind: 'reset' });
    const result = await placeOrder(port, {
      brand: await liveBrand(client, fx.fixed),
      denominations: lines([1000, 2]),
    });
    if (result.kind !== 'placed') throw new Error('expected a placement');
    const ref = result.order.referenceId!;
    expect(result.order).toMatchObject({ status: 'SUCCESS', intentState: 'resolved' });
    expect(sent.map((body) => body.referenceId)).toEqual([ref, ref]);
    expect(sent[1]).toEqual(sent[0]);
    expect(purposes(port, ref)).toEqual([
      { purpose: 'place', outcome: 'unknown' },
      { purpose: 'resolve', outcome: 'failed' },
      { purpose: 'resend', outcome: 'ok' },
    ]);
    expect((await sim.control.stats()).orders).toBe(1);
  });

  it('5xx → unknown → resolved by reference (404 → resend): one order', async () => {
    const { client, port, fx } = await setup();
    await sim.control.addFault({ path: ORDERS_PATH, method: 'POST', kind: 'http-5xx', status: 503 });
    const result = await placeOrder(port, { brand: await liveBrand(client, fx.fixed), denominations: lines([500, 1]) });
    if (result.kind !== 'placed') throw new Error('expected a placement');
    expect(result.order).toMatchObject({ status: 'SUCCESS', intentState: 'resolved' });
    expect(purposes(port, result.order.referenceId!).map((call) => call.purpose)).toEqual([
      'place',
      'resolve',
      'resend',
    ]);
    expect((await sim.control.stats()).orders).toBe(1);
  });

  it('leaves the outcome unknown (never guessed, never resent) while Hubble cannot be asked', async () => {
    const { client, port, fx } = await setup();
    await sim.control.addFault({ path: ORDERS_PATH, method: 'POST', kind: 'drop-after-commit' });
    await sim.control.addFault({ path: `${ORDERS_PATH}/by-reference`, kind: 'http-5xx', times: 100 });
    const result = await placeOrder(port, { brand: await liveBrand(client, fx.fixed), denominations: lines([500, 1]) });
    if (result.kind !== 'placed') throw new Error('expected a placement');
    expect(result.order).toMatchObject({ status: 'INTENT', intentState: 'unknown' });
    expect(await placePosts()).toHaveLength(1);
    // the order exists at Hubble; recovery adopts it once by-reference answers again
    await sim.control.clearFaults();
    expect(await recoverUnknownIntents(port)).toEqual({ resolved: 1, stillUnknown: 0 });
    expect(new OrderStore(port.db).byReferenceId(result.order.referenceId!)).toMatchObject({
      status: 'SUCCESS',
      intentState: 'resolved',
    });
    expect((await sim.control.stats()).orders).toBe(1);
  });
});

describe('recovery on restart', () => {
  it('resolves intents a killed console left behind: sent-and-committed is adopted, never-sent is resent once', async () => {
    const fx = await sim.control.fixtures();
    const client = sim.client();
    const brand = await liveBrand(client, fx.fixed);
    let mode: 'die-after-send' | 'die-before-send' = 'die-after-send';
    const dying = orders.port({
      ...client,
      placeOrder: async (body) => {
        if (mode === 'die-after-send') await client.placeOrder(body);
        throw new Error('the console was killed');
      },
    });
    await expect(placeOrder(dying, { brand, denominations: lines([500, 1]) })).rejects.toThrow(/killed/);
    mode = 'die-before-send';
    await expect(placeOrder(dying, { brand, denominations: lines([1000, 1]) })).rejects.toThrow(/killed/);
    const left = rows(dying.db, 'SELECT reference_id, intent_state FROM orders ORDER BY id') as Array<{
      reference_id: string;
      intent_state: string;
    }>;
    expect(left.map((row) => row.intent_state)).toEqual(['sent', 'sent']);
    dying.db.close();
    expect((await sim.control.stats()).orders).toBe(1);

    const restarted = orders.port(sim.client());
    expect(await recoverUnknownIntents(restarted)).toEqual({ resolved: 2, stillUnknown: 0 });
    const after = rows(
      restarted.db,
      'SELECT reference_id, order_id, status, intent_state, request_json FROM orders ORDER BY id',
    ) as Array<Record<string, unknown>>;
    expect(after).toEqual([
      expect.objectContaining({
        reference_id: left[0]!.reference_id,
        status: 'SUCCESS',
        intent_state: 'resolved',
        request_json: null,
      }),
      expect.objectContaining({
        reference_id: left[1]!.reference_id,
        status: 'SUCCESS',
        intent_state: 'resolved',
        request_json: null,
      }),
    ]);
    expect(purposes(restarted, left[0]!.reference_id).map((c) => c.purpose)).toEqual(['resolve']);
    expect(purposes(restarted, left[1]!.reference_id).map((c) => c.purpose)).toEqual(['resolve', 'resend']);
    expect((await sim.control.stats()).orders).toBe(2);
    for (const row of after)
      expect((await sim.control.order(row['order_id'] as string)).referenceId).toBe(row['reference_id']);
    // a second recovery has nothing left to do
    expect(await recoverUnknownIntents(restarted)).toEqual({ resolved: 0, stillUnknown: 0 });
  });
});

describe('retry and lookup', () => {
  it('retries a FAILED order only on request, once, with a new referenceId linked to the original', async () => {
    let next = 0;
    const refs = ['SIM-FAILED-retry-original', 'retry-second'];
    const client = sim.client();
    const port = orders.port(client, { newReferenceId: () => refs[next++]! });
    const fx = await sim.control.fixtures();
    const brand = await liveBrand(client, fx.fixed);
    const failed = await placeOrder(port, { brand, denominations: lines([500, 1]) });
    if (failed.kind !== 'placed') throw new Error('expected a placement');
    expect(failed.order).toMatchObject({ status: 'FAILED', intentState: 'resolved' });
    expect(await placePosts()).toHaveLength(1);

    const retried = await retryOrder(port, { referenceId: refs[0]!, brand });
    if (retried.kind !== 'placed') throw new Error(`expected a placement, got ${JSON.stringify(retried)}`);
    expect(retried.order).toMatchObject({ referenceId: 'retry-second', status: 'SUCCESS', amountPaise: rs(500) });
    const store = new OrderStore(port.db);
    expect(store.detail(retried.order.rowId)).toMatchObject({ retryOf: refs[0] });
    expect(store.detail(failed.order.rowId)).toMatchObject({ retriedBy: 'retry-second' });

    expect(await retryOrder(port, { referenceId: refs[0]!, brand })).toEqual({
      kind: 'retry-refused',
      refusal: { kind: 'already-retried', by: 'retry-second' },
    });
    expect(await retryOrder(port, { referenceId: 'retry-second', brand })).toMatchObject({
      kind: 'retry-refused',
      refusal: { kind: 'not-retryable', status: 'SUCCESS' },
    });
    expect((await sim.control.stats()).orders).toBe(2);
  });

  it('looks up an order placed outside the console, live, and stores it with source "lookup"', async () => {
    const { client, port, fx, store } = await setup();
    const outside = await client.placeOrder({
      productId: fx.fixed,
      referenceId: 'placed-by-the-partner-backend',
      amount: 2500,
      denominationDetails: [
        { denomination: 500, quantity: 1 },
        { denomination: 2000, quantity: 1 },
      ],
    });
    if (outside.outcome !== 'ok') throw new Error('setup failed');
    expect(await lookupOrder(port, outside.value.id, false)).toEqual({ found: 'none' });
    const found = await lookupOrder(port, outside.value.id, true);
    expect(found).toMatchObject({
      found: 'hubble',
      order: { orderId: outside.value.id, status: 'SUCCESS', amountPaise: rs(2500) },
    });
    if (found.found !== 'hubble') return;
    expect(store.detail(found.order.rowId)).toMatchObject({
      source: 'lookup',
      referenceId: 'placed-by-the-partner-backend',
      denominations: [
        { denominationPaise: rs(500), quantity: 1 },
        { denominationPaise: rs(2000), quantity: 1 },
      ],
      history: [{ status: 'SUCCESS', source: 'lookup' }],
    });
    // next time it is local, by either id; live refresh records a status change
    expect(await lookupOrder(port, 'placed-by-the-partner-backend', false)).toMatchObject({ found: 'local' });
    await sim.control.reverse(outside.value.id);
    const refreshed = await lookupOrder(port, outside.value.id, true);
    expect(refreshed).toMatchObject({ found: 'local', order: { status: 'REVERSED' } });
    expect(await lookupOrder(port, 'never-heard-of-it', true)).toEqual({ found: 'none' });
  });
});
