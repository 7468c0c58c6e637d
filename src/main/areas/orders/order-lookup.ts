import type { HubbleFailure } from '../../../shared/hubble/failure.ts';
import type { Order } from '../../../shared/hubble/order.ts';
import type { HubbleResult } from '../../hubble/hubble-result.ts';
import { resolveIntent } from './place-order.ts';
import { OrderStore, type StoredOrder } from './order-store.ts';
import type { OrdersPort } from './orders-port.ts';

export type LookupResult =
  { found: 'local' | 'hubble'; order: StoredOrder } | { found: 'none' } | { found: 'error'; failure: HubbleFailure };

/** Hubble order ids are ULIDs; the console's referenceIds are not, so the likelier endpoint is asked first. */
const looksLikeOrderId = (value: string) => /^[0-9A-HJKMNP-TV-Z]{26}$/i.test(value);

/**
 * Finds an order by orderId or referenceId: in this profile's database, else (when `live`) in Hubble, by id and
 * by reference; what Hubble knows is stored with source "lookup" (or merged into the console's own intent for
 * that referenceId). `live` on a stored order refreshes its status; an unresolved intent is resolved instead.
 */
export async function lookupOrder(port: OrdersPort, value: string, live: boolean): Promise<LookupResult> {
  const store = new OrderStore(port.db);
  const local = store.byOrderId(value) ?? store.byReferenceId(value);
  if (local && !live) return { found: 'local', order: local };
  if (local && local.intentState !== 'resolved') {
    const resolved = await resolveIntent(port, local.referenceId!);
    return { found: 'local', order: resolved ?? local };
  }
  if (local) {
    const fresh = local.orderId
      ? await port.client.getOrder(local.orderId)
      : await port.client.getOrderByReference(local.referenceId!);
    store.linkCalls(local.rowId, fresh.call, 'lookup', fresh.outcome, port.now());
    if (fresh.outcome !== 'ok') return { found: 'error', failure: fresh.failure };
    return { found: 'local', order: store.adopt(local.rowId, fresh.value, 'lookup', port.now()) };
  }
  if (!live) return { found: 'none' };

  const attempts: Array<() => Promise<HubbleResult<Order>>> = [
    () => port.client.getOrder(value),
    () => port.client.getOrderByReference(value),
  ];
  if (!looksLikeOrderId(value)) attempts.reverse();
  const calls: Array<HubbleResult<Order>> = [];
  let order: Order | null = null;
  for (const attempt of attempts) {
    const result = await attempt();
    calls.push(result);
    if (result.outcome === 'ok') {
      order = result.value;
      break;
    }
    if (result.failure.kind !== 'not-found') return { found: 'error', failure: result.failure };
  }
  if (!order) return { found: 'none' };
  // An order placed here whose answer never arrived: the lookup completes that intent instead of a second row.
  const own = order.referenceId ? store.byReferenceId(order.referenceId) : undefined;
  const stored = own
    ? store.adopt(own.rowId, order, 'lookup', port.now())
    : (store.byOrderId(order.id) ?? store.insertKnown(order, 'lookup', port.now()));
  for (const result of calls) store.linkCalls(stored.rowId, result.call, 'lookup', result.outcome, port.now());
  return { found: own ? 'local' : 'hubble', order: store.byRowId(stored.rowId)! };
}
