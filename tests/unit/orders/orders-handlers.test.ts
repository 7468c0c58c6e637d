import { describe, expect, it, vi } from 'vitest';
import { brandFromHubble, createOrderHandlers } from '../../../src/main/areas/orders/orders-handlers.ts';
import { AppError } from '../../../src/main/errors/app-error.ts';
import { orderDetailSchema, orderPageSchema, ordersOperations } from '../../../src/shared/contract/orders.ts';
import { useSimulator } from '../hubble/simulator-fixture.ts';
import { rs } from './brands.ts';
import { useOrdersDatabase } from './orders-fixture.ts';

const sim = useSimulator();
const orders = useOrdersDatabase();

async function setup() {
  const client = sim.client();
  const port = orders.port(client);
  const audit = vi.fn();
  const handlers = createOrderHandlers({ port: () => port, brand: brandFromHubble(() => client), audit });
  return { handlers, port, audit, fx: await sim.control.fixtures() };
}

const appError = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe('the orders contract', () => {
  it('guards spending operations on production and takes strict inputs', () => {
    const guarded = Object.entries(ordersOperations)
      .filter(([, spec]) => 'confirmOnProduction' in spec && spec.confirmOnProduction)
      .map(([name]) => name);
    expect(guarded.sort()).toEqual(['batchRun', 'place', 'retry']);
    const place = ordersOperations.place.input;
    expect(place.safeParse({ productId: 'x', amountPaise: 50_000, confirmationToken: 't' }).success).toBe(true);
    expect(place.safeParse({ productId: 'x', amountPaise: 50_000, referenceId: 'mine' }).success).toBe(false);
    expect(place.safeParse({ productId: 'x', amountPaise: 500.5 }).success).toBe(false);
    expect(place.safeParse({ productId: 'x', customerDetails: { name: 'a', cardPin: '1' } }).success).toBe(false);
    expect(ordersOperations.retry.input.safeParse({ referenceId: 'r', extra: 1 }).success).toBe(false);
  });
});

describe('createOrderHandlers', () => {
  it('places an order, answers the contract’s shape, audits it, and finds it again', async () => {
    const { handlers, audit, fx } = await setup();
    const input = ordersOperations.place.input.parse({ productId: fx.fixed, amountPaise: rs(6500) });
    const placed = await handlers.place(input);
    expect(orderDetailSchema.parse(placed)).toMatchObject({
      status: 'SUCCESS',
      amountPaise: rs(6500),
      brandName: 'Croma',
      source: 'console',
      denominations: [
        { denominationPaise: rs(5000), quantity: 1 },
        { denominationPaise: rs(500), quantity: 3 },
      ],
      history: [
        { status: 'INTENT', source: 'intent' },
        { status: 'SUCCESS', source: 'place' },
      ],
    });
    expect(placed.calls).toEqual([expect.objectContaining({ purpose: 'place', outcome: 'ok' })]);
    expect(audit).toHaveBeenCalledWith(
      'orders.place',
      expect.objectContaining({ referenceId: placed.referenceId, amountPaise: rs(6500) }),
    );

    expect(await handlers.get({ orderId: placed.orderId! })).toMatchObject({ referenceId: placed.referenceId });
    expect(await handlers.get({ referenceId: placed.referenceId! })).toMatchObject({ orderId: placed.orderId });
    const search = ordersOperations.search.input.parse({ filters: { status: 'SUCCESS', text: 'crom' } });
    const page = orderPageSchema.parse(await handlers.search(search));
    expect(page).toMatchObject({ total: 1, rows: [{ referenceId: placed.referenceId }] });
    expect((await handlers.search(ordersOperations.search.input.parse({ filters: { source: 'lookup' } }))).total).toBe(
      0,
    );
    expect(await handlers.lookup({ value: placed.referenceId!, live: false })).toMatchObject({ found: 'local' });
    expect(await handlers.lookup({ value: 'nothing-like-it', live: true })).toEqual({ found: 'none', order: null });
    expect((await appError(handlers.get({ referenceId: 'nothing-like-it' }))).kind).toBe('NOT_FOUND');
  });

  it('refuses an invalid order with VALIDATION and Hubble’s ids, sending nothing', async () => {
    const { handlers, fx, port } = await setup();
    const error = await appError(
      handlers.place(
        ordersOperations.place.input.parse({
          productId: fx.fixed,
          denominations: [{ denominationPaise: rs(600), quantity: 1 }],
        }),
      ),
    );
    expect(error.kind).toBe('VALIDATION');
    expect(error.message).toMatch(/₹600 is not one of Croma's denominations/);
    expect(error.details).toEqual({ issues: [expect.objectContaining({ id: 'E150' })] });
    expect(port.db.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(0);
    expect(
      ((await sim.control.requests()) as Array<{ method: string; path: string }>).filter(
        (entry) => entry.method === 'POST' && entry.path === '/v1/partners/orders',
      ),
    ).toEqual([]);
    expect(await handlers.validate({ productId: fx.fixed, amountPaise: rs(750) })).toMatchObject({
      issues: [{ code: 'NO_DENOMINATION_SPLIT' }],
    });
    expect(await handlers.proposeSplit({ productId: fx.fixed, amountPaise: rs(3000) })).toEqual({
      ok: true,
      lines: [
        { denominationPaise: rs(2000), quantity: 1 },
        { denominationPaise: rs(1000), quantity: 1 },
      ],
      vouchers: 2,
    });
  });

  it('retries only FAILED/REJECTED orders, asks again for customer details, and says why it refuses', async () => {
    const { handlers, fx, audit } = await setup();
    await sim.control.nextOutcome({ outcome: 'FAILED' });
    const failed = await handlers.place(
      ordersOperations.place.input.parse({
        productId: fx.fixed,
        amountPaise: rs(500),
        customerDetails: { name: 'A', phoneNumber: '9812345678' },
      }),
    );
    expect(failed).toMatchObject({ status: 'FAILED', customer: { name: 'A', phoneNumber: '98******78' } });
    expect((await appError(handlers.retry({ referenceId: failed.referenceId! }))).kind).toBe('VALIDATION');
    const retried = await handlers.retry({
      referenceId: failed.referenceId!,
      customerDetails: { phoneNumber: '9812345678' },
    });
    expect(retried).toMatchObject({ status: 'SUCCESS', retryOf: failed.referenceId });
    expect(retried.referenceId).not.toBe(failed.referenceId);
    expect(audit).toHaveBeenCalledWith('orders.retry', expect.objectContaining({ retryOf: failed.referenceId }));
    expect(
      (await appError(handlers.retry({ referenceId: failed.referenceId!, customerDetails: { name: 'A' } }))).kind,
    ).toBe('CONFLICT');
    expect((await appError(handlers.retry({ referenceId: retried.referenceId! }))).kind).toBe('CONFLICT');
    expect((await appError(handlers.retry({ referenceId: 'unknown-ref' }))).kind).toBe('NOT_FOUND');
  });
});
