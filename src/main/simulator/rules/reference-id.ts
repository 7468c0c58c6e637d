import { SimError } from '../errors.ts';
import type { ClientState } from '../state/clients.ts';
import type { OrderRecord, OrderStore } from '../state/orders.ts';

/**
 * Idempotency: a referenceId is used up by its first order, whatever that order's outcome. A repeat gets the
 * existing order back unchanged (default) or, with the client's `duplicateReference: 'error'`, an error. Either
 * way no second order is created and nothing is debited twice.
 */
export function findExistingOrder(
  orders: OrderStore,
  client: ClientState,
  referenceId: string,
): OrderRecord | undefined {
  const existing = orders.byReferenceId(client.clientId, referenceId);
  if (existing && client.duplicateReference === 'error') {
    throw new SimError('DUPLICATE_REFERENCE_ID', {
      debugMessage: `referenceId ${referenceId} was already used by order ${existing.id}`,
    });
  }
  return existing;
}
