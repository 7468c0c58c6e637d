import type { SimEngine } from '../engine.ts';
import type { OrderRecord, OrderStatus } from '../state/orders.ts';
import { credit } from '../state/wallet.ts';
import { newUlid } from '../ids.ts';
import { orderTerminalPayload, sdkTransactionPayload, type SdkOrderStatus } from '../webhooks/payloads.ts';
import { createVouchers } from './vouchers.ts';

function setStatus(engine: SimEngine, order: OrderRecord, status: OrderStatus): void {
  order.status = status;
  order.history.push({ status, at: engine.now() });
}

// Money rule: a refund returns the gross amount once, and only for the statuses the refundOn switch names.
function refund(engine: SimEngine, order: OrderRecord, status: 'FAILED' | 'REVERSED' | 'CANCELLED'): void {
  if (!engine.state.config.refundOn[status] || order.refundedPaise > 0) return;
  const client = engine.state.clients.get(order.clientId);
  if (!client) return;
  credit(client, order.amountPaise);
  order.refundedPaise = order.amountPaise;
}

function sdkTransaction(engine: SimEngine, order: OrderRecord, status: SdkOrderStatus): void {
  if (!engine.state.config.webhooks.sdkTransactions) return;
  const client = engine.state.clients.get(order.clientId);
  if (!client) return;
  const brand = engine.state.brands.get(order.productId)?.brand;
  const reversalId = status === 'COMPLETED' ? null : newUlid(engine.clock, engine.state.random);
  engine.notify(
    client,
    'SDK_TRANSACTION',
    sdkTransactionPayload({ order, brand, status, now: engine.now(), reversalId, assetBase: engine.assetBase }),
  );
}

export function markSuccess(engine: SimEngine, order: OrderRecord): void {
  const brand = engine.state.brands.get(order.productId)?.brand;
  if (brand) {
    order.vouchers = createVouchers(engine, order, brand);
    engine.state.orders.addVouchers(order.vouchers);
  }
  setStatus(engine, order, 'SUCCESS');
  sdkTransaction(engine, order, 'COMPLETED');
}

export function markFailed(engine: SimEngine, order: OrderRecord, failureReason: string): void {
  order.failureReason = failureReason;
  setStatus(engine, order, 'FAILED');
  refund(engine, order, 'FAILED');
  sdkTransaction(engine, order, 'FAILED');
}

function stopSettlement(engine: SimEngine, order: OrderRecord): void {
  order.settlement = null;
  engine.state.orders.pending.delete(order);
}

/** PROCESSING → SUCCESS | FAILED, then Order Reached Terminal State (only ever sent for PROCESSING orders). */
export function finishProcessing(
  engine: SimEngine,
  order: OrderRecord,
  to: 'SUCCESS' | 'FAILED',
  failureReason: string,
): void {
  stopSettlement(engine, order);
  if (to === 'SUCCESS') markSuccess(engine, order);
  else markFailed(engine, order, failureReason);
  const client = engine.state.clients.get(order.clientId);
  if (client && order.wasProcessing) engine.notify(client, 'ORDER_TERMINAL_STATE', orderTerminalPayload(order));
}

/** Admin: a manual reversal of a SUCCESS order, refunded by default. */
export function markReversed(engine: SimEngine, order: OrderRecord): void {
  setStatus(engine, order, 'REVERSED');
  refund(engine, order, 'REVERSED');
  sdkTransaction(engine, order, 'REVERSED');
  notifyAdminTransition(engine, order);
}

/** Admin: cancel a PROCESSING or SUCCESS order (the docs name the status but no trigger), refunded by default. */
export function markCancelled(engine: SimEngine, order: OrderRecord): void {
  stopSettlement(engine, order);
  setStatus(engine, order, 'CANCELLED');
  refund(engine, order, 'CANCELLED');
  notifyAdminTransition(engine, order);
}

function notifyAdminTransition(engine: SimEngine, order: OrderRecord): void {
  if (!engine.state.config.webhooks.notifyAdminTransitions) return;
  const client = engine.state.clients.get(order.clientId);
  if (client) engine.notify(client, 'ORDER_TERMINAL_STATE', orderTerminalPayload(order));
}
