import { z } from 'zod';
import { SimError } from '../errors.ts';
import type { OrderRecord } from '../state/orders.ts';
import type { OrderPort } from './order-port.ts';
import { finishProcessing, markCancelled, markReversed } from './transitions.ts';

export const settleRequestSchema = z
  .object({ status: z.enum(['SUCCESS', 'FAILED']), failureReason: z.string().min(1).max(500).optional() })
  .strict();

function requireOrder(port: OrderPort, orderId: string): OrderRecord {
  const order = port.orders.get(orderId);
  if (!order) throw new SimError('RESOURCE_NOT_FOUND', { debugMessage: `No order with id ${orderId}` });
  return order;
}

function conflict(order: OrderRecord, action: string): SimError {
  return new SimError('BAD_REQUEST', {
    status: 409,
    debugMessage: `Cannot ${action} order ${order.id}: it is ${order.status}`,
  });
}

/** Manual reversal, as Hubble's team does it: only a SUCCESS order can be reversed. */
export function reverseOrder(port: OrderPort, orderId: string): OrderRecord {
  const order = requireOrder(port, orderId);
  if (order.status !== 'SUCCESS') throw conflict(order, 'reverse');
  markReversed(port, order);
  return order;
}

export function cancelOrder(port: OrderPort, orderId: string): OrderRecord {
  const order = requireOrder(port, orderId);
  if (order.status !== 'PROCESSING' && order.status !== 'SUCCESS') throw conflict(order, 'cancel');
  markCancelled(port, order);
  return order;
}

/** Settles a PROCESSING order now, instead of waiting for its time. */
export function settleOrderNow(
  port: OrderPort,
  orderId: string,
  request: z.infer<typeof settleRequestSchema>,
): OrderRecord {
  const order = requireOrder(port, orderId);
  if (order.status !== 'PROCESSING') throw conflict(order, 'settle');
  finishProcessing(
    port,
    order,
    request.status,
    request.failureReason ?? order.settlement?.failureReason ?? 'Voucher generation failed at the brand provider',
  );
  port.settlementChanged();
  return order;
}
