import type { OrderRecord, OrderStatus } from '../state/orders.ts';
import { credit } from '../state/wallet.ts';
import { orderTerminalPayload, sdkTransactionPayload, type SdkOrderStatus } from '../webhooks/payloads.ts';
import type { OrderPort } from './order-port.ts';
import { createVouchers } from './vouchers.ts';

function setStatus(port: OrderPort, order: OrderRecord, status: OrderStatus): void {
  order.status = status;
  order.history.push({ status, at: port.now() });
}

// Money rule: a refund returns the gross amount once, and only for the statuses the refundOn switch names.
function refund(port: OrderPort, order: OrderRecord, status: 'FAILED' | 'REVERSED' | 'CANCELLED'): void {
  if (!port.config.refundOn[status] || order.refundedPaise > 0) return;
  const client = port.client(order.clientId);
  if (!client) return;
  credit(client, order.amountPaise);
  order.refundedPaise = order.amountPaise;
}

function sdkTransaction(port: OrderPort, order: OrderRecord, status: SdkOrderStatus): void {
  if (!port.config.webhooks.sdkTransactions) return;
  const client = port.client(order.clientId);
  if (!client) return;
  const brand = port.brands.get(order.productId)?.brand;
  const reversalId = status === 'COMPLETED' ? null : port.newId();
  port.notify(
    client,
    'SDK_TRANSACTION',
    sdkTransactionPayload({ order, brand, status, now: port.now(), reversalId, assetBase: port.assetBase }),
  );
}

export function markSuccess(port: OrderPort, order: OrderRecord): void {
  const brand = port.brands.get(order.productId)?.brand;
  if (brand) {
    order.vouchers = createVouchers(port, order, brand);
    port.orders.addVouchers(order.vouchers);
  }
  setStatus(port, order, 'SUCCESS');
  sdkTransaction(port, order, 'COMPLETED');
}

export function markFailed(port: OrderPort, order: OrderRecord, failureReason: string): void {
  order.failureReason = failureReason;
  setStatus(port, order, 'FAILED');
  refund(port, order, 'FAILED');
  sdkTransaction(port, order, 'FAILED');
}

function stopSettlement(port: OrderPort, order: OrderRecord): void {
  order.settlement = null;
  port.orders.pending.delete(order);
}

/** PROCESSING → SUCCESS | FAILED, then Order Reached Terminal State (only ever sent for PROCESSING orders). */
export function finishProcessing(
  port: OrderPort,
  order: OrderRecord,
  to: 'SUCCESS' | 'FAILED',
  failureReason: string,
): void {
  stopSettlement(port, order);
  if (to === 'SUCCESS') markSuccess(port, order);
  else markFailed(port, order, failureReason);
  const client = port.client(order.clientId);
  if (client && order.wasProcessing) port.notify(client, 'ORDER_TERMINAL_STATE', orderTerminalPayload(order));
}

/** Admin: a manual reversal of a SUCCESS order, refunded by default. */
export function markReversed(port: OrderPort, order: OrderRecord): void {
  setStatus(port, order, 'REVERSED');
  refund(port, order, 'REVERSED');
  sdkTransaction(port, order, 'REVERSED');
  notifyAdminTransition(port, order);
}

/** Admin: cancel a PROCESSING or SUCCESS order (the docs name the status but no trigger), refunded by default. */
export function markCancelled(port: OrderPort, order: OrderRecord): void {
  stopSettlement(port, order);
  setStatus(port, order, 'CANCELLED');
  refund(port, order, 'CANCELLED');
  notifyAdminTransition(port, order);
}

function notifyAdminTransition(port: OrderPort, order: OrderRecord): void {
  if (!port.config.webhooks.notifyAdminTransitions) return;
  const client = port.client(order.clientId);
  if (client) port.notify(client, 'ORDER_TERMINAL_STATE', orderTerminalPayload(order));
}
