import type { SimEngine } from '../engine.ts';
import { newUlid } from '../ids.ts';
import { validateOrder } from '../rules/validate-order.ts';
import type { ClientState } from '../state/clients.ts';
import type { OrderRecord } from '../state/orders.ts';
import { debit } from '../state/wallet.ts';
import { walletLowBalancePayload } from '../webhooks/payloads.ts';
import { decideOutcome } from './outcome.ts';
import { markFailed, markSuccess } from './transitions.ts';

/** The forced outcome queued for this client (or for anyone), used up by this order. */
function takeForcedOutcome(engine: SimEngine, clientId: string) {
  const queue = engine.state.forcedOutcomes;
  const index = queue.findIndex((forced) => !forced.clientId || forced.clientId === clientId);
  return index < 0 ? undefined : queue.splice(index, 1)[0];
}

/**
 * Validates, then commits exactly one order for a new referenceId: debit at the gross amount, record rate-limit
 * usage, decide the outcome. A repeated referenceId returns the existing order and changes nothing.
 */
export function placeOrder(
  engine: SimEngine,
  client: ClientState,
  body: unknown,
): { order: OrderRecord; created: boolean } {
  const validated = validateOrder(engine, client, body);
  if (validated.kind === 'existing') return { order: validated.order, created: false };
  const { input, record, lines, amountPaise } = validated;
  const { state } = engine;
  const now = engine.now();
  const order: OrderRecord = {
    id: newUlid(engine.clock, state.random),
    seq: state.orders.nextSeq(),
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
  state.orders.add(order);
  client.rateUsage.record({ brandId: order.productId, customerKey: order.customerKey, amountPaise }, now);
  const outcome = decideOutcome({
    forced: takeForcedOutcome(engine, client.clientId),
    referenceId: order.referenceId,
    brandOutcome: record.forcedOutcome,
    scenario: state.scenario,
    random: state.random,
  });
  const crossing = debit(client, amountPaise);
  // An order that fails at once is refunded at once, so it never counts as taking the wallet below its threshold.
  const refundedAtOnce = outcome.initial === 'FAILED' && state.config.refundOn.FAILED;
  if (crossing && !refundedAtOnce)
    engine.notify(
      client,
      'WALLET_LOW_BALANCE',
      walletLowBalancePayload(crossing.balancePaise, crossing.thresholdPaise),
    );
  if (outcome.initial === 'SUCCESS') {
    markSuccess(engine, order);
  } else if (outcome.initial === 'FAILED') {
    markFailed(engine, order, outcome.failureReason);
  } else {
    order.history.push({ status: 'PROCESSING', at: now });
    order.wasProcessing = true;
    order.settlement = {
      at: now + outcome.settleAfterSecs * 1000,
      to: outcome.settleTo,
      failureReason: outcome.failureReason,
    };
    state.orders.pending.add(order);
    engine.armSettlementTimer();
  }
  return { order, created: true };
}
