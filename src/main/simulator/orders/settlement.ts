import type { OrderPort } from './order-port.ts';
import { finishProcessing } from './transitions.ts';

/** Settles every PROCESSING order whose time has come on the simulator clock, earliest first. */
export function settleDue(port: OrderPort): void {
  for (const order of port.orders.due(port.now())) {
    const settlement = order.settlement;
    if (settlement) finishProcessing(port, order, settlement.to, settlement.failureReason);
  }
}
