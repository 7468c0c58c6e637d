import { validateOrder } from '../rules/validate-order.ts';
import type { ClientState } from '../state/clients.ts';
import type { OrderRecord } from '../state/orders.ts';
import { debit } from '../state/wallet.ts';
import { walletLowBalancePayload } from '../webhooks/payloads.ts';
import type { OrderPort } from './order-port.ts';
import { decideOutcome } from './outcome.ts';
import { markFailed, markSuccess } from './transitions.ts';

/**
 * Validates, then commits exactly one order for a new referenceId: debit at the gross amount, record rate-limit
 * usage, decide the outcome. A repeated referenceId returns the existing order and changes nothing.
 */
export function placeOrder(
  port: OrderPort,
  client: ClientState,
  body: unknown,
): { order: OrderRecord; created: boolean } {
  const validated = validateOrder(port, client, body);
  if (validated.kind === 'existing') return { order: validated.order, created: false };
  const { input, record, lines, amountPaise } = validated;
  const now = port.now();
  const order: OrderRecord = {
    id: port.newId(),
    seq: port.orders.nextSeq(),
    clientId: client.clientId,
    referenceId: input.referenceId,
    productId: record.brand.id,
    amountPaise,
    denominationDetails: lines,
    customerKey: input.customerKey,
    status: 'PROCESSING',
    vouchers: [],
    failureReason: null,
    createdAt: now,
    wasProcessing: false,
    settlement: null,
    refundedPaise: 0,
    history: [],
  };
  port.orders.add(order);
  client.rateUsage.record({ brandId: order.productId, customerKey: order.customerKey, amountPaise }, now);
  const outcome = decideOutcome({
    forced: port.takeForcedOutcome(client.clientId),
    referenceId: order.referenceId,
    brandOutcome: record.forcedOutcome,
    scenario: port.scenario,
    random: port.random,
  });
  const crossing = debit(client, amountPaise);
  // An order that fails at once is refunded at once, so it never counts as taking the wallet below its threshold.
  const refundedAtOnce = outcome.initial === 'FAILED' && port.config.refundOn.FAILED;
  if (crossing && !refundedAtOnce)
    port.notify(client, 'WALLET_LOW_BALANCE', walletLowBalancePayload(crossing.balancePaise, crossing.thresholdPaise));
  if (outcome.initial === 'SUCCESS') {
    markSuccess(port, order);
  } else if (outcome.initial === 'FAILED') {
    markFailed(port, order, outcome.failureReason);
  } else {
    order.history.push({ status: 'PROCESSING', at: now });
    order.wasProcessing = true;
    order.settlement = {
      at: now + outcome.settleAfterSecs * 1000,
      to: outcome.settleTo,
      failureReason: outcome.failureReason,
    };
    port.orders.pending.add(order);
    port.settlementChanged();
  }
  return { order, created: true };
}
