import { z } from 'zod';
import type { SimEngine } from '../engine.ts';
import { SimError } from '../errors.ts';
import type { OrderRecord } from '../state/orders.ts';
import { finishProcessing, markCancelled, markReversed } from './transitions.ts';

export const settleRequestSchema = z
  .object({ status: z.enum(['SUCCESS', 'FAILED']), failureReason: z.string().min(1).max(500).optional() })
  .strict();

function requireOrder(engine: SimEngine, orderId: string): OrderRecord {
  const order = engine.state.orders.get(orderId);
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
export function reverseOrder(engine: SimEngine, orderId: string): OrderRecord {
  const order = requireOrder(engine, orderId);
  if (order.status !== 'SUCCESS') throw conflict(order, 'reverse');
  markReversed(engine, order);
  return order;
}

export function cancelOrder(engine: SimEngine, orderId: string): OrderRecord {
  const order = requireOrder(engine, orderId);
  if (order.status !== 'PROCESSING' && order.status !== 'SUCCESS') throw conflict(order, 'cancel');
  markCancelled(engine, order);
  return order;
}

/** Settles a PROCESSING order now, instead of waiting for its time. */
export function settleOrderNow(
  engine: SimEngine,
  orderId: string,
  request: z.infer<typeof settleRequestSchema>,
): OrderRecord {
  const order = requireOrder(engine, orderId);
  if (order.status !== 'PROCESSING') throw conflict(order, 'settle');
  finishProcessing(
    engine,
    order,
    request.status,
    request.failureReason ?? order.settlement?.failureReason ?? 'Voucher generation failed at the brand provider',
  );
  engine.armSettlementTimer();
  return order;
}
