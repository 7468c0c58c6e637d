import { describe, expect, it } from 'vitest';
import { rupeesToPaise } from '../../../src/main/areas/orders/money.ts';
import { placeOrder, recoverUnknownIntents } from '../../../src/main/areas/orders/place-order.ts';
import { STAGING, useSimulator } from '../hubble/simulator-fixture.ts';
import { liveBrand, rows, useOrdersDatabase } from './orders-fixture.ts';

const sim = useSimulator();
const orders = useOrdersDatabase();

const PLACEMENTS = 2_000;
const FAULT_RATE = 0.2;
const WORKERS = 4;
const FAULTS = ['drop-after-commit', 'http-5xx', 'reset', 'token-expiry', 'rate-limit'] as const;

/** mulberry32: the same sequence on every run, so a failure can be replayed. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface LocalOrder {
  reference_id: string;
  order_id: string | null;
  amount_paise: number;
  status: string;
  intent_state: string;
  error_id: string | null;
}

describe('fault soak', () => {
  it(`${PLACEMENTS} placements with ${FAULT_RATE * 100}% injected faults: no duplicate, no unknown outcome, wallet debits = successful orders`, async () => {
    const client = sim.client();
    const port = orders.port(client);
    const fx = await sim.control.fixtures();
    const brand = await liveBrand(client, fx.flexible);
    await sim.control.setWallet(STAGING.clientId, 5_00_00_000);
    const walletBefore = rupeesToPaise((await sim.control.client(STAGING.clientId))['balance'] as number)!;
    const loginsBefore = (await sim.control.stats()).logins[STAGING.clientId] ?? 0;

    const random = seeded(20_240_611);
    const injected = new Map<string, number>();
    // One fault is armed at a time, just before a placement, and disarmed after it (one-shot faults disarm themselves).
    let next = 0;
    const worker = async () => {
      while (next < PLACEMENTS) {
        next += 1;
        const fault = random() < FAULT_RATE ? FAULTS[Math.floor(random() * FAULTS.length)]! : null;
        // ₹250.00–₹10,000.00 in whole paise, decimals included: sums must stay exact.
        const amountPaise = 25_000 + Math.floor(random() * 975_001);
        if (fault) injected.set(fault, (injected.get(fault) ?? 0) + 1);
        if (fault === 'drop-after-commit' || fault === 'http-5xx' || fault === 'reset')
          await sim.control.addFault({
            path: '/v1/partners/orders',
            method: 'POST',
            kind: fault,
            status: fault === 'http-5xx' ? 502 : undefined,
          });
        if (fault === 'token-expiry') await sim.control.advanceClock(3_601);
        if (fault === 'rate-limit')
          await sim.control.patchClient(STAGING.clientId, {
            rateLimits: [{ scope: 'partner', type: 'amount', window: 'daily', limit: 1 }],
          });
        const result = await placeOrder(port, { brand, amountPaise });
        expect(result.kind).toBe('placed');
        if (fault === 'rate-limit') await sim.control.patchClient(STAGING.clientId, { rateLimits: [] });
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));
    // A restart's recovery would find nothing left to resolve.
    expect(await recoverUnknownIntents(port)).toEqual({ resolved: 0, stillUnknown: 0 });

    for (const kind of FAULTS) expect(injected.get(kind) ?? 0, kind).toBeGreaterThan(0);
    const local = rows(
      port.db,
      'SELECT reference_id, order_id, amount_paise, status, intent_state, error_id FROM orders',
    ) as LocalOrder[];
    expect(local).toHaveLength(PLACEMENTS);
    // 0 outcomes left unknown
    expect(local.filter((order) => order.intent_state !== 'resolved' || order.status === 'INTENT')).toEqual([]);
    // rate limits were refused (known outcome, no order); everything else was issued exactly once
    const rejected = local.filter((order) => order.status === 'REJECTED');
    expect(rejected.length).toBeGreaterThan(0);
    expect(new Set(rejected.map((order) => order.error_id))).toEqual(new Set(['E400']));
    const issued = local.filter((order) => order.order_id !== null);
    expect(issued.length + rejected.length).toBe(PLACEMENTS);
    expect(issued.every((order) => order.status === 'SUCCESS')).toBe(true);

    // Compare with the simulator's own books: every order it holds belongs to exactly one local referenceId.
    const simOrders = await Promise.all(issued.map((order) => sim.control.order(order.order_id!)));
    expect((await sim.control.stats()).orders).toBe(issued.length);
    expect(new Set(simOrders.map((order) => order.referenceId)).size).toBe(issued.length);
    simOrders.forEach((simOrder, index) => {
      expect(simOrder.referenceId).toBe(issued[index]!.reference_id);
      expect(rupeesToPaise(simOrder.amount)).toBe(issued[index]!.amount_paise);
    });
    for (const order of rejected) {
      const byReference = await client.getOrderByReference(order.reference_id);
      expect(byReference.outcome === 'failed' && byReference.failure.kind).toBe('not-found');
    }

    // Wallet debits equal the sum of successful orders, to the paisa.
    const walletAfter = rupeesToPaise((await sim.control.client(STAGING.clientId))['balance'] as number)!;
    const successful = issued.reduce((sum, order) => sum + order.amount_paise, 0);
    expect(walletBefore - walletAfter).toBe(successful);

    // The unknown outcomes really happened and were resolved by reference, with resends only after a 404.
    // (an attempt answered 401 and repeated after a fresh login is linked as "retried")
    const calls = rows(
      port.db,
      `SELECT order_ref, purpose, outcome FROM order_calls WHERE outcome <> 'retried' ORDER BY id`,
    ) as Array<{
      order_ref: number;
      purpose: string;
      outcome: string;
    }>;
    expect(calls.filter((call) => call.purpose === 'place' && call.outcome === 'unknown').length).toBeGreaterThan(0);
    const resends = calls.flatMap((call, index) => (call.purpose === 'resend' ? [index] : []));
    expect(resends.length).toBeGreaterThan(0);
    for (const index of resends) {
      const before = calls
        .slice(0, index)
        .filter((call) => call.order_ref === calls[index]!.order_ref)
        .at(-1);
      expect(before).toMatchObject({ purpose: 'resolve', outcome: 'failed' });
    }
    expect((await sim.control.stats()).logins[STAGING.clientId]! - loginsBefore).toBeGreaterThan(1);
  }, 90_000);
});
