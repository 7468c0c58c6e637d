import { performance } from 'node:perf_hooks';
import { ulid } from 'ulid';
import type { SampleTrafficReport } from '../../../shared/contract/calls.ts';
import type { Brand } from '../../../shared/hubble/brand.ts';
import type { PlaceOrderRequest } from '../../../shared/hubble/order.ts';
import type { HubbleClient } from '../../hubble/hubble-client.ts';
import type { HubbleResult } from '../../hubble/hubble-result.ts';
import { simulatorControl } from '../../simulator/control/client.ts';
import type { OutcomeName } from '../../simulator/orders/outcome.ts';

export interface SampleTrafficOptions {
  client: HubbleClient;
  /** the embedded simulator's own URL: its /__sim controls script the order outcomes */
  simulatorBaseUrl: string;
}

const restrictions = (brand: Brand) => brand.amountRestrictions ?? {};
const isActive = (brand: Brand) => brand.status === 'ACTIVE';
const fixedDenomination = (brand: Brand) => {
  const { denominations, minOrderAmount } = restrictions(brand);
  return denominations?.find((value) => value >= (minOrderAmount ?? 0)) ?? denominations?.[0] ?? null;
};
const flexibleAmount = (brand: Brand) => {
  const r = restrictions(brand);
  const low = Math.max(r.minVoucherAmount ?? 0, r.minOrderAmount ?? 0, 100);
  return Math.min(low, r.maxVoucherAmount ?? low);
};

const newReference = () => `sample-${ulid()}`;
const order = (
  productId: string,
  denomination: number,
  quantity = 1,
  amount = denomination * quantity,
): PlaceOrderRequest => ({
  productId,
  referenceId: newReference(),
  amount,
  denominationDetails: [{ denomination, quantity }],
  customerDetails: { name: 'Sample Customer', phoneNumber: '9876543210', email: 'sample.customer@example.com' },
});

/**
 * "Generate sample traffic": catalog and wallet reads and a scripted mix of orders (successes, PROCESSING
 * that settles later, a FAILED one, one whose answer is lost and is found again by referenceId, validation
 * errors E1xx, an unknown product) through the real client, so the call log holds real rows. Only ever pointed at the embedded simulator (checked by the caller in main).
 */
export async function generateSampleTraffic({
  client,
  simulatorBaseUrl,
}: SampleTrafficOptions): Promise<SampleTrafficReport> {
  const started = performance.now();
  const outcomes: Record<string, number> = {};
  let calls = 0;
  let orders = 0;
  const count = <T>(result: HubbleResult<T>): HubbleResult<T> => {
    calls += result.call.attempts;
    const key = result.outcome === 'ok' ? 'ok' : (result.failure.errorId ?? result.failure.kind);
    outcomes[key] = (outcomes[key] ?? 0) + 1;
    return result;
  };
  const control = simulatorControl(simulatorBaseUrl);
  // PROCESSING orders settle later on the simulator's clock, so the log shows them as PROCESSING first.
  const nextOutcome = (outcome: OutcomeName) =>
    control.nextOutcome({
      clientId: client.connection.clientId,
      outcome,
      settleAfterSecs: outcome.startsWith('PROCESSING') ? 120 : 0,
    });

  count(await client.walletBalance());
  const catalog = count(await client.listProducts());
  count(await client.listProducts({ pageNo: 1, limit: 5 }));
  count(await client.listProducts({ category: 'FOOD' }));
  const brands = catalog.outcome === 'ok' ? catalog.value.brands : [];
  const fixed = brands.find(
    (brand) => isActive(brand) && brand.denominationType === 'FIXED' && fixedDenomination(brand) !== null,
  );
  const flexible = brands.find((brand) => isActive(brand) && brand.denominationType === 'FLEXIBLE');
  const inactive = brands.find((brand) => !isActive(brand));
  for (const brand of [fixed, flexible, inactive]) if (brand) count(await client.getProduct(brand.id));
  count(await client.getProduct('01NOSUCHBRAND0000000000000'));

  const place = async (request: PlaceOrderRequest, outcome?: OutcomeName | 'LOST_ANSWER') => {
    if (outcome === 'LOST_ANSWER')
      await control.addFault({ path: '/v1/partners/orders', method: 'POST', kind: 'drop-after-commit' });
    else if (outcome) await nextOutcome(outcome);
    orders += 1;
    const placed = count(await client.placeOrder(request));
    count(await client.getOrderByReference(request.referenceId));
    if (placed.outcome !== 'ok') return;
    count(await client.getOrder(placed.value.id));
    const voucher = placed.value.vouchers[0];
    if (voucher) count(await client.getVoucher(voucher.id));
  };

  if (fixed) {
    const denomination = fixedDenomination(fixed)!;
    await place(order(fixed.id, denomination), 'SUCCESS');
    await place(order(fixed.id, denomination), 'SUCCESS');
    await place(order(fixed.id, denomination), 'FAILED');
    await place(order(fixed.id, denomination + 1));
    await place(order(fixed.id, denomination, 1, denomination + 10));
    const maxVouchers = restrictions(fixed).maxVouchersPerOrder;
    if (maxVouchers) await place(order(fixed.id, denomination, maxVouchers + 1));
  }
  if (flexible) {
    const amount = flexibleAmount(flexible);
    await place(order(flexible.id, amount), 'PROCESSING_THEN_SUCCESS');
    await place(order(flexible.id, amount), 'SUCCESS');
    await place(order(flexible.id, amount), 'LOST_ANSWER');
    const min = restrictions(flexible).minVoucherAmount;
    if (min && min > 1) await place(order(flexible.id, min - 1));
  }
  if (inactive) {
    const amount = fixedDenomination(inactive) ?? flexibleAmount(inactive);
    await place(order(inactive.id, amount));
  }
  count(await client.getOrderByReference(newReference()));
  count(await client.walletBalance());
  return { calls, orders, outcomes, durationMs: performance.now() - started };
}
